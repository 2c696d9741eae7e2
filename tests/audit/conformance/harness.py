"""What every conformance table does: one vault, one bulk ingest, then each case linked, audited, checked.

One organisation, Kabupaten Sindangraja, gets every document of a corpus in one bulk ingest
(rendered PDF, DOCX, scanned PDF and a photographed page, read with OCR where there is no text
layer). Each case then does what a coordinator does: links its documents to the indicator
through `records.links` (a reviewer verifies some of them), audits the period of its framework
as of its assessment date (the period's own date, a date passed to `audit.run_audit`, or the
period's date moved with `periods.set_as_of`), checks the supported level, the documents used,
the reason of the first unmet requirement and the findings, and unlinks them again.

Reading runs in-process (`extract.isolate = false`): the same readers and OCR, without the
per-file child process that only bounds time and memory on hostile files (it costs about 2 s
a file here).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from evidence_vault import audit, db
from evidence_vault.config import load_settings
from evidence_vault.models import AssessmentPeriod, Document, Organisation
from evidence_vault.pipeline import bulk
from evidence_vault.records import legal_fields, links, organisations, periods

from ...blind import render
from .corpus import Doc
from .table import Case


@dataclass(frozen=True)
class Period:
    id: int
    year: int
    as_of: date  # the period's default assessment date


@dataclass
class Vault:
    engine: Engine
    organisation_id: int
    periods: dict[str, Period]  # framework code -> its period
    ids: dict[str, int]  # document name in the corpus -> document id


def build_vault(folder: Path, documents: Mapping[str, Doc], years: Mapping[str, int]) -> Vault:
    """Sindangraja with a period per framework (`years`: framework -> year) and every document ingested."""
    settings = load_settings(environ={"EVIDENCE_VAULT_STORAGE_DIR": str(folder / "storage"),
                                      "EVIDENCE_VAULT_EXTRACT_ISOLATE": "false"})
    engine = db.make_engine(settings)
    db.upgrade(engine)
    with db.session_scope(engine) as session:
        organisation = organisations.create_organisation(session, "Kabupaten Sindangraja", "regency",
                                                         code="sindangraja", region="Jawa Barat")
        made = {code: periods.create_period(session, organisation, year, code) for code, year in years.items()}
        organisation_id = organisation.id
        by_framework = {code: Period(period.id, period.year, period.as_of) for code, period in made.items()}
    files = {name: _render(name, doc, folder / "files") for name, doc in documents.items()}
    names = {path: name for name, path in files.items()}
    ids: dict[str, int] = {}
    with closing(bulk.ingest_files(engine, settings, list(files.values()), organisation_id, None, workers=2)) as batch:
        for path, result in batch:
            if result.document_id is not None:
                ids[names[path]] = result.document_id
    assert set(ids) == set(files), f"not ingested: {sorted(set(files) - set(ids))}"
    return Vault(engine, organisation_id, by_framework, ids)


def _render(name: str, doc: Doc, folder: Path) -> Path:
    seed = sum(map(ord, name))
    return render.render_text(doc.text, doc.render, folder / f"{name}.{doc.extension}", seed=seed)


def read_as_written(vault: Vault, name: str, doc: Doc) -> None:
    """The document is read as what it is (otherwise a case would test the reader, not the rules)."""
    with Session(vault.engine) as session:
        document = session.get(Document, vault.ids[name])
        assert document is not None
        values = legal_fields.values_of(session, document.id)
        read = (document.kind, document.legal_status)
    assert read == (doc.kind, doc.status), f"{name} ({doc.render}) read as {read}: {values}"


@contextmanager
def linked(vault: Vault, framework: str, indicator: str, names: tuple[str, ...], *,
           verify: bool = False) -> Iterator[None]:
    """The documents linked to the indicator as a coordinator does (and verified when asked); unlinked after."""
    try:
        with db.session_scope(vault.engine) as session:
            for name in names:
                document = session.get(Document, vault.ids[name])
                link = links.link(session, document, framework, indicator, links.LinkDetails(), actor_id=None)
                if verify:
                    links.verify(session, document, link.id, actor_id=None)
        yield
    finally:
        with db.session_scope(vault.engine) as session:
            for link, document in links.links_of_indicator(session, [vault.organisation_id], framework, [indicator]):
                if link.state in (links.CONFIRMED, links.VERIFIED):
                    links.remove(session, document, link.id, actor_id=None)


@contextmanager
def period_dated(vault: Vault, framework: str, day: date) -> Iterator[None]:
    """The period's own assessment date moved by a coordinator, and moved back after."""
    period_id = vault.periods[framework].id
    with db.session_scope(vault.engine) as session:
        period = session.get(AssessmentPeriod, period_id)
        original = period.as_of
        periods.set_as_of(session, period, day, actor_id=None)
    try:
        yield
    finally:
        with db.session_scope(vault.engine) as session:
            periods.set_as_of(session, session.get(AssessmentPeriod, period_id), original, actor_id=None)


def audit_of(vault: Vault, framework: str, day: date | None = None) -> audit.AuditResult:
    """The audit of the framework's period, as of its own date or of `day`."""
    period = vault.periods[framework]
    with Session(vault.engine) as session:
        organisation = session.get(Organisation, vault.organisation_id)
        result = audit.run_audit(session, organisation, period.year, assessed_on=day)
    assert result.framework == framework
    return result


def audited(vault: Vault, case: Case, day: date, *, on_period: bool) -> audit.IndicatorResult:
    result = audit_of(vault, case.framework, None if on_period else day)
    assert result.assessed_on == day
    return next(item for item in result.indicators if item.code == case.indicator)


def params(cases: list[Case]) -> list:
    """Each case a test; a case the engine gets wrong is kept, marked xfail(strict=True) with the defect."""
    out = []
    for case in cases:
        marks = [pytest.mark.xfail(strict=True, reason=case.defect)] if case.defect else []
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


def check_case(vault: Vault, case: Case) -> None:
    """Link, audit on every date of the case, compare with what the rule as written says."""
    by_id = {document_id: name for name, document_id in vault.ids.items()}
    default = vault.periods[case.framework].as_of
    problems = []
    with linked(vault, case.framework, case.indicator, case.documents, verify=case.verify):
        for n, (day, expected) in enumerate(case.dates):
            if n and case.period_as_of:
                with period_dated(vault, case.framework, day):
                    item = audited(vault, case, day, on_period=True)
            else:
                item = audited(vault, case, day, on_period=day == default)
            used = [by_id.get(document_id, document_id) for document_id in item.used]
            said = (f"on {day}: supported {item.supported:g}, expected {expected}; used {used}; "
                    f"first_unmet {item.first_unmet}; {item.explanation}")
            if item.supported != expected:
                problems.append(said)
            if n:
                continue
            problems += _details(vault, case, item, used, said)
    assert not problems, f"{case.id} ({case.role} {case.cell_level}): " + "\n".join(problems)


def _details(vault: Vault, case: Case, item: audit.IndicatorResult, used: list, said: str) -> list[str]:
    """What the explanation must say on the main date: the documents used, the true reason, the findings."""
    problems = []
    if case.reason and item.first_unmet != case.reason:
        problems.append(f"first_unmet {item.first_unmet!r}, expected {case.reason!r} ({said})")
    if missing := [name for name in case.used if name not in used]:
        problems.append(f"not among the documents used: {missing} ({said})")
    if wrong := [name for name in case.not_used if name in used]:
        problems.append(f"used although it must not count: {wrong} ({said})")
    with Session(vault.engine) as session:
        titles = {name: session.get(Document, vault.ids[name]).title for name in case.used}
    if unnamed := [name for name, title in titles.items() if title not in item.explanation]:
        problems.append(f"the explanation does not name {unnamed}: {item.explanation!r}")
    raised = {finding.code for finding in item.findings}
    if absent := [code for code in case.findings if code not in raised]:
        problems.append(f"findings {absent} not raised (raised: {sorted(raised)})")
    return problems
