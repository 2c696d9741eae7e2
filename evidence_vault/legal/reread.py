"""Re-running the legal-metadata stage over stored documents (after an upgrade of the parser)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..documents import pages_of
from ..models import Document
from .reader import read_legal
from .store import record_extracted


def reread_all(session: Session, organisation_id: int | None = None) -> int:
    """Read every live document's metadata again from its stored page text; returns how many."""
    statement = select(Document).where(col(Document.deleted_at).is_(None)).order_by(col(Document.id))
    if organisation_id is not None:
        statement = statement.where(Document.organisation_id == organisation_id)
    count = 0
    for document in session.exec(statement).all():
        record_extracted(session, document, read_legal([page.text for page in pages_of(session, document.id)]))
        count += 1
    return count
