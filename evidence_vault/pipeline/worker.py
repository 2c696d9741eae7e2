"""Background work without an extra server: a Huey task queue kept in SQLite under storage/.

A web upload stores its files and queues each to be read here (`Background.enqueue_read`:
text, legal metadata, suggestions, the document recorded); a document with scanned pages
then queues their OCR (`Background.enqueue_ocr`). Reading goes before OCR (a higher
priority): a person waits for the one, rarely for the other. The worker
(`evidence-vault worker`, started by `evidence-vault serve`) runs the queue with
`worker.concurrency` threads; each thread drives isolated children, so the CPU work
happens in processes and the limits of `extract.isolation` hold. `evidence-vault worker
--once` empties the queue and stops, for a scheduler (cron, a systemd timer) instead of a
resident worker.

The queue is only a to-do list; the database says which upload files wait to be read and
which documents are still processing. A worker that starts queues them all again
(`requeue`), so a worker killed midway loses nothing but the file or page it was reading.
A document whose run was killed while it held the document's OCR claim (or an upload
file's claim) is skipped until the claim runs out; a periodic task (Huey's scheduler,
every minute) then queues it again (`requeue_abandoned`). Pages that ran out of
time are tried again later: the task schedules itself (`scans.ScanResult.retry_after`).
While it runs, the worker writes a heartbeat (`records.workers`), so the admin's pages can
tell when no worker is running.

A grown deployment keeps the queue in Redis (`worker.backend = "redis"`,
`worker.redis_url`): workers then run on other machines than the web servers. Nothing else
changes, because what must be shared is already in the database: the upload's status,
the OCR claim that keeps two workers off one document, the retries and the heartbeats.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huey import Huey, PriorityRedisHuey, SqliteHuey, crontab
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .. import db
from ..config import Settings
from ..config import cpu_count as cpu_count  # where `parallelism` lives (the CLI needs no queue for it)
from ..config import parallelism as parallelism
from ..records import uploads as upload_records
from ..records import workers
from . import ocr_claims, scans, uploads

log = logging.getLogger(__name__)

QUEUE_FILE = "queue.db"
READ_PRIORITY = 10  # Huey runs higher priorities first: uploads are read before scans wait for OCR
_queues: dict[tuple[Path, bool, str], Background] = {}
_queues_lock = threading.Lock()


@dataclass
class Background:
    """The task queue of one vault, with its tasks registered."""

    settings: Settings
    huey: Huey
    _ocr_task: Any = None
    _read_task: Any = None
    _requeue_task: Any = None
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

    def enqueue_read(self, upload_file_id: int) -> None:
        """Ask the worker to read a file a web upload stored (runs at once in immediate mode)."""
        self._read_task(upload_file_id)

    def pending(self) -> int:
        """Tasks waiting in the queue."""
        return self.huey.pending_count()


def background_for(settings: Settings) -> Background:
    """One queue object per vault and process (safe to share between threads)."""
    key = (settings.storage_dir, bool(settings.get("worker", "immediate")), settings.get("worker", "redis_url"))
    with _queues_lock:
        if key not in _queues:
            _queues[key] = _make_queue(settings)
        return _queues[key]


def _make_queue(settings: Settings) -> Background:
    huey = _huey(settings)
    background = Background(settings=settings, huey=huey)

    immediate = bool(settings.get("worker", "immediate"))

    @huey.task(name="ocr_document")
    def ocr_document(document_id: int) -> None:
        """Read a web upload's scanned pages, then its legal metadata and suggestions again.

        Pages that ran out of time are tried again later (the task schedules itself). Any
        other failure is not retried (it would most likely fail again): the document is set
        aside as needing OCR, with what to do, instead of showing "Sedang diproses" forever.
        """
        try:
            result = scans.complete(background.engine, settings, document_id, retry_later=not immediate)
        except Exception:
            log.exception("background OCR of document %s failed", document_id)
            scans.set_aside(background.engine, document_id, scans.BACKGROUND_FAILED)
            return
        if result is not None and result.elsewhere:
            log.info("document %s skipped: another run holds its OCR claim (taken up again when it runs out)",
                     document_id)
        if result is not None and result.retry_after:
            ocr_document.schedule((document_id,), delay=result.retry_after)

    @huey.task(name="read_upload", priority=READ_PRIORITY)
    def read_upload(upload_file_id: int) -> None:
        """Read one file of a web upload and record its document (`pipeline.uploads.read`).

        An unexpected failure is not retried: the row would only fail again. It stays
        *Dibaca* until its claim runs out, then the periodic task queues it once more.
        """
        try:
            uploads.read(background.engine, settings, upload_file_id, background.enqueue_ocr)
        except Exception:
            log.exception("reading upload file %s failed", upload_file_id)

    @huey.periodic_task(crontab(minute="*"), name="requeue_abandoned")
    def requeue_abandoned_task() -> None:
        """Every minute: documents whose OCR run died, once its claim has run out (`requeue_abandoned`)."""
        requeue_abandoned(background)

    background._ocr_task = ocr_document
    background._read_task = read_upload
    background._requeue_task = requeue_abandoned_task
    return background


def _huey(settings: Settings) -> Huey:
    """The queue's storage as set by `worker.backend`: a SQLite file under storage/, or a Redis server.

    Both must honour task priorities (uploads are read before scans wait for OCR): Huey's
    plain Redis storage refuses them, its priority storage (a sorted set) does not.
    """
    immediate = bool(settings.get("worker", "immediate"))
    if settings.get("worker", "backend") == "redis":
        return PriorityRedisHuey("evidence-vault", url=settings.get("worker", "redis_url"), results=False,
                         immediate=immediate, utc=True)
    settings.storage_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return SqliteHuey("evidence-vault", filename=str(settings.storage_dir / QUEUE_FILE), results=False,
                      immediate=immediate, utc=True)


def requeue(background: Background) -> int:
    """Queue every upload file still to be read and every document still processing; returns how many.

    A SQLite queue is emptied first: it is this machine's alone, each of its tasks belongs
    to a file or a document that still waits, and is queued again here exactly once. A Redis
    queue is shared with workers on other machines and is left alone (flushing it would drop
    their scheduled retries); a task queued twice finds its file or document claimed or
    finished and does nothing.
    """
    if background.settings.get("worker", "backend") == "sqlite":
        background.huey.flush()
    with Session(background.engine) as session:
        files = upload_records.waiting_files(session)
        documents = scans.processing_documents(session)
    for file_id in files:
        background.enqueue_read(file_id)
    for document_id in documents:
        background.enqueue_ocr(document_id)
    return len(files) + len(documents)


def requeue_abandoned(background: Background) -> int:
    """Queue the upload files and documents whose run died holding their claim, once it ran out; returns how many."""
    with Session(background.engine) as session:
        files = upload_records.abandoned_files(session)
        abandoned = ocr_claims.abandoned_documents(session)
    for file_id in files:
        log.warning("upload file %s: its reader stopped and its claim ran out; queued again", file_id)
        background.enqueue_read(file_id)
    for document_id in abandoned:
        log.warning("document %s: its OCR run stopped and its claim ran out; queued again", document_id)
        background.enqueue_ocr(document_id)
    return len(files) + len(abandoned)


def run(settings: Settings, concurrency: int) -> None:
    """Run the queue until Ctrl-C or SIGTERM (Huey's consumer, with thread workers and its scheduler)."""
    background = background_for(settings)
    queued = requeue(background)
    log.info("worker starting with %d threads, %d files and documents queued", concurrency, queued)
    consumer = background.huey.create_consumer(workers=concurrency, worker_type="thread", periodic=True,
                                               check_worker_health=True)
    with Heartbeat(background.engine):
        consumer.run()


class Heartbeat:
    """While the block runs, say every `workers.BEAT_SECONDS` that this worker is alive; on leaving, stop saying so."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.name = engine, f"{socket.gethostname()}:{os.getpid()}"[:128]
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._once()
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stopping.set()
        self.thread.join(workers.BEAT_SECONDS)
        try:
            with db.session_scope(self.engine) as session:
                workers.stopped(session, self.name)
        except Exception:  # the database may be what stopped us
            log.exception("could not remove the worker's heartbeat")

    def _beat(self) -> None:
        while not self.stopping.wait(workers.BEAT_SECONDS):
            self._once()

    def _once(self) -> None:
        try:
            with db.session_scope(self.engine) as session:
                workers.beat(session, self.name)
        except Exception:  # a heartbeat missed is not worth stopping the worker for
            log.exception("could not write the worker's heartbeat")


def drain(settings: Settings, concurrency: int) -> int:
    """Run every queued task, `concurrency` at a time, until the queue is empty; returns how many ran.

    (`worker --once`.) A file read may queue the OCR of its scans: those run in a later round.
    """
    background = background_for(settings)
    requeue(background)
    ran = 0
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="worker") as pool:
        while True:
            tasks = []
            while (task := background.huey.dequeue()) is not None:
                tasks.append(task)
            if not tasks:
                return ran
            list(pool.map(background.huey.execute, tasks))
            ran += len(tasks)
