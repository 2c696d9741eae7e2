"""Per-request access to the settings, the engine and a database session."""

from __future__ import annotations

from flask import current_app, g
from sqlalchemy.engine import Engine
from sqlmodel import Session

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
