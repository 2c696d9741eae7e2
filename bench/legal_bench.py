"""Legal-metadata accuracy on the shared regulation corpus, against its ground truth.

Run with `make bench`. A field counts as right when it equals the ground truth after
normalising case and white space; the number is compared as the regulation's own
number ("1" for "01/PER/M.KOMINFO/01/2010"). Every miss is listed with both values.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from evidence_vault.extract import Limits, detect_type, extract_file
from evidence_vault.legal import read_legal

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations"
KIND_OF_TYPE = {"Undang-undang (UU)": "uu", "Peraturan Menteri Komunikasi dan Informatika": "permen"}
FIELDS = ["jenis", "nomor", "tahun", "tentang", "tanggal_penetapan", "tempat_penetapan"]


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


def main() -> int:
    truth_file = CORPUS / "ground_truth.json"
    if not truth_file.exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    rows = json.loads(truth_file.read_text(encoding="utf-8"))
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for row in rows:
        path = CORPUS / row["file"]
        extraction = extract_file(path, detect_type(path), Limits(isolate=False))
        metadata = read_legal([page.text for page in extraction.pages])
        values = found({name: metadata.value(name) for name in metadata.fields})
        for field, wanted in expected(row).items():
            if normal(values[field]) == normal(wanted):
                right[field] += 1
            else:
                misses.append(f"  {row['file']:<28} {field:<18} got {values[field]!r}, expected {wanted!r}")
    print(f"Legal metadata on {len(rows)} regulations:")
    for field in FIELDS:
        print(f"  {field:<18} {right[field]:>2}/{len(rows)}  {100 * right[field] / len(rows):5.1f}%")
    print("Misses:")
    print("\n".join(misses) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
