"""Jinja filters that show dates, sizes and numbers the Indonesian way."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask, g, has_app_context

from .. import indonesian
from ..frameworks.registry import framework_by_code

STATUS_LABELS = {
    "pending": "Menunggu",
    "processing": "Sedang diproses",
    "ok": "Teks terbaca",
    "needs_ocr": "Perlu OCR",
    "failed": "Gagal dibaca",
}
STANDING_LABELS = {"berlaku": "Berlaku", "diubah": "Diubah", "dicabut": "Dicabut"}
LEGAL_STATUS_LABELS = {"rancangan": "Rancangan", "ditetapkan": "Ditetapkan", "diundangkan": "Diundangkan"}
ROLE_LABELS = {
    "admin": "Admin sistem",
    "coordinator": "Koordinator",
    "operator": "Operator",
    "reviewer": "Penilai internal",
    "viewer": "Pembaca",
}


def file_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{indonesian.number(size / factor, 1)} {unit}"
    return f"{indonesian.number(size)} byte"


def date_time(value: datetime | None) -> str:
    """A timestamp in the time zone of the organisation the page is about: "12 Maret 2026 15.05 WITA".

    WIB when the page is about no organisation (an admin's own pages).
    """
    if value is None:
        return "-"
    return indonesian.local_time(value, g.get("time_zone") if has_app_context() else None)


def long_date(value: str | None) -> str:
    """"2023-03-14" → "14 Maret 2023"; anything else is shown as it is."""
    if not value:
        return "-"
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return value
    return indonesian.long_date(parsed)


def indicator_label(value: str) -> str:
    """"spbe-2020:3" → "3. Tingkat Kematangan Kebijakan Internal Manajemen Data"."""
    framework, _, code = value.partition(":")
    try:
        return f"{code}. {framework_by_code(framework).indicator(code).name}"
    except KeyError:
        return value.replace(":", " ")


def framework_name(code: str) -> str:
    """"spbe-2020" → "Evaluasi SPBE 2020": people read the framework's name, never its code."""
    try:
        return framework_by_code(code).name
    except KeyError:
        return code


def register(app: Flask) -> None:
    app.add_template_filter(long_date, "tanggal")
    app.add_template_filter(lambda mapping, key: {k: v for k, v in mapping.items() if k != key}, "dict_without")
    app.add_template_filter(indonesian.number, "angka")
    app.add_template_filter(indonesian.level, "tingkat")
    app.add_template_filter(file_size, "ukuran")
    app.add_template_filter(date_time, "waktu")
    app.add_template_filter(indicator_label, "indikator")
    app.add_template_filter(framework_name, "kerangka")
    app.add_template_filter(lambda s: STATUS_LABELS.get(s, s), "status_label")
    app.add_template_filter(lambda r: ROLE_LABELS.get(r, r), "role_label")
    app.add_template_filter(lambda s: STANDING_LABELS.get(s, s or "-"), "standing_label")
    app.add_template_filter(lambda s: LEGAL_STATUS_LABELS.get(s, s or "-"), "legal_status_label")
