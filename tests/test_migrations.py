"""The schema comes from migrations, matches the models, and keeps the audit trail append-only."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError
from sqlmodel import SQLModel

from evidence_vault import db
from evidence_vault.config import Settings
from evidence_vault.records import events

# Tables that are not models: the PostgreSQL search index (migrations 0010, 0014), written as SQL by search/postgres.
NOT_MODELS = {"search_document", "search_page", "search_state"}


def test_migrations_match_the_models(engine: Engine) -> None:
    def compared(found, name, kind, _reflected, _compare_to) -> bool:
        table = name if kind == "table" else getattr(getattr(found, "table", None), "name", None)
        return table not in NOT_MODELS

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": compared})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


@pytest.mark.sqlite_only  # SQLite's own SQL (0 for false, sqlite_master)
def test_upgrade_keeps_existing_documents(settings: Settings) -> None:
    """Upgrading a vault that already holds documents must neither fail nor lose them."""
    from alembic import command

    engine = db.make_engine(settings)
    command.upgrade(db._alembic_config(engine), "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO organisation (code, name, kind, region, created_at) "
                                "VALUES ('badung', 'Kabupaten Badung', 'regency', '', '2025-01-01')"))
        connection.execute(text(
            "INSERT INTO document (organisation_id, original_filename, title, sha256, size, file_type, mime, "
            "page_count, extraction_status, extraction_message, uploaded_at) VALUES "
            "(1, 'a.pdf', 'A', :sha, 10, 'pdf', 'application/pdf', 1, 'ok', '', '2025-01-01')"), {"sha": "a" * 64})
        connection.execute(text("INSERT INTO document_page (document_id, number, text, char_count, source, "
                                "needs_ocr) VALUES (1, 1, 'isi', 3, 'text_layer', 0)"))
    db.upgrade(engine)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT title, in_force, finding_count FROM document")).one()
        pages = connection.execute(text("SELECT count(*) FROM document_page")).scalar()
    assert tuple(row) == ("A", "berlaku", 0) and pages == 1


@pytest.mark.sqlite_only  # SQLite's own SQL (0 for false, sqlite_master)
def test_failed_upgrade_leaves_the_schema_as_it_was(settings: Settings) -> None:
    """Schema changes are all-or-nothing: a migration that fails halfway leaves no half-made tables."""
    from alembic import command

    engine = db.make_engine(settings)
    command.upgrade(db._alembic_config(engine), "0001")
    with engine.begin() as connection:  # a clash that makes 0002 fail after it created two tables
        connection.execute(text("CREATE TABLE legal_field (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseError):
        db.upgrade(engine)
    with engine.connect() as connection:
        tables = set(connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars())
    assert "document_finding" not in tables and "document_relation" not in tables
    assert db.current_revision(engine) == "0001"


def test_upgrade_is_idempotent_and_reaches_head(engine: Engine) -> None:
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()


def test_the_revisions_read_without_alembic_are_alembics(settings: Settings) -> None:
    """The schema check reads the two revisions itself (to spare every command Alembic's import): same answers."""
    from alembic import command
    from alembic.script import ScriptDirectory

    assert db.head_revision() == ScriptDirectory(str(db.MIGRATIONS_DIR)).get_current_head()
    engine = db.make_engine(settings)
    for target in [None, "0001", "head"]:
        if target:
            command.upgrade(db._alembic_config(engine), target)
        with engine.connect() as connection:
            assert db.current_revision(engine) == MigrationContext.configure(connection).get_current_revision()


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
