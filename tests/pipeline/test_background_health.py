"""Background work that never silently stops: stuck claims re-queued, timeouts retried and explained,
a dead worker restarted, and the admin told when nothing is running.

The tests here run in one process (the worker's task, the supervisor with a stand-in child);
`test_worker_processes.py` kills real servers and workers.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.cli.supervisor import WorkerSupervisor
from evidence_vault.config import Settings
from evidence_vault.extract import isolation
from evidence_vault.models import Document, utcnow
from evidence_vault.pipeline import worker
from evidence_vault.records import workers

from ..conftest import Auth
from .test_worker import SCAN_PNG, documents, upload


def sleeping_tesseract(folder: Path) -> Path:
    """A Tesseract that answers questions about itself, then takes no CPU and never finishes a page:
    what a page looks like when the machine gives it no time."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "tesseract"
    script.write_text(textwrap.dedent("""\
        #!/bin/sh
        if [ "$1" = "--list-langs" ]; then printf 'List of available languages (1):\\nind\\n'; exit 0; fi
        if [ "$1" = "--version" ]; then echo 'tesseract 5.3.0'; exit 0; fi
        exec sleep 60
    """))
    script.chmod(0o755)
    return script


@pytest.fixture
def starved_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", str(sleeping_tesseract(tmp_path / "fake")))
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_PAGE_TIMEOUT_SECONDS", "2")


def test_a_page_that_times_out_under_load_is_retried_later_and_not_blamed_on_the_scan(
        starved_ocr, client: FlaskClient, auth: Auth, engine: Engine, settings: Settings, cli) -> None:
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    assert cli("worker", "--once").exit_code == 0
    (document,) = documents(engine)
    assert document.extraction_status == "processing", "kept for a later try, not set aside"
    assert "sibuk" in document.extraction_message and "dicoba lagi" in document.extraction_message
    assert "terlalu berat" not in document.extraction_message
    for _ in range(2):
        assert cli("worker", "--once").exit_code == 0
    (document,) = documents(engine)
    assert document.extraction_status == "needs_ocr", "after three tries the page is set aside"
    assert "sibuk" in document.extraction_message and "worker.concurrency" in document.extraction_message
    assert "terlalu berat" not in document.extraction_message and "Pindai ulang" not in document.extraction_message
    assert "mencobanya lagi otomatis" not in document.extraction_message, "no promise of a retry that will not come"


def test_the_worker_schedules_the_retry_itself(starved_ocr, client: FlaskClient, auth: Auth, engine: Engine,
                                               settings: Settings) -> None:
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    background = worker.background_for(settings)
    task = background.huey.dequeue()
    background.huey.execute(task)
    again = background.huey.dequeue()
    assert again is not None and again.args == task.args, "queued again"
    assert again.eta is not None and again.eta > datetime.now(UTC).replace(tzinfo=None), "for later"
    assert documents(engine)[0].extraction_status == "processing"


@pytest.mark.parametrize(("cpu", "wall", "starved"), [
    (0.0, 60.0, True),  # waited the whole time: the machine was busy (or the program hung)
    (20.0, 60.0, True),  # a third of a core: other work had the rest
    (45.0, 60.0, False),  # most of a core and still not done: the page is heavy
    (60.0, 60.0, False),
])
def test_a_timeout_is_blamed_on_the_load_when_the_page_got_little_cpu(cpu: float, wall: float, starved: bool) -> None:
    assert isolation.starved(cpu, wall) is starved


def test_a_document_whose_claim_ran_out_is_queued_again(client: FlaskClient, auth: Auth, engine: Engine,
                                                        settings: Settings) -> None:
    """kill -9 during OCR, then a restart while the dead run's claim still held: the restarted worker
    skipped the document, and nothing looked at it again once the claim ran out."""
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    background = worker.background_for(settings)
    background.huey.flush()
    (document,) = documents(engine)
    with db.session_scope(engine) as session:
        session.exec(update(Document).values(ocr_claim="mati", ocr_claimed_until=int(time.time()) + 300))
    assert worker.requeue_abandoned(background) == 0, "a claim that still holds is left alone"
    with db.session_scope(engine) as session:
        session.exec(update(Document).values(ocr_claimed_until=int(time.time()) - 1))
    assert worker.requeue_abandoned(background) == 1 and background.pending() == 1
    assert "requeue_abandoned" in {task.name for task in background.huey._registry.periodic_tasks}


def test_the_admin_is_told_when_background_work_is_not_running(client: FlaskClient, auth: Auth, engine: Engine,
                                                               settings: Settings) -> None:
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    assert "Pekerja latar belakang tidak berjalan" not in client.get("/").text, "the operator is not the one to act"
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("admin")
    page = client.get("/").text
    assert "Pekerja latar belakang tidak berjalan" in page and "1 dokumen menunggu" in page
    with db.session_scope(engine) as session:
        workers.beat(session, "mesin:123")
    assert "Pekerja latar belakang tidak berjalan" not in client.get("/").text
    with db.session_scope(engine) as session:  # the worker stopped beating two minutes ago
        workers.beat(session, "mesin:123", utcnow() - timedelta(minutes=2))
    assert "Pekerja latar belakang tidak berjalan" in client.get("/").text


def test_the_supervisor_restarts_a_dead_worker_with_back_off_and_logs_each_death(
        caplog: pytest.LogCaptureFixture) -> None:
    started: list[subprocess.Popen[bytes]] = []

    def spawn() -> subprocess.Popen[bytes]:
        started.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]))
        return started[-1]

    supervisor = WorkerSupervisor(spawn, first_delay=0.2, max_delay=1.0)
    caplog.set_level(logging.WARNING, logger="evidence_vault.cli.supervisor")
    supervisor.start()
    try:
        for deaths in (1, 2, 3):
            started[-1].kill()
            deadline = time.monotonic() + 60
            while len(started) < deaths + 1 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(started) == deaths + 1, "restarted"
            assert started[-2].returncode is not None, "the dead one was reaped, not left a zombie"
        delays = supervisor.delays
        assert delays[:3] == [0.2, 0.4, 0.8], "each quick death waits longer"
    finally:
        supervisor.stop()
    assert all(process.poll() is not None for process in started), "stopping ends the worker"
    deaths = [record for record in caplog.records if "SIGKILL" in record.getMessage()]
    assert len(deaths) == 3 and all(record.levelno == logging.ERROR for record in deaths)


def test_the_supervisor_does_not_restart_what_it_stopped() -> None:
    started: list[subprocess.Popen[bytes]] = []

    def spawn() -> subprocess.Popen[bytes]:
        started.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]))
        return started[-1]

    supervisor = WorkerSupervisor(spawn, first_delay=0.1)
    supervisor.start()
    supervisor.stop()
    time.sleep(0.5)  # the only sleep here: proving that nothing happens takes some time
    assert len(started) == 1 and started[0].poll() is not None


def test_heartbeats_of_stopped_workers_are_forgotten(engine: Engine) -> None:
    with db.session_scope(engine) as session:
        workers.beat(session, "lama:1", utcnow() - timedelta(days=2))
        workers.beat(session, "baru:2")
    with Session(engine) as session:
        from evidence_vault.models import WorkerHeartbeat

        assert [row.name for row in session.exec(select(WorkerHeartbeat))] == ["baru:2"]
