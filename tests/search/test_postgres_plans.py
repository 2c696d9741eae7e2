"""The PostgreSQL search reads documents through index bitmaps, never testing a whole scope one by one.

The benchmark over the shared UU corpus (docs/benchmarks.md) found the planner taking the
organisation's btree index and testing every document of the organisation with `@@`, reading
each one's words out of TOAST: 118 ms for 1,535 statutes, where the GIN indexes name the
matching ones in about 1 ms; and compiling a citation's statement (JIT) for 138 ms.
`searching.use_bitmaps` leaves the planner only index bitmaps, without JIT. (Which bitmaps it
takes is still its choice: for a small organisation, or a word most documents hold, it may take
the organisation's and test those documents; on the benchmark's ten organisations of 1,535
statutes it ANDs the GIN indexes' bitmaps with the organisation's for the words it measured.)
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from evidence_vault import db
from evidence_vault.search import IndexedDocument, PostgresIndex, SearchQuery
from evidence_vault.search.parsing import parse_query
from evidence_vault.search.postgres import searching

from ..services import PostgresCluster

WORDS = [f"istilah{number}" for number in range(3000)]
ORGANISATIONS, DOCUMENTS = 10, 800  # as in a province's vault: each body holds a tenth


def _long_document(document_id: int, organisation_id: int, rng: random.Random) -> IndexedDocument:
    """About 1,500 words on three pages: its vectors are stored out of line, as a statute's are."""
    pages = [(number, " ".join(rng.choice(WORDS) for _ in range(500))) for number in (1, 2, 3)]
    if document_id % 7 == 0:
        pages.append((4, "pengelolaan arsip dinamis"))
    if document_id % 200 == 0:
        pages.append((5, "jaringan telekomunikasi"))
    return IndexedDocument(document_id, organisation_id, f"Dokumen {document_id}", pages, kind="perbup", year=2024)


@pytest.fixture(scope="module")
def index(postgres_server: PostgresCluster) -> Iterator[PostgresIndex]:
    engine = create_engine(postgres_server.url(f"plans_{uuid.uuid4().hex[:8]}"))
    db.upgrade(engine)
    rng = random.Random(5)
    index = PostgresIndex(engine)
    index.rebuild(_long_document(number, 1 + number % ORGANISATIONS, rng) for number in range(1, DOCUMENTS + 1))
    yield index
    engine.dispose()


def _nodes(plan: dict) -> Iterator[dict]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _plan(index: PostgresIndex, words: str) -> tuple[dict, list[dict]]:
    search = SearchQuery(text=words, organisation_ids=[1], year=2024)
    statement, params = searching.matching_statement(search, parse_query(words), relaxed=False)
    with index.engine.connect() as connection:
        searching.use_bitmaps(connection)
        found = connection.execute(text(f"EXPLAIN (FORMAT JSON) {statement}"), params).scalar_one()
    plan = (json.loads(found) if isinstance(found, str) else found)[0]
    return plan, list(_nodes(plan["Plan"]))


@pytest.mark.parametrize("words", ["pengelolaan", "kelola arsip", '"arsip dinamis"', "arsip -kelola",
                                   "arsip OR pengelolaan", "kelol*", "Perbup 12/2024", ""])
def test_documents_are_read_through_index_bitmaps_without_jit(index: PostgresIndex, words: str) -> None:
    plan, nodes = _plan(index, words)
    scans = [node for node in nodes if node.get("Relation Name") == "search_document"]
    assert scans and all(node["Node Type"] == "Bitmap Heap Scan" for node in scans), scans
    assert "JIT" not in plan


def test_the_same_results_with_bitmaps(index: PostgresIndex) -> None:
    in_scope = [number for number in range(1, DOCUMENTS + 1) if 1 + number % ORGANISATIONS == 1]
    results = index.search(SearchQuery(text="pengelolaan", organisation_ids=[1]))
    assert results.total == len([number for number in in_scope if number % 7 == 0])
    assert results.total and all(hit.organisation_id == 1 for hit in results.hits)
    rare = index.search(SearchQuery(text="telekomunikasi", organisation_ids=[1], year=2024))
    assert rare.total == len([number for number in in_scope if number % 200 == 0]) > 0


def test_rows_a_filter_leaves_out_still_count_in_that_facet(index: PostgresIndex) -> None:
    """Only rows that pass the filters are ranked; the others are still counted in the facets."""
    results = index.search(SearchQuery(text="pengelolaan", organisation_ids=[1], year=2023))
    assert results.total == 0
    assert {str(facet.value): facet.count for facet in results.facets["year"]} == {
        "2024": len([number for number in range(1, DOCUMENTS + 1)
                     if 1 + number % ORGANISATIONS == 1 and number % 7 == 0])}
