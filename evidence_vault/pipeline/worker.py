"""Background work without an extra server: a Huey task queue kept in SQLite under storage/.

A web upload records its document at once and queues the OCR of its scanned pages here
(`Background.enqueue_ocr`). The worker (`evidence-vault worker`, started by
`evidence-vault serve`) runs the queue with `worker.concurrency` threads; each thread
drives isolated OCR children, so the CPU work happens in processes and the limits of
`extract.isolation` hold. `evidence-vault worker --once` empties the queue and stops, for
a scheduler (cron, a systemd timer) instead of a resident worker.

The queue is only a to-do list; the database says which documents are still processing.
A worker that starts queues them all again (`requeue`), so a worker killed midway loses
nothing but the page it was reading. Moving to Redis when a deployment grows means
building a `huey.RedisHuey` in `_make_queue` instead; nothing else changes.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huey import SqliteHuey
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .. import db
from ..config import Settings
from . import scans

log = logging.getLogger(__name__)

QUEUE_FILE = "queue.db"
_queues: dict[tuple[Path, bool], Background] = {}
_queues_lock = threading.Lock()


@dataclass
class Background:
    """The task queue of one vault, with its tasks registered."""

    settings: Settings
    huey: SqliteHuey
    _ocr_task: Any = None
    _engine: Engine | None = None
    _engine_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                self._engine = db.make_engine(self.settings)
            return self._engine

    def enqueue_ocr(self, document_id: int) -> None:
        """Ask the worker to OCR a document recorded as processing (runs at once in immediate mode)."""
        self._ocr_task(document_id)

    def pending(self) -> int:
        """Tasks waiting in the queue."""
        return self.huey.pending_count()


def background_for(settings: Settings) -> Background:
    """One queue object per vault and process (safe to share between threads)."""
    key = (settings.storage_dir, bool(settings.get("worker", "immediate")))
    with _queues_lock:
        if key not in _queues:
            _queues[key] = _make_queue(settings)
        return _queues[key]


def _make_queue(settings: Settings) -> Background:
    settings.storage_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    huey = SqliteHuey("evidence-vault", filename=str(settings.storage_dir / QUEUE_FILE), results=False,
                      immediate=settings.get("worker", "immediate"), utc=True)
    background = Background(settings=settings, huey=huey)

    @huey.task(name="ocr_document")
    def ocr_document(document_id: int) -> None:
        """Read a web upload's scanned pages, then its legal metadata and suggestions again.

        A failure is not retried (it would most likely fail again): the document is set aside
        as needing OCR, with what to do, instead of showing "Sedang diproses" forever.
        """
        try:
            scans.complete(background.engine, settings, document_id)
        except Exception:
            log.exception("background OCR of document %s failed", document_id)
            scans.set_aside(background.engine, document_id, scans.BACKGROUND_FAILED)

    background._ocr_task = ocr_document
    return background


def parallelism(settings: Settings, section: str, key: str, requested: int | None = None) -> int:
    """Processes or threads to run: asked for, else the setting (`section.key`), else one per CPU core."""
    chosen = requested or settings.get(section, key)
    return chosen if chosen and chosen > 0 else cpu_count()


def cpu_count() -> int:
    """Cores this process may use (respects CPU affinity and container limits where the OS says so)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def requeue(background: Background) -> int:
    """Queue every document the database says is processing; returns how many.

    The old queue is emptied first: each of its tasks belongs to a document that is
    still processing, and is queued again here exactly once.
    """
    background.huey.flush()
    with Session(background.engine) as session:
        waiting = scans.processing_documents(session)
    for document_id in waiting:
        background.enqueue_ocr(document_id)
    return len(waiting)


def run(settings: Settings, concurrency: int) -> None:
    """Run the queue until Ctrl-C or SIGTERM (Huey's consumer, with thread workers)."""
    background = background_for(settings)
    queued = requeue(background)
    log.info("worker starting with %d threads, %d documents queued", concurrency, queued)
    consumer = background.huey.create_consumer(workers=concurrency, worker_type="thread", periodic=False,
                                               check_worker_health=True)
    consumer.run()


def drain(settings: Settings, concurrency: int) -> int:
    """Run every queued task, `concurrency` at a time, and return how many ran (`worker --once`)."""
    background = background_for(settings)
    requeue(background)
    tasks = []
    while (task := background.huey.dequeue()) is not None:
        tasks.append(task)
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="ocr") as pool:
        list(pool.map(background.huey.execute, tasks))
    return len(tasks)
