"""Blind audit scenarios: a body's documents ingested for real, linked and claimed, then audited and scored.

Each scenario folder (tests/blind/audit-*/<split>/<name>/) holds document specs, their truth
and `scenario.toml`: the organisation, the period and its assessment date, the claims, the
links a coordinator made and what an experienced assessor concluded per indicator (the
supported level, the findings that must and must not be raised). The documents go through
the path `evidence-vault ingest` takes (rendered files, OCR of scans, bulk ingest); the
links and claims through the same record functions the web uses; then `audit.run_audit`.
Shared by the conformance tests and `bench/audit_bench.py`.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault import audit, db
from evidence_vault.config import Settings
from evidence_vault.frameworks.registry import framework_by_code
from evidence_vault.models import Document
from evidence_vault.pipeline import bulk
from evidence_vault.records import claims, external, links, organisations, periods

from .blind import render

BLIND = Path(__file__).resolve().parent / "blind"
KINDS = {"regency": "regency", "city": "city", "province": "province", "agency": "agency"}


@dataclass
class ScenarioScore:
    """Expectations met: levels exact, required findings raised, forbidden findings absent."""

    levels: Counter[str] = field(default_factory=Counter)  # right, total
    index: Counter[str] = field(default_factory=Counter)  # right, total, bands_right, bands
    findings: Counter[str] = field(default_factory=Counter)  # raised, expected, wrongly raised
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        index = (f", index {self.index['right']}/{self.index['total']}, predikat "
                 f"{self.index['bands_right']}/{self.index['bands']}") if self.index["total"] else ""
        return (f"levels {self.levels['right']}/{self.levels['total']}, findings raised "
                f"{self.findings['raised']}/{self.findings['expected']}, contradicting {self.findings['wrong']}{index}")

    def add(self, other: ScenarioScore) -> None:
        self.levels.update(other.levels)
        self.index.update(other.index)
        self.findings.update(other.findings)
        self.misses += other.misses


def scenarios(root: Path) -> list[Path]:
    return sorted(path.parent for path in root.glob("*/scenario.toml"))


def run_scenario(folder: Path, engine: Engine, settings: Settings, work: Path) -> ScenarioScore:
    """Ingest, link, claim, audit one scenario and score it against its expectations."""
    spec = tomllib.loads((folder / "scenario.toml").read_text(encoding="utf-8"))
    work.mkdir(parents=True, exist_ok=True)
    files = {spec_path.stem: render.render(spec_path, work / spec_path.stem) for spec_path in folder.glob("*.txt")}
    with db.session_scope(engine) as session:
        organisation = organisations.create_organisation(session, spec["organisation"], KINDS[spec["kind"]],
                                                         code=folder.name[:40], region=spec.get("region", ""))
        period = periods.create_period(session, organisation, spec["year"], spec["framework"],
                                       as_of=date.fromisoformat(spec["as_of"]))
        organisation_id, period_id = organisation.id, period.id
    documents = _ingest(engine, settings, files, organisation_id)
    with db.session_scope(engine) as session:
        period = session.get(periods.AssessmentPeriod, period_id)
        framework = framework_by_code(spec["framework"])
        for claim in spec.get("claims", []):
            if not framework.indicator(str(claim["indicator"])).criteria:
                continue  # its value is the one received from the other agency's index, not claimed
            claims.set_claim(session, period, str(claim["indicator"]), claim["level"], "", actor_id=None)
        for link in spec.get("links", []):
            for name in link["documents"]:
                document = session.get(Document, documents[name])
                links.link(session, document, spec["framework"], str(link["indicator"]), links.LinkDetails(),
                           actor_id=None)
        for received in spec.get("external", []):
            source = documents.get(received.get("source", ""))
            external.set_value(session, period, str(received["indicator"]), float(received["value"]), source, "",
                               actor_id=None)
    score = ScenarioScore()
    with Session(engine) as session:
        organisation = organisations.get_by_code(session, folder.name[:40])
        for expected in spec.get("expected", []):
            as_of = date.fromisoformat(expected.get("as_of", spec["as_of"]))
            result = audit.run_audit(session, organisation, spec["year"], as_of)
            _score(score, folder.name, expected, result, as_of)
        if "expected_index" in spec:
            _score_index(score, folder.name, spec, audit.run_audit(session, organisation, spec["year"]))
    return score


def _score_index(score: ScenarioScore, scenario: str, spec: dict[str, Any], result: audit.AuditResult) -> None:
    """The predicted index (to 2 decimals, as published) and its predikat."""
    score.index["total"] += 1
    if round(result.supported_index, 2) == round(float(spec["expected_index"]), 2):
        score.index["right"] += 1
    else:
        score.misses.append(f"{scenario}: index {result.supported_index:.4f}, expected {spec['expected_index']}")
    if "expected_predikat" in spec:
        score.index["bands"] += 1
        if result.supported_band == spec["expected_predikat"]:
            score.index["bands_right"] += 1
        else:
            score.misses.append(f"{scenario}: predikat {result.supported_band}, expected {spec['expected_predikat']}")


def _ingest(engine: Engine, settings: Settings, files: dict[str, Path], organisation_id: int) -> dict[str, int]:
    batch = bulk.ingest_files(engine, settings, list(files.values()), organisation_id, None, workers=2)
    by_path = {}
    with closing(batch):
        for path, result in batch:
            by_path[path] = result.document_id
    names = {path: name for name, path in files.items()}
    found = {names[path]: document_id for path, document_id in by_path.items() if document_id is not None}
    missing = set(files) - set(found)
    assert not missing, f"not ingested: {missing}"
    return found


def _score(score: ScenarioScore, scenario: str, expected: dict[str, Any], result: audit.AuditResult,
           as_of: date) -> None:
    item = next(entry for entry in result.indicators if entry.code == str(expected["indicator"]))
    where = f"{scenario} ind {item.code} @ {as_of.isoformat()}"
    score.levels["total"] += 1
    supported = item.supported
    if abs(float(supported) - float(expected["level"])) < 1e-6:
        score.levels["right"] += 1
    else:
        score.misses.append(f"{where}: level {supported}, expected {expected['level']} "
                            f"({expected.get('first_unmet')}); vault says: {item.next_missing}")
    raised = {finding.code for finding in item.findings}
    for code in expected.get("findings", []):
        score.findings["expected"] += 1
        if code in raised:
            score.findings["raised"] += 1
        else:
            score.misses.append(f"{where}: finding {code} not raised")
    for code in expected.get("not_findings", []):
        if code in raised:
            score.findings["wrong"] += 1
            score.misses.append(f"{where}: finding {code} raised, contradicting the assessor")


def run_set(root: Path, engine: Engine, settings: Settings, work: Path) -> tuple[ScenarioScore, dict[str, str]]:
    """Every scenario under `root`; the total score and one line per scenario."""
    total, lines = ScenarioScore(), {}
    for folder in scenarios(root):
        score = run_scenario(folder, engine, settings, work / folder.name)
        total.add(score)
        lines[folder.name] = score.line()
    return total, lines


def documents_of(session: Session, organisation_id: int) -> list[Document]:
    return list(session.exec(select(Document).where(Document.organisation_id == organisation_id)))
