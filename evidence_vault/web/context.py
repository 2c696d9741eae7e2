"""Per-request access to the settings, the engine and a database session."""

from __future__ import annotations

from flask import current_app, g, request
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .. import db
from ..config import Settings
from ..pipeline import indexing

READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def settings() -> Settings:
    return current_app.extensions["evidence_vault"]["settings"]


def engine() -> Engine:
    return current_app.extensions["evidence_vault"]["engine"]


def db_session() -> Session:
    """The request's database session, opened on first use and closed at teardown.

    A request that changes something (POST and the like) reads and writes as one unit of
    work (`db.writing`): on SQLite it takes the write lock at its first read, the user's,
    so a worker committing meanwhile waits for it instead of making the form fail. Other
    requests only read, and never wait for a writer.
    """
    if "db_session" not in g:
        writes = request.method not in READING_METHODS
        g.db_session = Session(db.writing(engine()) if writes else engine(), expire_on_commit=False)
    return g.db_session


def end_transaction() -> None:
    """Commit the request's transaction before handing work to functions with sessions of their own.

    Those (`ingest`, say) are units of work too; while this one holds SQLite's write lock
    they could only wait for it (`db.WriterAlreadyOpen`). Objects read so far stay usable.
    """
    session = g.get("db_session")
    if session is not None:
        session.commit()


def close_session(_error: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def commit_and_index(database: Session, *document_ids: int) -> None:
    """Commit the request's changes and bring these documents (and those whose standing they change) up to
    date in search: in the same transaction with the PostgreSQL index, right after it with Whoosh's."""
    written = indexing.within(database, settings(), document_ids)
    database.commit()
    if not written:
        indexing.sync(settings(), engine(), document_ids)
