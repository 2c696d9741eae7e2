"""One OCR run per document at a time: claims with a deadline, renewed page by page.

Before reading a document's scanned pages a run claims it (`take`: a random token and a
deadline on the document, set only when no other run holds a claim that has not run
out), renews the claim with every page (`renew`) and lets go when done (`release`). The
background worker and an admin's `ocr --pending` therefore never read the same pages
twice. A run that is killed keeps its claim until the deadline passes (`lifetime`); a
worker restarted meanwhile skips the document, and the worker's periodic task queues it
again once the claim has run out (`abandoned_documents`).

Each function takes the caller's unit of work, so a claim's renewal commits together with
the page it was renewed for.
"""

from __future__ import annotations

import secrets
import time

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from ..models import Document, DocumentPage, ExtractionStatus

MIN_SECONDS = 300


def lifetime(page_timeout_seconds: float) -> int:
    """How long a claim holds without renewal: three times the longest a page may take, five minutes at least."""
    return max(MIN_SECONDS, int(3 * page_timeout_seconds))


def take(session: Session, document_id: int, seconds: int) -> str | None:
    """This run's token for the document's OCR; None while another run holds a claim that has not run out."""
    token, now = secrets.token_hex(16), int(time.time())
    taken = session.exec(update(Document).where(  # type: ignore[call-overload]
        col(Document.id) == document_id,
        or_(col(Document.ocr_claim).is_(None), col(Document.ocr_claimed_until) < now),
    ).values(ocr_claim=token, ocr_claimed_until=now + seconds))
    return token if taken.rowcount == 1 else None


def renew(session: Session, document_id: int, claim: str, seconds: int) -> bool:
    """Push the deadline on; False when the claim is no longer this run's (it ran out and another took it)."""
    renewed = session.exec(update(Document).where(  # type: ignore[call-overload]
        col(Document.id) == document_id, col(Document.ocr_claim) == claim,
    ).values(ocr_claimed_until=int(time.time()) + seconds))
    return renewed.rowcount == 1


def release(session: Session, document_id: int, claim: str) -> None:
    """Let go of the claim, if it is still this run's."""
    session.exec(update(Document).where(  # type: ignore[call-overload]
        col(Document.id) == document_id, col(Document.ocr_claim) == claim,
    ).values(ocr_claim=None, ocr_claimed_until=None))


def abandoned_documents(session: Session, now: int | None = None) -> list[int]:
    """Documents still processing whose claim ran out while pages still wait: their run died."""
    waiting_page = select(DocumentPage.id).where(DocumentPage.document_id == Document.id,
                                                 col(DocumentPage.needs_ocr).is_(True)).exists()
    statement = select(Document.id).where(
        Document.extraction_status == ExtractionStatus.PROCESSING.value, col(Document.deleted_at).is_(None),
        col(Document.ocr_claim).is_not(None), col(Document.ocr_claimed_until) < (now or int(time.time())),
        waiting_page,
    ).order_by(col(Document.id))
    return list(session.exec(statement))
