"""Whether background work is running: heartbeats of the workers, and the work waiting for them.

A worker writes its heartbeat every `BEAT_SECONDS`; one not heard of for `STALE` counts as
gone. The admin's pages ask `status`: no live worker while upload files wait to be read or
documents wait for OCR means uploads sit at "Diterima" or "Sedang diproses" until someone
starts one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from ..models import Document, ExtractionStatus, UploadFile, UploadStatus, WorkerHeartbeat, utcnow

BEAT_SECONDS = 15
STALE = timedelta(seconds=60)
FORGET = timedelta(days=1)


@dataclass(frozen=True)
class BackgroundStatus:
    """Whether a worker is alive, when one was last heard of, and how many documents and upload files wait for it."""

    running: bool
    last_seen: datetime | None
    waiting: int  # documents whose scans wait for OCR
    files_waiting: int = 0  # files of web uploads not yet read

    @property
    def stalled(self) -> bool:
        """Work waits and nobody is doing it."""
        return (self.waiting > 0 or self.files_waiting > 0) and not self.running


def beat(session: Session, name: str, now: datetime | None = None) -> None:
    """The worker `name` (host:pid) is alive; heartbeats not heard of for a day are forgotten."""
    now = now or utcnow()
    row = session.exec(select(WorkerHeartbeat).where(WorkerHeartbeat.name == name)).first()
    if row is None:
        row = WorkerHeartbeat(name=name, started_at=now, seen_at=now)
    row.seen_at = now
    session.add(row)
    session.exec(delete(WorkerHeartbeat).where(col(WorkerHeartbeat.seen_at) < now - FORGET,  # type: ignore[call-overload]
                                               col(WorkerHeartbeat.name) != name))


def stopped(session: Session, name: str) -> None:
    """The worker stopped on purpose: it is not missed."""
    session.exec(delete(WorkerHeartbeat).where(col(WorkerHeartbeat.name) == name))  # type: ignore[call-overload]


def status(session: Session, now: datetime | None = None) -> BackgroundStatus:
    now = now or utcnow()
    last = session.exec(select(func.max(WorkerHeartbeat.seen_at))).one()
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)
    waiting = session.exec(select(func.count()).select_from(Document).where(
        Document.extraction_status == ExtractionStatus.PROCESSING.value, col(Document.deleted_at).is_(None))).one()
    files = session.exec(select(func.count()).select_from(UploadFile).where(
        col(UploadFile.status).in_([UploadStatus.RECEIVED.value, UploadStatus.READING.value]))).one()
    return BackgroundStatus(running=last is not None and last > now - STALE, last_seen=last, waiting=waiting,
                            files_waiting=files)
