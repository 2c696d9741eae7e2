"""The shared library: documents a body publishes so others can read them and start from them.

A copy is a starting point, not evidence: it is marked as copied, and the legal rules flag
it until the copying body uploads the version it established itself.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_
from sqlmodel import Session, col, select

from ..models import Document, DocumentPage, LegalField, Organisation, utcnow
from . import events, legal_fields
from .documents import DocumentError, pages_of


def publish(session: Session, document: Document, actor_id: int | None) -> None:
    """Publish to the library; once: publishing again would move it up the list and record a second event."""
    if document.copied_from_id is not None:
        raise DocumentError("Salinan dari pustaka bersama tidak dapat diterbitkan ulang.")
    if document.shared_at is not None:
        raise DocumentError("Dokumen ini sudah ada di pustaka bersama.")
    document.shared_at = utcnow()
    session.add(document)
    events.record(session, "document.share", actor_id=actor_id, organisation_id=document.organisation_id,
                  object_type="document", object_id=document.id)


def unpublish(session: Session, document: Document, actor_id: int | None) -> None:
    """Withdraw from the library; copies other bodies made stay theirs."""
    if document.shared_at is None:
        raise DocumentError("Dokumen ini tidak ada di pustaka bersama.")
    document.shared_at = None
    session.add(document)
    events.record(session, "document.unshare", actor_id=actor_id, organisation_id=document.organisation_id,
                  object_type="document", object_id=document.id)


def shared_documents(session: Session, *, before: tuple[datetime, int] | None = None,
                     limit: int | None = None) -> list[tuple[Document, Organisation]]:
    """Live published documents, newest first, with their publisher; `before` (shared_at, id) pages by cursor."""
    statement = (select(Document, Organisation)
                 .join(Organisation, col(Organisation.id) == col(Document.organisation_id))
                 .where(col(Document.shared_at).is_not(None), col(Document.deleted_at).is_(None))
                 .order_by(col(Document.shared_at).desc(), col(Document.id).desc()))
    if before is not None:
        shared_at, document_id = before
        statement = statement.where(or_(col(Document.shared_at) < shared_at,
                                        (col(Document.shared_at) == shared_at) & (col(Document.id) < document_id)))
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.exec(statement).all())


def shared_document(session: Session, document_id: int) -> Document | None:
    document = session.get(Document, document_id)
    if document is None or document.shared_at is None or document.deleted_at is not None:
        return None
    return document


def copy_to(session: Session, source: Document, organisation_id: int, actor_id: int | None) -> Document:
    """Copy a published document into another organisation's vault, text and metadata included."""
    if source.organisation_id == organisation_id:
        raise DocumentError("Dokumen ini milik organisasi Anda sendiri.")
    existing = session.exec(select(Document).where(Document.organisation_id == organisation_id,
                                                   Document.sha256 == source.sha256)).first()
    if existing is not None:
        raise DocumentError(f"Organisasi Anda sudah memiliki dokumen dengan isi yang sama (#{existing.id}).")
    copy = Document(
        organisation_id=organisation_id, original_filename=source.original_filename, title=source.title,
        sha256=source.sha256, size=source.size, file_type=source.file_type, mime=source.mime,
        page_count=source.page_count, extraction_status=source.extraction_status,
        extraction_message=source.extraction_message, uploaded_by_id=actor_id, copied_from_id=source.id,
    )
    session.add(copy)
    session.flush()
    for page in pages_of(session, source.id):
        session.add(DocumentPage(document_id=copy.id, number=page.number, text=page.text, char_count=page.char_count,
                                 source=page.source, needs_ocr=page.needs_ocr, ocr_confidence=page.ocr_confidence))
    for field in legal_fields.fields_of(session, source.id):
        session.add(LegalField(document_id=copy.id, name=field.name, value=field.value, source="extracted",
                               page=field.page, matched=field.matched, confidence=field.confidence))
    session.flush()
    legal_fields.refresh(session, copy)
    events.record(session, "document.copy", actor_id=actor_id, organisation_id=organisation_id,
                  object_type="document", object_id=copy.id, source_document=source.id,
                  source_organisation=source.organisation_id)
    return copy
