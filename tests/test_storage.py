"""The content-addressed file store."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from evidence_vault.storage import FileStore, FileTooLarge


@pytest.fixture
def store(tmp_path: Path) -> FileStore:
    return FileStore(tmp_path / "files", tmp_path / "tmp")


def test_file_lands_under_its_hash(store: FileStore) -> None:
    data = b"Peraturan Bupati Badung"
    staged = store.stage(io.BytesIO(data), max_bytes=1000)
    path = store.commit(staged)
    digest = hashlib.sha256(data).hexdigest()
    assert path == store.files_dir / digest[:2] / digest[2:4] / digest
    assert path.read_bytes() == data
    assert list(store.tmp_dir.iterdir()) == []


def test_same_bytes_are_stored_once_and_never_overwritten(store: FileStore) -> None:
    first = store.commit(store.stage(io.BytesIO(b"sama"), max_bytes=100))
    before = os.stat(first)
    second = store.commit(store.stage(io.BytesIO(b"sama"), max_bytes=100))
    assert second == first
    assert os.stat(first).st_ino == before.st_ino
    assert list(store.tmp_dir.iterdir()) == []


def test_many_files_are_stored_together(store: FileStore) -> None:
    """An upload's files: staged without a flush each, then flushed and placed at once; twins once."""
    contents = [f"berkas {number}".encode() for number in range(12)] + [b"berkas 0"]
    staged = [store.stage(io.BytesIO(content), max_bytes=100, sync=False) for content in contents]
    store.commit_many(staged)
    for content in contents:
        assert store.path_for(hashlib.sha256(content).hexdigest()).read_bytes() == content
    assert len(list(store.stored())) == 12 and list(store.tmp_dir.iterdir()) == []
    store.commit_many([])


def test_too_large_leaves_nothing_behind(store: FileStore) -> None:
    with pytest.raises(FileTooLarge):
        store.stage(io.BytesIO(b"x" * 5000), max_bytes=4096)
    assert list(store.tmp_dir.iterdir()) == []
    assert not store.files_dir.exists()


def test_path_for_refuses_anything_but_a_hash(store: FileStore) -> None:
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")


def test_sweep_removes_only_old_leftovers(store: FileStore) -> None:
    store.tmp_dir.mkdir(parents=True)
    old = store.tmp_dir / "upload-old.part"
    new = store.tmp_dir / "upload-new.part"
    old.write_bytes(b"a")
    new.write_bytes(b"b")
    os.utime(old, (0, 0))
    assert store.sweep_temporary(older_than_seconds=60) == 1
    assert not old.exists() and new.exists()


def test_storing_bytes_already_there_renews_their_time(store: FileStore) -> None:
    """A stored file not yet recorded counts its grace period from its last store (`check --fix`)."""
    first = store.commit(store.stage(io.BytesIO(b"sama"), max_bytes=100))
    os.utime(first, (1_000_000, 1_000_000))
    store.commit(store.stage(io.BytesIO(b"sama"), max_bytes=100))
    assert os.stat(first).st_mtime > 1_000_000


def test_files_stored_without_a_document_are_reported_and_removed_after_the_grace_period(
        cli, initialised, tmp_path: Path) -> None:
    """A crash between storing a file and recording its document leaves a file nobody refers to."""
    import time

    from evidence_vault.config import load_settings
    from evidence_vault.demo import samples
    from evidence_vault.pipeline import stored_files

    kept = tmp_path / "laporan.pdf"
    kept.write_bytes(samples.pdf_document(["Laporan kinerja 2024"]))
    assert cli("ingest", str(kept), "--org", "badung").exit_code == 0
    settings = load_settings()
    store = FileStore(settings.files_dir, settings.tmp_dir)
    orphan = store.commit(store.stage(io.BytesIO(b"tersimpan lalu server mati"), max_bytes=100))

    fresh = cli("check", "--fix")
    assert fresh.exit_code == 0 and "1 berkas tanpa dokumen masih dalam masa tunggu" in fresh.output
    assert orphan.exists(), "it may belong to an upload being recorded right now"

    old = time.time() - stored_files.GRACE.total_seconds() - 60
    os.utime(orphan, (old, old))
    found = cli("check")
    assert found.exit_code == 1 and "Berkas tersimpan tanpa dokumen: 1" in found.output
    assert "1 berkas tersimpan tanpa dokumen" in cli("init").output
    fixed = cli("check", "--fix")
    assert fixed.exit_code == 0 and "1 berkas tanpa dokumen dihapus" in fixed.output
    assert not orphan.exists()
    assert store.path_for(hashlib.sha256(kept.read_bytes()).hexdigest()).exists(), "a recorded file stays"
    assert cli("check").exit_code == 0
