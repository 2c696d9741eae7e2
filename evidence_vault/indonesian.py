"""Dates and numbers written the Indonesian way, from Babel's `id` locale.

One source for the interface, the exports, the findings' messages and the legal reader's
month names: "14 Maret 2023", "1.234.567,5", "12 Maret 2026 14.05".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, get_month_names
from babel.numbers import format_decimal

LOCALE = "id"
MONTH_NAMES: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[month] for month in range(1, 13))


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
