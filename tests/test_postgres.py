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
