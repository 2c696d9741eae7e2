"""The index folder: generations, the CURRENT pointer, the schema version, locks, the rebuild journal.

```
index/                      the folder the caller passes in (`search.index_dir`)
  CURRENT                   names the live generation; replaced atomically
  write.lock                held by every writer and by the swap at the end of a rebuild
  rebuild.lock              held for the whole of a rebuild (one at a time)
  rebuild.journal           while a rebuild runs: ids of documents written meanwhile
  gen-20261128T101500-1a2b/ a Whoosh index ...
    SCHEMA_VERSION          ... and the schema version it was written with
```

A rebuild writes a new generation beside the live one and then replaces CURRENT, so
readers see the old index or the new one, never half of either. The locks are OS file
locks (Whoosh's `FileLock`): they hold between threads and processes, and a crashed
process leaves none behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from whoosh.util.filelock import FileLock

from .errors import IndexBusy

CURRENT = "CURRENT"
VERSION_FILE = "SCHEMA_VERSION"
WRITE_LOCK = "write.lock"
REBUILD_LOCK = "rebuild.lock"
JOURNAL = "rebuild.journal"
GENERATION_PREFIX = "gen-"
POLL_SECONDS = 0.05


def current_generation(root: Path) -> Path | None:
    """The live generation's folder, or None when there is none yet."""
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not name.startswith(GENERATION_PREFIX) or "/" in name or "\\" in name:
        return None
    return root / name


def set_current(root: Path, generation: Path) -> None:
    """Point CURRENT at `generation` in one atomic step, durably."""
    temporary = root / f"{CURRENT}.{secrets.token_hex(4)}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / CURRENT)
    _fsync_folder(root)


def new_generation(root: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    folder = root / f"{GENERATION_PREFIX}{stamp}-{secrets.token_hex(3)}"
    folder.mkdir(parents=True)
    return folder


def read_version(generation: Path) -> int | None:
    try:
        return int((generation / VERSION_FILE).read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None


def seal(generation: Path, version: int) -> None:
    """Write the schema version and flush every file of a finished generation to disk."""
    (generation / VERSION_FILE).write_text(f"{version}\n", encoding="utf-8")
    for path in generation.iterdir():
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_folder(generation)


def remove_generations(root: Path, keep: Path | None) -> None:
    """Delete every generation but `keep` (left-overs of earlier rebuilds). Open files stay readable on POSIX."""
    for path in root.glob(f"{GENERATION_PREFIX}*"):
        if path.is_dir() and path != keep:
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def locked(path: Path, timeout: float, what: str) -> Iterator[None]:
    """Hold an OS file lock, retrying every POLL_SECONDS for up to `timeout` seconds, else IndexBusy."""
    lock = FileLock(str(path))
    deadline = time.monotonic() + timeout
    while not lock.acquire(blocking=False):
        if time.monotonic() >= deadline:
            raise IndexBusy(f"the search index is busy ({what}); gave up after {timeout:g} s")
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        lock.release()


def clear_stale_journal(root: Path, timeout: float, *, rebuilding: bool = False) -> None:
    """Remove a journal no rebuild is writing (left by a crash, or by the caller's failed rebuild).

    Without `rebuilding`, a journal is stale only if no process holds the rebuild lock.
    """
    if not journal_active(root):
        return
    rebuild_lock = FileLock(str(root / REBUILD_LOCK))
    if not rebuilding and not rebuild_lock.acquire(blocking=False):
        return  # a rebuild is running: its journal
    try:
        with locked(root / WRITE_LOCK, timeout, "clearing the rebuild journal"):
            end_journal(root)
    finally:
        if not rebuilding:
            rebuild_lock.release()


def start_journal(root: Path) -> None:
    (root / JOURNAL).write_text("", encoding="utf-8")


def journal_active(root: Path) -> bool:
    return (root / JOURNAL).exists()


def note_in_journal(root: Path, document_ids: Iterable[int]) -> None:
    """Record documents written while a rebuild runs (call with the write lock held)."""
    lines = "".join(f"{document_id}\n" for document_id in document_ids)
    with open(root / JOURNAL, "a", encoding="utf-8") as handle:
        handle.write(lines)
        handle.flush()
        os.fsync(handle.fileno())


def end_journal(root: Path) -> list[int]:
    """The documents written since `start_journal`, and the journal removed."""
    try:
        lines = (root / JOURNAL).read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return []
    (root / JOURNAL).unlink(missing_ok=True)
    return sorted({int(line) for line in lines if line.isdigit()})


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to flush it
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
