"""Finishing stored documents whose scanned pages wait for OCR (web uploads, `ocr --pending`).

Each page is read in its own isolated child and committed on its own, so the document's
page shows the progress and an interrupted run resumes with the pages still waiting. When
the pages are done, the legal metadata and the indicator suggestions are read again from
the whole text (`rederive.rederive`), in one transaction with the document's new status
and its audit event; then the search index catches up. Values people entered or
confirmed, and links they decided on, are kept.

Every write is a `session_scope`, which takes SQLite's write lock at its start: a form
submitted meanwhile waits for the page's commit, and so does the page for the form's.

A page that runs out of time is not a bad page yet: under load it may simply not have had
the CPU. The background worker (`retry_later`) keeps such a document processing and tries
the page again later (`ScanResult.retry_after`), up to `MAX_OCR_FAILURES` runs; only then
is it set aside, with a message that names the real cause (a busy server, or a page too
heavy to read).

One run reads a document at a time (`ocr_claims`): a run claims the document, renews the
claim with every page and lets go when it is done, so the background worker and an
admin's `ocr --pending` never read the same pages twice, and a run that is killed lets go
when its claim runs out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ..config import Settings
from ..db import session_scope
from ..extract import (
    Extraction,
    OcrPage,
    PageText,
    detect_type,
    ocr_unavailable_reason,
    recognise_pages,
)
from ..models import Document, DocumentPage, ExtractionStatus, PageSource
from ..records import events
from ..storage import FileStore
from . import indexing, ocr_claims, stages
from .rederive import rederive

log = logging.getLogger(__name__)

WAITING = (ExtractionStatus.PROCESSING.value, ExtractionStatus.NEEDS_OCR.value)
_SEE_LOG = ("Admin: periksa log server (storage/logs/evidence-vault.log) untuk penyebabnya, lalu jalankan "
            "`evidence-vault ocr --pending` untuk membaca halaman yang belum terbaca.")
BACKGROUND_FAILED = ("OCR di latar belakang berhenti karena kesalahan tak terduga, jadi sebagian halaman pindaian "
                     f"belum terbaca. {_SEE_LOG}")
NOT_QUEUED = ("Dokumen tersimpan, tetapi antrean OCR di latar belakang tidak dapat menerimanya, jadi halaman "
              f"pindaiannya belum terbaca. {_SEE_LOG}")
ELSEWHERE = ("Halaman pindaiannya sedang dibaca oleh proses lain (worker atau `evidence-vault ocr --pending` yang "
             "lain); dokumen ini dilewati dan diselesaikan di sana.")
MAX_OCR_FAILURES = 3  # runs that may fail on a page before it is left until an admin asks again
GAVE_UP = ("Halaman {pages} sudah {count} kali gagal dibaca OCR, jadi tidak dicoba lagi. Pindai ulang dokumen itu "
           "dengan lebih tajam (300 dpi, lurus) lalu unggah lagi, atau jalankan "
           "`evidence-vault ocr --pending --retry-failed` untuk mencoba sekali lagi.")
GAVE_UP_BUSY = ("Halaman {pages} sudah {count} kali kehabisan waktu OCR karena server terlalu sibuk, bukan karena "
                "pindaiannya, jadi tidak dicoba lagi otomatis. Admin: kurangi worker.concurrency atau naikkan "
                "ocr.page_timeout_seconds, lalu jalankan `evidence-vault ocr --pending --retry-failed`.")
RETRYING = ("OCR halaman {pages} belum selesai karena {cause}; halaman itu dicoba lagi otomatis sekitar {minutes} "
            "menit lagi. Tidak perlu mengunggah ulang.")
CAUSES = {"busy": "server sedang sibuk membaca banyak halaman", "timeout": "waktunya habis"}
OUT_OF_TIME = frozenset(CAUSES)  # error codes of pages worth trying again later
RETRY_MIN_SECONDS = 10
_writes = threading.Lock()  # worker threads of one process take turns at the database


@dataclass(frozen=True)
class ScanResult:
    """How one document came out of OCR."""

    document_id: int
    status: str
    pages_read: int
    pages_waiting: int
    message: str
    elsewhere: bool = False  # another run is reading the document: left to it, nothing done here
    retry_after: int | None = None  # seconds: pages ran out of time, the document waits to be tried again


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
             stop: threading.Event | None = None, *, retry_failed: bool = False,
             retry_later: bool = False) -> ScanResult | None:
    """OCR a document's waiting pages, then read its legal metadata and suggestions again.

    `on_page` hears of every page as it is done; setting `stop` ends the work after the
    current page (what is read stays read). Returns None when there is nothing to do
    (gone, in the trash, or not waiting for OCR), and a result marked `elsewhere` when
    another run is reading the document. Pages OCR failed on `MAX_OCR_FAILURES` times are
    not tried again unless `retry_failed`. With `retry_later` (the background worker), pages
    that ran out of time keep the document processing, to be tried again after
    `retry_after` seconds.
    """
    if _waiting(engine, document_id, retry_failed) is None:
        return None
    options = stages.ocr_options_from(settings)
    seconds = ocr_claims.lifetime(options.page_timeout_seconds)
    with _writes, session_scope(engine) as session:
        claim = ocr_claims.take(session, document_id, seconds)
    if claim is None:
        return _as_it_stands(engine, document_id, ELSEWHERE, elsewhere=True)
    try:
        found = _waiting(engine, document_id, retry_failed)  # again: a run that let go just now may have finished it
        if found is None:
            return None
        sha256, waiting, given_up = found
        if given_up and not waiting:  # nothing left to try: say so, record nothing new
            return _as_it_stands(engine, document_id, _gave_up_message(given_up))
        blocked = ocr_unavailable_reason(options) if waiting else None
        failures: list[OcrPage] = []
        if waiting and not blocked:
            path = FileStore(settings.files_dir, settings.tmp_dir).path_for(sha256)
            for page in recognise_pages(path, detect_type(path), waiting, stages.limits_from(settings), options):
                if page.error:
                    failures.append(page)
                if not _store_page(engine, document_id, page, claim, seconds):
                    log.warning("document %s: the OCR claim ran out and another run took it over", document_id)
                    return _as_it_stands(engine, document_id, ELSEWHERE, elsewhere=True)
                if on_page is not None:
                    on_page(page)
                if stop is not None and stop.is_set():
                    break
        delay = max(RETRY_MIN_SECONDS, 2 * int(options.page_timeout_seconds)) if retry_later else None
        result = _finish(engine, document_id, failures, blocked, delay)
    finally:
        with _writes, session_scope(engine) as session:
            ocr_claims.release(session, document_id, claim)
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


def _waiting(engine: Engine, document_id: int, retry_failed: bool) -> tuple[str, list[int], list[int]] | None:
    """The stored file, the page numbers to read, and those OCR failed on too often to try again.

    None when the document does not wait for OCR (or is gone).
    """
    with Session(engine) as session:
        document = session.get(Document, document_id)
        if document is None or document.deleted_at is not None or document.extraction_status not in WAITING:
            return None
        pages = list(session.exec(select(DocumentPage.number, DocumentPage.ocr_failures).where(
            DocumentPage.document_id == document_id, col(DocumentPage.needs_ocr).is_(True),
        ).order_by(col(DocumentPage.number))))
    given_up = [number for number, failures in pages if failures >= MAX_OCR_FAILURES and not retry_failed]
    return document.sha256, [number for number, _failures in pages if number not in given_up], given_up


def _as_it_stands(engine: Engine, document_id: int, message: str, *, elsewhere: bool = False) -> ScanResult:
    """The document's progress as recorded, for a run that read nothing of it."""
    with Session(engine) as session:
        document = session.get(Document, document_id)
        assert document is not None
        return ScanResult(document_id, document.extraction_status, document.ocr_page_count, document.ocr_waiting,
                          message, elsewhere)


def _gave_up_message(pages: list[int], busy: bool = False) -> str:
    return (GAVE_UP_BUSY if busy else GAVE_UP).format(pages=", ".join(map(str, pages)), count=MAX_OCR_FAILURES)


def _store_page(engine: Engine, document_id: int, page: OcrPage, claim: str, seconds: int) -> bool:
    """One page's OCR text (or one more failure on it), the progress and the renewed claim, in one transaction.

    False, with nothing stored, when the claim is no longer this run's.
    """
    with _writes, session_scope(engine) as session:
        if not ocr_claims.renew(session, document_id, claim, seconds):
            return False
        if page.error:
            session.exec(update(DocumentPage).where(
                col(DocumentPage.document_id) == document_id, col(DocumentPage.number) == page.number,
                col(DocumentPage.needs_ocr).is_(True),
            ).values(ocr_failures=DocumentPage.ocr_failures + 1))
        else:
            session.exec(update(DocumentPage).where(
                col(DocumentPage.document_id) == document_id, col(DocumentPage.number) == page.number,
                col(DocumentPage.needs_ocr).is_(True),
            ).values(text=page.text, char_count=len(page.text), source=PageSource.OCR.value, needs_ocr=False,
                     ocr_confidence=page.confidence))
            _count_progress(session, document_id)
    return True


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


def _finish(engine: Engine, document_id: int, failures: list[OcrPage], blocked: str | None,
            retry_delay: int | None = None) -> ScanResult:
    """Status, message, legal metadata and suggestions from the whole text, and the audit event.

    With `retry_delay` (the background worker), pages that ran out of time this run and may
    still be tried keep the document processing, and the result asks to be run again.
    """
    with _writes, session_scope(engine) as session:
        _count_progress(session, document_id)
        document = session.get(Document, document_id)
        assert document is not None
        rows = list(session.exec(select(DocumentPage).where(DocumentPage.document_id == document_id)
                                 .order_by(col(DocumentPage.number))))
        tries = {row.number: row.ocr_failures for row in rows if row.needs_ocr}
        late = [page for page in failures if page.error_code in OUT_OF_TIME and page.number in tries]
        again = [page for page in late if tries[page.number] < MAX_OCR_FAILURES]
        if retry_delay is not None and again and not blocked:
            return _retry_later(session, document, again, retry_delay)
        busy = {page.number for page in failures if page.error_code == "busy"}
        given_up = [row.number for row in rows if row.needs_ocr and row.ocr_failures >= MAX_OCR_FAILURES]
        warnings = [page.error for page in failures if page.number not in given_up]  # those: said once, below
        extraction = Extraction(pages=[_page_text(row) for row in rows],
                                warnings=warnings + ([blocked] if blocked else []))
        status = stages.reading_status(extraction)
        message = stages.extraction_message(extraction) or "Berhasil disimpan dan teksnya terbaca."
        if given_up:
            message += " " + _gave_up_message(given_up, busy=bool(busy) and set(given_up) <= busy)
        elif status is ExtractionStatus.NEEDS_OCR and not blocked and not failures:
            message += " Teksnya terbaca setelah admin menjalankan `evidence-vault ocr --pending`."
        document.extraction_status, document.extraction_message = status.value, message
        session.add(document)
        rederive(session, document, [row.text for row in rows])
        events.record(session, "document.ocr", organisation_id=document.organisation_id, object_type="document",
                      object_id=document_id, status=status.value, pages_read=document.ocr_page_count,
                      pages_waiting=document.ocr_waiting, confidence=document.ocr_confidence)
        result = ScanResult(document_id, status.value, document.ocr_page_count, document.ocr_waiting, message)
    log.info("OCR of document %s: %s, %d pages read, %d waiting", document_id, result.status,
             result.pages_read, result.pages_waiting)
    return result


def _retry_later(session: Session, document: Document, pages: list[OcrPage], delay: int) -> ScanResult:
    """Keep the document processing, saying which pages wait for another try and why."""
    busy = any(page.error_code == "busy" for page in pages)
    message = RETRYING.format(pages=stages.page_list(page.number for page in pages),
                              cause=CAUSES["busy" if busy else "timeout"], minutes=max(1, round(delay / 60)))
    document.extraction_message = message
    session.add(document)
    log.warning("OCR of document %s: pages %s ran out of time (%s); trying again in %d s", document.id,
                [page.number for page in pages], "busy server" if busy else "heavy page", delay)
    return ScanResult(document.id, document.extraction_status, document.ocr_page_count,  # type: ignore[arg-type]
                      document.ocr_waiting, message, retry_after=delay)


def _page_text(row: DocumentPage) -> PageText:
    read = row.source == PageSource.OCR.value
    return PageText(number=row.number, text=row.text, needs_ocr=row.needs_ocr or read, ocr_applied=read,
                    ocr_confidence=row.ocr_confidence)
