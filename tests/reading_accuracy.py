"""How well the vault reads documents it was not written with: per-field accuracy against ground truth.

Shared by the accuracy tests (floors) and `bench/legal_bench.py` (figures). Documents are read
the way `evidence-vault ingest` reads them (`stages.analyse(..., ocr=True)`: text layer, then
Tesseract on scanned pages), from files rendered out of the blind specs in `tests/blind/`.

A field is scored only on documents whose truth gives it a value ("recall"); where the truth
says the document carries no such value and the vault still reports one, that is counted
apart as a false value. Subjects and names count as right at a similarity of 0.9 or more
(OCR slips in a long title are not a wrong title).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from evidence_vault.config import Settings
from evidence_vault.pipeline import stages

from .blind import render

BLIND = Path(__file__).resolve().parent / "blind"
CORE = ("jenis", "nomor", "tahun", "tentang", "tanggal_penetapan")
FIELDS = (*CORE, "status", "penandatangan_nama", "tempat_penetapan", "tanggal_pengundangan", "tanggal_dokumen",
          "teu_badan", "relations")
SIMILAR = 0.9


def normal(value: object) -> str:
    return " ".join(str(value if value is not None else "").lower().split())


def similar(a: object, b: object) -> bool:
    left, right = normal(a), normal(b)
    return bool(left) and SequenceMatcher(None, left, right).ratio() >= SIMILAR


def _number(value: object) -> str:
    return re.sub(r"\s+", "", normal(value))


def same_number(wanted: object, values: dict[str, str | None]) -> bool:
    """The regulation's own number ("12") or the number as printed ("188.45/123/HK/2023")."""
    return _number(wanted) in {_number(values.get("nomor_peraturan")), _number(values.get("nomor"))}


def _same_body(wanted: object, found: object) -> bool:
    words = lambda text: set(re.findall(r"[a-z]+", normal(text))) - {"pemerintah", "dan"}  # noqa: E731
    theirs, ours = words(wanted), words(found)
    return bool(theirs) and bool(ours) and (theirs <= ours or ours <= theirs)


def _relations(truth: list[dict[str, Any]], metadata: Any) -> tuple[set[tuple], set[tuple]]:
    wanted = {(item["relation"], str(item["nomor"]), int(item["tahun"])) for item in truth or []
              if item.get("nomor") and item.get("tahun")}
    found = {(relation.relation, str(relation.citation.number), int(relation.citation.year))
             for relation in metadata.relations if relation.relation in ("mengubah", "mencabut")}
    return wanted, found


COMPARE: dict[str, Callable[[object, dict[str, str | None]], bool]] = {
    "jenis": lambda wanted, values: normal(wanted) == normal(values.get("jenis")),
    "nomor": same_number,
    "tahun": lambda wanted, values: normal(wanted) == normal(values.get("tahun")),
    "tentang": lambda wanted, values: similar(wanted, values.get("tentang")),
    "tanggal_penetapan": lambda wanted, values: normal(wanted) == normal(values.get("tanggal_penetapan")),
    "status": lambda wanted, values: normal(wanted) == normal(values.get("status")),
    "penandatangan_nama": lambda wanted, values: similar(wanted, values.get("penandatangan_nama")),
    "tempat_penetapan": lambda wanted, values: normal(wanted) == normal(values.get("tempat_penetapan")),
    "tanggal_pengundangan": lambda wanted, values: normal(wanted) == normal(values.get("tanggal_pengundangan")),
    "tanggal_dokumen": lambda wanted, values: normal(wanted) == normal(values.get("tanggal_dokumen")),
    "teu_badan": lambda wanted, values: _same_body(wanted, values.get("teu_badan")),
}
OWN_NAME = {"nomor": "nomor_peraturan"}
TRUTH_NAME = {"jenis": "kind"}


@dataclass
class Score:
    """Per field: documents scored, right, false values; misses listed for reading (never for holdout tuning)."""

    scored: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    false_values: Counter[str] = field(default_factory=Counter)
    relation_counts: Counter[str] = field(default_factory=Counter)  # true positives, found, wanted
    misses: list[str] = field(default_factory=list)
    documents: int = 0

    def add(self, name: str, truth: dict[str, Any], analysis: stages.Analysis) -> None:
        self.documents += 1
        values = analysis.metadata_values
        for key, compare in COMPARE.items():
            wanted = truth.get(TRUTH_NAME.get(key, key))
            if wanted in (None, ""):
                if values.get(OWN_NAME.get(key, key)) not in (None, "") and key in ("status", "nomor", "tahun",
                                                                                    "tanggal_penetapan"):
                    self.false_values[key] += 1
                    self.misses.append(f"{name}: {key} should be empty, got {values.get(OWN_NAME.get(key, key))!r}")
                continue
            self.scored[key] += 1
            if compare(wanted, values):
                self.right[key] += 1
            else:
                got = {k: values.get(k) for k in ("nomor", "nomor_peraturan")} if key == "nomor" else values.get(key)
                self.misses.append(f"{name}: {key} expected {wanted!r}, got {got!r}")
        wanted_relations, found_relations = _relations(truth.get("relations") or [], analysis.metadata)
        self.relation_counts.update(true=len(wanted_relations & found_relations), found=len(found_relations),
                                    wanted=len(wanted_relations))
        for missing in sorted(wanted_relations - found_relations):
            self.misses.append(f"{name}: relation {missing} not found")
        for extra in sorted(found_relations - wanted_relations):
            self.misses.append(f"{name}: relation {extra} is not in the truth")

    def accuracy(self, key: str) -> float | None:
        return self.right[key] / self.scored[key] if self.scored[key] else None

    def table(self) -> list[str]:
        lines = []
        for key in COMPARE:
            if self.scored[key]:
                note = f"  ({self.false_values[key]} false values)" if self.false_values[key] else ""
                lines.append(f"  {key:<22} {self.right[key]:>3}/{self.scored[key]:<3} {self.accuracy(key):6.3f}{note}")
        counts = self.relation_counts
        if counts["wanted"] or counts["found"]:
            precision = counts["true"] / counts["found"] if counts["found"] else 1.0
            recall = counts["true"] / counts["wanted"] if counts["wanted"] else 1.0
            lines.append(f"  relations              precision {precision:.3f} ({counts['true']}/{counts['found']}), "
                         f"recall {recall:.3f} ({counts['true']}/{counts['wanted']})")
        return lines


def specs(folder: Path) -> Iterable[tuple[str, Path, dict[str, Any]]]:
    """(id, spec file, truth) for every document of a blind folder with a truth.json."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    for identifier, expected in sorted(truth.items()):
        yield identifier, folder / f"{identifier}.txt", expected


def measure(folder: Path, settings: Settings, out_dir: Path, score: Score | None = None) -> Score:
    """Render every spec of `folder`, read it as ingest does, and score it against truth.json."""
    score = score or Score()
    out_dir.mkdir(parents=True, exist_ok=True)
    for identifier, spec, truth in specs(folder):
        path = render.render(spec, out_dir / identifier)
        score.add(f"{folder.parent.name}/{folder.name}/{identifier}", truth, stages.analyse(path, settings, ocr=True))
    return score
