"""Intake of one file in a bulk-ingest worker process: store it, read it, hand the result back.

Kept apart from `bulk` so that a worker process imports only what reading needs (the
pipeline and the store), not the database, the search index or the task queue: a
worker starts in about half the time.
"""

from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..extract import ExtractionError, detect_type
from ..extract.isolation import exit_with
from ..storage import FileStore, FileTooLarge
from . import stages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """What every file of one bulk ingest shares: settings, framework, hashes already recorded."""

    settings: Settings
    framework: str
    known: frozenset[str]


@dataclass(frozen=True)
class Prepared:
    """A file after a worker took it: stored and analysed, known already, too large or unreadable."""

    name: str
    sha256: str = ""
    size: int = 0
    analysis: stages.Analysis | None = None
    known: bool = False
    too_large: bool = False
    unreadable: str = ""


def prepare(job: Job, path: Path, name: str) -> Prepared:
    """Store one file and run the pipeline over it (OCR included); never raises for a bad file."""
    settings = job.settings
    store = FileStore(settings.files_dir, settings.tmp_dir)
    try:
        with path.open("rb") as stream:
            staged = store.stage(stream, settings.get("upload", "max_bytes"))
    except FileTooLarge:
        return Prepared(name, too_large=True)
    except OSError as error:
        return Prepared(name, unreadable=f"Berkas tidak dapat dibaca dari disk ({error.strerror or error}); "
                                         "periksa hak aksesnya, lalu jalankan perintah ini lagi.")
    if staged.sha256 in job.known:
        store.discard(staged)
        return Prepared(name, staged.sha256, staged.size, known=True)
    stored = store.commit(staged)
    try:
        analysis = stages.analyse(stored, settings, job.framework, ocr=True)
    except Exception:
        log.exception("pipeline failed on %s", path)
        analysis = stages.Analysis(file_type=detect_type(stored), error=ExtractionError.internal())
    return Prepared(name, staged.sha256, staged.size, analysis)


# --- in the worker processes ---------------------------------------------------------------

_job: Job | None = None


def start_worker(job: Job, ingest_pid: int) -> None:
    """Set up a worker: Ctrl-C is the ingest's business, and the worker ends when the ingest does."""
    global _job
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(ingest_pid)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _job = job


def prepare_in_worker(path: Path, name: str) -> Prepared:
    """`prepare` with the job the worker was started with."""
    assert _job is not None
    return prepare(_job, path, name)
