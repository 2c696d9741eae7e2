"""The same code on PostgreSQL: migrations, demo, audit, search, the append-only log, backup/restore.

A throwaway cluster is started in a temporary folder (Debian's postgresql package, installed
by `make test`). Without it the test fails in CI and skips on a laptop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError

from evidence_vault import db
from evidence_vault.config import load_settings
from evidence_vault.pipeline import ocr_claims

from .conftest import PASSWORD
from .services import PostgresCluster


@pytest.fixture(scope="module")
def postgres(postgres_server: PostgresCluster) -> str:
    for name in ("vault", "restored", "web"):
        postgres_server.url(name)
    return postgres_server.url_of("{database}")


def test_the_vault_runs_on_postgresql(postgres: str, cli, admin_env, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: Path) -> None:
    url = postgres.format(database="vault")
    monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", url)
    assert cli("init").exit_code == 0
    assert cli("demo").exit_code == 0
    audit = cli("audit", "--org", "demo", "--format", "json")
    assert audit.exit_code == 0 and '"supported": 3' in audit.output
    assert "Manajemen Data" in cli("search", "kelola data", "--org", "demo").output
    engine = create_engine(url)
    vault = db.make_engine(load_settings())  # one OCR run per document: the claim is a conditional UPDATE
    with engine.connect() as connection:
        document_id = connection.execute(text("SELECT min(id) FROM document")).scalar_one()
    def take() -> str | None:
        with db.session_scope(vault) as session:
            return ocr_claims.take(session, document_id, 300)

    claim = take()
    assert claim is not None and take() is None
    with db.session_scope(vault) as session:
        ocr_claims.release(session, document_id, claim)
    assert take() is not None
    vault.dispose()
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(text("UPDATE event SET action = 'dipalsukan'"))
    archive = tmp_path / "cadangan.tar.gz"
    assert cli("backup", str(archive)).exit_code == 0
    monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", postgres.format(database="restored"))
    monkeypatch.setenv("EVIDENCE_VAULT_STORAGE_DIR", str(tmp_path / "pulih"))
    assert cli("restore", str(archive)).exit_code == 0
    added = cli("user", "add", "baru@contoh.go.id", "--role", "operator", "--org", "demo", "--password-stdin",
                input=PASSWORD + "\n")
    assert added.exit_code == 0, "sequences continue after the restored rows"
    engine.dispose()


def test_sessions_login_limits_and_background_status_on_postgresql(postgres: str, cli, admin_env,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """What issue 21 added to the database, through the web, on PostgreSQL."""
    from evidence_vault.app import create_app
    from evidence_vault.records import login_limits, workers

    from .conftest import csrf_token

    monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", postgres.format(database="web"))
    monkeypatch.setattr(login_limits, "PER_ADDRESS", 4)
    assert cli("init").exit_code == 0
    assert cli("org", "add", "Kabupaten Badung", "--kind", "regency", "--code", "badung").exit_code == 0
    assert cli("user", "add", "operator@badung.go.id", "--role", "operator", "--org", "badung",
               "--password-stdin", input=PASSWORD + "\n").exit_code == 0
    settings = load_settings()
    app = create_app(settings, testing=True)

    def login(client, email: str, password: str):
        token = csrf_token(client.get("/login").text)
        return client.post("/login", data={"csrf_token": token, "email": email, "password": password})

    browser, copy = app.test_client(), app.test_client()
    assert login(browser, "operator@badung.go.id", PASSWORD).status_code == 302
    copy.set_cookie("evidence_vault_session", browser.get_cookie("evidence_vault_session").value)
    assert copy.get("/").status_code == 200
    assert browser.get(f"/documents/{2**31}").status_code == 404, "past PostgreSQL's integer ids"
    browser.post("/logout", data={"csrf_token": csrf_token(browser.get("/").text)})
    assert copy.get("/").status_code == 302, "the copied cookie died at logout"
    stranger = app.test_client()
    for number in range(login_limits.PER_ADDRESS):
        login(stranger, f"tidak-ada-{number}@badung.go.id", "salah-salah-salah")
    assert login(stranger, "operator@badung.go.id", "salah-salah-salah").status_code == 429
    assert login(stranger, "operator@badung.go.id", PASSWORD).status_code == 302
    engine = db.make_engine(settings)
    with db.session_scope(engine) as session:
        workers.beat(session, "mesin:1")
        assert workers.status(session).running
        assert ocr_claims.abandoned_documents(session) == []
    engine.dispose()
    app.extensions["evidence_vault"]["engine"].dispose()


def test_search_rows_commit_with_the_data_on_postgresql(postgres_server: PostgresCluster, cli, admin_env,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """`search.backend = "postgres"`: an upload is searchable when its transaction commits, a change whose
    search rows cannot be written is not saved either, and `check` and `reindex` work on the tables."""
    from evidence_vault.app import create_app
    from evidence_vault.demo import samples
    from evidence_vault.search.postgres import writing

    from .conftest import csrf_token
    from .pipeline.test_worker import upload

    url = postgres_server.url("searching")
    monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", url)
    monkeypatch.setenv("EVIDENCE_VAULT_SEARCH_BACKEND", "postgres")
    assert cli("init").exit_code == 0
    assert cli("org", "add", "Kabupaten Badung", "--kind", "regency", "--code", "badung").exit_code == 0
    assert cli("user", "add", "operator@badung.go.id", "--role", "operator", "--org", "badung",
               "--password-stdin", input=PASSWORD + "\n").exit_code == 0
    app = create_app(load_settings(), testing=True)
    client = app.test_client()
    token = csrf_token(client.get("/login").text)
    client.post("/login", data={"csrf_token": token, "email": "operator@badung.go.id", "password": PASSWORD})

    class Auth:
        def token(self) -> str:
            return csrf_token(client.get("/upload").text)

    pdf = samples.pdf_document(["PERATURAN BUPATI BADUNG NOMOR 7 TAHUN 2024 TENTANG PENGELOLAAN ARSIP DINAMIS"])
    assert upload(client, Auth(), [("perbup-7-2024.pdf", pdf)]).status_code == 200
    engine = create_engine(url)
    with engine.connect() as connection:
        document_id = connection.execute(text("SELECT min(id) FROM document")).scalar_one()
        assert connection.execute(text("SELECT count(*) FROM search_document WHERE document_id = :id"),
                                  {"id": document_id}).scalar_one() == 1
    assert "1 dokumen" in cli("search", "dikelola", "--org", "badung").output

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk penuh")

    working = writing.remove
    monkeypatch.setattr(writing, "remove", broken)
    token = csrf_token(client.get(f"/documents/{document_id}").text)
    with pytest.raises(RuntimeError):
        client.post(f"/documents/{document_id}/delete", data={"csrf_token": token})
    monkeypatch.setattr(writing, "remove", working)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT deleted_at FROM document WHERE id = :id"),
                                  {"id": document_id}).scalar_one() is None, "not moved to the trash either"
    assert cli("check").exit_code == 0
    with engine.begin() as connection:  # rows lost, as after a restore without them
        connection.execute(text("DELETE FROM search_page"))
        connection.execute(text("DELETE FROM search_document"))
    assert cli("check").exit_code == 1
    assert cli("check", "--fix").exit_code == 0 and cli("check").exit_code == 0
    rebuilt = cli("reindex")
    assert rebuilt.exit_code == 0 and "1 dokumen" in rebuilt.output
    assert "1 dokumen" in cli("search", "Perbup 7/2024", "--org", "badung").output
    engine.dispose()
    app.extensions["evidence_vault"]["engine"].dispose()
