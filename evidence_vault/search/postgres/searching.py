"""One search over the search tables, with the results Whoosh's `search.searching` gives.

One statement finds the documents in scope that match (scored when ranked by relevance),
with their filter, facet and sort values. The filters, the facet counts (a document that
fails one filter only is still counted in that filter's facet), sorting and paging then run
over those rows, the same rules as for Whoosh; the best hundred get the bonus for the words
standing together; a second statement finds the best pages of the documents shown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from .. import querying
from ..citations import QueryCitation
from ..parsing import ParsedQuery
from ..records import FACETS, Hit, PageHit, SearchQuery, SearchResults
from ..searching import MAX_PAGES_PER_HIT, NOTE_RELAXED, RESCORE_WINDOW, corrected, facet_list, not_found_note
from ..snippets import Highlights, snippet
from .compiling import Compiler, excluded_parts, positive_parts

_ROW = ("document_id, organisation_id, title, kind, year, legal_status, in_force, has_findings, confirmed, "
        "indicators, legal_numbers, sort_date, sort_uploaded, sort_number, numbered")
_SORT_COLUMNS = {"date": "sort_date", "uploaded": "sort_uploaded", "number": "sort_number"}


@dataclass(frozen=True)
class _Found:
    passing: list[dict[str, Any]]  # rows that pass every filter, best first when scored
    counts: dict[str, Counter[Any]]


# The planner does not count what a `@@` costs on a document's words, which live out of line in
# TOAST (12-17 KB a statute): over ten organisations it took the organisation's btree index and
# tested every document of the organisation against the query, reading all their vectors (118 ms
# for 1,535 statutes), where the GIN indexes name the matching documents in 1 ms. Without plain
# index and sequential scans it takes bitmaps: the GIN indexes', ANDed with the organisation's.
# It may still prefer the organisation's bitmap and a filter when a word is in most documents,
# which then are all ranked anyway.
#
# And no JIT compilation: the planner's cost of a citation's statement (its page subqueries) passed
# `jit_above_cost`, and compiling took 138 ms of a 614 ms search; a search is short work.
PLANNER = text("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), "
               "set_config('jit', 'off', true)")


def use_bitmaps(connection: Connection) -> None:
    """For this transaction: rows chosen through index bitmaps (GIN for words), never a filter over the scope."""
    connection.execute(PLANNER)


def run(connection: Connection, search: SearchQuery, parsed: ParsedQuery) -> SearchResults:
    search = corrected(search, bool(parsed.positive))
    use_bitmaps(connection)
    notes = list(parsed.notes)
    filters = querying.filter_terms(search)
    found = _count(_matching(connection, search, parsed, relaxed=False), filters)
    relaxed = False
    if not found.passing and parsed.citations:  # a cited instrument is there or not: never "some of the words"
        notes.append(not_found_note(parsed.citations))
    elif not found.passing and len(parsed.positive) > 1:
        relaxed_found = _count(_matching(connection, search, parsed, relaxed=True), filters)
        if relaxed_found.passing:
            found, relaxed = relaxed_found, True
            notes.append(NOTE_RELAXED)
    shown = _shown(connection, search, parsed, found)
    hits = _with_pages(connection, parsed, shown)
    facets = {name: facet_list(name, found.counts[name]) for name in FACETS}
    return SearchResults(hits=hits, total=len(found.passing), page=search.page, per_page=search.per_page,
                         sort=search.sort, facets=facets, notes=notes, relaxed=relaxed, citations=parsed.citations)


def _matching(connection: Connection, search: SearchQuery, parsed: ParsedQuery, *,
              relaxed: bool) -> list[dict[str, Any]]:
    """Documents in scope matching every clause (relaxed: any), none of the excluded; best first if scored."""
    statement, params = matching_statement(search, parsed, relaxed=relaxed)
    result = connection.execute(text(statement), params)
    names = list(result.keys())  # once: `row._mapping` builds its keys again for every row (40 µs each)
    return [dict(zip(names, row, strict=True)) for row in result]


def matching_statement(search: SearchQuery, parsed: ParsedQuery, *, relaxed: bool) -> tuple[str, dict[str, object]]:
    """The SQL of `_matching` and its parameters."""
    compiler = Compiler()
    conditions = [_scope(compiler, search)]
    positive = positive_parts(compiler, parsed)
    if positive:
        joined = " OR ".join(part.condition for part in positive) if relaxed else None
        conditions += [f"({joined})"] if joined else [part.condition for part in positive]
    conditions += [f"NOT {part.condition}" for part in excluded_parts(compiler, parsed)]
    ranked = search.sort == "relevance" and positive
    score = " + ".join(part.score for part in positive) if ranked else "0"
    filters = _filters_sql(compiler, querying.filter_terms(search))
    if ranked and filters:  # rows that fail a filter only count in the facets: their words need no ranking
        score = f"CASE WHEN {filters} THEN {score} ELSE 0 END"
    order = "score DESC, document_id" if ranked else "document_id"
    statement = (f"SELECT {_ROW}, {score} AS score FROM search_document d WHERE {' AND '.join(conditions)} "
                 f"ORDER BY {order}")
    return statement, compiler.params


def _scope(compiler: Compiler, search: SearchQuery) -> str:
    """The organisation scope, inside the statement itself; an empty scope finds nothing."""
    if search.all_organisations:
        return "TRUE"
    organisations = sorted(set(search.organisation_ids or []))
    return f"d.organisation_id = ANY({compiler.bind(organisations, 'integer[]')})" if organisations else "FALSE"


def _filters_sql(compiler: Compiler, filters: dict[str, str]) -> str:
    """The filters as SQL over `d`, as `_passes` applies them."""
    return " AND ".join(f"{compiler.bind(wanted)} = ANY(d.indicators)" if name == "indicator"
                        else f"d.{name} = {compiler.bind(wanted)}" for name, wanted in filters.items())


def _passes(row: dict[str, Any], name: str, wanted: str) -> bool:
    return wanted in row["indicators"] if name == "indicator" else row[name] == wanted


def _count(rows: list[dict[str, Any]], filters: dict[str, str]) -> _Found:
    """The rows that pass the filters, and the facet counts: as `search.searching._count`."""
    passing: list[dict[str, Any]] = []
    failing_one: dict[str, list[dict[str, Any]]] = {name: [] for name in filters}
    for row in rows:
        failed = [name for name, wanted in filters.items() if not _passes(row, name, wanted)]
        if not failed:
            passing.append(row)
        elif len(failed) == 1:
            failing_one[failed[0]].append(row)
    counts = {name: _tally(name, passing) for name in FACETS}
    for name, failing in failing_one.items():
        counts[name].update(_tally(name, failing))
    return _Found(passing, counts)


def _tally(name: str, rows: list[dict[str, Any]]) -> Counter[Any]:
    if name == "indicator":
        return Counter(code for row in rows for code in row["indicators"])
    return Counter(row[name] for row in rows)


def _shown(connection: Connection, search: SearchQuery, parsed: ParsedQuery,
           found: _Found) -> list[tuple[dict[str, Any], float | None]]:
    start, limit = (search.page - 1) * search.per_page, search.page * search.per_page
    if start >= len(found.passing):
        return []
    if search.sort != "relevance":
        return [(row, None) for row in _sorted(found.passing, search)[start:limit]]
    window = found.passing[:max(limit, RESCORE_WINDOW)]
    scores = {row["document_id"]: float(row["score"]) for row in window}
    compiler = Compiler()
    bonus = compiler.adjacency(parsed.plain_words)
    if bonus is not None:
        ids = compiler.bind(list(scores), "integer[]")
        statement = (f"SELECT document_id, {bonus.score} AS bonus FROM search_document d "
                     f"WHERE d.document_id = ANY({ids}) AND {bonus.condition}")
        for document_id, extra in connection.execute(text(statement), compiler.params):
            scores[document_id] += float(extra) + ADJACENT_FLOOR
    ordered = sorted(window, key=lambda row: (-scores[row["document_id"]], row["document_id"]))
    return [(row, scores[row["document_id"]]) for row in ordered[start:limit]]


# Words standing together as typed count at least this much (ts_rank of a phrase can be tiny).
ADJACENT_FLOOR = 0.01


def _sorted(rows: list[dict[str, Any]], search: SearchQuery) -> list[dict[str, Any]]:
    """By the chosen column, then upload time, then document; documents without a number last."""
    keys = [(name, search.descending) for name in dict.fromkeys([_SORT_COLUMNS[search.sort], "sort_uploaded"])]
    if search.sort == "number":
        keys.insert(0, ("numbered", True))
    ordered = sorted(rows, key=lambda row: row["document_id"])
    for name, descending in reversed(keys):
        ordered.sort(key=lambda row, name=name: row[name], reverse=descending)  # type: ignore[misc]
    return ordered


def _with_pages(connection: Connection, parsed: ParsedQuery,
                shown: list[tuple[dict[str, Any], float | None]]) -> list[Hit]:
    """Hits with their best matching pages (best first), each with a snippet, and how many pages match."""
    document_ids = [row["document_id"] for row, _score in shown]
    pages: dict[int, list[PageHit]] = {document_id: [] for document_id in document_ids}
    matched: dict[int, int] = dict.fromkeys(document_ids, 0)
    compiler = Compiler()
    parts = [part for clause in parsed.positive if (part := compiler.page_clause(clause)) is not None]
    if parts and document_ids:
        condition = " OR ".join(part.condition for part in parts)
        score = " + ".join(part.score for part in parts)
        statement = (
            "WITH matched AS (SELECT p.document_id, p.page_number, score, "
            "row_number() OVER (PARTITION BY p.document_id ORDER BY score DESC, p.page_number) AS place, "
            "count(*) OVER (PARTITION BY p.document_id) AS pages "
            f"FROM (SELECT p.document_id, p.page_number, {score} AS score FROM search_page p "
            f"WHERE p.document_id = ANY({compiler.bind(document_ids, 'integer[]')}) AND ({condition})) p) "
            "SELECT m.document_id, m.page_number, m.score, m.pages, s.text FROM matched m "
            "JOIN search_page s USING (document_id, page_number) "
            f"WHERE m.place <= {MAX_PAGES_PER_HIT} ORDER BY m.document_id, m.place")
        highlights = Highlights.of(parsed)
        for row in connection.execute(text(statement), compiler.params):
            matched[row.document_id] = row.pages
            pages[row.document_id].append(PageHit(row.page_number, float(row.score), snippet(row.text, highlights)))
    return [Hit(document_id=row["document_id"], organisation_id=row["organisation_id"], title=row["title"],
                score=score, pages=pages[row["document_id"]], matched_pages=matched[row["document_id"]],
                citation_match=any(_is_cited(row, citation) for citation in parsed.citations))
            for row, score in shown]


def _is_cited(row: dict[str, Any], citation: QueryCitation) -> bool:
    return (bool(set(row["legal_numbers"]) & set(citation.numbers()))
            and (not citation.kinds or row["kind"] in citation.kinds)
            and (not citation.year or row["year"] == str(citation.year)))
