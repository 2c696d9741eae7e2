"""One search over an open Whoosh searcher: hits, total, facets, sorting, paging, matching pages.

Facets count documents in scope that match the words and every *other* filter, so a
chosen kind still shows how many documents each other kind would give. They are
computed by the engine over the scoped query, never from a page of results.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Searcher

from . import querying
from .citations import QueryCitation
from .parsing import ParsedQuery
from .records import FACETS, MAX_PER_PAGE, SORTS, FacetCount, Hit, PageHit, SearchQuery, SearchResults
from .schema import DOCUMENT, PAGE, UNKNOWN
from .snippets import Highlights, snippet

MAX_PAGES_PER_HIT = 3
NOTE_RELAXED = "Tidak ada dokumen yang memuat semua kata; ditampilkan dokumen yang memuat sebagian kata."
_SORT_FIELDS = {"date": "sort_date", "uploaded": "sort_uploaded", "number": "sort_number"}


def corrected(search: SearchQuery, has_words: bool) -> SearchQuery:
    """Page at least 1, per_page 1..MAX_PER_PAGE, a known sort; relevance without words sorts by date."""
    sort = search.sort if search.sort in SORTS else "relevance"
    if sort == "relevance" and not has_words:
        sort = "date"
    return replace(search, sort=sort, page=max(1, search.page), per_page=min(MAX_PER_PAGE, max(1, search.per_page)))


def run(searcher: Searcher, search: SearchQuery, parsed: ParsedQuery) -> SearchResults:
    search = corrected(search, bool(parsed.positive))
    notes = list(parsed.notes)
    words = querying.document_query(parsed)
    results = _documents(searcher, search, words)
    relaxed = False
    if results.total == 0 and len(parsed.positive) > 1:
        relaxed_words = querying.document_query(parsed, relaxed=True)
        relaxed_results = _documents(searcher, search, relaxed_words)
        if relaxed_results.total:
            results, words, relaxed = relaxed_results, relaxed_words, True
            notes.append(NOTE_RELAXED)
    facets = _facets(searcher, search, words, results.facets)
    hits = _with_pages(searcher, search, parsed, results.hits)
    return SearchResults(hits=hits, total=results.total, page=search.page, per_page=search.per_page,
                         sort=search.sort, facets=facets, notes=notes, relaxed=relaxed, citations=parsed.citations)


@dataclass(frozen=True)
class _Found:
    hits: list[tuple[dict[str, Any], float | None]]
    total: int
    facets: dict[str, dict]


def _documents(searcher: Searcher, search: SearchQuery, words: wq.Query) -> _Found:
    """The requested page of document records, the total and the facets whose filter is not set."""
    scoped = wq.And([words, querying.scope(search, DOCUMENT)])
    open_facets = [name for name in FACETS if name not in search.filter_values()]
    limit = search.page * search.per_page
    results = searcher.search(scoped, limit=limit, sortedby=_sort_facet(search),
                              groupedby=_facet_spec(open_facets), terms=False)
    start = (search.page - 1) * search.per_page
    hits = [(hit.fields(), hit.score if search.sort == "relevance" else None)
            for hit in results[start:limit]]
    return _Found(hits, len(results), {name: results.groups(name) for name in open_facets})


def _sort_facet(search: SearchQuery) -> sorting.FacetType | None:
    if search.sort == "relevance":
        return None
    # Sort only by columns (sortable fields): any other field is read term by term on every search.
    facets = [sorting.FieldFacet(name, reverse=search.descending)
              for name in dict.fromkeys([_SORT_FIELDS[search.sort], "sort_uploaded"])]
    if search.sort == "number":  # documents without a number last, in either direction
        facets.insert(0, sorting.FieldFacet("numbered", reverse=True))
    return sorting.MultiFacet(facets)


def _facet_spec(names: list[str]) -> sorting.Facets:
    facets = sorting.Facets()
    for name in names:
        facets.add_facet(name, sorting.FieldFacet(name, allow_overlap=name == "indicator", maptype=sorting.Count))
    return facets


def _facets(searcher: Searcher, search: SearchQuery, words: wq.Query,
            open_counts: dict[str, dict]) -> dict[str, list[FacetCount]]:
    """Counts per facet; a facet whose filter is set is counted with every other filter only."""
    counts = dict(open_counts)
    for name in search.filter_values():
        scoped = wq.And([words, querying.scope(search, DOCUMENT, without=name)])
        counts[name] = searcher.search(scoped, limit=1, groupedby=_facet_spec([name]), terms=False).groups(name)
    return {name: _facet_list(name, counts.get(name, {})) for name in FACETS}


def _facet_list(name: str, counts: dict) -> list[FacetCount]:
    found = []
    for key, count in counts.items():
        if name == "indicator" and key is None:
            continue  # documents without indicators
        found.append(FacetCount(_facet_value(name, key), count))
    if name == "year":
        return sorted(found, key=lambda facet: (facet.value is None, -(facet.value or 0)))  # type: ignore[operator]
    return sorted(found, key=lambda facet: (-facet.count, str(facet.value)))


def _facet_value(name: str, key: Any) -> str | int | bool | None:
    text = key.decode() if isinstance(key, bytes) else key
    if text in (UNKNOWN, None):
        return None
    if name == "year":
        return int(text)
    if name in {"has_findings", "confirmed"}:
        return text == "1"
    return str(text)


def _with_pages(searcher: Searcher, search: SearchQuery, parsed: ParsedQuery,
                found: list[tuple[Any, float | None]]) -> list[Hit]:
    """Hits with their best matching pages, each with a snippet, from the page records."""
    document_ids = [int(fields["document_key"]) for fields, _score in found]
    pages: dict[int, list[PageHit]] = {document_id: [] for document_id in document_ids}
    matched: dict[int, int] = dict.fromkeys(document_ids, 0)
    page_words = querying.page_query(parsed)
    if page_words is not None and document_ids:
        highlights = Highlights.of(parsed)
        scoped = wq.And([page_words, querying.documents(document_ids), querying.scope(search, PAGE)])
        for hit in searcher.search(scoped, limit=None, terms=False):
            document_id = int(hit["document_key"])
            matched[document_id] += 1
            if len(pages[document_id]) < MAX_PAGES_PER_HIT:
                pages[document_id].append(PageHit(hit["page_number"], hit.score or 0.0,
                                                  snippet(hit["page_text"], highlights)))
    citations = parsed.citations
    return [Hit(document_id=int(fields["document_key"]), organisation_id=int(fields["organisation"]),
                title=fields.get("title", ""), score=score, pages=pages[int(fields["document_key"])],
                matched_pages=matched[int(fields["document_key"])],
                citation_match=any(_is_cited(fields, citation) for citation in citations))
            for fields, score in found]


def _is_cited(fields: dict[str, Any], citation: QueryCitation) -> bool:
    numbers = set(fields.get("legal_number", "").split(","))
    return (bool(numbers & set(citation.numbers()))
            and (not citation.kinds or fields.get("kind") in citation.kinds)
            and (not citation.year or fields.get("year") == str(citation.year)))
