"""Documents into the search tables: one row per document, one per page with text.

Rows are written through whatever connection the caller holds, so that an upload's data
and its search rows commit together (`PostgresIndex.write`). A document is replaced
whole: its rows are upserted, its pages deleted and written again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..records import IndexedDocument
from ..schema import DOCUMENT, records_of
from .vectors import exact_vector, stemmed_vector

_COLUMNS = ("document_id", "organisation_id", "title", "exact", "stemmed", "title_exact", "title_stemmed", "kind",
            "year", "legal_status", "in_force", "has_findings", "confirmed", "indicators", "legal_numbers",
            "sort_date", "sort_uploaded", "sort_number", "numbered")
_VECTORS = {"exact", "stemmed", "title_exact", "title_stemmed"}
_VALUES = ", ".join(f"CAST(:{name} AS tsvector)" if name in _VECTORS else f":{name}" for name in _COLUMNS)
_UPDATES = ", ".join(f"{name} = excluded.{name}" for name in _COLUMNS[1:])
UPSERT_DOCUMENT = text(f"INSERT INTO search_document ({', '.join(_COLUMNS)}) VALUES ({_VALUES}) "
                       f"ON CONFLICT (document_id) DO UPDATE SET {_UPDATES}")
INSERT_PAGE = text("INSERT INTO search_page (document_id, page_number, organisation_id, exact, stemmed, text) "
                   "VALUES (:document_id, :page_number, :organisation_id, CAST(:exact AS tsvector), "
                   "CAST(:stemmed AS tsvector), :text) ON CONFLICT (document_id, page_number) DO UPDATE SET "
                   "organisation_id = excluded.organisation_id, exact = excluded.exact, "
                   "stemmed = excluded.stemmed, text = excluded.text")
DELETE_PAGES = text("DELETE FROM search_page WHERE document_id = ANY(:ids)")
DELETE_DOCUMENTS = text("DELETE FROM search_document WHERE document_id = ANY(:ids)")


def write(connection: Connection, documents: Iterable[IndexedDocument]) -> int:
    """Replace these documents' rows; returns how many documents."""
    latest = {document.document_id: document for document in documents}
    if not latest:
        return 0
    connection.execute(DELETE_PAGES, {"ids": list(latest)})
    document_rows, page_rows = [], []
    for document in latest.values():
        record, *pages = records_of(document)
        document_rows.append(_document_row(document, record))
        page_rows += [_page_row(page) for page in pages]
    connection.execute(UPSERT_DOCUMENT, document_rows)
    if page_rows:
        connection.execute(INSERT_PAGE, page_rows)
    return len(latest)


def remove(connection: Connection, document_ids: list[int]) -> None:
    connection.execute(DELETE_PAGES, {"ids": document_ids})
    connection.execute(DELETE_DOCUMENTS, {"ids": document_ids})


def _document_row(document: IndexedDocument, record: dict[str, Any]) -> dict[str, Any]:
    """The same values the Whoosh document record holds (`schema.records_of`), vectors analysed here."""
    assert record["level"] == DOCUMENT
    return {
        "document_id": document.document_id, "organisation_id": document.organisation_id,
        "title": document.title, "exact": exact_vector(record["content_exact"]),
        "stemmed": stemmed_vector(record["content"]), "title_exact": exact_vector(document.title),
        "title_stemmed": stemmed_vector(document.title),
        **{name: record[name] for name in ("kind", "year", "legal_status", "in_force", "has_findings", "confirmed",
                                           "sort_date", "sort_uploaded", "sort_number", "numbered")},
        "indicators": [code for code in record["indicator"].split(",") if code],
        "legal_numbers": [number for number in record["legal_number"].split(",") if number],
    }


def _page_row(record: dict[str, Any]) -> dict[str, Any]:
    return {"document_id": int(record["document_key"]), "page_number": record["page_number"],
            "organisation_id": int(record["organisation"]), "exact": exact_vector(record["page_content_exact"]),
            "stemmed": stemmed_vector(record["page_content"]), "text": record["page_text"]}
