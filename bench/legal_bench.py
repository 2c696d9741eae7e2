"""Legal-metadata accuracy on the shared regulation corpus, against its ground truth.

Run with `make bench`. Two readings of each regulation, in the same run:

- text layer only: the PDF's text, scanned pages left empty (a web upload before the
  background OCR, or a server without Tesseract);
- with OCR: scanned pages read by Tesseract first, the way `evidence-vault ingest` and the
  background worker read them (`stages.extract_text` then `stages.recognise_scans`,
  with the shipped `config.toml`, environment overrides ignored so the run is repeatable).

A field counts as right when it equals the ground truth after normalising case and white
space; the number is compared as the regulation's own number ("1" for
"01/PER/M.KOMINFO/01/2010"). Every miss is listed with both values.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from evidence_vault.config import load_settings
from evidence_vault.extract import detect_type, ocr_unavailable_reason
from evidence_vault.legal import read_legal
from evidence_vault.pipeline import stages

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations"
KIND_OF_TYPE = {"Undang-undang (UU)": "uu", "Peraturan Menteri Komunikasi dan Informatika": "permen"}
FIELDS = ["jenis", "nomor", "tahun", "tentang", "tanggal_penetapan", "tempat_penetapan"]
MODES = {"text": "text layer only", "ocr": "with OCR of scanned pages (as `ingest` reads them)"}


def normal(value: object) -> str:
    return " ".join(str(value or "").lower().split())


def expected(row: dict[str, str]) -> dict[str, str]:
    return {
        "jenis": KIND_OF_TYPE.get(row["type"], row["type"]),
        "nomor": row["number"],
        "tahun": row["year"],
        "tentang": row["about"],
        "tanggal_penetapan": row["issue_date"],
        "tempat_penetapan": row["issue_place"],
    }


def found(metadata_values: dict[str, str | None]) -> dict[str, str | None]:
    return {
        "jenis": metadata_values.get("jenis"),
        "nomor": metadata_values.get("nomor_peraturan"),
        "tahun": metadata_values.get("tahun"),
        "tentang": metadata_values.get("tentang"),
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


def main() -> int:
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
                if normal(values[field]) == normal(wanted):
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


if __name__ == "__main__":
    sys.exit(main())
