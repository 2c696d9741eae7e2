"""Background processing of web uploads: stored at once, read and OCR'd by the worker, progress on the page."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault.cli import serve as cli_serve
from evidence_vault.config import Settings
from evidence_vault.demo import samples
from evidence_vault.models import Document, Event
from evidence_vault.pipeline import scans, worker

from ..conftest import Auth
from ..uploads import post_upload, rows, run_reading_tasks
from .test_ocr import DECREE, MISSING_TESSERACT, NUMBER, require_tesseract

SCAN_PNG = samples.image_file([DECREE], "PNG")
SCAN_TIFF = samples.image_file([DECREE[:6], DECREE[6:]], "TIFF")


def upload(client: FlaskClient, auth: Auth, named_files: list[tuple[str, bytes]], *, read: bool = True):
    """Through the form; with `read`, the worker's reading tasks run (OCR stays queued); the upload's page."""
    return post_upload(client, named_files, read=read)


def documents(engine: Engine) -> list[Document]:
    with Session(engine) as session:
        return list(session.exec(select(Document).order_by(Document.id)))


@pytest.fixture
def immediate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Background work runs inside the upload request (set before the app reads its settings)."""
    monkeypatch.setenv("EVIDENCE_VAULT_WORKER_IMMEDIATE", "true")


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", MISSING_TESSERACT)


def test_image_uploads_are_stored_at_once_and_read_in_the_background(
        client: FlaskClient, auth: Auth, engine: Engine, settings: Settings, cli) -> None:
    require_tesseract(settings)
    auth.login("operator")
    response = upload(client, auth, [("sk.png", SCAN_PNG), ("sk-2-halaman.tif", SCAN_TIFF),
                                     ("laporan.pdf", samples.pdf_document(["Laporan kinerja 2024"]))], read=False)
    assert response.status_code == 200 and rows(response.text) == ["received"] * 3
    assert "3 berkas: 3 masih diproses." in response.text and documents(engine) == []
    assert run_reading_tasks(client) == 3
    response = client.get(response.request.path)
    assert rows(response.text) == ["reading", "reading", "done"]
    assert "3 berkas: 1 selesai; 2 masih diproses." in response.text
    assert "OCR: 0 dari 2 halaman selesai" in response.text
    png, tiff, report = documents(engine)
    assert (png.extraction_status, png.page_count, png.ocr_waiting) == ("processing", 1, 1)
    assert (tiff.extraction_status, tiff.page_count, tiff.ocr_waiting, tiff.mime) == ("processing", 2, 2, "image/tiff")
    assert report.extraction_status == "ok"
    assert worker.background_for(settings).pending() == 2

    waiting = client.get(f"/documents/{tiff.id}").text
    assert "Sedang diproses" in waiting and "OCR: 0 dari 2 halaman pindaian selesai" in waiting
    assert '<progress max="2" value="0">' in waiting and "Menunggu OCR" in waiting
    assert "Sedang diproses" in client.get("/").text

    ran = cli("worker", "--once")
    assert ran.exit_code == 0 and "2 tugas dijalankan" in ran.output
    assert rows(client.get(response.request.path).text) == ["done"] * 3
    png, tiff, _report = documents(engine)
    assert (png.extraction_status, png.ocr_page_count, png.ocr_waiting) == ("ok", 1, 0)
    assert (tiff.extraction_status, tiff.ocr_page_count, tiff.ocr_waiting) == ("ok", 2, 0)
    assert NUMBER in png.title
    page = client.get(f"/documents/{tiff.id}").text
    assert page.count("Teks dari OCR") == 2 and "Dibaca dengan OCR" in page and "Sedang diproses" not in page
    assert "PEMBENTUKAN TIM KOORDINASI" in page
    with Session(engine) as session:
        assert len(session.exec(select(Event).where(Event.action == "document.ocr")).all()) == 2


def test_immediate_mode_reads_scans_during_the_upload(immediate, client: FlaskClient, auth: Auth,
                                                      engine: Engine, settings: Settings) -> None:
    require_tesseract(settings)
    auth.login("operator")
    response = upload(client, auth, [("sk.png", SCAN_PNG)], read=False)
    assert response.status_code == 200 and rows(response.text) == ["done"]
    (document,) = documents(engine)
    assert (document.extraction_status, document.ocr_page_count, document.kind) == ("ok", 1, "kepbup")


def test_without_tesseract_uploads_are_kept_and_explained(no_tesseract, client: FlaskClient, auth: Auth,
                                                          engine: Engine, settings: Settings) -> None:
    auth.login("operator")
    response = upload(client, auth, [("sk.png", SCAN_PNG)])
    assert "apt-get install tesseract-ocr tesseract-ocr-ind" in response.text
    (document,) = documents(engine)
    assert document.extraction_status == "needs_ocr" and "evidence-vault ocr --pending" in document.extraction_message
    assert worker.background_for(settings).pending() == 0, "nothing is queued that cannot run"
    assert "Perlu OCR" in client.get(f"/documents/{document.id}").text


def test_a_worker_that_starts_queues_what_is_left_processing(client: FlaskClient, auth: Auth, engine: Engine,
                                                             settings: Settings, cli) -> None:
    """Tasks lost with a killed worker: the database still says what waits, so the next worker finds it."""
    require_tesseract(settings)
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)], read=False)
    background = worker.background_for(settings)
    background.huey.flush()  # the file was never read: only its row says it waits
    assert background.pending() == 0
    assert "2 tugas dijalankan" in cli("worker", "--once").output  # read, then OCR
    assert documents(engine)[0].extraction_status == "ok"
    upload(client, auth, [("sk-lagi.png", SCAN_TIFF)])  # read; its OCR task is lost
    background.huey.flush()
    assert "1 tugas dijalankan" in cli("worker", "--once").output
    assert [document.extraction_status for document in documents(engine)] == ["ok", "ok"]


def test_the_worker_process_runs_the_queue_until_stopped(client: FlaskClient, auth: Auth, engine: Engine,
                                                         settings: Settings) -> None:
    require_tesseract(settings)
    process = subprocess.Popen([sys.executable, "-m", "evidence_vault", "worker", "--concurrency", "1"],
                               env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        auth.login("operator")
        page = upload(client, auth, [("sk.png", SCAN_PNG)], read=False).request.path
        deadline = time.monotonic() + 300  # a condition, with a bound far above what a loaded machine needs
        while rows(client.get(page).text) != ["done"] and time.monotonic() < deadline:
            assert process.poll() is None, "the worker stopped by itself"
            time.sleep(0.2)
        assert documents(engine)[0].extraction_status == "ok"
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert "Pekerja latar belakang berjalan dengan 1 utas" in output.decode()


def test_serve_runs_the_worker_beside_the_web_server_and_stops_it(cli, engine: Engine,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[subprocess.Popen[bytes]] = []
    alive_while_serving: list[bool] = []
    real_spawn = cli_serve._spawn_worker

    def spawn(config_path: str | None) -> subprocess.Popen[bytes]:
        started.append(real_spawn(config_path))
        return started[-1]

    def waitress_serve(app, **options) -> None:  # the web server "runs" for a moment
        time.sleep(0.5)
        alive_while_serving.append(bool(started) and started[-1].poll() is None)

    monkeypatch.setattr(cli_serve, "_spawn_worker", spawn)
    monkeypatch.setattr("waitress.serve", waitress_serve)
    assert cli("serve").exit_code == 0
    assert alive_while_serving == [True] and started[0].poll() is not None, "the worker ends with the server"
    assert cli("serve", "--no-worker").exit_code == 0
    assert len(started) == 1 and alive_while_serving == [True, False]


def _broken_ocr(*_args, **_kwargs):
    raise RuntimeError("OCR rusak")


def test_a_failing_background_ocr_sets_the_document_aside_for_ocr_pending(
        client: FlaskClient, auth: Auth, engine: Engine, settings: Settings, cli,
        monkeypatch: pytest.MonkeyPatch) -> None:
    require_tesseract(settings)
    auth.login("operator")
    upload(client, auth, [("sk.png", SCAN_PNG)])
    with monkeypatch.context() as patch:
        patch.setattr(scans, "complete", _broken_ocr)
        ran = cli("worker", "--once")
    assert ran.exit_code == 0 and "1 tugas dijalankan" in ran.output
    (document,) = documents(engine)
    assert document.extraction_status == "needs_ocr", "not left processing forever"
    assert "evidence-vault ocr --pending" in document.extraction_message and "log" in document.extraction_message
    page = client.get(f"/documents/{document.id}").text
    assert "Sedang diproses" not in page and "Perlu OCR" in page
    assert "0 tugas dijalankan" in cli("worker", "--once").output, "not queued again to fail again"

    finished = cli("ocr", "--pending")
    assert finished.exit_code == 0, finished.output
    assert documents(engine)[0].extraction_status == "ok"


def test_an_upload_whose_ocr_cannot_be_queued_is_set_aside_for_ocr_pending(
        client: FlaskClient, auth: Auth, engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    require_tesseract(settings)
    monkeypatch.setattr(worker.Background, "enqueue_ocr", _broken_ocr)
    auth.login("operator")
    response = upload(client, auth, [("sk.png", SCAN_PNG)])
    assert response.status_code == 200 and "antrean OCR di latar belakang tidak dapat menerimanya" in response.text
    (document,) = documents(engine)
    assert document.extraction_status == "needs_ocr" and "evidence-vault ocr --pending" in document.extraction_message
