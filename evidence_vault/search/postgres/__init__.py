"""The search index inside PostgreSQL (`search.backend = "postgres"`): the same interface as the Whoosh
`search.Index`, the same analysis, query language and results, rows beside the data they index.

The tables (`search_document`, `search_page`) come from migration 0010. `search_state` (migration
0014) holds the fingerprint of the analysis that wrote the rows (`state.FINGERPRINT`): when a new
version analyses text differently, `needs_rebuild` says so ("schema_changed"), as the Whoosh
index does from the version written beside it, and `init` rebuilds the rows. `write` takes the
caller's connection, so that a change and its search rows commit in one transaction and
the index never lags the database; `add_or_replace` and `delete` open their own, for the
callers that index after their commit. Every app server and worker reads the same rows:
nothing to share on disk, nothing to lock beyond PostgreSQL's own row locks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from itertools import islice

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from ..analysis import load_stemmer, warm_stems
from ..errors import SearchError
from ..parsing import parse_query, plain_terms
from ..records import IndexedDocument, IndexStats, RebuildReport, SearchQuery, SearchResults
from ..schema import SCHEMA_VERSION
from . import searching, state, writing

log = logging.getLogger(__name__)

TABLES = ("search_document", "search_page", "search_state")
BATCH = 100


class PostgresIndex:
    """The search tables of one PostgreSQL database. Safe to share between threads and processes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.path = None  # no folder: kept for callers that name the Whoosh index's place

    @classmethod
    def open(cls, engine: Engine) -> PostgresIndex:
        return cls(engine)

    @property
    def needs_rebuild(self) -> bool:
        return self.rebuild_reason is not None

    @property
    def rebuild_reason(self) -> str | None:
        """"missing" when the tables are not there (the database is not migrated); "schema_changed" when
        the rows were written by another analysis (stemmer, stop list, layout) than this version's; else None."""
        with self.engine.connect() as connection:
            present = inspect(connection).get_table_names()
            if not all(table in present for table in TABLES):
                return "missing"
            return None if state.current(connection) else "schema_changed"

    # Writing ---------------------------------------------------------------------------------

    def write(self, connection: Connection, documents: Iterable[IndexedDocument]) -> int:
        """Replace these documents' rows inside the caller's transaction."""
        latest = list(documents)
        warm_stems(text for document in latest for _number, text in document.pages)
        if latest:
            state.claim(connection)
        return writing.write(connection, latest)

    def add_or_replace(self, documents: Iterable[IndexedDocument]) -> None:
        with self.engine.begin() as connection:
            self.write(connection, documents)

    def remove(self, connection: Connection, document_ids: list[int]) -> None:
        """Drop these documents' rows inside the caller's transaction (trash, deletion)."""
        writing.remove(connection, document_ids)

    def delete(self, document_id: int) -> None:
        with self.engine.begin() as connection:
            self.remove(connection, [document_id])

    def rebuild(self, documents: Iterable[IndexedDocument], *, reload: object = None) -> RebuildReport:
        """Every row again, in one transaction: searches see the old rows until it commits.

        `reload` is not needed (a document written meanwhile waits for the rebuild's row locks,
        then writes its own current rows) and is accepted for the Whoosh index's callers.
        """
        started = time.monotonic()
        count = 0
        with self.engine.begin() as connection:
            connection.execute(text("DELETE FROM search_page"))
            connection.execute(text("DELETE FROM search_document"))
            state.record(connection)
            iterator = iter(documents)
            while batch := list(islice(iterator, BATCH)):
                count += self.write(connection, batch)
        with self.engine.begin() as connection:  # the planner's statistics, for the new rows
            connection.execute(text("ANALYZE search_document"))
            connection.execute(text("ANALYZE search_page"))
        return RebuildReport(count, time.monotonic() - started, [], [])

    # Reading ---------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        """As `search.Index.search`: malformed text never raises; see `SearchResults.notes`."""
        parsed = parse_query(query.text)
        try:
            with self.engine.connect() as connection:
                return searching.run(connection, query, parsed)
        except OperationalError as error:  # the database is down or unreachable, not the query
            raise SearchError(f"the search tables cannot be read: {error}") from error
        except Exception:  # a query shape the engine cannot run must not take the search page down
            log.exception("search failed for %r; retrying with plain words", query.text[:200])
            with self.engine.connect() as connection:
                return searching.run(connection, query, plain_terms(query.text))

    def warm(self) -> None:
        """Load the stemmer now, not in the first search."""
        load_stemmer()

    def document_ids(self) -> set[int]:
        with self.engine.connect() as connection:
            return set(connection.execute(text("SELECT document_id FROM search_document")).scalars())

    def stats(self) -> IndexStats:
        with self.engine.connect() as connection:
            documents = connection.execute(text("SELECT count(*) FROM search_document")).scalar_one()
            pages = connection.execute(text("SELECT count(*) FROM search_page")).scalar_one()
            size = connection.execute(text("SELECT pg_total_relation_size('search_document') + "
                                           "pg_total_relation_size('search_page')")).scalar_one()
        return IndexStats(documents=documents, pages=pages, size_bytes=size, toc_bytes=0,
                          schema_version=SCHEMA_VERSION, generation="postgres")
