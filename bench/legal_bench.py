"""Legal-metadata accuracy: the shared regulation corpus, the blind sets and real Undang-Undang.

Run with `make bench` (or `python bench/legal_bench.py [--only shared|blind|uu|relations]`).

1. The 28 regulations of the shared corpus against their ground truth, two readings of each:

- text layer only: the PDF's text, scanned pages left empty (a web upload before the
  background OCR, or a server without Tesseract);
- with OCR: scanned pages read by Tesseract first, the way `evidence-vault ingest` and the
  background worker read them (`stages.extract_text` then `stages.recognise_scans`,
  with the shipped `config.toml`, environment overrides ignored so the run is repeatable).

   A field counts as right when it equals the ground truth after normalising case and white
   space; the number is compared as the regulation's own number ("1" for
   "01/PER/M.KOMINFO/01/2010"); "tentang ~" also counts a title 90% similar (a word lost to a
   line break). Every miss is listed with both values.
2. The blind sets (tests/blind/: documents written by helpers who had not read the readers),
   rendered to PDF, DOCX and scans and read the way ingest reads them; `tune*` sets were used
   to tune the readers, `holdout` never (its misses are not printed).
3. Real Undang-Undang of the shared corpus (../shared/corpus/peraturan-text/uu, the path is the
   truth), rendered clean, lightly and heavily damaged (seed 4 was looked at while tuning,
   seed 11 never), and their amendment/repeal relations against the blind labels.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from difflib import SequenceMatcher
from pathlib import Path

from evidence_vault.config import Settings, load_settings
from evidence_vault.extract import detect_type, ocr_unavailable_reason
from evidence_vault.legal import read_legal
from evidence_vault.pipeline import stages

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations"
KIND_OF_TYPE = {"Undang-undang (UU)": "uu", "Peraturan Menteri Komunikasi dan Informatika": "permen"}
FIELDS = ["jenis", "nomor", "tahun", "tentang", "tentang ~", "tanggal_penetapan", "tempat_penetapan"]
ROOT = Path(__file__).resolve().parents[1]
UU_RUNS = [("docx", "none", 4), ("pdf", "light", 4), ("pdf", "heavy", 4), ("pdf", "heavy", 11)]
UU_SAMPLE = 60
MODES = {"text": "text layer only", "ocr": "with OCR of scanned pages (as `ingest` reads them)"}


def normal(value: object) -> str:
    return " ".join(str(value or "").lower().split())


def expected(row: dict[str, str]) -> dict[str, str]:
    return {
        "jenis": KIND_OF_TYPE.get(row["type"], row["type"]),
        "nomor": row["number"],
        "tahun": row["year"],
        "tentang": row["about"],
        "tentang ~": row["about"],
        "tanggal_penetapan": row["issue_date"],
        "tempat_penetapan": row["issue_place"],
    }


def found(metadata_values: dict[str, str | None]) -> dict[str, str | None]:
    return {
        "jenis": metadata_values.get("jenis"),
        "nomor": metadata_values.get("nomor_peraturan"),
        "tahun": metadata_values.get("tahun"),
        "tentang": metadata_values.get("tentang"),
        "tentang ~": metadata_values.get("tentang"),
        "tanggal_penetapan": metadata_values.get("tanggal_penetapan"),
        "tempat_penetapan": metadata_values.get("tempat_penetapan"),
    }


def values_of(pages: list[str]) -> dict[str, str | None]:
    metadata = read_legal(pages)
    return found({name: metadata.value(name) for name in metadata.fields})


def print_table(title: str, rows: list[dict[str, str]], right: dict[str, int], misses: list[str]) -> None:
    print(f"Legal metadata on {len(rows)} regulations, {title}:")
    for field in FIELDS:
        print(f"  {field:<18} {right[field]:>2}/{len(rows)}  {100 * right[field] / len(rows):5.1f}%")
    print("Misses:")
    print("\n".join(misses) or "  none")


def same(field: str, found_value: object, wanted: object) -> bool:
    if field == "tentang ~":
        return SequenceMatcher(None, normal(found_value), normal(wanted)).ratio() >= 0.9
    return normal(found_value) == normal(wanted)


def shared_corpus() -> int:
    truth_file = CORPUS / "ground_truth.json"
    if not truth_file.exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    settings = load_settings(environ={})
    no_ocr = ocr_unavailable_reason(stages.ocr_options_from(settings))
    rows = json.loads(truth_file.read_text(encoding="utf-8"))
    right = {mode: dict.fromkeys(FIELDS, 0) for mode in MODES}
    misses: dict[str, list[str]] = {mode: [] for mode in MODES}
    scanned: list[str] = []
    for row in rows:
        path = CORPUS / row["file"]
        file_type = detect_type(path)
        extraction = stages.extract_text(path, file_type, settings)
        readings = {"text": values_of([page.text for page in extraction.pages])}
        if not no_ocr:
            if extraction.waiting_pages:
                extraction = stages.recognise_scans(path, file_type, extraction, settings)
                scanned += [f"  {row['file']:<28} page {page.number:>2}: mean confidence {page.ocr_confidence:.0%}"
                            if page.ocr_applied else f"  {row['file']:<28} page {page.number:>2}: not read"
                            for page in extraction.pages if page.needs_ocr or page.ocr_applied]
                readings["ocr"] = values_of([page.text for page in extraction.pages])
            else:
                readings["ocr"] = readings["text"]
        for mode, values in readings.items():
            for field, wanted in expected(row).items():
                if same(field, values[field], wanted):
                    right[mode][field] += 1
                else:
                    misses[mode].append(f"  {row['file']:<28} {field:<18} got {values[field]!r}, expected {wanted!r}")
    print_table(MODES["text"], rows, right["text"], misses["text"])
    print()
    if no_ocr:
        print(f"With OCR: not measured, OCR cannot run here: {no_ocr}")
        return 0
    print_table(MODES["ocr"], rows, right["ocr"], misses["ocr"])
    print("Pages read by OCR:")
    print("\n".join(scanned) or "  none")
    return 0


def blind_sets(settings: Settings) -> None:
    from tests.reading_accuracy import BLIND, measure

    for name in ("legal-instruments", "evidence-documents"):
        for split in ("tune", "tune2", "tune3", "holdout", "holdout2"):
            folder = BLIND / name / split
            if not folder.exists():
                continue
            score = measure(folder, settings, Path(tempfile.mkdtemp()))
            kind = "never tuned on" if split.startswith("holdout") else "tuned on"
            print(f"Blind set {name}/{split} ({score.documents} documents, {kind}):")
            print("\n".join(score.table()))


def real_statutes(settings: Settings) -> None:
    from tests.blind import uu_corpus
    from tests.reading_accuracy import measure_uu

    if not uu_corpus.ROOT.exists():
        print(f"Undang-Undang corpus not found at {uu_corpus.ROOT}")
        return
    for render, damage, seed in UU_RUNS:
        paths = uu_corpus.sample(UU_SAMPLE, seed)
        score = measure_uu(paths, settings, Path(tempfile.mkdtemp()), render, damage)
        looked = "looked at while tuning" if (damage, seed) != ("heavy", 11) else "never tuned on"
        print(f"{UU_SAMPLE} real Undang-Undang, {render}, damage {damage}, seed {seed} ({looked}):")
        print("\n".join(score.table()))


def statute_relations(settings: Settings) -> None:
    from tests.reading_accuracy import measure_uu_relations

    for split in ("tune", "holdout"):
        score = measure_uu_relations(split, settings, Path(tempfile.mkdtemp()))
        print(f"Amendment and repeal relations of real Undang-Undang, {split} labels:")
        print("\n".join(score.table()))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Legal-metadata accuracy: shared regulations, blind sets, "
                                                 "real Undang-Undang under OCR damage, their relations.")
    parser.add_argument("--only", choices=("shared", "blind", "uu", "relations"), help="measure one part only")
    only = parser.parse_args(argv).only
    settings = load_settings(environ={})
    status = 0
    if only in (None, "shared"):
        status = shared_corpus()
    sys.path.insert(0, str(ROOT))  # the blind sets and their measure live in tests/
    for name, part in (("blind", blind_sets), ("uu", real_statutes), ("relations", statute_relations)):
        if only in (None, name):
            print()
            part(settings)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
