"""Keeping the search index in step with the database: the bridge between the two.

With the Whoosh index (`search.backend = "whoosh"`), `sync` is called explicitly *after*
each commit that changes what a document looks like in search (upload, metadata, links,
trash, restore), never from inside a transaction: the index can lag behind the database
but never run ahead of it. A failure to index is logged, not raised: the change is already
saved, and `evidence-vault check --fix` or `reindex` brings the index back in step.

With the PostgreSQL index (`search.backend = "postgres"`) the search rows are written by
`within`, inside the transaction that changes the documents, so they commit (or roll
back) with it; `sync` after the commit then has nothing left to do for those documents.
Paths that only call `sync` still index right after their commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from threading import Lock
from typing import cast

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from .. import db, search
from ..config import Settings
from ..models import Document, DocumentRelation, IndicatorLink, LegalField
from ..records.documents import pages_of

log = logging.getLogger(__name__)
_indexes: dict[Path | str, search.Index] = {}
_lock = Lock()


def in_database(settings: Settings) -> bool:
    """Whether the search index is tables of the vault's own PostgreSQL database."""
    return settings.get("search", "backend") == "postgres"


def index_for(settings: Settings) -> search.Index:
    """One index object per folder (or database) and process; it is safe to share between threads."""
    with _lock:
        if in_database(settings):
            if settings.database_url not in _indexes:
                postgres = search.PostgresIndex.open(db.make_engine(settings))
                _indexes[settings.database_url] = postgres  # type: ignore[assignment]
            return _indexes[settings.database_url]
        if settings.index_dir not in _indexes or not settings.index_dir.is_dir():  # folder lost: open anew
            _indexes[settings.index_dir] = search.Index.open(settings.index_dir)
        return _indexes[settings.index_dir]


def within(session: Session, settings: Settings, document_ids: Iterable[int]) -> bool:
    """Inside the caller's transaction, write these documents' search rows (and those whose standing
    they change); True when done. False with the Whoosh index: it is written after the commit (`sync`).

    Call it after the last change to the documents and before the commit. A failure here fails
    the transaction: the change and its search rows are saved together or not at all.
    """
    if not in_database(settings):
        return False
    session.flush()
    index = cast(search.PostgresIndex, index_for(settings))
    live, gone = _current(session, document_ids, with_related=True)
    connection = session.connection()
    index.write(connection, live)
    if gone:
        index.remove(connection, gone)
    return True


def _current(session: Session, document_ids: Iterable[int], *,
             with_related: bool) -> tuple[list[search.IndexedDocument], list[int]]:
    """The documents as search should show them, and those it should no longer show."""
    ids: set[int] = set()
    for document_id in document_ids:
        ids |= related(session, document_id) if with_related else {document_id}
    live, gone = [], []
    for document_id in sorted(ids):
        document = session.get(Document, document_id)
        if document is None or document.deleted_at is not None:
            gone.append(document_id)
        else:
            live.append(indexed_document(session, document))
    return live, gone


def indexed_document(session: Session, document: Document) -> search.IndexedDocument:
    """How a document appears to search: text per page, legal identity, standing, indicators."""
    fields = {field.name: field.value for field in session.exec(
        select(LegalField).where(LegalField.document_id == document.id,
                                 col(LegalField.name).in_(["nomor_peraturan", "nomor", "tanggal_penetapan"])))}
    indicators = session.exec(select(IndicatorLink).where(
        IndicatorLink.document_id == document.id, col(IndicatorLink.state).in_(["confirmed", "verified"]))).all()
    enacted = fields.get("tanggal_penetapan")
    try:
        enacted_on = date.fromisoformat(enacted) if enacted else None
    except ValueError:
        enacted_on = None
    return search.IndexedDocument(
        document_id=document.id, organisation_id=document.organisation_id, title=document.title,  # type: ignore[arg-type]
        pages=[(page.number, page.text) for page in pages_of(session, document.id)],  # type: ignore[arg-type]
        kind=document.kind, year=document.legal_year, legal_number=fields.get("nomor_peraturan"),
        legal_number_text=fields.get("nomor"), legal_status=document.legal_status, in_force=document.in_force,
        has_findings=document.finding_count > 0, confirmed=document.metadata_confirmed,
        indicators=sorted({f"{link.framework}:{link.indicator}" for link in indicators}),
        enacted_on=enacted_on, uploaded_at=document.uploaded_at,
    )


def related(session: Session, document_id: int) -> set[int]:
    """The document and those whose standing it changes or that change it (amend, repeal)."""
    ids = {document_id}
    for relation in session.exec(select(DocumentRelation).where(
            (DocumentRelation.document_id == document_id) | (DocumentRelation.target_document_id == document_id))):
        ids.add(relation.document_id)
        if relation.target_document_id:
            ids.add(relation.target_document_id)
    return ids


def sync(settings: Settings, engine: Engine, document_ids: Iterable[int], *, with_related: bool = True) -> None:
    """Bring these documents' index entries in line with the committed database."""
    try:
        with Session(engine) as session:
            live, gone = _current(session, document_ids, with_related=with_related)
        index = index_for(settings)
        if index.needs_rebuild:
            rebuild(settings, engine)
            return
        if live:
            index.add_or_replace(live)
        for document_id in gone:
            index.delete(document_id)
    except (search.SearchError, search.IndexBusy, OSError) as error:
        log.error("search index not updated for documents %s: %r; run `evidence-vault check --fix`",
                  sorted(document_ids), error)


def _all_live(engine: Engine) -> Iterator[search.IndexedDocument]:
    """Every live document, read lazily in batches (the rebuild journals writes made meanwhile).

    Grouped by organisation: the index then numbers one body's records together, and a
    search scoped to it skips the other bodies' postings block by block instead of
    reading them (a third faster with five bodies in one index).
    """
    with Session(engine) as session:
        ids = session.exec(select(Document.id).where(col(Document.deleted_at).is_(None))
                           .order_by(col(Document.organisation_id), col(Document.id))).all()
    for start in range(0, len(ids), 100):
        with Session(engine) as session:
            for document in session.exec(select(Document).where(col(Document.id).in_(ids[start:start + 100]))):
                yield indexed_document(session, document)


def _reload(engine: Engine, document_ids: list[int]) -> list[search.IndexedDocument]:
    with Session(engine) as session:
        documents = session.exec(select(Document).where(col(Document.id).in_(document_ids),
                                                        col(Document.deleted_at).is_(None))).all()
        return [indexed_document(session, document) for document in documents]


def rebuild(settings: Settings, engine: Engine) -> search.RebuildReport:
    """Rebuild the whole index from the database; searches keep working meanwhile."""
    return index_for(settings).rebuild(_all_live(engine), reload=lambda ids: _reload(engine, ids))


@dataclass(frozen=True)
class CheckReport:
    """Differences between the index and the database."""

    missing: list[int]  # live documents the index does not have
    orphaned: list[int]  # index entries without a live document
    needs_rebuild: str | None

    @property
    def clean(self) -> bool:
        return not self.missing and not self.orphaned and self.needs_rebuild is None


def check(settings: Settings, engine: Engine, fix: bool = False) -> CheckReport:
    """Compare the index with the database; with `fix`, index the missing and drop the orphans."""
    index = index_for(settings)
    if index.needs_rebuild:
        report = CheckReport([], [], index.rebuild_reason)
        if fix:
            rebuild(settings, engine)
        return report
    with Session(engine) as session:
        live = set(session.exec(select(Document.id).where(col(Document.deleted_at).is_(None))).all())
    indexed = index.document_ids()
    report = CheckReport(sorted(live - indexed), sorted(indexed - live), None)  # type: ignore[operator]
    if fix and not report.clean:
        sync(settings, engine, report.missing + report.orphaned, with_related=False)
    return report
