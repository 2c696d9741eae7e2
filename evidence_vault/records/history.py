"""Reading the audit trail (the append-only events) for people: per document, per organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, and_, col, or_, select

from .. import indonesian
from ..frameworks.registry import framework_by_code
from ..models import AssessmentPeriod, Document, Event, Organisation, User

# Every action `events.record` is given anywhere in the code, in Indonesian (tests/test_history.py
# fails when a recorded action has no label here).
ACTION_LABELS = {
    "document.upload": "Mengunggah dokumen",
    "document.delete": "Memindahkan ke Tempat Sampah",
    "document.restore": "Memulihkan dari Tempat Sampah",
    "document.share": "Menerbitkan ke pustaka bersama",
    "document.unshare": "Menarik dari pustaka bersama",
    "document.copy": "Menyalin dari pustaka bersama",
    "document.ocr": "Membaca halaman pindaian (OCR)",
    "metadata.change": "Mengubah metadata",
    "metadata.confirm": "Mengonfirmasi metadata",
    "link.add": "Menautkan ke indikator dan mengajukan",
    "link.confirm": "Mengajukan saran indikator",
    "link.verify": "Memverifikasi tautan indikator",
    "link.reject": "Menolak saran atau tautan indikator",
    "link.remove": "Menghapus tautan indikator",
    "link.reopen": "Membuka kembali tautan untuk ditinjau ulang",
    "period.create": "Membuka periode penilaian",
    "period.as_of": "Mengubah tanggal penilaian periode",
    "claim.set": "Menyimpan penilaian mandiri",
    "external.set": "Mencatat nilai indeks instansi lain",
    "external.remove": "Menghapus nilai indeks instansi lain",
    "organisation.strict_review": "Mengubah tinjauan ketat",
    "login": "Masuk",
    "login.failed": "Gagal masuk",
    "login.locked": "Mencoba masuk saat akun terkunci",
    "login.lockout": "Akun dikunci sementara",
    "login.throttle": "Percobaan masuk dari satu alamat dibatasi",
    "logout": "Keluar",
    "password.change_failed": "Salah kata sandi lama saat menggantinya",
    "user.create": "Membuat akun",
    "user.change": "Mengubah akun",
    "user.password_set": "Mengganti kata sandi",
    "user.sessions_end": "Mengakhiri semua sesi akun",
    "user.assign": "Menugaskan penilai",
    "user.unassign": "Mencabut penugasan penilai",
    "organisation.create": "Membuat organisasi",
    "export": "Mengekspor",
    "token.create": "Membuat token API",
    "token.revoke": "Mencabut token API",
}


# What each detail of an event is called, and the words for the values people would otherwise read as
# codes ("processing", "coordinator", "confirmed"); a test crawls every page for such codes.
DETAIL_LABELS = {
    "filename": "nama berkas", "sha256": "SHA-256", "size": "ukuran", "status": "status", "ocr_pages": "halaman OCR",
    "field": "unsur", "old": "semula", "new": "menjadi", "email": "email", "role": "peran",
    "organisation": "organisasi", "year": "tahun", "framework": "kerangka", "indicator": "indikator",
    "level": "tingkat", "old_level": "tingkat semula", "new_level": "tingkat baru", "reason": "alasan",
    "state": "status", "pasal": "pasal", "page": "halaman", "strict": "tinjauan ketat", "until": "sampai",
    "kind": "jenis", "format": "format", "in_review": "ditolak penilai", "pages_read": "halaman terbaca",
    "pages_waiting": "halaman menunggu", "confidence": "keyakinan", "as_of": "tanggal penilaian", "code": "kode",
    "name": "nama", "label": "nama periode", "value": "nilai", "note": "catatan", "active": "aktif",
    "source_document": "dokumen sumber", "address": "alamat", "count": "jumlah", "sessions": "sesi",
    "token_id": "token", "prefix": "awalan token", "owner": "pemilik", "scope": "cakupan",
    "expires_at": "berlaku sampai", "tokens_revoked": "token dicabut", "sessions_ended": "sesi diakhiri",
}
VALUE_LABELS: dict[str, dict[str, str]] = {
    "status": {"pending": "menunggu", "processing": "sedang diproses", "ok": "teks terbaca",
               "needs_ocr": "perlu OCR", "failed": "gagal dibaca"},
    "state": {"suggested": "saran", "confirmed": "diajukan", "verified": "diverifikasi", "rejected": "ditolak"},
    "role": {"admin": "admin sistem", "coordinator": "koordinator", "operator": "operator",
             "reviewer": "penilai internal", "viewer": "pembaca"},
}
OBJECT_WORDS = {"user": "akun", "period": "periode", "organisation": "organisasi", "audit": "audit",
                "address": "alamat", "document": "dokumen"}


def detail_value(key: str, value: Any) -> str:
    """A detail's value in words: codes become the interface's words, frameworks their names."""
    if key == "framework" and isinstance(value, str):
        try:
            return framework_by_code(value).name
        except KeyError:
            return value
    if key == "confidence" and isinstance(value, float):
        return indonesian.number(value * 100 if value <= 1 else value, 0) + "%"
    if isinstance(value, str):
        return VALUE_LABELS.get(key, {}).get(value, value)
    return str(value)


@dataclass(frozen=True)
class Entry:
    """One line of a trail, ready to show."""

    id: int
    at: datetime
    action: str
    label: str
    actor: str
    object_type: str
    object_id: int | None
    detail: dict[str, Any]

    @property
    def via(self) -> str:
        """The channel the change came through: "api", or "" for the web pages and the command line."""
        return str(self.detail.get("via") or "")


def document_trail(session: Session, document_id: int) -> list[Entry]:
    statement = (select(Event).where(Event.object_type == "document", Event.object_id == document_id)
                 .order_by(col(Event.occurred_at).desc(), col(Event.id).desc()))
    return _entries(session, list(session.exec(statement)))


def organisation_trail(session: Session, organisation_ids: list[int] | None, *, limit: int = 200,
                       offset: int = 0, action: str = "", before: tuple[datetime, int] | None = None) -> list[Entry]:
    """Newest first; None means every organisation (and events of no organisation, such as failed logins).

    `before` (an entry's time and id) continues after that entry: the API's cursor, which,
    unlike an offset, neither skips nor repeats entries when new ones arrive meanwhile.
    """
    statement = select(Event).order_by(col(Event.occurred_at).desc(), col(Event.id).desc())
    if before is not None:
        at, event_id = before
        statement = statement.where(or_(col(Event.occurred_at) < at,
                                        and_(col(Event.occurred_at) == at, col(Event.id) < event_id)))
    if organisation_ids is not None:
        statement = statement.where(col(Event.organisation_id).in_(organisation_ids))
    if action:
        statement = statement.where(or_(Event.action == action, col(Event.action).startswith(action + ".")))
    return _entries(session, list(session.exec(statement.offset(offset).limit(limit))))


def _entries(session: Session, found: list[Event]) -> list[Entry]:
    actor_ids = {event.actor_id for event in found if event.actor_id}
    emails = {user.id: user.email for user in session.exec(select(User).where(col(User.id).in_(actor_ids)))}
    return [
        Entry(id=event.id, at=event.occurred_at, action=event.action,  # type: ignore[arg-type]
              label=ACTION_LABELS.get(event.action, event.action),
              actor=emails.get(event.actor_id, "sistem") if event.actor_id else "sistem",
              object_type=event.object_type, object_id=event.object_id, detail=dict(event.detail or {}))
        for event in found
    ]


def object_names(session: Session, entries: list[Entry]) -> dict[tuple[str, int], str]:
    """What each entry is about, as people name it: an account's email, a period's name, a body's name."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        if entry.object_id:
            wanted.setdefault(entry.object_type, set()).add(entry.object_id)
    names: dict[tuple[str, int], str] = {}
    for user in session.exec(select(User).where(col(User.id).in_(wanted.get("user", set())))):
        names[("user", user.id)] = f"akun {user.email}"  # type: ignore[index]
    periods = select(AssessmentPeriod).where(col(AssessmentPeriod.id).in_(wanted.get("period", set())))
    for period in session.exec(periods):
        names[("period", period.id)] = f"periode {period.label or period.year}"  # type: ignore[index]
    bodies = select(Organisation).where(col(Organisation.id).in_(wanted.get("organisation", set())))
    for body in session.exec(bodies):
        names[("organisation", body.id)] = body.name  # type: ignore[index]
    return names


def document_titles(session: Session, entries: list[Entry]) -> dict[int, str]:
    ids = {entry.object_id for entry in entries if entry.object_type == "document" and entry.object_id}
    return {document.id: document.title for document in session.exec(select(Document).where(col(Document.id).in_(ids)))}
