"""Real processes, killed for real: the worker beside `serve`, and `serve` itself in the middle of OCR.

Each test starts `evidence-vault serve` on a free port of loopback with its worker, uploads
scans through the web form (Flask's test client, into the same vault), kills with SIGKILL
and waits, with generous deadlines, for the vault to finish the work by itself. The machine
may be busy: every wait polls a condition, none is a fixed sleep.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import update
from sqlalchemy.engine import Engine

from evidence_vault import db
from evidence_vault.config import Settings
from evidence_vault.demo import samples
from evidence_vault.models import Document

from ..conftest import Auth
from ..servers import free_port, wait_until_up
from .test_ocr import DECREE, require_tesseract
from .test_worker import SCAN_PNG, documents, upload

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

DEADLINE = 300  # seconds; generous, the machine is shared


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {what}")


def alive(pid: int) -> bool:
    """Running, and not a zombie left for a parent that never reaps it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def children_of(parent: int) -> dict[int, list[bytes]]:
    """Live child processes of `parent` and their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and alive(int(entry.name)):
            found[int(entry.name)] = command
    return found


def workers_of(parent: int) -> list[int]:
    """Live `evidence-vault worker` processes whose parent is `parent`."""
    return [pid for pid, command in children_of(parent).items() if b"worker" in command]


class Server:
    """`evidence-vault serve` with its worker, as an admin starts it."""

    def __init__(self, storage: Path) -> None:
        self.log = storage.parent / f"serve-{time.monotonic_ns()}.log"
        port = free_port()
        with self.log.open("wb") as output:
            self.process = subprocess.Popen([sys.executable, "-m", "evidence_vault", "serve", "--port", str(port)],
                                            env=dict(os.environ), stdout=output, stderr=subprocess.STDOUT)
        wait_until_up(f"http://127.0.0.1:{port}/login", self.process, self.log)

    def worker(self) -> int:
        return wait_for(lambda: (workers_of(self.process.pid) or [None])[0], DEADLINE, "serve started its worker")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(60)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(60)


@pytest.fixture
def servers(storage: Path, engine: Engine) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def test_a_killed_worker_is_restarted_and_its_death_logged(
        servers: list[Server], storage: Path, client: FlaskClient, auth: Auth, engine: Engine,
        settings: Settings) -> None:
    require_tesseract(settings)
    servers.append(Server(storage))
    server = servers[0]
    first = server.worker()
    os.kill(first, signal.SIGKILL)
    second = wait_for(lambda: next((pid for pid in workers_of(server.process.pid) if pid != first), None),
                      DEADLINE, "serve restarted the worker")
    assert not alive(first), "the dead worker was reaped, not left a zombie"
    log = storage / "logs" / "evidence-vault.log"
    wait_for(lambda: log.is_file() and "SIGKILL" in log.read_text(), DEADLINE, "the death is in the log")
    assert server.process.poll() is None, "the web server went on"

    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    wait_for(lambda: documents(engine)[0].extraction_status == "ok", DEADLINE, "the new worker read the scan")
    assert alive(second)


def test_ocr_cut_short_by_a_killed_server_finishes_after_a_restart(
        servers: list[Server], storage: Path, client: FlaskClient, auth: Auth, engine: Engine,
        settings: Settings) -> None:
    """kill -9 of `serve` during OCR, restarted while the dead run's claim still holds.

    The restarted worker skips the document (another run "holds" it); when the claim runs
    out, the periodic task queues it again and the remaining pages are read. The claim's
    five minutes are the only thing not waited for: the test moves its deadline into the past.
    """
    require_tesseract(settings)
    servers.append(Server(storage))
    auth.login("operator")
    upload(client, auth, [("sk-6-halaman.tif", samples.image_file([DECREE] * 6, "TIFF"))])
    wait_for(lambda: 1 <= documents(engine)[0].ocr_page_count < 6, DEADLINE, "OCR under way")
    worker_pid = servers[0].worker()
    servers[0].kill()
    wait_for(lambda: not alive(worker_pid), DEADLINE, "the worker died with the server")
    (document,) = documents(engine)
    assert document.extraction_status == "processing" and document.ocr_claim is not None
    assert document.ocr_claimed_until > time.time(), "the dead run's claim still holds"

    servers.append(Server(storage))
    servers[1].worker()
    log = storage / "logs" / "evidence-vault.log"
    skipped = f"document {document.id} skipped: another run holds its OCR claim"
    wait_for(lambda: skipped in log.read_text(), DEADLINE, "the restarted worker skipped the claimed document")
    assert documents(engine)[0].extraction_status == "processing", "skipped while the claim holds"

    with db.session_scope(engine) as session:  # the claim's lifetime passes
        session.exec(update(Document).where(Document.id == document.id).values(
            ocr_claimed_until=int(time.time()) - 1))
    wait_for(lambda: documents(engine)[0].extraction_status == "ok", DEADLINE, "the periodic task took it up")
    finished = documents(engine)[0]
    assert (finished.ocr_page_count, finished.ocr_waiting, finished.ocr_claim) == (6, 0, None)
