"""SQLite under concurrent writers: a web form beside the background worker.

The worker is another process with its own connection to `vault.db`; here a second
sqlite3 connection plays it, so the interleaving is exact instead of timed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.config import Settings
from evidence_vault.models import Organisation, SelfAssessment
from evidence_vault.records import organisations, periods

from .conftest import Auth, World, csrf_token

pytestmark = pytest.mark.sqlite_only  # SQLite's write lock itself

WORKER_WRITE = "UPDATE organisation SET region = 'Bali' WHERE code = 'denpasar'"


def worker_connection(settings: Settings, timeout: float = 0) -> sqlite3.Connection:
    """A connection of its own, as the worker process has (timeout 0: refused at once rather than waiting)."""
    return sqlite3.connect(settings.storage_dir / "vault.db", timeout=timeout, isolation_level=None)


@contextmanager
def worker_commits_before_first_write(engine: Engine, settings: Settings) -> Iterator[list[str]]:
    """Just before the app's first INSERT/UPDATE/DELETE, the worker tries to commit a write of its own.

    Yields what happened to the worker's write: "committed" (it got in between the
    request's reads and its write) or "waited" (the request held the write lock).
    """
    outcome: list[str] = []

    def before_write(_connection, _cursor, statement: str, *_args) -> None:
        if outcome or statement.lstrip()[:6].upper() not in {"INSERT", "UPDATE", "DELETE"}:
            return
        with closing(worker_connection(settings)) as other:
            try:
                other.execute(WORKER_WRITE)
            except sqlite3.OperationalError as error:
                assert "locked" in str(error)
                outcome.append("waited")
            else:
                outcome.append("committed")

    event.listen(engine, "before_cursor_execute", before_write)
    try:
        yield outcome
    finally:
        event.remove(engine, "before_cursor_execute", before_write)


def test_form_saved_while_the_worker_writes(client: FlaskClient, auth: Auth, world: World, engine: Engine,
                                            settings: Settings) -> None:
    with db.session_scope(engine) as session:
        periods.create_period(session, organisations.get_by_code(session, "badung"), 2025, "spbe-2020")
    auth.login("coordinator")
    token = csrf_token(client.get("/indikator/spbe-2020/3").text)
    app_engine = client.application.extensions["evidence_vault"]["engine"]

    with worker_commits_before_first_write(app_engine, settings) as outcome:
        response = client.post("/indikator/spbe-2020/3/klaim", data={
            "csrf_token": token, "level": "3", "justification": "Perbup 12/2023."})

    assert response.status_code == 302, response.text[:500]
    assert outcome == ["waited"], "the form's transaction holds the write lock from its first read"
    with closing(worker_connection(settings, timeout=5)) as other:
        other.execute(WORKER_WRITE)  # the worker's turn comes once the request is done
    with Session(engine) as session:
        claim = session.exec(select(SelfAssessment).where(SelfAssessment.indicator == "3")).one()
        assert (claim.level, claim.justification) == (3, "Perbup 12/2023.")
        assert organisations.get_by_code(session, "denpasar").region == "Bali"


def test_pages_are_read_while_the_worker_holds_the_write_lock(client: FlaskClient, auth: Auth, world: World,
                                                               settings: Settings) -> None:
    auth.login("coordinator")
    with closing(worker_connection(settings)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute(WORKER_WRITE)
        started = time.monotonic()
        page = client.get("/indikator")
        elapsed = time.monotonic() - started
        other.execute("COMMIT")
    assert page.status_code == 200
    assert elapsed < 5, "a reader must not queue behind a writer"


def test_a_second_writer_in_the_same_thread_fails_at_once(engine: Engine, world: World) -> None:
    """Waiting for the lock this very thread holds could only end in the 30-second timeout."""
    started = time.monotonic()
    with db.session_scope(engine) as outer:
        outer.get(Organisation, world.home.id)
        with pytest.raises(db.WriterAlreadyOpen), db.session_scope(engine) as inner:
            inner.get(Organisation, world.home.id)
    assert time.monotonic() - started < 5
    with db.session_scope(engine) as after:  # nothing is left holding the lock
        after.get(Organisation, world.home.id)


def test_export_while_the_worker_writes(client: FlaskClient, auth: Auth, world: World, engine: Engine,
                                        settings: Settings) -> None:
    """A GET that records an event (the audit export) after reading must not fail either."""
    with db.session_scope(engine) as session:
        periods.create_period(session, organisations.get_by_code(session, "badung"), 2025, "spbe-2020")
    auth.login("coordinator")
    app_engine = client.application.extensions["evidence_vault"]["engine"]

    with worker_commits_before_first_write(app_engine, settings) as outcome:
        response = client.get("/audit/ekspor.csv")

    assert response.status_code == 200, response.text[:500]
    assert outcome == ["waited"], "the event is written in a unit of work that holds the lock from its start"
    with closing(worker_connection(settings, timeout=5)) as other:
        other.execute(WORKER_WRITE)
    with Session(engine) as session:
        assert organisations.get_by_code(session, "denpasar").region == "Bali"
    trail = client.get("/riwayat").text
    assert "Mengekspor" in trail
