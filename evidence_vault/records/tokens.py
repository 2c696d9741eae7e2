"""Personal access tokens for the API: made by their user, shown once, kept as a hash, ended at will.

A token is 32 random bytes (`secrets.token_urlsafe`), so a plain SHA-256 is the right way
to keep it, as for login sessions: nothing to guess, and a look-up by hash is one indexed
query. It always acts as its user (`access.actor_for_token`): what the user may do today,
narrowed by the token's scope (read or read-write) and, when chosen, one organisation.
Deactivating an account or ending all its sessions revokes its tokens too, for good.

The rate limit counts a token's requests per minute in its own row: one atomic UPDATE per
request, so every app process (and every server) shares the count, as the login throttle does.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import case, update
from sqlmodel import Session, col, select

from ..models import ApiToken, Organisation, Role, User, utcnow
from ..plaintext import clean
from . import events
from .access import READ, WRITE, account_organisations

PREFIX = "evt_"
SHOWN_PREFIX = 12  # "evt_" and 8 characters: enough to tell tokens apart, far too few to guess the rest
SCOPE_LABELS = {READ: "Baca", WRITE: "Baca dan ubah"}
MAX_NAME = 100
MIB = 1024 * 1024


class TokenError(ValueError):
    """A token request that cannot be carried out; the message is Indonesian."""


class Refusal(StrEnum):
    """Why a presented token does not let its bearer in."""

    UNKNOWN = "unknown"  # no such token, or revoked, or its account is inactive
    EXPIRED = "expired"


@dataclass(frozen=True)
class Presented:
    """The token and its user when the token holds, else why not."""

    token: ApiToken | None
    user: User | None
    refusal: Refusal | None = None


@dataclass(frozen=True)
class RateCount:
    """Where a token stands in its current minute."""

    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create(session: Session, user: User, name: str, scope: str, days: int, *, max_days: int,
           organisation: Organisation | None = None, actor_id: int | None = None, max_request_mib: int | None = None,
           largest_mib: int | None = None, now: datetime | None = None) -> tuple[ApiToken, str]:
    """Make a token for the user; returns it with its secret, which is never kept and never shown again.

    `max_request_mib` narrows the size of one request's body for this token below the
    vault's (`largest_mib`, what the vault takes at all): like the scope and the
    organisation, it bounds what a leaked token can do, here how much it can push at once.
    """
    now = now or utcnow()
    if max_request_mib is not None and not 1 <= max_request_mib <= (largest_mib or max_request_mib):
        raise TokenError(f"Batas ukuran token harus antara 1 dan {largest_mib} MiB (batas vault untuk satu "
                         "permintaan), atau dikosongkan agar batas vault yang berlaku.")
    name = " ".join(clean(name).split())
    if not name or len(name) > MAX_NAME:
        raise TokenError(f"Beri token nama 1 sampai {MAX_NAME} karakter, misalnya \u201cDasbor provinsi\u201d.")
    if scope not in (READ, WRITE):
        raise TokenError("Cakupan token harus \u201cread\u201d (baca) atau \u201cwrite\u201d (baca dan ubah).")
    if not 1 <= days <= max_days:
        raise TokenError(f"Masa berlaku token harus antara 1 dan {max_days} hari.")
    if not user.is_active:
        raise TokenError("Akun ini nonaktif; token tidak dapat dibuat.")
    if organisation is not None and user.role != Role.ADMIN \
            and organisation.id not in account_organisations(session, user):
        raise TokenError(f"Akun {user.email} tidak dapat mengakses {organisation.name}; token tidak boleh melebihi "
                         "organisasi akunnya.")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, prefix=secret[:SHOWN_PREFIX], token_hash=digest(secret),  # type: ignore[arg-type]
                     scope=scope, organisation_id=organisation.id if organisation else None, created_at=now,
                     expires_at=now + timedelta(days=days),
                     max_request_bytes=max_request_mib * MIB if max_request_mib is not None else None)
    session.add(token)
    session.flush()
    _record(session, "token.create", token, user, actor_id, scope=scope, expires_at=token.expires_at.isoformat(),
           organisation=organisation.code if organisation else None, max_request_mib=max_request_mib)
    return token, secret


def body_limit(token: ApiToken, vault_limit: int) -> tuple[int, bool]:
    """The largest body this token may send where the vault takes `vault_limit`, and whether it is the token's own."""
    own = token.max_request_bytes
    return (own, True) if own is not None and own < vault_limit else (vault_limit, False)


def tokens_of(session: Session, user_id: int | None = None) -> list[ApiToken]:
    """A user's tokens (None: everyone's), newest first, revoked and expired ones included."""
    statement = select(ApiToken).order_by(col(ApiToken.created_at).desc(), col(ApiToken.id).desc())
    if user_id is not None:
        statement = statement.where(ApiToken.user_id == user_id)
    return list(session.exec(statement))


def find(session: Session, token_id: int) -> ApiToken | None:
    return session.get(ApiToken, token_id)


def is_live(token: ApiToken, now: datetime | None = None) -> bool:
    return token.revoked_at is None and _aware(token.expires_at) > (now or utcnow())


def revoke(session: Session, token: ApiToken, actor_id: int | None, now: datetime | None = None) -> None:
    """End a token for good; revoking one already ended is refused, so the trail records each revocation once."""
    if token.revoked_at is not None:
        raise TokenError(f"Token \u201c{token.name}\u201d sudah dicabut.")
    token.revoked_at = now or utcnow()
    session.add(token)
    user = session.get(User, token.user_id)
    _record(session, "token.revoke", token, user, actor_id)


def revoke_all(session: Session, user_id: int, now: datetime | None = None) -> int:
    """Revoke every live token of a user (deactivation, "end all sessions"); the caller records why."""
    result = session.exec(update(ApiToken).where(  # type: ignore[call-overload]
        col(ApiToken.user_id) == user_id, col(ApiToken.revoked_at).is_(None),
    ).values(revoked_at=now or utcnow()))
    return result.rowcount or 0


def revoke_everyone(session: Session, now: datetime | None = None) -> int:
    """Revoke every live token of every account (after a suspected breach)."""
    result = session.exec(update(ApiToken).where(col(ApiToken.revoked_at).is_(None))  # type: ignore[call-overload]
                          .values(revoked_at=now or utcnow()))
    return result.rowcount or 0


def authenticate(session: Session, secret: str, now: datetime | None = None) -> Presented:
    """The live token behind a presented secret, with its active user; else why it does not hold."""
    now = now or utcnow()
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return Presented(None, None, Refusal.UNKNOWN)
    token = session.exec(select(ApiToken).where(ApiToken.token_hash == digest(secret))).first()
    if token is None or token.revoked_at is not None:
        return Presented(None, None, Refusal.UNKNOWN)
    user = session.get(User, token.user_id)
    if user is None or not user.is_active:
        return Presented(None, None, Refusal.UNKNOWN)
    if _aware(token.expires_at) <= now:
        return Presented(None, None, Refusal.EXPIRED)
    return Presented(token, user)


def count_request(session: Session, token_id: int, limit: int, address: str,
                  now: datetime | None = None) -> RateCount:
    """Count one request against the token's minute (and note when and whence it was used).

    One UPDATE both opens a new minute and counts in the current one, so two processes
    counting at once never lose a request: the database serialises the row.
    """
    now = now or utcnow()
    minute = int(now.timestamp()) // 60
    session.exec(update(ApiToken).where(col(ApiToken.id) == token_id).values(  # type: ignore[call-overload]
        rate_count=case((col(ApiToken.rate_window) == minute, col(ApiToken.rate_count) + 1), else_=1),
        rate_window=minute, last_used_at=now, last_used_address=address[:64],
    ))
    count = session.exec(select(ApiToken.rate_count).where(ApiToken.id == token_id)).one()
    reset = 60 - int(now.timestamp()) % 60
    return RateCount(count <= limit, limit, max(0, limit - count), reset)


def _record(session: Session, action: str, token: ApiToken, user: User | None, actor_id: int | None,
           **detail: object) -> None:
    events.record(session, action, actor_id=actor_id, organisation_id=token.organisation_id or
                  (user.organisation_id if user else None), object_type="token", object_id=token.id,
                  name=token.name, prefix=token.prefix, owner=user.email if user else None, **detail)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
