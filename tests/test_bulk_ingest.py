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

from evidence_vault import db, samples
from evidence_vault.config import load_settings
from evidence_vault.models import Document, DocumentPage, Event

from . import files
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
    command = [sys.executable, "-m", "evidence_vault.cli", "ingest", str(folder), "--org", "badung", *extra]
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
