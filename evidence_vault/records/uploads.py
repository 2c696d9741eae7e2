"""Web uploads and where each of their files stands, kept in the database.

The upload request only stores the bytes and records one row per file (*Diterima*); the
background worker claims a row (*Dibaca*), reads the file and records its document in the
same transaction that marks the row *Selesai*, *Sudah ada* or *Gagal*. Because the rows
are in the database, a restarted server or worker loses nothing, and every tab and every
colleague sees the same progress. What people see (`FileProgress`) is derived from the
row and, once there is one, from its document: a scan whose pages OCR still reads is
shown as *Dibaca* with its pages, until the document is done.

A claim lasts until `claimed_until` (Unix seconds); a worker killed midway leaves a row
*Dibaca* whose claim runs out, and the worker's periodic task queues it again.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from ..models import Document, ExtractionStatus, Upload, UploadFile, UploadStatus, utcnow
from . import events

# The words people read for each state, in the order a file passes them.
STATUS_LABELS = {UploadStatus.RECEIVED: "Diterima", UploadStatus.READING: "Dibaca", UploadStatus.DONE: "Selesai",
                 UploadStatus.DUPLICATE: "Sudah ada", UploadStatus.FAILED: "Gagal"}
WAITING = (UploadStatus.RECEIVED.value, UploadStatus.READING.value)
RECEIVED_NOTE = "Tersimpan dengan aman; menunggu giliran dibaca."
READING_NOTE = "Sedang dibaca: teks, metadata hukum dan saran indikator."
DONE_NOTE = "Berhasil disimpan dan teksnya terbaca."
UNREADABLE = "Tersimpan sebagai dokumen, tetapi teksnya tidak dapat dibaca. "


@dataclass(frozen=True)
class Received:
    """A file as the upload request received it: stored (with its hash) or refused with a reason."""

    filename: str
    sha256: str | None
    size: int
    refused: str = ""  # why it was not stored (too large): the row is *Gagal* at once


@dataclass(frozen=True)
class FileProgress:
    """One file of an upload as people see it: a state, its word, what it means, and its document."""

    id: int
    upload_id: int
    filename: str
    status: str  # an `UploadStatus` value; a document whose scans OCR still reads shows as reading
    message: str
    document_id: int | None
    ocr_read: int = 0  # pages of its scans read by OCR so far, of `ocr_total`
    ocr_total: int = 0

    @property
    def label(self) -> str:
        return STATUS_LABELS[UploadStatus(self.status)]

    @property
    def finished(self) -> bool:
        return self.status not in WAITING

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "filename": self.filename, "status": self.status, "label": self.label,
                "message": self.message, "document_id": self.document_id, "finished": self.finished,
                "ocr_read": self.ocr_read, "ocr_total": self.ocr_total}


def create(session: Session, organisation_id: int, uploaded_by_id: int | None,
           files: Sequence[Received]) -> tuple[Upload, list[int]]:
    """Record an upload and its files; returns it and the ids of the files the worker must read.

    The upload keeps the trail's mark of this request (the API and its token), which the
    worker puts on the events it records for these files.
    """
    upload = Upload(organisation_id=organisation_id, uploaded_by_id=uploaded_by_id,
                    channel=events.current_channel())
    session.add(upload)
    session.flush()
    rows = []
    for position, received in enumerate(files, start=1):
        status = UploadStatus.FAILED if received.refused else UploadStatus.RECEIVED
        row = UploadFile(upload_id=upload.id, position=position, filename=received.filename, sha256=received.sha256,
                         size=received.size, status=status.value, message=received.refused)
        session.add(row)
        rows.append(row)
    session.flush()
    return upload, [row.id for row in rows if row.status == UploadStatus.RECEIVED]  # type: ignore[misc]


@dataclass(frozen=True)
class Claimed:
    """What the worker needs to read a file it has claimed."""

    id: int
    filename: str
    sha256: str
    size: int
    organisation_id: int
    uploaded_by_id: int | None
    channel: dict[str, Any] | None = None  # the trail's mark of the request that received it


def take(session: Session, file_id: int, seconds: int, now: int | None = None) -> Claimed | None:
    """Claim a file for reading: one received, or one whose reader's claim ran out; None otherwise."""
    now = now or int(time.time())
    taken = session.exec(update(UploadFile).where(  # type: ignore[call-overload]
        col(UploadFile.id) == file_id,
        or_(col(UploadFile.status) == UploadStatus.RECEIVED.value,
            (col(UploadFile.status) == UploadStatus.READING.value) & (col(UploadFile.claimed_until) < now)),
    ).values(status=UploadStatus.READING.value, claimed_until=now + seconds, updated_at=utcnow()))
    if taken.rowcount != 1:
        return None
    row, upload = session.exec(select(UploadFile, Upload).join(Upload, col(Upload.id) == col(UploadFile.upload_id))
                               .where(UploadFile.id == file_id)).one()
    assert row.sha256 is not None  # only stored files are ever received
    return Claimed(file_id, row.filename, row.sha256, row.size, upload.organisation_id, upload.uploaded_by_id,
                   upload.channel)


def finish(session: Session, file_id: int, status: UploadStatus, message: str = "",
           document_id: int | None = None) -> None:
    """A file's final state, in the caller's transaction (the one that records its document)."""
    session.exec(update(UploadFile).where(col(UploadFile.id) == file_id).values(  # type: ignore[call-overload]
        status=status.value, message=message, document_id=document_id, claimed_until=None, updated_at=utcnow()))


def waiting_files(session: Session) -> list[int]:
    """Files still to be read (received, or claimed by a reader that may have died), oldest first."""
    statement = select(UploadFile.id).where(col(UploadFile.status).in_(WAITING)).order_by(col(UploadFile.id))
    return list(session.exec(statement))


def abandoned_files(session: Session, now: int | None = None) -> list[int]:
    """Files whose reader's claim ran out before it finished: it died."""
    statement = select(UploadFile.id).where(UploadFile.status == UploadStatus.READING.value,
                                            col(UploadFile.claimed_until) < (now or int(time.time())))
    return list(session.exec(statement.order_by(col(UploadFile.id))))


def waiting_hashes(session: Session) -> set[str]:
    """Stored bytes still waiting to become a document: `check --fix` must not take them for orphans."""
    statement = select(UploadFile.sha256).where(col(UploadFile.status).in_(WAITING),
                                                col(UploadFile.sha256).is_not(None))
    return {sha256 for sha256 in session.exec(statement) if sha256}


def progress(session: Session, upload_id: int) -> list[FileProgress]:
    """Every file of an upload, in the order it was sent."""
    statement = (select(UploadFile, Document).outerjoin(Document, col(Document.id) == col(UploadFile.document_id))
                 .where(UploadFile.upload_id == upload_id).order_by(col(UploadFile.position)))
    return [_progress(row, document) for row, document in session.exec(statement)]


def in_progress(session: Session, organisation_ids: list[int] | None, limit: int = 20) -> list[FileProgress]:
    """Files of recent uploads not yet done (the home page lists them), newest upload first.

    A file whose document is done reading its scans is finished; those still reading show
    how far OCR has come.
    """
    waiting_document = (col(Document.extraction_status) == ExtractionStatus.PROCESSING.value) & \
        col(Document.deleted_at).is_(None)
    statement = (select(UploadFile, Document)
                 .join(Upload, col(Upload.id) == col(UploadFile.upload_id))
                 .outerjoin(Document, col(Document.id) == col(UploadFile.document_id))
                 .where(or_(col(UploadFile.status).in_(WAITING),
                            (col(UploadFile.status) == UploadStatus.DONE.value) & waiting_document))
                 .order_by(col(UploadFile.upload_id).desc(), col(UploadFile.position)).limit(limit))
    if organisation_ids is not None:
        statement = statement.where(col(Upload.organisation_id).in_(organisation_ids))
    return [_progress(row, document) for row, document in session.exec(statement)]


def summary(files: Sequence[FileProgress]) -> str:
    """One line over an upload: "7 berkas: 5 selesai, 1 sudah ada, 1 gagal; 2 masih dibaca."."""
    if not files:
        return "Tidak ada berkas."
    counts = Counter(item.status for item in files)
    done = [f"{counts[status]} {STATUS_LABELS[status].lower()}"
            for status in (UploadStatus.DONE, UploadStatus.DUPLICATE, UploadStatus.FAILED) if counts[status]]
    waiting = counts[UploadStatus.RECEIVED] + counts[UploadStatus.READING]
    line = f"{len(files)} berkas: " + ", ".join(done) if done else f"{len(files)} berkas"
    if waiting:
        line += ("; " if done else ": ") + f"{waiting} masih diproses"
    return line + "."


def _progress(row: UploadFile, document: Document | None) -> FileProgress:
    """The state people see: the row's, or the document's while OCR reads its scans."""
    status, message = UploadStatus(row.status), row.message
    ocr_read = ocr_total = 0
    if status is UploadStatus.RECEIVED:
        message = RECEIVED_NOTE
    elif status is UploadStatus.READING:
        message = READING_NOTE
    elif document is not None and status is UploadStatus.DONE:
        message = document.extraction_message or DONE_NOTE
        if document.extraction_status == ExtractionStatus.PROCESSING.value and document.deleted_at is None:
            status = UploadStatus.READING
            ocr_read, ocr_total = document.ocr_page_count, document.ocr_page_count + document.ocr_waiting
            message = (f"Halaman pindaian sedang dibaca dengan OCR: {ocr_read} dari {ocr_total} halaman selesai. "
                       "Tidak perlu menunggu di sini; dokumennya sudah dapat dibuka.")
    elif document is not None and status is UploadStatus.FAILED and not message:
        message = UNREADABLE + document.extraction_message
    return FileProgress(row.id, row.upload_id, row.filename, status.value, message, row.document_id,  # type: ignore[arg-type]
                        ocr_read, ocr_total)
