"""Whole numbers from paths and query strings, kept within what the database can hold.

Python's integers have no limit; the database's do (SQLite: 64 bits, PostgreSQL's ids: 32
bits). An id of 2⁶³ in a path, or a `?page=` whose offset passes 2⁶³, once reached the
database and answered 500. Ids beyond the range answer "not found" (no such document can
exist), and numbers in query strings beyond theirs a 400 that says which one, in Indonesian.
"""

from __future__ import annotations

from flask import request
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # the largest id a PostgreSQL `integer` column (and so every table here) holds
MAX_PAGE = 1_000_000  # a page number far past any listing, whose offset still fits
MAX_YEAR = 9999


class DatabaseId(IntegerConverter):
    """`<int:...>` in every route: numbers past `MAX_ID` do not match, so the route answers 404."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002, ANN001, ANN002, ANN003 - werkzeug's signature
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class NumberTooLarge(BadRequest):
    """A number in the address that no page can have; the description is shown to the user."""


def query_int(name: str, default: int | None = None, *, maximum: int = MAX_PAGE,
              what: str = "Nomor halaman") -> int | None:
    """`?name=` as a whole number: the default when absent or not a number, 400 beyond ±`maximum`."""
    raw = request.args.get(name, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return default
    if abs(value) > maximum:
        raise NumberTooLarge(f"{what} pada alamat halaman (?{name}={raw[:24]}) terlalu besar. Hapus bagian itu dari "
                             "alamat, atau buka lagi halamannya dari menu.")
    return value


def page_number(name: str = "page") -> int:
    """A page of a listing: 1 when absent, below 1 or not a number."""
    return max(1, query_int(name, 1) or 1)


def year(name: str = "tahun") -> int | None:
    """A year filter: None when absent or not a number."""
    return query_int(name, None, maximum=MAX_YEAR, what="Tahun")
