"""Bulk ingest: many files into one organisation's vault, on all cores, resumable.

Worker processes (`ingest.workers`, one per core by default) each take a file, copy it
into the content-addressed store, and run the pipeline over it (`intake`): text, OCR of
scanned pages, legal metadata, suggestions. The reading itself happens in an isolated
child with the time and memory limits, so one hostile file fails alone. This process is the
only database writer: it records each document in its own transaction as results
arrive, and an indexer process puts the recorded documents into the search index meanwhile.
At most two files per worker are in flight (the bounded queue), so memory does not grow
with the batch, and the largest files start first so no core idles at the end.

Resuming is the same command again. Bytes the organisation already has are recognised
by their SHA-256 before they are read and reported as duplicates. A crash, a kill or
Ctrl-C midway leaves at most a temporary file (swept by `init`) or a stored file whose
document was not yet recorded (the next run records it): never half a document, never
two. The workers end as soon as this process does, and leave Ctrl-C to it.
"""

from __future__ import annotations

import logging
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from .. import db
from ..config import Settings
from ..extract.children import forkserver_context
from ..extract.isolation import exit_with
from ..records import periods
from . import indexing, ingest, intake
from .filenames import display_name
from .intake import Job, Prepared

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2
INDEX_WAIT_ON_STOP = 5
WORKER_DIED = ("Proses pembaca berhenti tiba-tiba dua kali pada berkas ini, jadi berkas ini dilewati dan tidak "
               "disimpan. Laporkan ke admin beserta berkasnya.")
GONE_MEANWHILE = "Dokumen dengan isi yang sama dihapus selama impor berjalan; jalankan perintah ini lagi."


def ingest_files(engine: Engine, settings: Settings, paths: Iterable[Path], organisation_id: int,
                 uploaded_by_id: int | None, workers: int) -> BulkIngest:
    """Ingest files with `workers` processes (one: in this process), yielding each result once recorded."""
    return BulkIngest(engine, settings, paths, organisation_id, uploaded_by_id, workers)


class BulkIngest:
    """The results of one bulk ingest as they are recorded; `close()` stops it (Ctrl-C, an error).

    Files the organisation already has are reported as duplicates, and their documents are
    handed to the indexer too, which indexes those the search index lacks: what a killed or
    interrupted run recorded but did not index becomes searchable when it is run again.
    After a stop, `index_complete` says whether the indexer finished; when not, some of the
    documents recorded may be missing from search until `evidence-vault check --fix`
    (or the same command again).
    """

    def __init__(self, engine: Engine, settings: Settings, paths: Iterable[Path], organisation_id: int,
                 uploaded_by_id: int | None, workers: int) -> None:
        self.index_complete = True
        self._results = self._ingest(engine, settings, paths, organisation_id, uploaded_by_id, workers)

    def __iter__(self) -> Iterator[tuple[Path, ingest.IngestResult]]:
        return self._results

    def close(self) -> None:
        self._results.close()

    def _ingest(self, engine: Engine, settings: Settings, paths: Iterable[Path], organisation_id: int,
                uploaded_by_id: int | None, workers: int) -> Iterator[tuple[Path, ingest.IngestResult]]:
        with Session(engine) as session:
            framework = periods.framework_code_for(session, organisation_id)
        job = Job(settings, framework, frozenset(ingest.known_hashes(engine, organisation_id)))
        todo = deque(sorted(paths, key=_size, reverse=True))
        indexer = Indexer(settings)
        try:
            for path, prepared in _prepared(job, todo, workers):
                result = _record(engine, settings, prepared, organisation_id, uploaded_by_id)
                if result.document_id is not None:
                    if result.outcome is ingest.Outcome.DUPLICATE:
                        indexer.add_known(result.document_id)
                    else:
                        indexer.add(result.document_id)
                yield path, result
        except BaseException:
            self.index_complete = bool(indexer.close(wait_seconds=INDEX_WAIT_ON_STOP))
            raise
        indexer.close()


class Indexer:
    """Puts recorded documents into the search index from a process of its own, while the workers read on.

    Indexing (Whoosh, with Indonesian stemming) costs about as much as reading a text PDF.
    Done after each commit in turn it would leave cores idle; on a thread of this process
    it would hold the interpreter lock the pool needs to hand out files. The indexer takes
    whatever has been recorded since its last turn, so it works in batches. Documents
    recorded before (`add_known`) are indexed only when the index does not have them.
    """

    def __init__(self, settings: Settings) -> None:
        context = forkserver_context()
        self._waiting: Any = context.SimpleQueue()
        self._process = context.Process(target=_index_recorded, args=(settings, self._waiting, os.getpid()),
                                        name="bulk-indexer", daemon=True)
        self._process.start()

    def add(self, document_id: int) -> None:
        """A document recorded by this run."""
        self._waiting.put(document_id)

    def add_known(self, document_id: int) -> None:
        """A document recorded before (a duplicate): indexed if a stopped run left it out of the index."""
        self._waiting.put(-document_id)

    def close(self, wait_seconds: float | None = None) -> bool:
        """Index what is left and stop; `wait_seconds` bounds the wait (on Ctrl-C), then the indexer is ended.

        Returns whether the indexer finished its work (False: it was ended before).
        """
        self._waiting.put(None)
        self._process.join(wait_seconds)
        finished = not self._process.is_alive() and self._process.exitcode == 0
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._waiting.close()
        return finished


def _index_recorded(settings: Settings, waiting: Any, ingest_pid: int) -> None:
    """The indexer process: index each batch of recorded documents until told to stop.

    Documents recorded by an earlier run come as negative ids; those already in the index
    are left alone (their entry is up to date), the others indexed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(ingest_pid)
    engine = db.make_engine(settings)
    indexed: set[int] | None = None
    finished = False
    while not finished:
        batch = [waiting.get()]
        while not waiting.empty():
            batch.append(waiting.get())
        finished = None in batch
        document_ids = [document_id for document_id in batch if document_id is not None and document_id > 0]
        known = [-document_id for document_id in batch if document_id is not None and document_id < 0]
        if known:
            if indexed is None:
                indexed = _indexed_ids(settings)
            document_ids += [document_id for document_id in known if document_id not in indexed]
            indexed.update(known)
        if document_ids:
            try:
                indexing.sync(settings, engine, document_ids)
            except Exception:  # the documents are saved; `evidence-vault check --fix` indexes them
                log.exception("search index not updated for documents %s", document_ids)
    engine.dispose()


def _indexed_ids(settings: Settings) -> set[int]:
    """The documents the search index has; none when it cannot say (then every known one is indexed again)."""
    try:
        return indexing.index_for(settings).document_ids()
    except Exception:
        log.exception("could not list the documents in the search index")
        return set()


def _prepared(job: Job, todo: deque[Path], workers: int) -> Iterator[tuple[Path, Prepared]]:
    """Files taken by a pool of worker processes, or one after another here when one worker is asked for.

    When a worker dies (a file that crashes it, the kernel's out-of-memory killer), every
    file then in flight is suspect: they are read again one at a time, each in a fresh
    pool, before the batch goes on. A file that kills its worker alone too is the culprit,
    reported with `WORKER_DIED`; the innocent ones are read and recorded as usual.
    """
    if workers <= 1 or len(todo) <= 1:
        while todo:
            path = todo.popleft()
            yield path, intake.prepare(job, path, display_name(path.name))
        return
    suspects: deque[Path] = deque()
    while todo or suspects:
        alone = bool(suspects)
        pool = ProcessPoolExecutor(max_workers=1 if alone else workers,
                                   mp_context=forkserver_context(),
                                   initializer=intake.start_worker, initargs=(job, os.getpid()))
        try:
            if alone:
                yield from _run(pool, suspects, 1, suspects)
            else:
                yield from _run(pool, todo, workers * IN_FLIGHT_PER_WORKER, suspects)
        except BaseException:  # Ctrl-C, the consumer stopping, a database failure: end the workers now
            _kill_workers(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _run(pool: ProcessPoolExecutor, queue: deque[Path], limit: int,
         suspects: deque[Path]) -> Iterator[tuple[Path, Prepared]]:
    """Keep `limit` files of `queue` in flight until it is empty or the pool breaks.

    A file leaves `flying` only with its result in hand. When the pool breaks, the files in
    flight go to `suspects`, or, when only one was (`limit` 1), it is the culprit and is reported.
    """
    flying: dict[Future[Prepared], Path] = {}
    try:
        while queue or flying:
            while queue and len(flying) < limit:
                path = queue.popleft()
                try:
                    flying[pool.submit(intake.prepare_in_worker, path, display_name(path.name))] = path
                except BaseException:
                    queue.appendleft(path)
                    raise
            done, _ = wait(flying, return_when=FIRST_COMPLETED)
            for future in done:
                prepared = future.result()  # raises BrokenProcessPool with the file still in `flying`
                yield flying.pop(future), prepared
    except BrokenProcessPool:
        if limit == 1:
            for path in flying.values():
                log.error("a bulk ingest worker died reading %s alone; it is reported, not stored", path)
                yield path, Prepared(display_name(path.name), unreadable=WORKER_DIED)
        else:
            log.error("a bulk ingest worker died; the %d files in flight are read again one at a time", len(flying))
            suspects.extendleft(reversed(list(flying.values())))


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers at once (their files are simply not recorded)."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # Python 3.14: pool.kill_workers()
        if process.is_alive():
            process.kill()


def _record(engine: Engine, settings: Settings, prepared: Prepared, organisation_id: int,
            uploaded_by_id: int | None) -> ingest.IngestResult:
    if prepared.too_large:
        return ingest.rejected(prepared.name, settings.get("upload", "max_bytes"))
    if prepared.unreadable:
        return ingest.IngestResult(prepared.name, ingest.Outcome.REJECTED, prepared.unreadable)
    if prepared.known:
        existing = ingest.existing_document(engine, organisation_id, prepared.sha256)
        if existing is None:  # recorded when the batch started, gone since (a restore, say)
            return ingest.IngestResult(prepared.name, ingest.Outcome.REJECTED, GONE_MEANWHILE)
        return ingest.duplicate(prepared.name, existing)
    assert prepared.analysis is not None
    stored = ingest.StoredFile(prepared.sha256, prepared.size, prepared.name)
    return ingest.record(engine, settings, prepared.analysis, stored, organisation_id, uploaded_by_id,
                         index_now=False)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
