"""The schema comes from migrations, matches the models, and keeps the audit trail append-only."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError
from sqlmodel import SQLModel

from evidence_vault import db, events
from evidence_vault.config import Settings


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_upgrade_is_idempotent_and_reaches_head(engine: Engine) -> None:
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()


def test_app_refuses_an_uninitialised_database(settings: Settings) -> None:
    with pytest.raises(db.SchemaOutOfDate, match="evidence-vault init"):
        db.require_current_schema(db.make_engine(settings))


@pytest.mark.parametrize("statement", ["UPDATE event SET action = 'dipalsukan'", "DELETE FROM event"])
def test_event_log_refuses_edits(engine: Engine, statement: str) -> None:
    with db.session_scope(engine) as session:
        events.record(session, "uji")
    with pytest.raises(DatabaseError, match="append-only"):
        with engine.begin() as connection:
            connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT action FROM event")).scalars().all() == ["uji"]
