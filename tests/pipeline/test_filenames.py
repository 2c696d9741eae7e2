"""Hostile file names are kept for display only, cleaned of what could mislead or break a page."""

from __future__ import annotations

import pytest

from evidence_vault.pipeline.filenames import display_name, title_from_name


@pytest.mark.parametrize(("raw", "expected"), [
    ("perbup.pdf", "perbup.pdf"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\system32\\sk.pdf", "sk.pdf"),
    ("laporan\u202efdp.exe", "laporanfdp.exe"),
    ("nama\x00dengan\x07kontrol\x1b.pdf", "namadengankontrol.pdf"),
    ("   spasi    ganda   .pdf  ", "spasi ganda .pdf"),
    (".tersembunyi.pdf", "tersembunyi.pdf"),
    ("", "tanpa-nama"),
    (None, "tanpa-nama"),
    ("/", "tanpa-nama"),
    ("Perbup\u0301 e\u0301.pdf", "Perbu\u1e55 \u00e9.pdf"),  # decomposed accents are composed (NFC)
])
def test_display_name(raw: str | None, expected: str) -> None:
    assert display_name(raw) == expected


def test_very_long_name_keeps_its_extension() -> None:
    name = display_name("a" * 1000 + ".pdf")
    assert len(name) == 255 and name.endswith(".pdf")


def test_title_from_name() -> None:
    assert title_from_name("SK_Tim_Koordinasi_SPBE.pdf") == "SK Tim Koordinasi SPBE"
