"""One search over an open Whoosh searcher: hits, total, facets, sorting, paging, matching pages.

The engine finds the documents in scope that match the words, once: scored when the
results are ranked by relevance, unscored when they are sorted by a column. Their filter
and facet values then come from `values`: a document that passes every filter is counted
in the total and in every facet; one that fails a single filter is counted in that
filter's facet only, so a chosen kind still shows how many documents each other kind would
give. Only the page of results shown is rescored (or sorted by its columns), and only its
documents' pages are searched for the "halaman 4" links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from whoosh.searching import Searcher

from . import blockwise, querying
from .blockwise import Memo
from .citations import QueryCitation
from .parsing import ParsedQuery
from .records import FACETS, MAX_PER_PAGE, SORTS, FacetCount, Hit, PageHit, SearchQuery, SearchResults
from .schema import UNKNOWN
from .snippets import Highlights, snippet
from .values import INDICATOR, Values

MAX_PAGES_PER_HIT = 3
RESCORE_WINDOW = 100
NOTE_RELAXED = "Tidak ada dokumen yang memuat semua kata; ditampilkan dokumen yang memuat sebagian kata."
_SORT_FIELDS = {"date": "sort_date", "uploaded": "sort_uploaded", "number": "sort_number"}


def corrected(search: SearchQuery, has_words: bool) -> SearchQuery:
    """Page at least 1, per_page 1..MAX_PER_PAGE, a known sort; relevance without words sorts by date."""
    sort = search.sort if search.sort in SORTS else "relevance"
    if sort == "relevance" and not has_words:
        sort = "date"
    return replace(search, sort=sort, page=max(1, search.page), per_page=min(MAX_PER_PAGE, max(1, search.per_page)))


def run(searcher: Searcher, search: SearchQuery, parsed: ParsedQuery, values: Values,
        memo: Memo) -> SearchResults:
    search = corrected(search, bool(parsed.positive))
    notes = list(parsed.notes)
    filters = querying.filter_terms(search)
    found = _found(searcher, search, querying.document_match(parsed, search), filters, values, memo)
    relaxed = False
    if not found.passing and parsed.citations:  # a cited instrument is there or not: never "some of the words"
        notes.append(not_found_note(parsed.citations))
    elif not found.passing and len(parsed.positive) > 1:
        relaxed_match = querying.document_match(parsed, search, relaxed=True)
        relaxed_found = _found(searcher, search, relaxed_match, filters, values, memo)
        if relaxed_found.passing:
            found, relaxed = relaxed_found, True
            notes.append(NOTE_RELAXED)
    shown = _shown(searcher, search, parsed, found, values, memo)
    hits = _with_pages(searcher, parsed, shown, values, memo)
    facets = {name: facet_list(name, found.counts[name]) for name in FACETS}
    return SearchResults(hits=hits, total=len(found.passing), page=search.page, per_page=search.per_page,
                         sort=search.sort, facets=facets, notes=notes, relaxed=relaxed, citations=parsed.citations)


def not_found_note(citations: list[QueryCitation] | tuple[QueryCitation, ...]) -> str:
    """What to tell a person whose cited regulation is not in the vault (instead of unrelated documents)."""
    cited = "; ".join(citation.label() for citation in citations)
    return (f"Tidak ada dokumen {cited} di vault. Periksa nomor dan tahunnya; bila dokumennya memang belum ada, "
            "unggah dokumennya.")


@dataclass(frozen=True)
class _Counted:
    passing: list[int]  # record numbers of the matching documents that pass every filter, best first if scored
    scores: dict[int, float]  # by record number; empty when not ranked by relevance
    counts: dict[str, Counter[str]]  # per facet: value -> documents


def _found(searcher: Searcher, search: SearchQuery, match: Any, filters: dict[str, str], values: Values,
           memo: Memo) -> _Counted:
    """The matching documents: scored (best first) for relevance, else in index order."""
    if search.sort != "relevance":
        return _count(blockwise.matching(searcher, match, memo), {}, filters, values)
    ranked = blockwise.ranked(searcher, match, memo)  # (score, record), best first
    return _count((docnum for _score, docnum in ranked), {docnum: score for score, docnum in ranked},
                  filters, values)


def _count(docnums: Iterable[int], scores: dict[int, float], filters: dict[str, str], values: Values) -> _Counted:
    """The documents that pass the filters, and the facet counts, tallied a facet at a time."""
    passing: list[int] = []
    failing_one: dict[str, list[int]] = {name: [] for name in filters}  # pass every filter but this one
    if not filters:
        passing = list(docnums)
    else:
        for docnum in docnums:
            failed = [name for name, wanted in filters.items() if not values.passes(name, docnum, wanted)]
            if not failed:
                passing.append(docnum)
            elif len(failed) == 1:
                failing_one[failed[0]].append(docnum)
    counts: dict[str, Counter[str]] = {name: _tally(name, passing, values) for name in FACETS}
    for name, failing in failing_one.items():
        counts[name].update(_tally(name, failing, values))
    return _Counted(passing, scores, counts)


def _tally(name: str, docnums: list[int], values: Values) -> Counter[str]:
    """How many of the documents have each value of the facet (each of their indicators, for `indicator`)."""
    if name == INDICATOR:
        return Counter(chain.from_iterable(map(values.indicators.__getitem__, docnums)))
    return Counter(map(values.columns[name].__getitem__, docnums))


def _shown(searcher: Searcher, search: SearchQuery, parsed: ParsedQuery, found: _Counted,
           values: Values, memo: Memo) -> list[tuple[int, float | None]]:
    """The requested page of documents as (record number, score), best or first in the chosen order first."""
    start, limit = (search.page - 1) * search.per_page, search.page * search.per_page
    if start >= len(found.passing):
        return []
    if search.sort != "relevance":
        return [(docnum, None) for docnum in _sorted(found.passing, search, values)[start:limit]]
    return _rescored(searcher, parsed, found, limit, memo)[start:limit]


def _rescored(searcher: Searcher, parsed: ParsedQuery, found: _Counted, limit: int,
              memo: Memo) -> list[tuple[int, float | None]]:
    """The best `limit` documents after the best `RESCORE_WINDOW` are rescored.

    Rescoring adds the bonus for the words standing together as typed (`ADJACENT_BOOST`),
    which needs word positions: read for a hundred candidates, not for every match. A
    document outside the window could only overtake one inside it through that bonus,
    which needs the very words that put documents in the window.
    """
    scored = {docnum: found.scores[docnum] for docnum in found.passing[:max(limit, RESCORE_WINDOW)]}
    bonus = querying.adjacency_bonus(parsed, scored)
    if bonus is not None:
        for score, docnum in blockwise.ranked(searcher, bonus, memo):
            scored[docnum] += score
    ordered = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
    return [(docnum, score) for docnum, score in ordered[:limit]]


def _sorted(docnums: list[int], search: SearchQuery, values: Values) -> list[int]:
    """By the chosen column, then upload time, then index order; documents without a number last."""
    keys = [(name, search.descending) for name in dict.fromkeys([_SORT_FIELDS[search.sort], "sort_uploaded"])]
    if search.sort == "number":
        keys.insert(0, ("numbered", True))
    ordered = list(docnums)
    for name, descending in reversed(keys):  # stable sorts, least significant key first
        ordered.sort(key=values.columns[name].__getitem__, reverse=descending)
    return ordered


def facet_list(name: str, counts: dict) -> list[FacetCount]:
    """Counts per value as the page shows them: years newest first, other facets most frequent first."""
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


def _with_pages(searcher: Searcher, parsed: ParsedQuery, shown: list[tuple[int, float | None]], values: Values,
                memo: Memo) -> list[Hit]:
    """Hits with their best matching pages, each with a snippet, from the page records."""
    document_ids = [int(values.value("document_key", docnum)) for docnum, _score in shown]
    pages: dict[int, list[PageHit]] = {document_id: [] for document_id in document_ids}
    matched: dict[int, int] = dict.fromkeys(document_ids, 0)
    records = [docnum for document_id in document_ids for docnum in values.records.get(document_id, [])]
    page_words = querying.page_query(parsed, records) if records else None
    if page_words is not None:
        highlights = Highlights.of(parsed)
        for score, docnum in blockwise.ranked(searcher, page_words, memo):  # best first
            document_id = int(values.value("document_key", docnum))
            matched[document_id] += 1
            if len(pages[document_id]) < MAX_PAGES_PER_HIT:
                page = searcher.stored_fields(docnum)
                pages[document_id].append(PageHit(page["page_number"], score, snippet(page["page_text"], highlights)))
    citations = parsed.citations
    hits = []
    for (docnum, score), document_id in zip(shown, document_ids, strict=True):
        fields = searcher.stored_fields(docnum)
        hits.append(Hit(document_id=document_id, organisation_id=int(fields["organisation"]),
                        title=fields.get("title", ""), score=score, pages=pages[document_id],
                        matched_pages=matched[document_id],
                        citation_match=any(_is_cited(fields, citation) for citation in citations)))
    return hits


def _is_cited(fields: dict[str, Any], citation: QueryCitation) -> bool:
    numbers = set(fields.get("legal_number", "").split(","))
    return (bool(numbers & set(citation.numbers()))
            and (not citation.kinds or fields.get("kind") in citation.kinds)
            and (not citation.year or fields.get("year") == str(citation.year)))
