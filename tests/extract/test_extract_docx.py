"""DOCX extraction: order, tables, headers and footers, page breaks, zip bombs."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_vault.demo import samples
from evidence_vault.extract import ExtractionError, Limits, detect_type, extract_file

from .. import files

LIMITS = Limits(isolate=False)


def extract(tmp_path: Path, data: bytes, limits: Limits = LIMITS):
    path = tmp_path / "berkas.docx"
    path.write_bytes(data)
    return extract_file(path, detect_type(path), limits)


def test_paragraphs_and_tables_in_document_order_with_header_and_footer(tmp_path: Path) -> None:
    data = samples.docx_document(
        ["STANDAR OPERASIONAL PROSEDUR", "Prosedur permintaan data"],
        table=[["No", "Kegiatan"], ["1", "Verifikasi oleh walidata"]],
        header="DINAS KOMUNIKASI DAN INFORMATIKA",
        footer="Halaman kaki SOP",
        title="SOP Permintaan Data",
    )
    result = extract(tmp_path, data)
    text = result.pages[0].text
    order = [text.index(s) for s in ("DINAS KOMUNIKASI", "STANDAR OPERASIONAL", "Prosedur permintaan",
                                       "No | Kegiatan", "1 | Verifikasi oleh walidata", "Halaman kaki SOP")]
    assert order == sorted(order)
    assert result.title == "SOP Permintaan Data"


def test_hard_page_breaks_split_pages(tmp_path: Path) -> None:
    result = extract(tmp_path, samples.docx_document(["Bab satu", "Bab dua", "Bab tiga"], page_break_before=[1, 2]))
    assert [page.text for page in result.pages] == ["Bab satu", "Bab dua", "Bab tiga"]


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, files.zip_bomb_docx(inflated_mb=300))
    assert raised.value.code == "zip_bomb"


def test_high_ratio_member_is_refused_even_under_the_total_limit(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, files.zip_bomb_docx(inflated_mb=20), Limits(isolate=False, docx_max_ratio=100))
    assert raised.value.code == "zip_bomb"
    assert "rasio" in raised.value.message


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    whole = samples.docx_document(["isi"])
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, whole[: len(whole) // 2])
    assert raised.value.code == "corrupt"


def test_macro_enabled_document_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, files.docx_with_macro_content_type())
    assert raised.value.code == "unsupported_type"


def test_memory_limit_stops_a_document_too_big_to_parse(tmp_path: Path) -> None:
    """38 MiB of paragraphs in a 150 KiB file: the isolated child hits its memory cap and fails cleanly."""
    limits = Limits(isolate=True, max_memory_mb=300, docx_max_ratio=10**6, timeout_seconds=60)
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, files.huge_docx(paragraphs=1_000_000), limits)
    assert raised.value.code in {"memory", "corrupt"}
