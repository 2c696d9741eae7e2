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
