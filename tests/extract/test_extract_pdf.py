"""PDF extraction: text per page, scans, encryption, damage and limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_vault.demo import samples
from evidence_vault.extract import ExtractionError, Limits, detect_type, extract_file

from .. import files

ISOLATED = Limits(isolate=True, timeout_seconds=30)
IN_PROCESS = Limits(isolate=False)


def extract(tmp_path: Path, data: bytes, limits: Limits = IN_PROCESS):
    path = tmp_path / "berkas"
    path.write_bytes(data)
    return extract_file(path, detect_type(path), limits)


@pytest.mark.parametrize("limits", [IN_PROCESS, ISOLATED], ids=["in-process", "isolated"])
def test_text_is_read_page_by_page(tmp_path: Path, limits: Limits) -> None:
    result = extract(tmp_path, samples.pdf_document(["PERATURAN BUPATI BADUNG", "Pasal 2 pengelolaan data"]), limits)
    assert [page.number for page in result.pages] == [1, 2]
    assert "PERATURAN BUPATI BADUNG" in result.pages[0].text
    assert "pengelolaan data" in result.pages[1].text
    assert not result.needs_ocr


def test_scanned_pages_are_marked_for_ocr(tmp_path: Path) -> None:
    result = extract(tmp_path, samples.scanned_pdf([["KEPUTUSAN BUPATI"], ["Halaman dua"]]))
    assert result.ocr_pages == [1, 2]
    assert result.text_chars == 0


def test_a_blank_page_is_not_a_scan(tmp_path: Path) -> None:
    result = extract(tmp_path, samples.pdf_document(["Isi halaman satu", ""]))
    assert result.ocr_pages == []


@pytest.mark.parametrize("limits", [IN_PROCESS, ISOLATED], ids=["in-process", "isolated"])
def test_password_protected_pdf_gives_the_encrypted_error(tmp_path: Path, limits: Limits) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, files.encrypted_pdf(user_password="rahasia"), limits)
    assert raised.value.code == "encrypted"
    assert "kata sandi" in raised.value.message


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    result = extract(tmp_path, files.encrypted_pdf(user_password=""))
    assert "Dokumen rahasia" in result.pages[0].text


@pytest.mark.parametrize("data", [files.truncated_pdf(), files.PDF_GARBAGE], ids=["truncated", "garbage"])
def test_damaged_pdf_gives_the_corrupt_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, data, ISOLATED)
    assert raised.value.code == "corrupt"


def test_page_limit(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, samples.pdf_document(["a", "b", "c"]), Limits(isolate=False, max_pages=2))
    assert raised.value.code == "too_many_pages"


def test_time_limit_between_pages(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, samples.pdf_document(["a", "b"]), Limits(isolate=False, timeout_seconds=0))
    assert raised.value.code == "timeout"


def test_unsupported_types_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path, files.OLE_DOC)
    assert raised.value.code == "unsupported_type"
    assert "DOCX atau PDF" in raised.value.message
