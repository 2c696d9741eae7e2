"""Bulk ingest on all cores: killed or interrupted midway it resumes cleanly; bad files fail alone."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from evidence_vault import db, search
from evidence_vault.config import load_settings
from evidence_vault.demo import samples
from evidence_vault.models import Document, DocumentPage, Event, Organisation
from evidence_vault.pipeline import bulk, indexing, ingest, intake

from .. import files
from .test_ocr import DECREE, _image_over_the_pixel_limit

SUMMARY = re.compile(r"Selesai: (\d+) berkas · (\d+) ditambahkan · (\d+) duplikat · (\d+) gagal")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """42 files: 40 three-page reports and two scans (OCR when Tesseract is there)."""
    folder = tmp_path / "arsip"
    folder.mkdir()
    for number in range(40):
        pages = [f"Laporan kegiatan nomor {number} halaman {page}\n" + "Isi laporan. " * 200 for page in range(3)]
        (folder / f"laporan-{number:02}.pdf").write_bytes(samples.pdf_document(pages))
    for number in range(2):
        (folder / f"sk-{number}.pdf").write_bytes(samples.scanned_pdf([[*DECREE, f"Salinan {number}"]]))
    return folder


def _count_documents() -> int:
    with Session(db.make_engine(load_settings())) as session:
        return session.exec(select(func.count()).select_from(Document)).one()


def _start(folder: Path, *extra: str) -> subprocess.Popen[bytes]:
    """`evidence-vault ingest` in a session of its own, as a terminal would run it."""
    command = [sys.executable, "-m", "evidence_vault", "ingest", str(folder), "--org", "badung", *extra]
    return subprocess.Popen(command, env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _wait_for_documents(process: subprocess.Popen[bytes], at_least: int, seconds: float = 120) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        recorded = _count_documents()
        if recorded >= at_least:
            return recorded
        assert process.poll() is None, "the ingest finished before it could be stopped"
        time.sleep(0.05)
    raise AssertionError("the ingest recorded nothing in time")


def _processes_in_session(session_id: int) -> list[int]:
    """Processes still alive in a session (the ingest, its workers and their children)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _wait_until_gone(session_id: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while _processes_in_session(session_id) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_in_session(session_id), "worker processes outlived the ingest"


def _assert_every_document_whole() -> None:
    """Each recorded document has all its pages and exactly one upload event; no file is recorded twice."""
    with Session(db.make_engine(load_settings())) as session:
        documents = session.exec(select(Document)).all()
        for document in documents:
            pages = session.exec(select(func.count()).select_from(DocumentPage)
                                 .where(DocumentPage.document_id == document.id)).one()
            uploads = session.exec(select(func.count()).select_from(Event).where(
                Event.action == "document.upload", Event.object_id == document.id)).one()
            assert (pages, uploads) == (document.page_count, 1), document.original_filename
            assert document.extraction_status in {"ok", "needs_ocr"}
        names = [document.original_filename for document in documents]
        assert len(names) == len(set(names)) == len({document.sha256 for document in documents})


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_an_ingest_killed_midway_resumes_without_duplicates(cli, initialised, folder: Path) -> None:
    process = _start(folder, "--workers", "2")
    recorded = _wait_for_documents(process, at_least=4)
    os.kill(process.pid, signal.SIGKILL)  # the ingest alone: its workers must notice and die
    process.communicate(timeout=30)
    _wait_until_gone(process.pid)
    before = _count_documents()
    assert recorded <= before < 42, "killed midway"
    _assert_every_document_whole()

    resumed = cli("ingest", str(folder), "--org", "badung", "--workers", "2")
    assert resumed.exit_code == 0, resumed.output
    total, added, duplicates, failed = map(int, SUMMARY.search(resumed.output).groups())  # type: ignore[union-attr]
    assert (total, added, duplicates, failed) == (42, 42 - before, before, 0)
    assert _count_documents() == 42
    _assert_every_document_whole()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_stops_the_ingest_at_once_and_the_same_command_resumes(cli, initialised, folder: Path) -> None:
    process = _start(folder)
    _wait_for_documents(process, at_least=2)
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends to the whole foreground group
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()[-2000:]
    assert "Dihentikan" in err.decode() and "Jalankan perintah yang sama" in err.decode()
    _wait_until_gone(process.pid)
    _assert_every_document_whole()
    assert cli("ingest", str(folder), "--org", "badung", "--workers", "1").exit_code == 0
    assert _count_documents() == 42
    _assert_every_document_whole()


def test_files_over_the_limits_fail_alone_with_their_reason(cli, initialised, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_EXTRACT_MAX_PAGES", "4")
    monkeypatch.setenv("EVIDENCE_VAULT_EXTRACT_MAX_MEMORY_MB", "300")
    monkeypatch.setenv("EVIDENCE_VAULT_EXTRACT_DOCX_MAX_RATIO", "1000000")
    folder = tmp_path / "campur"
    folder.mkdir()
    (folder / "perbup.pdf").write_bytes(samples.pdf_document(["PERATURAN BUPATI BADUNG NOMOR 1 TAHUN 2024"]))
    (folder / "sop.docx").write_bytes(samples.docx_document(["SOP layanan data"]))
    (folder / "lima-halaman.pdf").write_bytes(samples.pdf_document(["satu", "dua", "tiga", "empat", "lima"]))
    (folder / "raksasa.docx").write_bytes(files.huge_docx(paragraphs=1_000_000))
    (folder / "bom-piksel.png").write_bytes(_image_over_the_pixel_limit())
    (folder / "terkunci.pdf").write_bytes(files.encrypted_pdf("rahasia"))

    result = cli("ingest", str(folder), "--org", "badung", "--workers", "2")
    assert result.exit_code == 1
    assert "6 berkas · 2 ditambahkan · 0 duplikat · 4 gagal" in result.output
    assert "melebihi batas 4 halaman" in result.output
    assert "Gambar ini terlalu besar" in result.output
    assert "dikunci dengan kata sandi" in result.output
    with Session(db.make_engine(load_settings())) as session:
        failed = {document.original_filename: document.extraction_message for document in session.exec(
            select(Document).where(col(Document.extraction_status) == "failed"))}
    assert set(failed) == {"lima-halaman.pdf", "raksasa.docx", "bom-piksel.png", "terkunci.pdf"}, "kept, with reason"
    assert "memori" in failed["raksasa.docx"] or "rusak" in failed["raksasa.docx"]


def test_the_same_bytes_twice_in_one_batch_are_stored_once(cli, initialised, tmp_path: Path) -> None:
    folder = tmp_path / "kembar"
    folder.mkdir()
    content = samples.pdf_document(["Notulen rapat koordinasi SPBE"])
    for name in ("notulen.pdf", "notulen (1).pdf", "salinan notulen.pdf"):
        (folder / name).write_bytes(content)
    (folder / "lain.pdf").write_bytes(samples.pdf_document(["Dokumen lain"]))
    result = cli("ingest", str(folder), "--org", "badung", "--workers", "2")
    assert "4 berkas · 2 ditambahkan · 2 duplikat · 0 gagal" in result.output
    assert _count_documents() == 2


_real_prepare_in_worker = intake.prepare_in_worker


def _prepare_or_die(path: Path, name: str) -> intake.Prepared:
    """Stands in for `intake.prepare_in_worker` in the workers: a file named "mati..." kills its worker."""
    if name.startswith("mati"):
        os._exit(3)
    return _real_prepare_in_worker(path, name)


def _badung(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(Organisation.id).where(Organisation.code == "badung")).one()  # type: ignore[return-value]


def test_a_file_that_kills_its_worker_is_reported_alone_and_every_other_file_recorded(
        initialised, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "campur"
    folder.mkdir()
    for number in range(6):
        (folder / f"laporan-{number}.pdf").write_bytes(samples.pdf_document([f"Laporan bulanan nomor {number}"]))
    for number in range(2):  # the largest: in flight with the others from the start
        (folder / f"mati-{number}.pdf").write_bytes(samples.pdf_document([f"Berkas maut {number} " * 400]))
    monkeypatch.setattr(intake, "prepare_in_worker", _prepare_or_die)  # pickled by name: the workers run it
    settings = load_settings()
    engine = db.make_engine(settings)

    results = {path.name: result for path, result in bulk.ingest_files(
        engine, settings, sorted(folder.iterdir()), _badung(engine), None, workers=2)}

    assert sorted(results) == sorted(path.name for path in folder.iterdir()), "no file vanishes"
    for name, result in results.items():
        if name.startswith("mati"):
            assert (result.outcome, result.message) == (ingest.Outcome.REJECTED, bulk.WORKER_DIED), name
        else:
            assert result.outcome is ingest.Outcome.ADDED, (name, result.message)
    assert _count_documents() == 6
    _assert_every_document_whole()


def _found(settings, organisation_id: int, text: str) -> set[int]:
    index = indexing.index_for(settings)  # the backend the settings choose
    return {hit.document_id for hit in index.search(search.SearchQuery(text=text, organisation_ids=[organisation_id],
                                                                      per_page=100)).hits}


def test_documents_recorded_but_not_indexed_by_a_stopped_run_are_indexed_by_the_next(
        cli, initialised, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    for number in range(4):
        (folder / f"notulen-{number}.pdf").write_bytes(samples.pdf_document([f"Notulen rapat koordinasi {number}"]))
    settings = load_settings()
    engine = db.make_engine(settings)
    organisation_id = _badung(engine)
    with monkeypatch.context() as patch:  # an indexer killed with the ingest (kill -9): recorded, never indexed
        patch.setattr(bulk.Indexer, "add", lambda _self, _document_id: None)
        first = list(bulk.ingest_files(engine, settings, sorted(folder.iterdir())[:3], organisation_id, None, 1))
    recorded = {result.document_id for _path, result in first}
    assert len(recorded) == 3 and not _found(settings, organisation_id, "notulen")

    resumed = cli("ingest", str(folder), "--org", "badung", "--workers", "2")
    assert "4 berkas · 1 ditambahkan · 3 duplikat · 0 gagal" in resumed.output, resumed.output
    found = _found(settings, organisation_id, "notulen")
    assert recorded < found and len(found) == 4
    assert indexing.check(settings, engine).clean


def test_ctrl_c_says_how_to_index_what_the_stopped_indexer_left(cli, initialised, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    for number in range(3):
        (folder / f"notulen-{number}.pdf").write_bytes(samples.pdf_document([f"Notulen rapat {number}"]))
    recorded = bulk._record

    def record_then_ctrl_c(*args, **kwargs):
        if _count_documents() >= 1:
            raise KeyboardInterrupt
        return recorded(*args, **kwargs)

    close = bulk.Indexer.close
    with monkeypatch.context() as patch:
        patch.setattr(bulk, "_record", record_then_ctrl_c)
        patch.setattr(bulk.Indexer, "close", lambda self, wait_seconds=None: close(self, 0) and False)
        stopped = cli("ingest", str(folder), "--org", "badung", "--workers", "1")
    assert stopped.exit_code == 130
    assert "Dihentikan: 1 dari 3 berkas selesai" in stopped.output
    assert "evidence-vault check --fix" in stopped.output, "the indexer was ended before it finished"

    with monkeypatch.context() as patch:
        patch.setattr(bulk, "_record", record_then_ctrl_c)
        # The indexer is waited for until it finishes, however slow a loaded machine is (the bounded
        # wait of a real Ctrl-C, INDEX_WAIT_ON_STOP seconds, is what the first run above exercises).
        patch.setattr(bulk.Indexer, "close", lambda self, wait_seconds=None: close(self, None))
        stopped_cleanly = cli("ingest", str(folder), "--org", "badung", "--workers", "1")
    assert stopped_cleanly.exit_code == 130 and "check --fix" not in stopped_cleanly.output, "nothing left out"
    assert cli("ingest", str(folder), "--org", "badung", "--workers", "1").exit_code == 0
