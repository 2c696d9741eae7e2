"""Both search backends over real text: a sample of the shared corpus's Undang-Undang (every 12th of the
1,535 statutes, 128 of them, about 700 pages), the same fixed queries on each.

Both must find the same statutes for every query (the same total, the same documents).
Their rankings come from different formulas (Whoosh's BM25F; PostgreSQL's `ts_rank`, with
the same boosts), so the order is compared where it matters to a reader: each backend's
first hit is among the other's first five. Prefix queries are left out of that comparison:
Whoosh scores a prefix by its best word, PostgreSQL by all the words it covers.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from evidence_vault import db
from evidence_vault.search import Index, PostgresIndex, SearchQuery

from ..conftest import require_corpus
from ..services import PostgresCluster
from .uu_documents import ROOT, statutes

pytestmark = pytest.mark.corpus

SAMPLE_STEP = 12
QUERIES = [
    "ketenagakerjaan", "pelindungan data pribadi", "UU 24/1997", '"tenaga kerja asing"', "pajak daerah",
    "perbankan syariah", "lingkungan hidup", "penanaman modal", "otonomi khusus papua", "pemilihan umum -presiden",
    "kelautan OR perikanan", "narkotik*", "hak asasi manusia", "pengadilan pajak", "Undang-Undang Nomor 8 Tahun 1981",
    "pemerintahan daerah", "kewarganegaraan", "keuangan negara", "perlindungan anak", "pertahanan negara",
]


@pytest.fixture(scope="module")
def both(postgres_server: PostgresCluster) -> Iterator[tuple[Index, PostgresIndex]]:
    require_corpus(ROOT)
    documents = statutes(SAMPLE_STEP)
    engine = create_engine(postgres_server.url("undang_undang"))
    db.upgrade(engine)
    postgres = PostgresIndex(engine)
    postgres.rebuild(documents)
    with tempfile.TemporaryDirectory(prefix="evidence-vault-uu-") as folder:
        whoosh = Index.open(Path(folder) / "index")
        whoosh.rebuild(documents)
        yield whoosh, postgres
    engine.dispose()


def _found(index: Index | PostgresIndex, query: str, per_page: int = 100) -> tuple[int, list[int]]:
    results = index.search(SearchQuery(text=query, organisation_ids=[1], per_page=per_page))
    return results.total, [hit.document_id for hit in results.hits]


@pytest.mark.parametrize("query", QUERIES)
def test_both_backends_find_the_same_statutes(both: tuple[Index, PostgresIndex], query: str) -> None:
    whoosh, postgres = both
    (whoosh_total, whoosh_ids), (postgres_total, postgres_ids) = _found(whoosh, query), _found(postgres, query)
    assert whoosh_total == postgres_total > 0
    if whoosh_total <= 100:
        assert set(whoosh_ids) == set(postgres_ids)


@pytest.mark.parametrize("query", [query for query in QUERIES if "*" not in query])
def test_both_backends_put_the_same_statutes_first(both: tuple[Index, PostgresIndex], query: str) -> None:
    whoosh, postgres = both
    whoosh_top, postgres_top = _found(whoosh, query, 5)[1], _found(postgres, query, 5)[1]
    assert whoosh_top[0] in postgres_top and postgres_top[0] in whoosh_top, (whoosh_top, postgres_top)
