"""Ingest stage: receive a file, store it once, run the pipeline and record the document.

Order matters for "nothing is lost, nothing half-visible": the bytes are stored
(atomically) before anything is recorded, and the document, its pages and its audit
event are committed in one transaction. A file that cannot be read is still kept and
recorded as failed, with the reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from . import events, indexing, links, periods, pipeline
from .config import Settings
from .db import session_scope
from .filenames import display_name
from .legal import store as legal_store
from .models import Document, DocumentPage, PageSource
from .storage import FileStore, FileTooLarge, StagedFile

log = logging.getLogger(__name__)


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


def store_for(settings: Settings) -> FileStore:
    return FileStore(settings.files_dir, settings.tmp_dir)


def ingest_stream(
    engine: Engine,
    settings: Settings,
    stream: BinaryIO,
    filename: str | None,
    organisation_id: int,
    uploaded_by_id: int | None,
) -> IngestResult:
    """Take one file from a stream into the organisation's vault."""
    name = display_name(filename)
    store = store_for(settings)
    max_bytes = settings.get("upload", "max_bytes")
    try:
        staged = store.stage(stream, max_bytes)
    except FileTooLarge:
        return IngestResult(
            name, Outcome.REJECTED,
            f"Berkas lebih besar dari batas {max_bytes // (1024 * 1024)} MiB dan tidak disimpan. "
            "Perkecil atau pecah berkasnya, lalu unggah ulang.",
        )
    existing = _existing(engine, organisation_id, staged.sha256)
    if existing is not None:
        store.discard(staged)
        return _duplicate(name, existing)
    return _store_and_record(engine, settings, store, staged, name, organisation_id, uploaded_by_id)


def _store_and_record(
    engine: Engine,
    settings: Settings,
    store: FileStore,
    staged: StagedFile,
    name: str,
    organisation_id: int,
    uploaded_by_id: int | None,
) -> IngestResult:
    path = store.commit(staged)
    with Session(engine) as session:
        framework = periods.framework_code_for(session, organisation_id)
    analysis = pipeline.analyse(path, settings, framework)
    try:
        with session_scope(engine) as session:
            document = _record(session, analysis, staged, name, organisation_id, uploaded_by_id)
    except IntegrityError:  # the same bytes arrived concurrently: the other upload won
        existing = _existing(engine, organisation_id, staged.sha256)
        if existing is None:
            raise
        return _duplicate(name, existing)
    log.info("ingested %s as document %s (%s)", name, document.id, analysis.status)
    indexing.sync(settings, engine, [document.id])  # after the commit: the index may lag, never lead
    outcome = Outcome.FAILED if analysis.error else Outcome.ADDED
    message = analysis.message or "Berhasil disimpan dan teksnya terbaca."
    return IngestResult(name, outcome, message, document.id, analysis.status.value)


def _record(
    session: Session,
    analysis: pipeline.Analysis,
    staged: StagedFile,
    name: str,
    organisation_id: int,
    uploaded_by_id: int | None,
) -> Document:
    extraction = analysis.extraction
    document = Document(
        organisation_id=organisation_id,
        original_filename=name,
        title=pipeline.document_title(analysis, name),
        sha256=staged.sha256,
        size=staged.size,
        file_type=analysis.file_type.name,
        mime=analysis.file_type.mime,
        page_count=extraction.page_count if extraction else 0,
        extraction_status=analysis.status.value,
        extraction_message=analysis.message,
        uploaded_by_id=uploaded_by_id,
    )
    session.add(document)
    session.flush()
    for page in extraction.pages if extraction else []:
        session.add(
            DocumentPage(
                document_id=document.id,
                number=page.number,
                text=page.text,
                char_count=len(page.text),
                source=PageSource.NONE if page.needs_ocr and not page.text else PageSource.TEXT_LAYER,
                needs_ocr=page.needs_ocr,
            )
        )
    legal_store.record_extracted(session, document, analysis.metadata)
    links.record_suggestions(session, document, analysis.indicator_suggestions)
    events.record(
        session, "document.upload", actor_id=uploaded_by_id, organisation_id=organisation_id,
        object_type="document", object_id=document.id, filename=name, sha256=staged.sha256,
        size=staged.size, status=analysis.status.value,
        error=analysis.error.code if analysis.error else None,
    )
    return document


def _existing(engine: Engine, organisation_id: int, sha256: str) -> Document | None:
    with Session(engine) as session:
        statement = select(Document).where(
            Document.organisation_id == organisation_id, Document.sha256 == sha256
        )
        return session.exec(statement).first()


def _duplicate(name: str, existing: Document) -> IngestResult:
    where = " (saat ini ada di Tempat Sampah; pulihkan dari sana)" if existing.deleted_at else ""
    return IngestResult(
        name, Outcome.DUPLICATE,
        f"Isi berkas ini sama persis dengan dokumen #{existing.id} "
        f"\u201c{existing.original_filename}\u201d yang sudah ada{where}; tidak disimpan dua kali.",
        existing.id, existing.extraction_status,
    )
