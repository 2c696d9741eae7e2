"""Login sessions kept on the server, so that ending one is final.

The session cookie is signed but lives in the browser: a copy made before logging out
would otherwise work for as long as the cookie does. Each login therefore gets a record
here (who, when, last seen, ended) and the cookie carries only a random token whose
SHA-256 is the record's key. A request counts as logged in only while its record is open,
younger than the session lifetime, and asked for by the same browser (User-Agent) that
logged in. Logging out, a password change or reset, deactivation and an admin's "end all
sessions" close records, and a closed record never opens again: reactivating an account
does not revive its old cookies.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from ..models import LoginSession, utcnow

# last_seen_at is written at most this often per session, so browsing does not write on every page.
SEEN_EVERY = timedelta(minutes=1)
# Ended and expired records are kept this long for the user's page, then removed.
KEEP = timedelta(days=30)

LOGOUT = "logout"
PASSWORD_CHANGED = "password"
DEACTIVATED = "deactivated"
ENDED_BY_ADMIN = "admin"
LOCKED = "locked"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def start(session: Session, user_id: int, agent: str, address: str, now: datetime | None = None) -> str:
    """Open a record for a login that just succeeded; returns the token for the cookie."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(token_hash=digest(token), user_id=user_id, agent_hash=digest(agent),
                             address=address[:64], created_at=now, last_seen_at=now))
    session.exec(delete(LoginSession).where(col(LoginSession.last_seen_at) < now - KEEP))  # type: ignore[call-overload]
    return token


def resume(session: Session, token: str | None, user_id: int, agent: str, lifetime: timedelta,
           now: datetime | None = None) -> LoginSession | None:
    """The open record behind a cookie's token, or None: unknown, ended, expired, another user or browser."""
    if not token:
        return None
    now = now or utcnow()
    record = session.exec(select(LoginSession).where(LoginSession.token_hash == digest(token))).first()
    if record is None or record.user_id != user_id or record.ended_at is not None:
        return None
    if not secrets.compare_digest(record.agent_hash, digest(agent)):
        return None
    if _aware(record.created_at) + lifetime <= now:
        return None
    return record


def needs_touch(record: LoginSession, now: datetime | None = None) -> bool:
    return _aware(record.last_seen_at) + SEEN_EVERY <= (now or utcnow())


def touch(session: Session, record_id: int, now: datetime | None = None) -> None:
    """Note that the session was used (at most once a minute, see `needs_touch`)."""
    session.exec(update(LoginSession).where(col(LoginSession.id) == record_id)  # type: ignore[call-overload]
                 .values(last_seen_at=now or utcnow()))


def end(session: Session, token: str | None, reason: str = LOGOUT, now: datetime | None = None) -> LoginSession | None:
    """Close the record behind a token (logging out); returns it, or None when there was none open."""
    if not token:
        return None
    record = session.exec(select(LoginSession).where(LoginSession.token_hash == digest(token),
                                                     col(LoginSession.ended_at).is_(None))).first()
    if record is not None:
        record.ended_at, record.ended_reason = now or utcnow(), reason
        session.add(record)
    return record


def end_all(session: Session, user_id: int, reason: str, now: datetime | None = None) -> int:
    """Close every open record of a user; returns how many were open."""
    result = session.exec(update(LoginSession).where(  # type: ignore[call-overload]
        col(LoginSession.user_id) == user_id, col(LoginSession.ended_at).is_(None),
    ).values(ended_at=now or utcnow(), ended_reason=reason))
    return result.rowcount or 0


def end_everyone(session: Session, reason: str = ENDED_BY_ADMIN, now: datetime | None = None) -> int:
    """Close every open record of every user (after a suspected breach); returns how many."""
    result = session.exec(update(LoginSession).where(col(LoginSession.ended_at).is_(None))  # type: ignore[call-overload]
                          .values(ended_at=now or utcnow(), ended_reason=reason))
    return result.rowcount or 0


def open_sessions(session: Session, user_id: int, lifetime: timedelta,
                  now: datetime | None = None) -> list[LoginSession]:
    """A user's sessions that still let someone in, newest first (for the user's page)."""
    now = now or utcnow()
    records = session.exec(select(LoginSession).where(LoginSession.user_id == user_id,
                                                      col(LoginSession.ended_at).is_(None))
                           .order_by(col(LoginSession.created_at).desc())).all()
    return [record for record in records if _aware(record.created_at) + lifetime > now]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
