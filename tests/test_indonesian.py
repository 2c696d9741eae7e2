"""Indonesian dates and numbers (Babel's `id` locale), as the interface, exports and reader write them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from evidence_vault import indonesian
from evidence_vault.legal.text import month_number


@pytest.mark.parametrize(("value", "expected"), [
    (date(2023, 3, 14), "14 Maret 2023"),
    (date(2026, 1, 1), "1 Januari 2026"),
    (date(2024, 12, 31), "31 Desember 2024"),
])
def test_long_date(value: date, expected: str) -> None:
    assert indonesian.long_date(value) == expected


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (1234567.5, 1, "1.234.567,5"),
    (1234567, 0, "1.234.567"),
    (0, 0, "0"),
    (3.125, 2, "3,12"),
    (1023.96, 1, "1.024,0"),
])
def test_number(value: float, decimals: int, expected: str) -> None:
    assert indonesian.number(value, decimals) == expected


def test_a_moment_is_shown_in_the_zone_asked_for() -> None:
    moment = datetime(2026, 3, 12, 7, 5, tzinfo=UTC)
    assert indonesian.date_time(moment, ZoneInfo("Asia/Jakarta")) == "12 Maret 2026 14.05"
    assert indonesian.date_time(moment.replace(tzinfo=None), ZoneInfo("Asia/Makassar")) == "12 Maret 2026 15.05"


def test_the_reader_knows_every_month_babel_writes_and_the_old_spellings() -> None:
    for number, name in enumerate(indonesian.MONTH_NAMES, start=1):
        assert month_number(name) == number
    assert month_number("Pebruari") == 2 and month_number("Nopember") == 11


@pytest.mark.parametrize(("value", "expected"), [(4.0, "4"), (4, "4"), (2.5, "2,5"), (3.75, "3,75"), (1.3, "1,3")])
def test_level(value: float, expected: str) -> None:
    assert indonesian.level(value) == expected


@pytest.mark.parametrize(("region", "name", "zone"), [
    ("Bali", "Pemerintah Kabupaten Badung", "WITA"),
    ("", "Pemerintah Provinsi Bali", "WITA"),
    ("Nusa Tenggara Timur", "Kota Kupang", "WITA"),
    ("Sulawesi Selatan", "Kota Makassar", "WITA"),
    ("Kalimantan Timur", "Kota Samarinda", "WITA"),
    ("Kalimantan Barat", "Kota Pontianak", "WIB"),
    ("Papua Barat", "Kabupaten Manokwari", "WIT"),
    ("Maluku Utara", "Kota Ternate", "WIT"),
    ("Jawa Timur", "Kota Surabaya", "WIB"),
    ("", "Kementerian Komunikasi dan Digital", "WIB"),
])
def test_a_bodys_time_zone_follows_its_region(region: str, name: str, zone: str) -> None:
    assert indonesian.zone_for_region(region, name) == zone


def test_a_bodys_today_and_times_are_its_own_zones() -> None:
    late_in_jakarta = datetime(2026, 12, 7, 16, 30, tzinfo=UTC)  # 23.30 WIB, already 00.30 WITA on the 8th
    assert indonesian.today_in("WIB", late_in_jakarta) == date(2026, 12, 7)
    assert indonesian.today_in("WITA", late_in_jakarta) == date(2026, 12, 8)
    assert indonesian.local_time(late_in_jakarta, "WITA") == "8 Desember 2026 00.30 WITA"
    assert indonesian.local_time(late_in_jakarta, "WIT") == "8 Desember 2026 01.30 WIT"
    assert indonesian.local_time(late_in_jakarta, None) == "7 Desember 2026 23.30 WIB"
