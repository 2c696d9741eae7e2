"""Per-request access to the settings, the engine and a database session."""

from __future__ import annotations

from flask import current_app, g
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .. import indexing
from ..config import Settings


def settings() -> Settings:
    return current_app.extensions["evidence_vault"]["settings"]


def engine() -> Engine:
    return current_app.extensions["evidence_vault"]["engine"]


def db_session() -> Session:
    """The request's database session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = Session(engine(), expire_on_commit=False)
    return g.db_session


def close_session(_error: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def reindex(*document_ids: int) -> None:
    """After a commit: bring these documents (and those whose standing they change) up to date in search."""
    indexing.sync(settings(), engine(), document_ids)
