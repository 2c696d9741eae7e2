"""Reading and changing documents: listing, paging, the trash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, and_, col, or_, select

from ..legal.kinds import KINDS
from ..models import Document, DocumentPage, Organisation, utcnow
from . import events, legal_fields, links

SORTS: dict[str, Any] = {
    "uploaded": col(Document.uploaded_at),
    "title": func.lower(col(Document.title)),
    "filename": func.lower(col(Document.original_filename)),
    "size": col(Document.size),
    "pages": col(Document.page_count),
    "status": col(Document.extraction_status),
    "year": func.coalesce(col(Document.legal_year), 0),  # no NULLs: they sort alike everywhere, and a cursor holds 0
    "findings": col(Document.finding_count),
}
DEFAULT_SORT = "uploaded"


class DocumentError(ValueError):
    """A document request that cannot be carried out; the message is Indonesian."""


@dataclass(frozen=True)
class DocumentPageOfResults:
    """One page of a document listing, with what the pager needs."""

    items: list[tuple[Document, Organisation]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class Filters:
    """What a listing can be narrowed to; empty values mean "any"."""

    kind: str = ""
    year: int | None = None
    status: str = ""  # a legal status (rancangan/ditetapkan/diundangkan) or a standing (berlaku/diubah/dicabut)
    has_findings: bool | None = None
    confirmed: bool | None = None

    def conditions(self) -> list[Any]:
        found: list[Any] = []
        if self.kind:
            found.append(col(Document.kind) == self.kind)
        if self.year:
            found.append(col(Document.legal_year) == self.year)
        if self.status in {"rancangan", "ditetapkan", "diundangkan"}:
            found.append(col(Document.legal_status) == self.status)
        elif self.status in {"berlaku", "diubah", "dicabut"}:
            found.append(col(Document.in_force) == self.status)
        if self.has_findings is not None:
            found.append(col(Document.finding_count) > 0 if self.has_findings else col(Document.finding_count) == 0)
        if self.confirmed is not None:
            found.append(col(Document.metadata_confirmed).is_(self.confirmed))
        return found


def list_documents(
    session: Session,
    organisation_ids: list[int] | None,
    *,
    page: int = 1,
    per_page: int = 25,
    sort: str = DEFAULT_SORT,
    descending: bool = True,
    trash: bool = False,
    filters: Filters | None = None,
) -> DocumentPageOfResults:
    """Documents of the given organisations (None: all), newest first by default."""
    conditions = _conditions(organisation_ids, trash, filters)
    total = session.exec(select(func.count()).select_from(Document).where(*conditions)).one()
    order = SORTS.get(sort, SORTS[DEFAULT_SORT])
    statement = (
        select(Document, Organisation)
        .join(Organisation, col(Organisation.id) == col(Document.organisation_id))
        .where(*conditions)
        .order_by(order.desc() if descending else order.asc(), col(Document.id).desc())
        .offset((max(page, 1) - 1) * per_page)
        .limit(per_page)
    )
    return DocumentPageOfResults(list(session.exec(statement).all()), total, max(page, 1), per_page)


def list_after(
    session: Session,
    organisation_ids: list[int] | None,
    *,
    sort: str = DEFAULT_SORT,
    descending: bool = True,
    trash: bool = False,
    filters: Filters | None = None,
    after: tuple[Any, int] | None = None,
    limit: int = 50,
) -> list[tuple[Document, Organisation, Any]]:
    """`list_documents` by cursor: the documents after (sort value, id), each with its sort value.

    Unlike a page number, a cursor neither skips nor repeats a document when others are
    added or trashed between two requests (the API's listing). Ties in the sort value are
    broken by id, newest first, exactly as `list_documents` orders them.
    """
    conditions = _conditions(organisation_ids, trash, filters)
    order = SORTS.get(sort, SORTS[DEFAULT_SORT])
    if after is not None:
        value, last_id = after
        beyond = order < value if descending else order > value
        conditions.append(or_(beyond, and_(order == value, col(Document.id) < last_id)))
    statement = (
        select(Document, Organisation, order.label("sort_value"))
        .join(Organisation, col(Organisation.id) == col(Document.organisation_id))
        .where(*conditions)
        .order_by(order.desc() if descending else order.asc(), col(Document.id).desc())
        .limit(limit)
    )
    return [(document, organisation, value) for document, organisation, value in session.exec(statement).all()]


def _conditions(organisation_ids: list[int] | None, trash: bool, filters: Filters | None) -> list[Any]:
    conditions = [col(Document.deleted_at).is_not(None) if trash else col(Document.deleted_at).is_(None)]
    if organisation_ids is not None:
        conditions.append(col(Document.organisation_id).in_(organisation_ids))
    conditions.extend((filters or Filters()).conditions())
    return conditions


def pages_of(session: Session, document_id: int) -> list[DocumentPage]:
    statement = (
        select(DocumentPage)
        .where(DocumentPage.document_id == document_id)
        .order_by(col(DocumentPage.number))
    )
    return list(session.exec(statement))


def edit_metadata(session: Session, document: Document, changes: dict[str, str | None], *, confirm: bool,
                  actor_id: int | None) -> None:
    """A person corrects legal metadata; reviewed evidence links of the document are reopened.

    A known kind (`jenis`) brings its abbreviation along, so nobody types it: the web form and
    the API send only what the person chose.
    """
    if changes.get("jenis") in KINDS:
        changes = {**changes, "singkatan_jenis": KINDS[changes["jenis"]].abbreviation}  # type: ignore[index]
    if legal_fields.update_fields(session, document, changes, confirm=confirm, actor_id=actor_id):
        links.reopen_for_document(session, document, actor_id)


def move_to_trash(session: Session, document: Document, actor_id: int | None) -> None:
    """Hide a document from every list; the file and text stay until restored."""
    if document.deleted_at is not None:
        raise DocumentError("Dokumen ini sudah ada di Tempat Sampah.")
    document.deleted_at = utcnow()
    document.deleted_by_id = actor_id
    session.add(document)
    legal_fields.refresh_targets(session, document)
    events.record(
        session, "document.delete", actor_id=actor_id, organisation_id=document.organisation_id,
        object_type="document", object_id=document.id, filename=document.original_filename,
    )


def restore(session: Session, document: Document, actor_id: int | None) -> None:
    if document.deleted_at is None:
        raise DocumentError("Dokumen ini tidak ada di Tempat Sampah.")
    document.deleted_at = None
    document.deleted_by_id = None
    session.add(document)
    legal_fields.refresh_targets(session, document)
    events.record(
        session, "document.restore", actor_id=actor_id, organisation_id=document.organisation_id,
        object_type="document", object_id=document.id, filename=document.original_filename,
    )
