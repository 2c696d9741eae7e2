"""Finishing stored documents whose scanned pages wait for OCR (web uploads, `ocr --pending`).

Each page is read in its own isolated child and committed on its own, so the document's
page shows the progress and an interrupted run resumes with the pages still waiting. When
the pages are done, the legal metadata and the indicator suggestions are read again from
the whole text (`legal.store.record_extracted`, `links.record_suggestions`), in one
transaction with the document's new status and its audit event; then the search index
catches up. Values people entered or confirmed, and links they decided on, are kept.

Every write is a `session_scope`, which takes SQLite's write lock at its start: a form
submitted meanwhile waits for the page's commit, and so does the page for the form's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from . import events, indexing, links, periods, pipeline
from .config import Settings
from .db import session_scope
from .extract import Extraction, OcrPage, PageText, detect_type, ocr_unavailable_reason, recognise_pages
from .legal import read_legal
from .legal import store as legal_store
from .models import Document, DocumentPage, ExtractionStatus, PageSource
from .storage import FileStore

log = logging.getLogger(__name__)

WAITING = (ExtractionStatus.PROCESSING.value, ExtractionStatus.NEEDS_OCR.value)
_SEE_LOG = ("Admin: periksa log server (storage/logs/evidence-vault.log) untuk penyebabnya, lalu jalankan "
            "`evidence-vault ocr --pending` untuk membaca halaman yang belum terbaca.")
BACKGROUND_FAILED = ("OCR di latar belakang berhenti karena kesalahan tak terduga, jadi sebagian halaman pindaian "
                     f"belum terbaca. {_SEE_LOG}")
NOT_QUEUED = ("Dokumen tersimpan, tetapi antrean OCR di latar belakang tidak dapat menerimanya, jadi halaman "
              f"pindaiannya belum terbaca. {_SEE_LOG}")
_writes = threading.Lock()  # worker threads of one process take turns at the database


@dataclass(frozen=True)
class ScanResult:
    """How one document came out of OCR."""

    document_id: int
    status: str
    pages_read: int
    pages_waiting: int
    message: str


def pending_documents(session: Session, organisation_id: int | None = None) -> list[int]:
    """Live documents whose scanned pages wait for OCR (queued or not), oldest first."""
    statement = select(Document.id).where(col(Document.extraction_status).in_(WAITING),
                                          col(Document.deleted_at).is_(None)).order_by(col(Document.id))
    if organisation_id is not None:
        statement = statement.where(Document.organisation_id == organisation_id)
    return list(session.exec(statement))


def processing_documents(session: Session) -> list[int]:
    """Documents marked as being processed in the background (to queue again after a worker restart)."""
    statement = select(Document.id).where(Document.extraction_status == ExtractionStatus.PROCESSING.value,
                                          col(Document.deleted_at).is_(None)).order_by(col(Document.id))
    return list(session.exec(statement))


def complete(engine: Engine, settings: Settings, document_id: int,
             on_page: Callable[[OcrPage], None] | None = None,
             stop: threading.Event | None = None) -> ScanResult | None:
    """OCR a document's waiting pages, then read its legal metadata and suggestions again.

    `on_page` hears of every page as it is done; setting `stop` ends the work after the
    current page (what is read stays read). Returns None when there is nothing to do
    (gone, in the trash, or not waiting for OCR).
    """
    with Session(engine) as session:
        document = session.get(Document, document_id)
        if document is None or document.deleted_at is not None or document.extraction_status not in WAITING:
            return None
        sha256 = document.sha256
        waiting = list(session.exec(select(DocumentPage.number).where(
            DocumentPage.document_id == document_id, col(DocumentPage.needs_ocr).is_(True),
        ).order_by(col(DocumentPage.number))))
    options = pipeline.ocr_options_from(settings)
    blocked = ocr_unavailable_reason(options) if waiting else None
    failures: list[str] = []
    if waiting and not blocked:
        path = FileStore(settings.files_dir, settings.tmp_dir).path_for(sha256)
        for page in recognise_pages(path, detect_type(path), waiting, pipeline.limits_from(settings), options):
            if page.error:
                failures.append(page.error)
            else:
                _store_page(engine, document_id, page)
            if on_page is not None:
                on_page(page)
            if stop is not None and stop.is_set():
                break
    result = _finish(engine, document_id, failures, blocked)
    indexing.sync(settings, engine, [document_id])
    return result


def set_aside(engine: Engine, document_id: int, reason: str) -> bool:
    """Record a document background OCR could not finish as needing OCR, for `ocr --pending`, with the reason.

    Only a document still marked as processing changes (False otherwise): one finished or
    trashed meanwhile keeps its state. Pages already read stay read.
    """
    with _writes, session_scope(engine) as session:
        document = session.get(Document, document_id)
        if document is None or document.extraction_status != ExtractionStatus.PROCESSING.value:
            return False
        _count_progress(session, document_id)
        session.refresh(document)
        document.extraction_status, document.extraction_message = ExtractionStatus.NEEDS_OCR.value, reason
        session.add(document)
        events.record(session, "document.ocr", organisation_id=document.organisation_id, object_type="document",
                      object_id=document_id, status=ExtractionStatus.NEEDS_OCR.value,
                      pages_read=document.ocr_page_count, pages_waiting=document.ocr_waiting, error="background")
    log.warning("document %s set aside for `ocr --pending`: %s", document_id, reason)
    return True


def _store_page(engine: Engine, document_id: int, page: OcrPage) -> None:
    """One page's OCR text, and the document's progress, in one small transaction."""
    with _writes, session_scope(engine) as session:
        session.exec(update(DocumentPage).where(
            col(DocumentPage.document_id) == document_id, col(DocumentPage.number) == page.number,
            col(DocumentPage.needs_ocr).is_(True),
        ).values(text=page.text, char_count=len(page.text), source=PageSource.OCR.value, needs_ocr=False,
                 ocr_confidence=page.confidence))
        _count_progress(session, document_id)


def _count_progress(session: Session, document_id: int) -> None:
    """Recount from the pages, so the counters cannot drift from the truth."""
    pages = select(func.count()).select_from(DocumentPage).where(DocumentPage.document_id == document_id)
    read = pages.where(DocumentPage.source == PageSource.OCR.value)
    confidence = select(func.avg(DocumentPage.ocr_confidence)).where(
        DocumentPage.document_id == document_id, DocumentPage.source == PageSource.OCR.value)
    session.exec(update(Document).where(col(Document.id) == document_id).values(
        ocr_page_count=read.scalar_subquery(),
        ocr_waiting=pages.where(col(DocumentPage.needs_ocr).is_(True)).scalar_subquery(),
        ocr_confidence=confidence.scalar_subquery(),
    ))


def _finish(engine: Engine, document_id: int, failures: list[str], blocked: str | None) -> ScanResult:
    """Status, message, legal metadata and suggestions from the whole text, and the audit event."""
    with _writes, session_scope(engine) as session:
        _count_progress(session, document_id)
        document = session.get(Document, document_id)
        assert document is not None
        rows = list(session.exec(select(DocumentPage).where(DocumentPage.document_id == document_id)
                                 .order_by(col(DocumentPage.number))))
        extraction = Extraction(pages=[_page_text(row) for row in rows], warnings=failures + ([blocked] if blocked
                                                                                           else []))
        status = ExtractionStatus.NEEDS_OCR if extraction.needs_ocr else ExtractionStatus.OK
        message = pipeline.extraction_message(extraction) or "Berhasil disimpan dan teksnya terbaca."
        if status is ExtractionStatus.NEEDS_OCR and not blocked and not failures:
            message += " Teksnya terbaca setelah admin menjalankan `evidence-vault ocr --pending`."
        document.extraction_status, document.extraction_message = status.value, message
        session.add(document)
        pages = [row.text for row in rows]
        metadata = read_legal(pages)
        legal_store.record_extracted(session, document, metadata)
        framework = periods.framework_code_for(session, document.organisation_id)
        suggestions = pipeline.suggest_indicators(metadata, pages, framework, fallback_title=document.title)
        links.record_suggestions(session, document, suggestions)
        events.record(session, "document.ocr", organisation_id=document.organisation_id, object_type="document",
                      object_id=document_id, status=status.value, pages_read=document.ocr_page_count,
                      pages_waiting=document.ocr_waiting, confidence=document.ocr_confidence)
        result = ScanResult(document_id, status.value, document.ocr_page_count, document.ocr_waiting, message)
    log.info("OCR of document %s: %s, %d pages read, %d waiting", document_id, result.status,
             result.pages_read, result.pages_waiting)
    return result


def _page_text(row: DocumentPage) -> PageText:
    read = row.source == PageSource.OCR.value
    return PageText(number=row.number, text=row.text, needs_ocr=row.needs_ocr or read, ocr_applied=read,
                    ocr_confidence=row.ocr_confidence)
