"""Database engine, sessions and schema migrations (Alembic, run from code)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from .config import Settings

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which `migrations/env.py` keeps
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\b[^=\n]*=\s*(?:['"](\w+)['"]|None)\s*$""", re.MULTILINE)
WRITES = "evidence_vault_writes"  # execution option: this unit of work writes (see `_sqlite_begin`)


class SchemaOutOfDate(RuntimeError):
    """The database is missing or older than this version of the code."""


class WriterAlreadyOpen(RuntimeError):
    """This thread began a second write transaction while its first one still holds SQLite's lock."""


def make_engine(settings: Settings) -> Engine:
    """Create the engine; SQLite gets foreign keys, WAL and a busy timeout."""
    url = settings.database_url
    if url.startswith("sqlite"):
        settings.storage_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "commit", _sqlite_end)
        event.listen(engine, "rollback", _sqlite_end)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys on, WAL for readers beside a writer; and transactions under SQLAlchemy's control.

    Python's sqlite3 module opens transactions implicitly and never around DDL, so a failed
    migration would leave half a schema. Turning that off and emitting BEGIN ourselves
    (`_sqlite_begin`) makes schema changes atomic too.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def writing(engine: Engine) -> Engine:
    """The engine for a unit of work that writes: on SQLite its transactions begin IMMEDIATE."""
    return engine.execution_options(**{WRITES: True})


_writer = threading.local()  # the connection whose IMMEDIATE transaction this thread holds


def _sqlite_begin(connection: Any) -> None:
    """BEGIN IMMEDIATE for units of work that write (`writing`), a deferred BEGIN for the rest.

    A deferred transaction reads from a snapshot. If another connection (the worker, another
    request, an import) commits before it writes, SQLite cannot let it write over data it has
    not seen and fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT); the busy
    timeout does not apply. Taking the write lock at BEGIN makes a writer wait its turn
    instead, and what it read stays true until it commits. Reads stay deferred because in
    WAL mode they then never wait for a writer: with every transaction IMMEDIATE each page
    view would queue behind the worker, and a thread reading in one session while it writes
    through another (a request's session beside `ingest`) would wait for itself.

    That self-wait can still happen between two writers of one thread, and would end only
    in the 30-second timeout; it is refused at once instead (`WriterAlreadyOpen`).
    """
    if not connection.get_execution_options().get(WRITES):
        connection.exec_driver_sql("BEGIN")
        return
    held = getattr(_writer, "connection", None)
    if held is not None and held is not connection.connection.dbapi_connection and _in_transaction(held):
        raise WriterAlreadyOpen(
            "this thread already holds the SQLite write lock in another transaction and would wait for "
            "itself: commit or close that unit of work first (in a view: context.end_transaction())"
        )
    connection.exec_driver_sql("BEGIN IMMEDIATE")
    _writer.connection = connection.connection.dbapi_connection


def _sqlite_end(connection: Any) -> None:
    held = getattr(_writer, "connection", None)
    if held is not None and (connection.invalidated or held is connection.connection.dbapi_connection):
        _writer.connection = None


def _in_transaction(dbapi_connection: Any) -> bool:
    try:
        return bool(dbapi_connection.in_transaction)
    except Exception:  # closed meanwhile (engine disposed)
        return False


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work that writes: committed when the block ends, rolled back on error.

    On SQLite it holds the write lock from its first statement to the end of the block, so
    slow work (reading files, OCR, asking the user) belongs before or after it.
    """
    with Session(writing(engine), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# Alembic is imported by the functions that migrate, not above: the schema check every command
# makes (`require_current_schema`) reads the two revisions without it, which spares each
# command 0.1-0.3 s (issue 23).


def _alembic_config(engine: Engine) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = writing(engine)
    return config


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    from alembic import command

    command.upgrade(_alembic_config(engine), "head")


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at, from Alembic's version table; None before the first."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def head_revision() -> str | None:
    """The newest migration: the one no other names as its `down_revision`.

    Read from the migration files' own `revision` lines; where they do not make one plain
    line of migrations (a merge, a branch, a line written another way), Alembic decides.
    `tests/test_migrations.py` checks that both agree.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if not found.get("revision") or "down_revision" not in found:
            return _alembic_head()
        revisions.add(found["revision"])
        parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else _alembic_head()


def _alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def require_current_schema(engine: Engine) -> None:
    """Refuse to run against a database that `evidence-vault init` has not upgraded."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise SchemaOutOfDate(
            f"database schema is at {current or 'nothing'}, code expects {head}: "
            "run `evidence-vault init` first"
        )
