"""Stored files that no document refers to: found by `check`, removed by `check --fix` after a grace period.

A file is stored before its document is recorded (so a record never points at a missing
file); a crash between the two leaves a file nobody refers to. A web upload's file waiting
for the worker to read it is referred to by its upload row (`records.uploads`), however long
it waits. It is not lost data (the
upload failed and the user saw no document), only space. A file younger than `GRACE` may
be an upload being recorded right now, so it is only reported; older ones are removed,
each after asking the database once more whether a document refers to it. Storing the
same bytes again renews the file's time (`storage.FileStore.commit`), so a file about to be
recorded is never that old.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ..config import Settings
from ..models import Document
from ..records import uploads
from ..storage import FileStore

log = logging.getLogger(__name__)

GRACE = timedelta(hours=1)


@dataclass(frozen=True)
class FilesReport:
    """Stored files without a document: past the grace period, still within it, and removed."""

    orphaned: list[str]
    waiting: list[str]
    removed: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Nothing to repair (files within the grace period may still be recorded)."""
        return not self.orphaned


def check(settings: Settings, engine: Engine, fix: bool = False, now: float | None = None) -> FilesReport:
    """Compare the stored files with the documents; with `fix`, remove those past the grace period."""
    store = FileStore(settings.files_dir, settings.tmp_dir)
    cutoff = (now or time.time()) - GRACE.total_seconds()
    with Session(engine) as session:
        referred = set(session.exec(select(Document.sha256).distinct()).all()) | uploads.waiting_hashes(session)
    stored = [(sha256, mtime) for sha256, mtime in store.stored() if sha256 not in referred]
    orphaned = sorted(sha256 for sha256, mtime in stored if mtime < cutoff)
    waiting = sorted(sha256 for sha256, mtime in stored if mtime >= cutoff)
    removed = []
    if fix:
        for sha256 in orphaned:
            with Session(engine) as session:  # again, right before: a document may have been recorded since
                if session.exec(select(Document.id).where(Document.sha256 == sha256)).first() is not None \
                        or sha256 in uploads.waiting_hashes(session):
                    continue
            store.remove(sha256)
            removed.append(sha256)
            log.info("removed stored file %s: no document refers to it", sha256)
    return FilesReport(orphaned, waiting, removed)
