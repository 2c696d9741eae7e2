"""Re-running the tagging stage over stored documents (after new framework data or rules)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from . import links, periods, pipeline
from .documents import pages_of
from .legal import read_legal
from .models import Document


def resuggest_all(session: Session, organisation_id: int | None = None) -> int:
    """Suggest indicators again for every live document; returns how many new suggestions."""
    statement = select(Document).where(col(Document.deleted_at).is_(None)).order_by(col(Document.id))
    if organisation_id is not None:
        statement = statement.where(Document.organisation_id == organisation_id)
    added = 0
    for document in session.exec(statement).all():
        pages = [page.text for page in pages_of(session, document.id)]
        framework = periods.framework_code_for(session, document.organisation_id)
        found = pipeline.suggest_indicators(read_legal(pages), pages, framework, fallback_title=document.title)
        added += links.record_suggestions(session, document, found)
    return added
