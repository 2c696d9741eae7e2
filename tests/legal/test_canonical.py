"""The OCR-tolerant reading layer: damage repaired towards words, clean text left alone."""

from __future__ import annotations

import pytest

from evidence_vault.legal.canonical import canonical_text


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("UNDANG.UNDANG REPUBLIK INDONESI.A", "UNDANG-UNDANG REPUBLIK INDONESIA"),  # dots for hyphen, stray dot
    ("PRES!DEN", "PRESIDEN"),
    ("REPIJBUK", "REPUBLIK"),  # IJ for U, U for LI
    ("KOMUNlKASl", "KOMUNIKASI"),
    ("NOM0R 12 TAHUN 2023", "NOMOR 12 TAHUN 2023"),
    ("TFNTAN6", "TENTANG"),
    ("PEMANFAATANJARINGANTELEKOMUNIKASI", "PEMANFAATAN JARINGAN TELEKOMUNIKASI"),
    ("PERATU RAN BUPATI", "PERATURAN BUPATI"),
    ("Ditetap kan di Karangsari", "Ditetapkan di Karangsari"),
    ("pene-\ntapan dilakukan", "penetapan\ndilakukan"),
    ("| TENTANG |", "TENTANG"),
    ("pada tanggal 5 April~ 2023", "pada tanggal 5 April 2023"),
    ("dan latau", "dan/atau"),
    ("13FLANJA NEGARA", "BELANJA NEGARA"),
])
def test_damage_is_repaired(damaged: str, repaired: str) -> None:
    assert canonical_text(damaged) == repaired


@pytest.mark.parametrize("clean", [
    "Pasal 5 ayat (1) huruf a",  # a list letter is not a fragment
    "di tingkat nasional",  # two words stay two words
    "BAB IX",  # a roman numeral is not a fragment
    "apa pun",
    "KARANGSARI",  # a place name is not split into words
    "Walikota Tirtamulya",
    "Rp1.000.000.000,00 (satu miliar)",  # an amount is not a word
    "Pasal 51A",
    "PIN",  # an acronym
    "Drs. H. SUTARNO WIDYAKUSUMA, M.Si.",
    " |  | ttd",  # a table row keeps its cells
])
def test_clean_text_is_left_alone(clean: str) -> None:
    assert canonical_text(clean) == clean
