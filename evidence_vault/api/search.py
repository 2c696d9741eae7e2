"""Search and the JDIHN feed through the API: the same index, query language and scope as `/cari` and `/jdih.json`."""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from flask import url_for
from pydantic import Field

from .. import search
from ..models import Document
from ..pipeline import indexing
from ..records import jdihn
from ..records.access import Permission
from ..web.context import db_session, settings
from .caller import actor
from .errors import ApiError
from .lookup import organisation_or_404
from .operations import operation
from .shapes import Answer, Code, Query

log = logging.getLogger(__name__)
TAG = "Pencarian dan JDIHN"


class SearchQuery(Query):
    q: Annotated[str, Field(max_length=2000)] = Field(
        "", description="Kata, \"frasa\", -kecuali, ATAU, sitasi seperti 'Perbup 12/2023' (bahasa kueri di web).")
    org: Code | None = Field(None, description="Hanya organisasi ini (kode); tanpa ini, semua yang dapat dibaca token.")
    kind: Annotated[str, Field(max_length=64)] | None = None
    year: Annotated[int, Field(ge=1, le=9999)] | None = None
    status: Annotated[str, Field(max_length=32)] | None = Field(None, description="Status hukum.")
    in_force: Annotated[str, Field(max_length=32)] | None = Field(None, description="berlaku, diubah atau dicabut.")
    indicator: Annotated[str, Field(max_length=64)] | None = Field(None, description="kerangka:indikator.")
    has_findings: bool | None = None
    confirmed: bool | None = None
    sort: Literal["relevance", "date", "uploaded", "number"] = "relevance"
    page: Annotated[int, Field(ge=1, le=10_000)] = 1
    per_page: Annotated[int, Field(ge=1, le=100)] = 20


class HitOut(Answer):
    document_id: int
    title: str
    page: int | None = Field(description="Halaman yang paling cocok.")
    score: float | None
    snippet: str
    matched_pages: int
    citation_match: bool = Field(description="true bila metadata dokumen ini adalah peraturan yang disitasi.")


class FacetOut(Answer):
    value: str | int | bool | None
    count: int


class SearchResults(Answer):
    total: int
    page: int
    pages: int
    note: str | None = Field(description="Apa yang dilakukan mesin pencari dengan kueri (bila disederhanakan).")
    hits: list[HitOut]
    facets: dict[str, list[FacetOut]]


@operation("GET", "/search", summary="Pencarian teks lengkap, dengan bahasa kueri dan hasil yang sama seperti di web",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, query=SearchQuery, response=SearchResults,
           extra_errors=(503,))
def run_search(query: SearchQuery) -> SearchResults:
    scope = [organisation_or_404(query.org).id] if query.org else actor().visible_organisation_ids()
    wanted = search.SearchQuery(
        text=query.q, organisation_ids=scope, all_organisations=scope is None, kind=query.kind, year=query.year,  # type: ignore[arg-type]
        legal_status=query.status, in_force=query.in_force, indicator=query.indicator,
        has_findings=query.has_findings, confirmed=query.confirmed, sort=query.sort, page=query.page,
        per_page=query.per_page)
    try:
        found = indexing.index_for(settings()).search(wanted)
    except (search.SearchError, search.IndexBusy) as error:
        log.error("API search failed: %r", error)
        raise ApiError("search_unavailable") from None
    return SearchResults(
        total=found.total, page=found.page, pages=found.page_count, note=found.query_note,
        hits=[HitOut(document_id=hit.document_id, title=hit.title, page=hit.best_page, score=hit.score,
                     snippet=hit.pages[0].snippet.text() if hit.pages else "", matched_pages=hit.matched_pages,
                     citation_match=hit.citation_match) for hit in found.hits],
        facets={name: [FacetOut(value=count.value, count=count.count) for count in counts]
                for name, counts in found.facets.items()})


JDIHN_ITEM: dict[str, Any] = {
    "type": "object",
    "description": "Satu produk hukum dalam bentuk umpan JDIHN (kunci seperti /jdih.json).",
    "additionalProperties": True,
}


@operation("GET", "/organisations/<code>/jdihn", summary="Produk hukum organisasi sebagai umpan JDIHN", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response={"type": "array", "items": JDIHN_ITEM})
def jdihn_feed(code: str) -> list[dict[str, Any]]:
    organisation = organisation_or_404(code)

    def link(document: Document, which: str) -> str:
        endpoint = "api.download" if which == "download" else "api.get_document"
        return url_for(endpoint, document_id=document.id, _external=True)

    return jdihn.feed(db_session(), organisation.id, link)  # type: ignore[arg-type]
