"""What each setting may be: one check per setting, saying in Indonesian what is wrong.

`config.load_settings` runs them over the merged settings, so a value the vault cannot run
with (`session.cookie_samesite = "bogus"` once made every page fail) stops the command
at start with a message naming the setting.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

# The file types the readers handle (`extract.sniff`: the extractable ones); a test keeps them in step.
READABLE_TYPES = ("pdf", "docx", "jpeg", "png", "tiff")

Check = Callable[[Any], str | None]  # what is wrong with a value (Indonesian), or None


def _whole(low: int, high: int | None = None) -> Check:
    def check(value: int) -> str | None:
        if value < low or (high is not None and value > high):
            return f"harus antara {low} dan {high}" if high is not None else f"paling kecil {low}"
        return None
    return check


def _one_of(*choices: str) -> Check:
    return lambda value: None if value in choices else f"harus salah satu dari {', '.join(choices)}"


def _types(value: list[str]) -> str | None:
    unknown = [item for item in value if item not in READABLE_TYPES]
    if not value or unknown:
        return f"harus berisi satu atau lebih dari {', '.join(READABLE_TYPES)}" + (
            f"; tidak dikenal: {', '.join(unknown)}" if unknown else "")
    return None


def _networks(value: list[str]) -> str | None:
    for entry in value:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            return f"berisi {entry!r}, yang bukan alamat IP atau jaringan (misalnya 10.0.0.5 atau 10.0.0.0/8)"
    return None


def _database_url(value: str) -> str | None:
    if not value:
        return None
    from sqlalchemy.engine import make_url  # here: a vault on its default SQLite file never imports SQLAlchemy for it
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(value)
    except ArgumentError:
        return "bukan URL basis data (misalnya postgresql+psycopg://pengguna:sandi@host/nama)"
    return None


def _redis_url(value: str) -> str | None:
    if not value or re.match(r"(redis|rediss|unix)://", value):
        return None
    return "bukan URL Redis (misalnya redis://redis.internal:6379/0)"


def _not_empty(value: str) -> str | None:
    return None if value.strip() else "tidak boleh kosong"


def _languages(value: str) -> str | None:
    if re.fullmatch(r"[a-z][a-z_]*(\+[a-z][a-z_]*)*", value):
        return None
    return "harus kode bahasa Tesseract, misalnya ind atau ind+eng"


CHECKS: dict[tuple[str, str], Check] = {
    ("storage", "dir"): _not_empty,
    ("database", "url"): _database_url,
    ("upload", "max_bytes"): _whole(1),
    ("upload", "allowed_types"): _types,
    ("upload", "max_files"): _whole(1),
    ("extract", "max_pages"): _whole(1),
    ("extract", "timeout_seconds"): _whole(1),
    ("extract", "max_memory_mb"): _whole(64),
    ("extract", "min_page_chars"): _whole(0),
    ("extract", "docx_max_uncompressed_bytes"): _whole(1),
    ("extract", "docx_max_ratio"): _whole(1),
    ("ocr", "language"): _languages,
    ("ocr", "tesseract_cmd"): _not_empty,
    ("ocr", "dpi"): _whole(50, 1200),
    ("ocr", "page_timeout_seconds"): _whole(1),
    ("ingest", "workers"): _whole(0),
    ("worker", "concurrency"): _whole(0),
    ("worker", "backend"): _one_of("sqlite", "redis"),
    ("worker", "redis_url"): _redis_url,
    ("search", "backend"): _one_of("whoosh", "postgres"),
    ("session", "cookie_samesite"): _one_of("Lax", "Strict"),
    ("session", "lifetime_minutes"): _whole(1),
    ("api", "requests_per_minute"): _whole(1),
    ("api", "max_json_bytes"): _whole(1024),
    ("api", "token_max_days"): _whole(1, 3650),
    ("server", "host"): _not_empty,
    ("server", "port"): _whole(1, 65535),
    ("server", "threads"): _whole(1),
    ("server", "trusted_proxies"): _networks,
}


def combined_problems(values: Mapping[str, Mapping[str, Any]]) -> Iterator[tuple[str, str, str]]:
    """Settings that another setting's value makes necessary or impossible: (section, key, problem)."""
    if values["worker"]["backend"] == "redis" and not values["worker"]["redis_url"]:
        yield "worker", "redis_url", 'harus diisi bila worker.backend = "redis"'
    if values["search"]["backend"] == "postgres" and not values["database"]["url"].startswith("postgresql"):
        yield "search", "backend", 'hanya bisa "postgres" bila database.url menunjuk ke PostgreSQL'
