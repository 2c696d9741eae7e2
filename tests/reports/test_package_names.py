"""Folder and file names in the evidence package are cut at a word's end, never in the middle of one."""

from __future__ import annotations

import pytest

from evidence_vault.reports.package import _shorten


@pytest.mark.parametrize(("name", "limit", "expected"), [
    ("03 Tingkat Kematangan Kebijakan Internal Manajemen Data", 90,
     "03 Tingkat Kematangan Kebijakan Internal Manajemen Data"),
    ("03 Tingkat Kematangan Kebijakan Internal Manajemen Data", 38, "03 Tingkat Kematangan Kebijakan"),
    ("03 Tingkat Kematangan Kebijakan Internal Manajemen Data", 42, "03 Tingkat Kematangan Kebijakan Internal"),
    ("07 Penyelenggaraan, Tata Kelola", 19, "07 Penyelenggaraan"),
    ("Satukatayangsangatpanjangsekali", 10, "Satukataya"),  # one word longer than the limit: cut it
])
def test_names_are_cut_between_words(name: str, limit: int, expected: str) -> None:
    shortened = _shorten(name, limit)
    assert shortened == expected and len(shortened) <= limit
