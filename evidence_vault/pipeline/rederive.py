"""Re-deriving a document: from its page text to legal metadata and indicator suggestions.

One home for the tail of the pipeline, used by every path that (re)reads a document's
text: the first record of an upload (`ingest`, with what the read-only stages already
found), OCR completion (`scans`), `evidence-vault retag` and `legal refresh`. Values
people entered or confirmed, and links they decided on, are kept. The caller commits and
then brings the search index up to date (`indexing.sync`): the index may lag the
database, never lead it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from ..legal import LegalMetadata, read_legal
from ..models import Document
from ..records import legal_fields, links, periods
from ..records.documents import pages_of
from ..tagging import Suggestion
from . import stages


def record_derived(session: Session, document: Document, metadata: LegalMetadata,
                   suggestions: Sequence[Suggestion]) -> int:
    """Store what was read from a document's text; returns how many new suggestions."""
    legal_fields.record_extracted(session, document, metadata)
    return links.record_suggestions(session, document, list(suggestions))


def rederive(session: Session, document: Document, pages: Sequence[str] | None = None) -> int:
    """Read a stored document's metadata and suggestions again from its text (the stored pages by default)."""
    texts = list(pages) if pages is not None else [page.text for page in pages_of(session, document.id)]
    metadata = read_legal(texts)
    framework = periods.framework_code_for(session, document.organisation_id)
    found = stages.suggest_indicators(metadata, texts, framework, fallback_title=document.title)
    return record_derived(session, document, metadata, found)


def rederive_all(session: Session, organisation_id: int | None = None) -> tuple[list[int], int]:
    """Re-derive every live document (of one organisation); returns their ids and the new suggestions."""
    statement = select(Document).where(col(Document.deleted_at).is_(None)).order_by(col(Document.id))
    if organisation_id is not None:
        statement = statement.where(Document.organisation_id == organisation_id)
    ids: list[int] = []
    added = 0
    for document in session.exec(statement).all():
        added += rederive(session, document)
        ids.append(document.id)  # type: ignore[arg-type]
    return ids, added
