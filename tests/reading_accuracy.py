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


def character_accuracy(expected: str, found: str) -> float:
    """1 - edit distance / length, over text with spaces normalised: how well OCR read a page."""
    expected, found = " ".join(expected.split()), " ".join(found.split())
    previous = list(range(len(found) + 1))
    for i, wanted in enumerate(expected, 1):
        current = [i]
        for j, got in enumerate(found, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (wanted != got)))
        previous = current
    return max(0.0, 1 - previous[-1] / len(expected))


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
             for relation in metadata.relations if relation.relation in ("mengubah", "mencabut")
             and relation.citation.number and relation.citation.year}
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
            if TRUTH_NAME.get(key, key) not in truth:
                continue  # not labelled at all (the UU corpus labels four fields), unlike null: labelled absent
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
        if "relations" not in truth:
            return
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


UU_RELATIONS = BLIND / "uu-relations" / "truth.json"
RELATIONS = {"mengubah": "mengubah", "mencabut": "mencabut", "mencabut_sebagian": "mencabut"}


# Some corpus files run the blessing into the heading ("... DENGAN RACHMAT TUHAN JANG MAHA ESA"); it is no
# part of the subject, so the truth taken from the file is cut there before comparing.
_BLESSING = re.compile(r"\s*DENGAN\s+RA[CK]?H?MAT\s+TUHAN.*$", re.IGNORECASE)


def measure_uu(paths: list[Path], settings: Settings, out_dir: Path, render_kind: str, damage: str,
               score: Score | None = None) -> Score:
    """Real Undang-Undang rendered as `render_kind` with `damage`, read as ingest reads them; the path is the truth."""
    from .blind import uu_corpus

    score = score or Score()
    out_dir.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(paths):
        expected = uu_corpus.truth(path)
        subject = _BLESSING.sub("", expected["tentang"] or "") or None
        truth = {"kind": "uu", "nomor": expected["nomor"], "tahun": expected["tahun"], "tentang": subject}
        document = uu_corpus.as_document(path, render_kind, damage, index, out_dir)
        score.add(f"uu/{path.parent.name}/{path.name} ({render_kind}, {damage})", truth,
                  stages.analyse(document, settings, ocr=True))
    return score


@dataclass
class RelationScore:
    """Amendments and repeals found against the blind labels: precision over all found, recall over
    the labelled relations whose target statute is itself in the corpus."""

    found: int = 0
    right: int = 0
    wanted: int = 0
    recalled: int = 0
    misses: list[str] = field(default_factory=list)

    def table(self) -> list[str]:
        precision = self.right / self.found if self.found else 1.0
        recall = self.recalled / self.wanted if self.wanted else 1.0
        return [f"  relations              precision {precision:.3f} ({self.right}/{self.found}), "
                f"recall {recall:.3f} ({self.recalled}/{self.wanted})"]


def measure_uu_relations(split: str, settings: Settings, out_dir: Path) -> RelationScore:
    """Every labelled statute of a split, rendered whole as DOCX, its amend/repeal relations read and scored."""
    from .blind import uu_corpus

    labels = json.loads(UU_RELATIONS.read_text(encoding="utf-8"))[split]
    score = RelationScore()
    out_dir.mkdir(parents=True, exist_ok=True)
    for index, (name, label) in enumerate(sorted(labels.items())):
        path = uu_corpus.ROOT / name
        try:
            document = uu_corpus.as_document(path, "docx", "none", index, out_dir, max_chars=10**7)
        except ValueError:
            continue  # a statute whose text has no usable heading (the adapter says so)
        metadata = stages.analyse(document, settings).metadata
        truth = {(RELATIONS[item["relation"]], str(item["nomor"]), int(item["tahun"]))
                 for item in label["relations"] if item["relation"] in RELATIONS and item["nomor"] and item["tahun"]}
        wanted = {(RELATIONS[item["relation"]], str(item["nomor"]), int(item["tahun"]))
                  for item in label["relations"] if item.get("in_corpus") and item["relation"] in RELATIONS
                  and item["nomor"] and item["tahun"]}
        found = {(relation.relation, str(relation.citation.number), int(relation.citation.year))
                 for relation in metadata.relations if relation.relation in ("mengubah", "mencabut")
                 and relation.citation.number and relation.citation.year}
        score.found += len(found)
        score.right += len(found & truth)
        score.wanted += len(wanted)
        score.recalled += len(wanted & found)
        score.misses += [f"{name}: relation {item} not found" for item in sorted(wanted - found)]
        score.misses += [f"{name}: relation {item} is not in the labels" for item in sorted(found - truth)]
    return score
