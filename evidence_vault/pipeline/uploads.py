"""Web uploads in two steps: receive (the request, seconds at most) and read (the background worker).

`receive` only streams each file into the content-addressed store, hashing it and checking
the size limit as the bytes arrive, and records the upload with one row per file in one
transaction; the request answers at once. `read` is the worker's task for one file: it
claims the row, runs the same stages as every other path (`stages.analyse`) and records
the document (`ingest.record`) in the transaction that marks the row done, so a file is
never both a document and still waiting. Scanned pages then go to the OCR queue as before.

A file refused while it streamed (too large) is kept nowhere and its row says so at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import BinaryIO

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ..config import Settings
from ..db import session_scope
from ..extract import ExtractionError, detect_type
from ..models import UploadStatus
from ..records import events, periods, uploads
from ..storage import FileStore, FileTooLarge
from . import ingest, ocr_claims, stages
from .filenames import display_name

log = logging.getLogger(__name__)

QueueRead = Callable[[int], None]
GONE = ("Berkas yang diterima tidak ditemukan lagi di penyimpanan, jadi tidak dapat dibaca. Unggah ulang berkasnya; "
        "bila berulang, hubungi admin.")


def too_large(max_bytes: int) -> str:
    return (f"Berkas lebih besar dari batas {max_bytes // (1024 * 1024)} MiB dan tidak disimpan. "
            "Perkecil atau pecah berkasnya, lalu unggah ulang.")


def receive(engine: Engine, settings: Settings, files: Iterable[tuple[BinaryIO, str | None]], organisation_id: int,
            uploaded_by_id: int | None) -> tuple[int, list[int]]:
    """Store every file and record the upload; returns its id and the ids of the files to read.

    The bytes are in the store before the rows that name them are committed: a crash in
    between leaves only a stored file nobody refers to (`stored_files` removes it later).
    """
    store = FileStore.of(settings)
    max_bytes = settings.get("upload", "max_bytes")
    received, staged_files = [], []
    try:
        for stream, filename in files:
            name = display_name(filename)
            try:
                staged = store.stage(stream, max_bytes, sync=False)
            except FileTooLarge:
                received.append(uploads.Received(name, None, 0, refused=too_large(max_bytes)))
                continue
            staged_files.append(staged)
            received.append(uploads.Received(name, staged.sha256, staged.size))
        store.commit_many(staged_files)  # every file on the disk before a row names it
    finally:
        for staged in staged_files:
            store.discard(staged)  # what a failure left in tmp/ (committed files are gone from there)
    with session_scope(engine) as session:
        upload, waiting = uploads.create(session, organisation_id, uploaded_by_id, received)
        upload_id = upload.id
    log.info("upload %s received: %d files, %d to read", upload_id, len(received), len(waiting))
    return upload_id, waiting  # type: ignore[return-value]


FORM_OVERHEAD = 1024 * 1024  # the multipart form around the files: boundaries, headers, other fields


def largest_request(settings: Settings) -> int:
    """The largest upload request the vault takes: every file at its limit, and the form around them."""
    return settings.get("upload", "max_bytes") * settings.get("upload", "max_files") + FORM_OVERHEAD


def too_many(sent: int, max_files: int) -> str | None:
    """Why an upload of `sent` files is refused as a whole, or None when it is not too many."""
    if sent <= max_files:
        return None
    return f"Paling banyak {max_files} berkas sekaligus; ada {sent} berkas. Bagi menjadi beberapa unggahan."


def accept(engine: Engine, settings: Settings, files: Iterable[tuple[BinaryIO, str | None]], organisation_id: int,
           uploaded_by_id: int | None, queue_read: QueueRead) -> int:
    """Receive the files and hand them to the worker; returns the upload's id, whose rows say how each goes.

    The one way an upload enters the vault, for the web form and the API alike: the request
    only stores bytes and answers at once, however large a scan; reading waits for the worker.
    """
    upload_id, waiting = receive(engine, settings, files, organisation_id, uploaded_by_id)
    queue(queue_read, waiting)
    return upload_id


def queue(queue_read: QueueRead, file_ids: Iterable[int]) -> None:
    """Hand the files to the worker; one the queue refuses waits for the next worker to start (it queues all)."""
    for file_id in file_ids:
        try:
            queue_read(file_id)
        except Exception:
            log.exception("could not queue upload file %s; the worker takes it up when it starts", file_id)


def read(engine: Engine, settings: Settings, file_id: int, queue_ocr: ingest.QueueOcr | None) -> UploadStatus | None:
    """The worker reads one received file and records its document; None when another run has it or it is done."""
    seconds = ocr_claims.lifetime(settings.get("extract", "timeout_seconds"))
    with session_scope(engine) as session:
        claimed = uploads.take(session, file_id, seconds)
    if claimed is None:
        return None
    existing = ingest.existing_document(engine, claimed.organisation_id, claimed.sha256)
    if existing is not None:
        return _finish(engine, file_id, UploadStatus.DUPLICATE, ingest.duplicate(claimed.filename, existing).message,
                       existing.id)
    path = FileStore.of(settings).path_for(claimed.sha256)
    if not path.is_file():
        return _finish(engine, file_id, UploadStatus.FAILED, GONE)
    with Session(engine) as session:
        framework = periods.framework_code_for(session, claimed.organisation_id)
    try:
        analysis = stages.analyse(path, settings, framework)
    except Exception:  # a reader's own fault: the file is kept and recorded as unreadable, as in `bulk`
        log.exception("pipeline failed on upload file %s", file_id)
        analysis = stages.Analysis(file_type=detect_type(path), error=ExtractionError.internal())
    status = UploadStatus.FAILED if analysis.error else UploadStatus.DONE
    with events.acting_as(claimed.channel):  # the upload's request marked its events (the API); so are these
        result = ingest.record(
            engine, settings, analysis, ingest.StoredFile(claimed.sha256, claimed.size, claimed.filename),
            claimed.organisation_id, claimed.uploaded_by_id, queue_ocr=queue_ocr,
            within=lambda session, document: uploads.finish(session, file_id, status, document_id=document.id),
        )
    if result.outcome is ingest.Outcome.DUPLICATE:  # the same bytes were recorded meanwhile by another upload
        return _finish(engine, file_id, UploadStatus.DUPLICATE, result.message, result.document_id)
    return status


def _finish(engine: Engine, file_id: int, status: UploadStatus, message: str,
            document_id: int | None = None) -> UploadStatus:
    with session_scope(engine) as session:
        uploads.finish(session, file_id, status, message, document_id)
    return status
