"""The index's fields, its version, and how a document becomes index records.

Each document is one "document" record (title, all its text, metadata for filters, facets,
sorting and citation matching) plus one "page" record per page with text (the page's
text, stored for snippets). Searches count, filter, facet and page over document records;
the page records of the documents shown then say which pages match.

Document and page records keep their text in fields of their own (`content` and
`page_content`): a word's posting list for documents then holds documents only, instead
of the document and all its pages interleaved, which made every document search walk
through about nine times the entries it needed. Every field that filters, facets or sorts
is a column (`sortable`), except the many-valued `indicator`, and so is `document_key`,
so that `values` can read them for all records at once instead of record by record.

Change anything here or in `analysis` and the fingerprint test fails until
`SCHEMA_VERSION` is raised and `SCHEMA_FINGERPRINT` updated: an index written with
another version is then rebuilt instead of misread.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from whoosh import fields

from . import analysis
from .citations import normalise_number
from .records import IndexedDocument

SCHEMA_VERSION = 2
SCHEMA_FINGERPRINT = "53aa3a3a09526be6"  # tests/test_search_analysis.py checks it
UNKNOWN = "-"  # the indexed value of a missing kind, year, status: a facet of its own

DOCUMENT, PAGE = "document", "page"


def make_schema() -> fields.Schema:
    """The fields; boosts are given at query time so that tuning them needs no rebuild."""
    return fields.Schema(
        record=fields.ID(stored=True, unique=True),  # "d:12" or "p:12:4"
        level=fields.ID(),  # DOCUMENT or PAGE
        document_key=fields.ID(stored=True, sortable=True),  # str(document_id): one term removes all its records
        organisation=fields.ID(stored=True),
        title=fields.TEXT(analyzer=analysis.STEMMED, stored=True),
        title_exact=fields.TEXT(analyzer=analysis.EXACT),
        content=fields.TEXT(analyzer=analysis.STEMMED),
        content_exact=fields.TEXT(analyzer=analysis.EXACT),
        page_content=fields.TEXT(analyzer=analysis.STEMMED),
        page_content_exact=fields.TEXT(analyzer=analysis.EXACT),
        page_number=fields.NUMERIC(stored=True),
        page_text=fields.STORED(),
        kind=fields.ID(stored=True, sortable=True),
        year=fields.ID(stored=True, sortable=True),
        legal_status=fields.ID(sortable=True),
        in_force=fields.ID(sortable=True),
        has_findings=fields.ID(sortable=True),
        confirmed=fields.ID(sortable=True),
        indicator=fields.KEYWORD(commas=True, scorable=False, stored=True),
        legal_number=fields.KEYWORD(commas=True, scorable=False, stored=True),
        sort_date=fields.NUMERIC(bits=64, sortable=True),
        sort_uploaded=fields.NUMERIC(bits=64, sortable=True),
        sort_number=fields.ID(sortable=True),
        numbered=fields.ID(sortable=True),  # "1" when the document has a legal number: those sort first
    )


def schema_fingerprint() -> str:
    """A hash of everything that decides what the index holds: fields, their types and analyzers."""
    schema = make_schema()
    analyzers = {id(analysis.STEMMED): "stemmed", id(analysis.EXACT): "exact"}
    described: dict[str, Any] = {"analysis": analysis.describe(), "unknown": UNKNOWN}
    for name in sorted(schema.names()):
        field = schema[name]
        described[name] = [type(field).__name__, bool(field.stored), bool(field.scorable),
                           analyzers.get(id(getattr(field, "analyzer", None)), type(field.analyzer).__name__),
                           type(field.column_type).__name__ if field.column_type else None]
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]


def records_of(document: IndexedDocument) -> Iterator[dict[str, Any]]:
    """The document record, then one record per page that has text."""
    key = str(document.document_id)
    pages = [(number, text) for number, text in document.pages if text and text.strip()]
    full_text = "\n\n".join(text for _number, text in pages)
    numbers = {normalise_number(number) for number in (document.legal_number, document.legal_number_text) if number}
    yield {
        "record": f"d:{key}", "level": DOCUMENT, "document_key": key, "organisation": str(document.organisation_id),
        "title": document.title, "title_exact": document.title,
        "content": full_text, "content_exact": full_text,
        "kind": document.kind or UNKNOWN, "year": str(document.year) if document.year else UNKNOWN,
        "legal_status": document.legal_status or UNKNOWN, "in_force": document.in_force or UNKNOWN,
        "has_findings": flag(document.has_findings), "confirmed": flag(document.confirmed),
        "indicator": ",".join(code.replace(",", " ").strip() for code in document.indicators if code.strip()),
        "legal_number": ",".join(sorted(numbers)),
        "sort_date": _day_number(document.enacted_on or document.uploaded_at),
        "sort_uploaded": int(document.uploaded_at.timestamp()) if document.uploaded_at else 0,
        "sort_number": number_sort_key(document.year, document.legal_number),
        "numbered": flag(bool(document.legal_number)),
    }
    for number, text in pages:
        yield {
            "record": f"p:{key}:{number}", "level": PAGE, "document_key": key,
            "organisation": str(document.organisation_id),
            "page_content": text, "page_content_exact": text, "page_number": number, "page_text": text,
        }


def flag(value: bool) -> str:
    return "1" if value else "0"


def number_sort_key(year: int | None, number: str | None) -> str:
    """Year, then the number's leading digits as a number ("2" before "12"), then the rest."""
    leading = re.match(r"\d+", number or "")
    digits = int(leading.group()) if leading else 0
    return f"{year or 0:04d}/{digits:010d}/{normalise_number(number or '')}"


def _day_number(moment: date | datetime | None) -> int:
    """20230412 for 12 April 2023; 0 when unknown, so undated documents sort last (descending)."""
    if moment is None:
        return 0
    return moment.year * 10000 + moment.month * 100 + moment.day
