"""Per-request access to the settings, the engine and a database session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, g, request
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .. import db, indexing
from ..config import Settings

F = TypeVar("F", bound=Callable[..., Any])
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def settings() -> Settings:
    return current_app.extensions["evidence_vault"]["settings"]


def engine() -> Engine:
    return current_app.extensions["evidence_vault"]["engine"]


def writes_database(view: F) -> F:
    """Mark a GET view that writes (say, an audit event): its session is then a writer's too."""
    view.writes_database = True  # type: ignore[attr-defined]
    return view


def db_session() -> Session:
    """The request's database session, opened on first use and closed at teardown.

    A request that changes something (POST, or a view marked `writes_database`) reads and
    writes as one unit of work (`db.writing`): on SQLite it takes the write lock at its
    first read, the user's, so a worker committing meanwhile waits for it instead of making
    the form fail. Other requests only read, and never wait for a writer.
    """
    if "db_session" not in g:
        view = current_app.view_functions.get(request.endpoint or "")
        writes = request.method not in READING_METHODS or getattr(view, "writes_database", False)
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


def reindex(*document_ids: int) -> None:
    """After a commit: bring these documents (and those whose standing they change) up to date in search."""
    indexing.sync(settings(), engine(), document_ids)
