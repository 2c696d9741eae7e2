"""Ingest stage: receive a file, store it once, run the pipeline and record the document.

Order matters for "nothing is lost, nothing half-visible": the bytes are stored
(atomically) before anything is recorded, and the document, its pages and its audit
event are committed in one transaction. A file that cannot be read is still kept and
recorded as failed, with the reason.

OCR of scanned pages happens in one of three ways: `bulk` (the command line) reads them
before calling `record`; with `queue_ocr`, `ingest_stream` records the document at once as
*processing* and hands its id to the background queue after the commit (web uploads);
without it, the document is recorded as *needs OCR* for `evidence-vault ocr --pending`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ..config import Settings
from ..db import session_scope
from ..extract import ocr_unavailable_reason
from ..models import Document, DocumentPage, ExtractionStatus, PageSource
from ..records import events, periods
from ..storage import FileStore, FileTooLarge
from . import indexing, scans, stages
from .filenames import display_name
from .rederive import record_derived

log = logging.getLogger(__name__)

QueueOcr = Callable[[int], None]
# Work that must commit with the document or not at all (a web upload's row marked done).
Within = Callable[[Session, Document], None]


class Outcome(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file, for the per-file result list and the CLI summary."""

    filename: str
    outcome: Outcome
    message: str
    document_id: int | None = None
    extraction_status: str | None = None


@dataclass(frozen=True)
class StoredFile:
    """Bytes already in the content-addressed store, waiting to be recorded as a document."""

    sha256: str
    size: int
    name: str


def ingest_stream(
    engine: Engine,
    settings: Settings,
    stream: BinaryIO,
    filename: str | None,
    organisation_id: int,
    uploaded_by_id: int | None,
    *,
    queue_ocr: QueueOcr | None = None,
) -> IngestResult:
    """Take one file from a stream into the organisation's vault (scans: see the module's docstring)."""
    name = display_name(filename)
    store = FileStore.of(settings)
    max_bytes = settings.get("upload", "max_bytes")
    try:
        staged = store.stage(stream, max_bytes)
    except FileTooLarge:
        return rejected(name, max_bytes)
    existing = existing_document(engine, organisation_id, staged.sha256)
    if existing is not None:
        store.discard(staged)
        return duplicate(name, existing)
    path = store.commit(staged)
    with Session(engine) as session:
        framework = periods.framework_code_for(session, organisation_id)
    analysis = stages.analyse(path, settings, framework)
    stored = StoredFile(staged.sha256, staged.size, name)
    return record(engine, settings, analysis, stored, organisation_id, uploaded_by_id, queue_ocr=queue_ocr)


def record(
    engine: Engine,
    settings: Settings,
    analysis: stages.Analysis,
    stored: StoredFile,
    organisation_id: int,
    uploaded_by_id: int | None,
    *,
    queue_ocr: QueueOcr | None = None,
    index_now: bool = True,
    within: Within | None = None,
) -> IngestResult:
    """Record an analysed, stored file as a document in one transaction; a twin already recorded wins.

    `within` runs in that same transaction with the new document. The document goes into the
    search index in the same transaction (PostgreSQL) or right after the commit (Whoosh),
    unless the caller batches that (`index_now=False`); after the commit, when its scans wait
    for the background worker, it goes to `queue_ocr`.
    """
    status, message = _status_and_message(analysis, settings, queued=queue_ocr is not None)
    try:
        with session_scope(engine) as session:
            document = _record(session, analysis, stored, status, message, organisation_id, uploaded_by_id)
            if within is not None:
                within(session, document)
            indexed = index_now and indexing.within(session, settings, [document.id])  # PostgreSQL: together
    except IntegrityError:  # the same bytes arrived concurrently: the other upload won
        existing = existing_document(engine, organisation_id, stored.sha256)
        if existing is None:
            raise
        return duplicate(stored.name, existing)
    log.info("ingested %s as document %s (%s)", stored.name, document.id, status)
    if index_now and not indexed:
        indexing.sync(settings, engine, [document.id])  # after the commit: the index may lag, never lead
    if status is ExtractionStatus.PROCESSING and queue_ocr is not None:
        try:
            queue_ocr(document.id)  # type: ignore[arg-type]
        except Exception:  # the document is safe; `ocr --pending` reads its scans
            log.exception("could not queue OCR of document %s", document.id)
            if scans.set_aside(engine, document.id, scans.NOT_QUEUED):  # type: ignore[arg-type]
                status, message = ExtractionStatus.NEEDS_OCR, scans.NOT_QUEUED
    outcome = Outcome.FAILED if analysis.error else Outcome.ADDED
    return IngestResult(stored.name, outcome, message or "Berhasil disimpan dan teksnya terbaca.",
                        document.id, status.value)


def _status_and_message(analysis: stages.Analysis, settings: Settings, queued: bool) -> tuple[ExtractionStatus, str]:
    """What to record when scanned pages still wait for OCR: queued, blocked (and why), or left for later."""
    status, message = analysis.status, analysis.message
    if status is not ExtractionStatus.NEEDS_OCR or analysis.extraction is None:
        return status, message
    if any(page.ocr_applied for page in analysis.extraction.pages):
        return status, message  # OCR ran now; its failures are in the message
    reason = ocr_unavailable_reason(stages.ocr_options_from(settings))
    if reason:
        return status, message if reason in message else f"{message} {reason}"
    if queued:
        return ExtractionStatus.PROCESSING, (f"{message} OCR sedang berjalan di latar belakang; halaman dokumen "
                                             "menunjukkan kemajuannya.")
    return status, f"{message} Teksnya terbaca setelah admin menjalankan `evidence-vault ocr --pending`."


def rejected(name: str, max_bytes: int) -> IngestResult:
    return IngestResult(
        name, Outcome.REJECTED,
        f"Berkas lebih besar dari batas {max_bytes // (1024 * 1024)} MiB dan tidak disimpan. "
        "Perkecil atau pecah berkasnya, lalu unggah ulang.",
    )


def _record(
    session: Session,
    analysis: stages.Analysis,
    stored: StoredFile,
    status: ExtractionStatus,
    message: str,
    organisation_id: int,
    uploaded_by_id: int | None,
) -> Document:
    extraction = analysis.extraction
    pages = extraction.pages if extraction else []
    document = Document(
        organisation_id=organisation_id,
        original_filename=stored.name,
        title=stages.document_title(analysis, stored.name),
        sha256=stored.sha256,
        size=stored.size,
        file_type=analysis.file_type.name,
        mime=analysis.file_type.mime,
        page_count=extraction.page_count if extraction else 0,
        extraction_status=status.value,
        extraction_message=message,
        ocr_page_count=sum(1 for page in pages if page.ocr_applied),
        ocr_waiting=sum(1 for page in pages if page.waiting_for_ocr),
        ocr_confidence=extraction.ocr_confidence if extraction else None,
        uploaded_by_id=uploaded_by_id,
    )
    session.add(document)
    session.flush()
    for page in pages:
        if page.ocr_applied:
            source = PageSource.OCR
        elif page.needs_ocr and not page.text:
            source = PageSource.NONE
        else:
            source = PageSource.TEXT_LAYER
        session.add(
            DocumentPage(
                document_id=document.id,
                number=page.number,
                text=page.text,
                char_count=len(page.text),
                source=source,
                needs_ocr=page.waiting_for_ocr,
                ocr_confidence=page.ocr_confidence,
            )
        )
    record_derived(session, document, analysis.metadata, analysis.indicator_suggestions)
    events.record(
        session, "document.upload", actor_id=uploaded_by_id, organisation_id=organisation_id,
        object_type="document", object_id=document.id, filename=stored.name, sha256=stored.sha256,
        size=stored.size, status=status.value, error=analysis.error.code if analysis.error else None,
        ocr_pages=document.ocr_page_count,
    )
    return document


def known_hashes(engine: Engine, organisation_id: int) -> set[str]:
    """SHA-256 of every document the organisation already has (trash included): what a re-run skips."""
    with Session(engine) as session:
        return set(session.exec(select(Document.sha256).where(Document.organisation_id == organisation_id)))


def existing_document(engine: Engine, organisation_id: int, sha256: str) -> Document | None:
    with Session(engine) as session:
        statement = select(Document).where(
            Document.organisation_id == organisation_id, Document.sha256 == sha256
        ).order_by(col(Document.id))
        return session.exec(statement).first()


def duplicate(name: str, existing: Document) -> IngestResult:
    where = " (saat ini ada di Tempat Sampah; pulihkan dari sana)" if existing.deleted_at else ""
    return IngestResult(
        name, Outcome.DUPLICATE,
        f"Isi berkas ini sama persis dengan dokumen \u201c{existing.title}\u201d "
        f"(berkas {existing.original_filename}) yang sudah ada{where}; tidak disimpan dua kali.",
        existing.id, existing.extraction_status,
    )
