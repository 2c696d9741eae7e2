"""The queue in Redis (`worker.backend = "redis"`): web uploads queued there, workers elsewhere drain it.

A real redis-server is started on a free loopback port (`tests/services.py`). Two worker
processes stand for two machines: every upload is read exactly once, and its status in the
database ends final, because the OCR claim, not the queue, keeps two workers off one document.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest
import redis
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault.config import ConfigError, Settings, load_settings
from evidence_vault.demo import samples
from evidence_vault.models import Event
from evidence_vault.pipeline import worker

from ..conftest import Auth
from ..services import redis_server
from .test_ocr import DECREE, require_tesseract
from .test_worker import SCAN_PNG, SCAN_TIFF, documents, upload
from .test_worker_processes import DEADLINE, wait_for


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture
def redis_queue(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The vault's queue in the test's Redis, empty (set before the app reads its settings)."""
    monkeypatch.setenv("EVIDENCE_VAULT_WORKER_BACKEND", "redis")
    monkeypatch.setenv("EVIDENCE_VAULT_WORKER_REDIS_URL", redis_url)
    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


def test_uploads_queued_in_redis_are_read_once_by_two_workers(
        redis_queue: str, client: FlaskClient, auth: Auth, engine: Engine, settings: Settings) -> None:
    require_tesseract(settings)
    auth.login("operator")
    scans = [(f"sk-{number}.png", samples.image_file([[*DECREE, f"Lampiran {number}"]], "PNG"))
             for number in range(3)] + [("sk-2-halaman.tif", SCAN_TIFF)]
    assert upload(client, auth, scans).status_code == 200
    assert worker.background_for(settings).pending() == 4
    assert redis.Redis.from_url(redis_queue).dbsize() > 0, "the tasks are in Redis"
    assert not (settings.storage_dir / worker.QUEUE_FILE).exists(), "no SQLite queue beside it"

    machines = [subprocess.Popen([sys.executable, "-m", "evidence_vault", "worker", "--concurrency", "1"],
                                 env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                for _machine in range(2)]
    try:
        wait_for(lambda: all(document.extraction_status == "ok" for document in documents(engine)), DEADLINE,
                 "both workers finished every upload")
        assert worker.background_for(settings).pending() == 0
    finally:
        outputs = []
        for process in machines:
            process.send_signal(signal.SIGTERM)
            outputs.append(process.communicate(timeout=60)[0].decode())
    assert all("Pekerja latar belakang berjalan dengan 1 utas" in output for output in outputs)
    finished = documents(engine)
    assert [(document.ocr_waiting, document.ocr_claim) for document in finished] == [(0, None)] * 4
    with Session(engine) as session:
        read = [event.object_id for event in session.exec(select(Event).where(Event.action == "document.ocr"))]
    assert sorted(read) == sorted(document.id for document in finished), "each upload read exactly once"


def test_a_starting_worker_leaves_the_shared_queue_alone(redis_queue: str, client: FlaskClient, auth: Auth,
                                                         engine: Engine, settings: Settings, cli) -> None:
    """Another machine's queued work survives a worker starting here; nothing is read twice."""
    require_tesseract(settings)
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    background = worker.background_for(settings)
    assert worker.requeue(background) == 1
    assert background.pending() == 2, "queued again beside the upload's task, not instead of it"
    ran = cli("worker", "--once")
    assert ran.exit_code == 0
    assert documents(engine)[0].extraction_status == "ok"
    with Session(engine) as session:
        assert len(session.exec(select(Event).where(Event.action == "document.ocr")).all()) == 1


@pytest.mark.parametrize(("environment", "problem"), [
    ({"WORKER_BACKEND": "redis"}, 'worker.redis_url harus diisi bila worker.backend = "redis"'),
    ({"WORKER_BACKEND": "rabbit"}, "worker.backend harus salah satu dari sqlite, redis"),
    ({"WORKER_REDIS_URL": "localhost:6379"}, "worker.redis_url bukan URL Redis"),
])
def test_queue_settings_are_checked_at_start(environment: dict[str, str], problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        load_settings(environ={f"EVIDENCE_VAULT_{name}": value for name, value in environment.items()})
