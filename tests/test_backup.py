"""Backup while in use, restore into an empty storage: every document back, every file intact."""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path

import pytest
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.config import load_settings
from evidence_vault.demo import samples
from evidence_vault.models import Document, Event

from . import legal_texts


@pytest.fixture
def filled(cli, initialised, tmp_path: Path) -> Path:
    folder = tmp_path / "impor"
    folder.mkdir()
    (folder / "perbup.pdf").write_bytes(samples.pdf_document(legal_texts.perbup()))
    (folder / "sop.docx").write_bytes(samples.docx_document(["SOP pengelolaan data"]))
    (folder / "scan.pdf").write_bytes(samples.scanned_pdf([["SK"]]))
    assert cli("ingest", str(folder), "--org", "badung").exit_code == 0
    return tmp_path


def _snapshot() -> list[tuple[str, str, str | None, str]]:
    settings = load_settings()
    with Session(db.make_engine(settings)) as session:
        documents = session.exec(select(Document).order_by(Document.id)).all()
        return [(d.original_filename, d.sha256, d.kind,
                 hashlib.sha256((settings.files_dir / d.sha256[:2] / d.sha256[2:4] / d.sha256).read_bytes())
                 .hexdigest()) for d in documents]


@pytest.mark.sqlite_only  # restores into a second vault beside the first (PostgreSQL: tests/test_postgres.py)
def test_round_trip(cli, filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot()
    archive = filled / "cadangan.tar.gz"
    result = cli("backup", str(archive))
    assert result.exit_code == 0 and "3 dokumen" in result.output
    with tarfile.open(archive) as packed:
        names = packed.getnames()
        assert "secret_key" not in " ".join(names) and "vault.db" not in names
    monkeypatch.setenv("EVIDENCE_VAULT_STORAGE_DIR", str(filled / "pulih"))
    restored = cli("restore", str(archive))
    assert restored.exit_code == 0, restored.output
    after = _snapshot()
    assert after == before
    assert all(row[1] == row[3] for row in after), "every file matches its checksum"
    with Session(db.make_engine(load_settings())) as session:
        assert session.exec(select(Event).where(Event.action == "document.upload")).all()
    assert cli("org", "list").output.strip().startswith("badung")


def test_a_restore_revives_no_api_token(cli, filled: Path, another_vault) -> None:
    """A token revoked after the backup must not work again after a restore: tokens are not backed up."""
    assert cli("token", "add", "admin@vault.go.id", "--name", "dasbor").exit_code == 0
    archive = filled / "cadangan.tar.gz"
    assert cli("backup", str(archive)).exit_code == 0
    another_vault(filled / "pulih")  # on PostgreSQL also an empty database: the first one is not empty
    assert cli("restore", str(archive)).exit_code == 0
    assert cli("token", "list").output == ""


def test_restore_refuses_a_vault_that_is_not_empty(cli, filled: Path) -> None:
    archive = filled / "cadangan.tar.gz"
    cli("backup", str(archive))
    result = cli("restore", str(archive))
    assert result.exit_code == 1 and "tidak kosong" in result.output


@pytest.mark.sqlite_only  # restores into a second vault beside the first (PostgreSQL: tests/test_postgres.py)
def test_damaged_archive_is_refused_without_side_effects(cli, filled: Path, monkeypatch) -> None:
    archive = filled / "cadangan.tar.gz"
    cli("backup", str(archive))
    broken = filled / "rusak.tar.gz"
    broken.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    monkeypatch.setenv("EVIDENCE_VAULT_STORAGE_DIR", str(filled / "pulih"))
    result = cli("restore", str(broken))
    assert result.exit_code == 1 and "tidak utuh" in result.output
    assert db.current_revision(db.make_engine(load_settings())) is None
