"""Legal metadata on the real regulations: accuracy must not fall below what was measured.

Measured on 2026-12-06 (bench/legal_bench.py), of 28: text layer only jenis 28, nomor 26,
tahun 28, tentang 26, tanggal and tempat penetapan 27; with OCR of the scanned pages, as
`evidence-vault ingest` reads them, nomor 27 and tanggal and tempat penetapan 28. The
misses are explained in docs/benchmarks.md.
"""

from __future__ import annotations

import json

import pytest

from evidence_vault.config import Settings
from evidence_vault.pipeline import stages

from ..conftest import CORPUS, require_corpus
from ..pipeline.test_ocr import require_tesseract

pytestmark = pytest.mark.corpus
REGULATIONS = CORPUS / "regulations"
FLOORS = {"jenis": 28, "nomor": 26, "tahun": 28, "tentang": 26, "tanggal_penetapan": 27, "tempat_penetapan": 27}
FLOORS_WITH_OCR = {**FLOORS, "nomor": 27, "tanggal_penetapan": 28, "tempat_penetapan": 28}
KIND = {"Undang-undang (UU)": "uu", "Peraturan Menteri Komunikasi dan Informatika": "permen"}
_text_layer: dict[str, stages.Analysis] = {}  # the corpus is read once for both tests


def normal(value: object) -> str:
    return " ".join(str(value or "").lower().split())


def rows() -> list[dict[str, str]]:
    require_corpus(REGULATIONS)
    return json.loads((REGULATIONS / "ground_truth.json").read_text(encoding="utf-8"))


def text_layer(row: dict[str, str], settings: Settings) -> stages.Analysis:
    if row["file"] not in _text_layer:
        _text_layer[row["file"]] = stages.analyse(REGULATIONS / row["file"], settings)
    return _text_layer[row["file"]]


def count_right(right: dict[str, int], row: dict[str, str], analysis: stages.Analysis) -> None:
    values = analysis.metadata_values
    got = {"jenis": values.get("jenis"), "nomor": values.get("nomor_peraturan"), "tahun": values.get("tahun"),
           "tentang": values.get("tentang"), "tanggal_penetapan": values.get("tanggal_penetapan"),
           "tempat_penetapan": values.get("tempat_penetapan")}
    wanted = {"jenis": KIND[row["type"]], "nomor": row["number"], "tahun": row["year"], "tentang": row["about"],
              "tanggal_penetapan": row["issue_date"], "tempat_penetapan": row["issue_place"]}
    for field in right:
        right[field] += normal(got[field]) == normal(wanted[field])


def test_accuracy_floors(settings: Settings) -> None:
    """Text layer only: a web upload before the background OCR, or a server without Tesseract."""
    right = dict.fromkeys(FLOORS, 0)
    for row in rows():
        count_right(right, row, text_layer(row, settings))
    assert right == {field: max(right[field], floor) for field, floor in FLOORS.items()}, right


def test_accuracy_floors_with_ocr(settings: Settings) -> None:
    """As `ingest` reads them: scanned pages through Tesseract first (only a few pages are scans)."""
    require_tesseract(settings)
    right = dict.fromkeys(FLOORS_WITH_OCR, 0)
    scans = 0
    for row in rows():
        analysis = text_layer(row, settings)
        if analysis.extraction is not None and analysis.extraction.waiting_pages:
            analysis = stages.analyse(REGULATIONS / row["file"], settings, ocr=True)
            assert analysis.extraction is not None and not analysis.extraction.waiting_pages, row["file"]
            scans += 1
        count_right(right, row, analysis)
    assert scans, "no scanned page in the corpus: this test would measure the text layer again"
    assert right == {field: max(right[field], floor) for field, floor in FLOORS_WITH_OCR.items()}, right
