"""Legal metadata on the real regulations: accuracy must not fall below what was measured.

Measured on 2026-11-28 (bench/legal_bench.py): jenis 28, nomor 26, tahun 28, tentang 26,
tanggal penetapan 27 of 28. The misses are explained in README.md.
"""

from __future__ import annotations

import json

import pytest

from evidence_vault import pipeline
from evidence_vault.config import Settings

from .conftest import CORPUS, require_corpus

pytestmark = pytest.mark.corpus
REGULATIONS = CORPUS / "regulations"
FLOORS = {"jenis": 28, "nomor": 26, "tahun": 28, "tentang": 26, "tanggal_penetapan": 27}
KIND = {"Undang-undang (UU)": "uu", "Peraturan Menteri Komunikasi dan Informatika": "permen"}


def normal(value: object) -> str:
    return " ".join(str(value or "").lower().split())


def test_accuracy_floors(settings: Settings) -> None:
    require_corpus(REGULATIONS)
    right = dict.fromkeys(FLOORS, 0)
    for row in json.loads((REGULATIONS / "ground_truth.json").read_text(encoding="utf-8")):
        values = pipeline.analyse(REGULATIONS / row["file"], settings).metadata_values
        got = {"jenis": values.get("jenis"), "nomor": values.get("nomor_peraturan"), "tahun": values.get("tahun"),
               "tentang": values.get("tentang"), "tanggal_penetapan": values.get("tanggal_penetapan")}
        wanted = {"jenis": KIND[row["type"]], "nomor": row["number"], "tahun": row["year"],
                  "tentang": row["about"], "tanggal_penetapan": row["issue_date"]}
        for field in FLOORS:
            right[field] += normal(got[field]) == normal(wanted[field])
    assert right == {field: max(right[field], floor) for field, floor in FLOORS.items()}, right
