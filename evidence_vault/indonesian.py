"""Dates, times and numbers written the Indonesian way, from Babel's `id` locale.

One source for the interface, the exports, the findings' messages and the legal reader's
month names: "14 Maret 2023", "1.234.567,5", "12 Maret 2026 14.05". Also Indonesia's three
time zones: a body's times, and its "today", are those of its own zone (Bali is WITA, an
hour ahead of Jakarta: at 23.30 WIB it is already the next day in Denpasar).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, get_month_names
from babel.numbers import format_decimal

LOCALE = "id"
MONTH_NAMES: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[month] for month in range(1, 13))


# The three time zones, by the abbreviation people use, to their IANA zone.
ZONES: dict[str, ZoneInfo] = {"WIB": ZoneInfo("Asia/Jakarta"), "WITA": ZoneInfo("Asia/Makassar"),
                              "WIT": ZoneInfo("Asia/Jayapura")}
ZONE_NAMES = {"WIB": "WIB (Waktu Indonesia Barat, UTC+7)", "WITA": "WITA (Waktu Indonesia Tengah, UTC+8)",
              "WIT": "WIT (Waktu Indonesia Timur, UTC+9)"}
DEFAULT_ZONE = "WIB"
# Provinces (and the short names people write) outside WIB; the longest name is tried first, so
# "Kalimantan Barat" (WIB) is not read as "Kalimantan" anything else.
_REGION_ZONES = {
    "bali": "WITA", "nusa tenggara barat": "WITA", "ntb": "WITA", "nusa tenggara timur": "WITA", "ntt": "WITA",
    "kalimantan selatan": "WITA", "kalsel": "WITA", "kalimantan timur": "WITA", "kaltim": "WITA",
    "kalimantan utara": "WITA", "kaltara": "WITA", "sulawesi": "WITA", "gorontalo": "WITA",
    "sulut": "WITA", "sulteng": "WITA", "sulsel": "WITA", "sultra": "WITA", "sulbar": "WITA",
    "kalimantan barat": "WIB", "kalbar": "WIB", "kalimantan tengah": "WIB", "kalteng": "WIB",
    "maluku": "WIT", "papua": "WIT",
}
_REGION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _REGION_ZONES), key=len, reverse=True)) + r")\b")


def zone_for_region(*texts: str) -> str:
    """The time zone a body's region or name puts it in ("Bali" → "WITA"); WIB when none says otherwise."""
    for text in texts:
        found = _REGION.search(" ".join(text.lower().split()))
        if found:
            return _REGION_ZONES[found.group(1)]
    return DEFAULT_ZONE


def zone(name: str | None) -> ZoneInfo:
    """The zone of an abbreviation; WIB for anything unknown."""
    return ZONES.get(name or DEFAULT_ZONE, ZONES[DEFAULT_ZONE])


def today_in(name: str | None, now: datetime | None = None) -> date:
    """The date it is in that zone now (not the server's date: a server on UTC is a day behind at dawn)."""
    return (now or datetime.now(UTC)).astimezone(zone(name)).date()


def local_time(value: datetime, name: str | None) -> str:
    """A moment as people of that zone read it: "12 Maret 2026 14.05 WITA" (naive values are UTC)."""
    known = name if name in ZONES else DEFAULT_ZONE
    return f"{date_time(value, ZONES[known])} {known}"


def long_date(value: date) -> str:
    """date(2023, 3, 14) → "14 Maret 2023"."""
    return format_date(value, "d MMMM y", locale=LOCALE)


def date_time(value: datetime, zone: ZoneInfo) -> str:
    """A moment in the given time zone: "12 Maret 2026 14.05" (naive values are UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return format_datetime(value, "d MMMM y HH.mm", tzinfo=zone, locale=LOCALE)


def number(value: float, decimals: int = 0) -> str:
    """1234567.5 → "1.234.567,5": thousands with dots, decimals after a comma."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=True)


def decimal(text: str) -> float:
    """A small decimal as people type it here: "2,5" the Indonesian way or "2.5" as a form
    or a spreadsheet gives it (levels and index values are at most 100, so no thousands).
    ValueError when it is not one number."""
    cleaned = text.strip().replace(" ", "")
    if cleaned.count(",") + cleaned.count(".") > 1:
        raise ValueError(text)
    return float(cleaned.replace(",", "."))


def level(value: float) -> str:
    """A maturity level: 4.0 → "4", 2.5 → "2,5", 3.75 → "3,75" (Pemdi values may be fractional)."""
    if float(value).is_integer():
        return str(int(value))
    return number(value, 2).rstrip("0")
