"""User accounts: creation, password hashing and checking credentials."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import Organisation, ReviewerAssignment, Role, User, utcnow
from ..plaintext import clean
from . import events, login_sessions, tokens
from .access import account_organisations

MIN_PASSWORD_LENGTH = 10
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Checked against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("evidence-vault-timing-guard")


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message is Indonesian."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")


def create_user(
    session: Session,
    email: str,
    password: str,
    role: Role | str,
    organisation: Organisation | None,
    full_name: str = "",
    actor_id: int | None = None,
) -> User:
    """Add a user; every role but admin belongs to exactly one organisation."""
    email = normalise_email(email)
    if not _EMAIL.match(email) or len(email) > 254:
        raise AccountError(f"Alamat email tidak valid: {email!r}.")
    try:
        role = Role(role)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise AccountError(f"Peran tidak dikenal: {role!r} (pilihan: {names}).") from None
    if role is not Role.ADMIN and organisation is None:
        raise AccountError("Pengguna selain admin harus terdaftar pada sebuah organisasi.")
    validate_password(password)
    if session.exec(select(User).where(User.email == email)).first():
        raise AccountError(f"Pengguna dengan email {email} sudah ada.")
    user = User(
        email=email,
        full_name=clean(full_name).strip(),
        password_hash=generate_password_hash(password),
        role=role.value,
        organisation_id=organisation.id if organisation else None,
    )
    session.add(user)
    session.flush()
    events.record(
        session, "user.create", actor_id=actor_id, organisation_id=user.organisation_id,
        object_type="user", object_id=user.id, email=email, role=role.value,
    )
    return user


def record_account_change(session: Session, action: str, user: User, actor_id: int | None, **detail: object) -> None:
    """Record a change to an account in the history of every organisation the account can see.

    A reviewer assigned to another body acts there too, so that body's history must show
    who changed the account, not only the history of the body it belongs to.
    """
    organisation_ids = sorted(account_organisations(session, user)) or [None]
    for organisation_id in organisation_ids:
        events.record(session, action, actor_id=actor_id, organisation_id=organisation_id, object_type="user",
                      object_id=user.id, **detail)


def set_password(session: Session, user: User, password: str, actor_id: int | None = None) -> None:
    """A new password (changed by the user, or reset); every session of the user ends with the old one."""
    validate_password(password)
    user.password_hash = generate_password_hash(password)
    session.add(user)
    ended = login_sessions.end_all(session, user.id, login_sessions.PASSWORD_CHANGED)  # type: ignore[arg-type]
    record_account_change(session, "user.password_set", user, actor_id, sessions_ended=ended)


@dataclass(frozen=True)
class LoginOutcome:
    """The user when the credentials are right, else when (if at all) the account unlocks."""

    user: User | None
    locked_until: datetime | None = None


def authenticate(session: Session, email: str, password: str, now: datetime | None = None,
                 address: str = "") -> LoginOutcome:
    """Check credentials; five failures in a row lock the account for 15 minutes. Every failure is audited.

    A locked account is checked against a dummy hash, so it costs as long as any other answer.
    """
    now = now or utcnow()
    user = session.exec(select(User).where(User.email == normalise_email(email))).first()
    locked_until = _aware(user.locked_until) if user and user.locked_until else None
    if user is not None and locked_until and locked_until > now:
        spend_guard_time(password)
        events.record(session, "login.locked", organisation_id=user.organisation_id, object_type="user",
                      object_id=user.id, email=user.email, address=address)
        return LoginOutcome(None, locked_until)
    if user is None:
        spend_guard_time(password)
    if user is None or not user.is_active or not check_password_hash(user.password_hash, password):
        events.record(
            session, "login.failed", organisation_id=user.organisation_id if user else None,
            object_type="user", object_id=user.id if user else None, email=normalise_email(email)[:254],
            address=address,
        )
        if user is not None:
            _count_failure(session, user, now)
        return LoginOutcome(None, user.locked_until if user else None)
    user.last_login_at, user.failed_logins, user.locked_until = now, 0, None
    session.add(user)
    events.record(session, "login", actor_id=user.id, organisation_id=user.organisation_id,
                  object_type="user", object_id=user.id, address=address)
    return LoginOutcome(user)


def spend_guard_time(password: str) -> None:
    """Check the password against a dummy hash: an answer without a real check takes as long as one with."""
    check_password_hash(_DUMMY_HASH, password)


def _count_failure(session: Session, user: User, now: datetime) -> bool:
    """One more wrong password for the account; the fifth in a row locks it. True when it locked now."""
    user.failed_logins += 1
    locked = user.failed_logins >= MAX_FAILED_LOGINS
    if locked:
        user.locked_until, user.failed_logins = now + LOCKOUT, 0
        events.record(session, "login.lockout", organisation_id=user.organisation_id, object_type="user",
                      object_id=user.id, email=user.email, until=user.locked_until.isoformat())
    session.add(user)
    return locked


def locked_until(user: User, now: datetime | None = None) -> datetime | None:
    """When the account unlocks, if it is locked now."""
    if user.locked_until is None or _aware(user.locked_until) <= (now or utcnow()):
        return None
    return _aware(user.locked_until)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def change_password(session: Session, user: User, current: str, new: str, now: datetime | None = None) -> None:
    """The user changes their own password; the current one must be right.

    Wrong guesses of the current password count like wrong logins: audited, and the fifth
    in a row locks the account and ends its sessions, this one included, so a borrowed or
    stolen session cannot try passwords without end. Raises `AccountError` with what to do;
    the caller commits either way, so the counting sticks.
    """
    now = now or utcnow()
    until = locked_until(user, now)
    if until is not None:
        spend_guard_time(current)
        raise AccountLocked(until)
    if not check_password_hash(user.password_hash, current):
        events.record(session, "password.change_failed", actor_id=user.id, organisation_id=user.organisation_id,
                      object_type="user", object_id=user.id)
        if _count_failure(session, user, now):
            login_sessions.end_all(session, user.id, login_sessions.LOCKED, now)  # type: ignore[arg-type]
            raise AccountLocked(user.locked_until)  # type: ignore[arg-type]
        raise AccountError("Kata sandi lama salah. Periksa lalu coba lagi; setelah "
                           f"{MAX_FAILED_LOGINS} kali salah berturut-turut akun dikunci sementara.")
    if current == new:
        raise AccountError("Kata sandi baru harus berbeda dari yang lama.")
    validate_password(new)
    user.failed_logins = 0
    set_password(session, user, new, actor_id=user.id)


class AccountLocked(AccountError):
    """Too many wrong current passwords: the account is locked until `until`."""

    def __init__(self, until: datetime) -> None:
        super().__init__("Terlalu banyak kata sandi lama yang salah, jadi akun dikunci sementara dan semua sesinya "
                         "diakhiri. Masuk lagi setelah kuncinya lepas, atau minta koordinator mengatur ulang kata "
                         "sandi Anda.")
        self.until = until


def reset_password_value() -> str:
    """A random password to hand over once (16 characters, URL-safe)."""
    return secrets.token_urlsafe(12)


def reset_password(session: Session, user: User, actor_id: int | None) -> str:
    """An admin or coordinator gives the user a new random password, shown once; the lock is lifted."""
    password = reset_password_value()
    set_password(session, user, password, actor_id=actor_id)
    user.failed_logins, user.locked_until = 0, None
    session.add(user)
    return password


def update_account(session: Session, user: User, *, role: Role | str | None = None, active: bool | None = None,
                   full_name: str | None = None, actor_id: int | None = None) -> None:
    """Change role, activity or name, auditing each change with its old and new value."""
    changes: dict[str, tuple[object, object]] = {}
    if role is not None and Role(role).value != user.role:
        if Role(role) is not Role.ADMIN and user.organisation_id is None:
            raise AccountError("Pengguna tanpa organisasi hanya bisa menjadi admin.")
        changes["role"] = (user.role, Role(role).value)
        user.role = Role(role).value
    if active is not None and active != user.is_active:
        changes["is_active"] = (user.is_active, active)
        user.is_active = active
        if not active:  # and for good: reactivating the account does not revive these sessions or tokens
            login_sessions.end_all(session, user.id, login_sessions.DEACTIVATED)  # type: ignore[arg-type]
            tokens.revoke_all(session, user.id)  # type: ignore[arg-type]
    if full_name is not None and clean(full_name).strip() != user.full_name:
        changes["full_name"] = (user.full_name, clean(full_name).strip())
        user.full_name = clean(full_name).strip()
    session.add(user)
    for name, (old, new) in changes.items():
        record_account_change(session, "user.change", user, actor_id, field=name, old=old, new=new)


def end_sessions(session: Session, user: User, actor_id: int | None) -> int:
    """An admin (or the account's coordinator) ends every session of the account; returns how many.

    Its API tokens are revoked too: this is the button for a lost laptop or a suspected
    breach, and a token made meanwhile must not outlive it.
    """
    ended = login_sessions.end_all(session, user.id, login_sessions.ENDED_BY_ADMIN)  # type: ignore[arg-type]
    revoked = tokens.revoke_all(session, user.id)  # type: ignore[arg-type]
    record_account_change(session, "user.sessions_end", user, actor_id, sessions_ended=ended, tokens_revoked=revoked)
    return ended


def end_all_sessions(session: Session, actor_id: int | None) -> int:
    """End every session and revoke every API token of every account (after a suspected breach); returns
    how many sessions."""
    ended = login_sessions.end_everyone(session)
    revoked = tokens.revoke_everyone(session)
    events.record(session, "user.sessions_end", actor_id=actor_id, object_type="user", everyone=True,
                  sessions_ended=ended, tokens_revoked=revoked)
    return ended


def assign_reviewer(session: Session, user: User, organisation: Organisation, actor_id: int | None) -> None:
    """Let a reviewer read and review another organisation's evidence."""
    if user.role != Role.REVIEWER:
        raise AccountError("Hanya pengguna berperan penilai internal yang dapat ditugaskan ke organisasi lain.")
    exists = session.exec(select(ReviewerAssignment).where(
        ReviewerAssignment.user_id == user.id, ReviewerAssignment.organisation_id == organisation.id)).first()
    if exists:
        return
    session.add(ReviewerAssignment(user_id=user.id, organisation_id=organisation.id))
    session.flush()
    record_account_change(session, "user.assign", user, actor_id, organisation=organisation.code)


def unassign_reviewer(session: Session, user: User, organisation: Organisation, actor_id: int | None) -> None:
    for assignment in session.exec(select(ReviewerAssignment).where(
            ReviewerAssignment.user_id == user.id, ReviewerAssignment.organisation_id == organisation.id)):
        record_account_change(session, "user.unassign", user, actor_id, organisation=organisation.code)
        session.delete(assignment)


def assignments(session: Session, user: User) -> list[Organisation]:
    statement = (select(Organisation).join(ReviewerAssignment, col(ReviewerAssignment.organisation_id) == col(
        Organisation.id)).where(ReviewerAssignment.user_id == user.id).order_by(col(Organisation.name)))
    return list(session.exec(statement))


def users_of(session: Session, organisation_ids: list[int] | None) -> list[User]:
    """Accounts of these organisations (None: every account), by email."""
    statement = select(User).order_by(col(User.email))
    if organisation_ids is not None:
        statement = statement.where(col(User.organisation_id).in_(organisation_ids))
    return list(session.exec(statement))


def find_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def count_admins(session: Session) -> int:
    return session.exec(select(func.count()).select_from(User).where(User.role == Role.ADMIN)).one()
