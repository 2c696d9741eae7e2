"""The `evidence-vault` command, as an admin or a script runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.app import create_app
from evidence_vault.config import load_settings
from evidence_vault.demo import samples
from evidence_vault.models import Document, DocumentPage, Event, User

from .. import files
from ..conftest import PASSWORD, csrf_token


def _documents() -> list[Document]:
    engine = db.make_engine(load_settings())
    with Session(engine) as session:
        return list(session.exec(select(Document).order_by(Document.id)))


def test_init_creates_schema_and_admin_from_environment(cli, initialised) -> None:
    engine = db.make_engine(load_settings())
    with Session(engine) as session:
        admin = session.exec(select(User)).one()
    assert (admin.email, admin.role) == ("admin@vault.go.id", "admin")
    assert PASSWORD not in admin.password_hash
    again = cli("init")
    assert again.exit_code == 0 and "dibuat" not in again.output


def test_init_without_admin_credentials_explains_what_to_do(cli) -> None:
    result = cli("init")
    assert result.exit_code == 1
    assert "EVIDENCE_VAULT_ADMIN_EMAIL" in result.output


def test_commands_refuse_an_uninitialised_database(cli) -> None:
    result = cli("org", "list")
    assert result.exit_code == 1
    assert "evidence-vault init" in result.output


def test_org_add_rejects_a_taken_code(cli, initialised) -> None:
    result = cli("org", "add", "Badung Lagi", "--kind", "regency", "--code", "badung")
    assert result.exit_code == 1
    assert "sudah dipakai" in result.output


def test_user_add_reads_the_password_from_stdin(cli, initialised) -> None:
    result = cli("user", "add", "Operator@Badung.go.id", "--role", "operator", "--org", "badung",
                 "--password-stdin", input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    short = cli("user", "add", "b@badung.go.id", "--role", "operator", "--org", "badung", "--password-stdin",
                input="pendek\n")
    assert short.exit_code == 1 and "minimal" in short.output


def test_ingest_folder_reports_added_duplicates_and_failures(cli, initialised, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_ENABLED", "false")  # the scan stays unread: reported, not failed
    folder = tmp_path / "impor"
    (folder / "sub").mkdir(parents=True)
    (folder / "perbup.pdf").write_bytes(samples.pdf_document(["PERATURAN BUPATI BADUNG NOMOR 1 TAHUN 2024"]))
    (folder / "sop.docx").write_bytes(samples.docx_document(["SOP layanan data"]))
    (folder / "salinan perbup.pdf").write_bytes(samples.pdf_document(["PERATURAN BUPATI BADUNG NOMOR 1 TAHUN 2024"]))
    (folder / "terkunci.pdf").write_bytes(files.encrypted_pdf("rahasia"))
    (folder / "sub" / "scan.pdf").write_bytes(samples.scanned_pdf([["SK BUPATI"]]))
    (folder / ".DS_Store").write_bytes(b"\0\0")

    first = cli("ingest", str(folder), "--org", "badung")
    assert first.exit_code == 1
    assert "4 berkas · 2 ditambahkan · 1 duplikat · 1 gagal" in first.output
    assert "dikunci dengan kata sandi" in first.output

    recursive = cli("ingest", str(folder), "--org", "badung", "--recursive")
    assert "5 berkas · 1 ditambahkan · 4 duplikat · 0 gagal" in recursive.output
    assert "Perlu OCR" in recursive.output
    assert recursive.exit_code == 1, "the locked PDF is still unusable"

    stored = _documents()
    assert sorted(d.extraction_status for d in stored) == ["failed", "needs_ocr", "ok", "ok"]
    assert len({d.sha256 for d in stored}) == 4


def test_ingest_twice_is_safe_and_succeeds(cli, initialised, tmp_path: Path) -> None:
    path = tmp_path / "laporan.docx"
    path.write_bytes(samples.docx_document(["Laporan kinerja"]))
    assert cli("ingest", str(path), "--org", "badung").exit_code == 0
    second = cli("ingest", str(path), "--org", "badung")
    assert second.exit_code == 0
    assert "1 duplikat" in second.output
    assert len(_documents()) == 1


def test_ingest_records_pages_and_an_audit_event(cli, initialised, tmp_path: Path) -> None:
    path = tmp_path / "perbup.pdf"
    path.write_bytes(samples.pdf_document(["Halaman satu", "Halaman dua"]))
    cli("ingest", str(path), "--org", "badung")
    engine = db.make_engine(load_settings())
    with Session(engine) as session:
        pages = session.exec(select(DocumentPage).order_by(DocumentPage.number)).all()
        event = session.exec(select(Event).where(Event.action == "document.upload")).one()
    assert [p.text for p in pages] == ["Halaman satu", "Halaman dua"]
    assert event.detail["filename"] == "perbup.pdf"


def test_ingest_unknown_org(cli, initialised, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(samples.pdf_document(["a"]))
    result = cli("ingest", str(path), "--org", "tidak-ada")
    assert result.exit_code == 1 and "tidak ditemukan" in result.output


def test_inspect_json_contract(cli, tmp_path: Path) -> None:
    path = tmp_path / "perbup.pdf"
    path.write_bytes(samples.pdf_document(["PERATURAN BUPATI", "Pasal 1"]))
    result = cli("inspect", str(path), "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    for key in ("file", "sha256", "mime", "pages", "text_chars", "needs_ocr", "ocr_applied", "error",
                "legal", "indicator_suggestions", "findings", "coverage"):
        assert key in report
    assert report["mime"] == "application/pdf" and report["pages"] == 2 and report["error"] is None
    assert not (load_settings().storage_dir / "files").exists(), "inspect must not store anything"


def test_inspect_reports_errors_in_json_and_exit_code(cli, tmp_path: Path) -> None:
    path = tmp_path / "lama.doc"
    path.write_bytes(files.OLE_DOC)
    result = cli("inspect", str(path), "--json")
    assert result.exit_code == 1
    assert json.loads(result.output)["error"]["code"] == "unsupported_type"


def test_demo_loads_documents_and_a_working_login(cli) -> None:
    result = cli("demo")
    assert result.exit_code == 0, result.output
    assert len(_documents()) == 7
    statuses = sorted(d.extraction_status for d in _documents())
    assert statuses.count("needs_ocr") == 1 and "failed" not in statuses
    again = cli("demo")
    assert len(_documents()) == 7, "running demo again adds nothing"
    old_password = result.output.split("Kata sandi : ")[1].split()[0]
    new_password = again.output.split("Kata sandi : ")[1].split()[0]
    client = create_app(load_settings(), testing=True).test_client()
    login = {"email": "koordinator@demo.go.id", "csrf_token": csrf_token(client.get("/login").text)}
    assert client.post("/login", data={**login, "password": old_password}).status_code == 200
    assert client.post("/login", data={**login, "password": new_password}).status_code == 302


def test_inspect_json_reports_coverage(cli, tmp_path: Path) -> None:
    from evidence_vault.demo import loader as demo

    path = tmp_path / "perbup.pdf"
    path.write_bytes(samples.pdf_document([demo.PERBUP, demo.PERBUP_END]))
    report = json.loads(cli("inspect", str(path), "--json").output)
    data = next(item for item in report["coverage"] if item["indicator"] == "3")
    assert {item["element"] for item in data["found"]} >= {"kualitas data", "data induk"}
    assert data["found"][0]["pasal"] == "Pasal 1" and "integrasi" in data["missing"]
