"""The search conformance suite: every search test marked for both runs once per backend.

`new_index(name)` gives an empty index of the test's backend: a Whoosh folder, or a fresh
PostgreSQL database (copied from a migrated template, on the run's throwaway cluster) with
the search tables of `search.backend = "postgres"`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from evidence_vault import db
from evidence_vault.search import Index, PostgresIndex

from ..services import PostgresCluster

BACKENDS = ("whoosh", "postgres")
_numbers = itertools.count()


@pytest.fixture(scope="session")
def search_template(postgres_server: PostgresCluster) -> str:
    """A migrated database to copy: CREATE DATABASE ... TEMPLATE takes a few milliseconds."""
    url = postgres_server.url("search_template")
    engine = create_engine(url)
    db.upgrade(engine)
    engine.dispose()
    return "search_template"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def new_index(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Index]]:
    engines: list[Engine] = []

    def make(name: str = "index") -> Index:
        if backend == "whoosh":
            return Index.open(tmp_path / name, lock_timeout=10)
        cluster: PostgresCluster = request.getfixturevalue("postgres_server")
        template = request.getfixturevalue("search_template")
        database = f"search_{next(_numbers)}"
        admin = create_engine(cluster.url_of("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {database} TEMPLATE {template}"))
        admin.dispose()
        engines.append(create_engine(cluster.url_of(database)))
        return PostgresIndex(engines[-1])  # type: ignore[return-value]

    yield make
    for engine in engines:
        engine.dispose()
