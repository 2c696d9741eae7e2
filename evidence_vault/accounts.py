"""User accounts: creation, password hashing and checking credentials."""

from __future__ import annotations

import re

from sqlmodel import Session, func, select
from werkzeug.security import check_password_hash, generate_password_hash

from . import events
from .models import Organisation, Role, User, utcnow

MIN_PASSWORD_LENGTH = 10
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
        full_name=full_name.strip(),
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


def set_password(session: Session, user: User, password: str, actor_id: int | None = None) -> None:
    validate_password(password)
    user.password_hash = generate_password_hash(password)
    session.add(user)
    events.record(
        session, "user.password_set", actor_id=actor_id, organisation_id=user.organisation_id,
        object_type="user", object_id=user.id,
    )


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None; failures are recorded as events."""
    user = session.exec(select(User).where(User.email == normalise_email(email))).first()
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
    if user is None or not user.is_active or not check_password_hash(user.password_hash, password):
        events.record(
            session, "login.failed", organisation_id=user.organisation_id if user else None,
            object_type="user", object_id=user.id if user else None, email=normalise_email(email)[:254],
        )
        return None
    user.last_login_at = utcnow()
    session.add(user)
    events.record(session, "login", actor_id=user.id, organisation_id=user.organisation_id,
                  object_type="user", object_id=user.id)
    return user


def find_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def count_admins(session: Session) -> int:
    return session.exec(select(func.count()).select_from(User).where(User.role == Role.ADMIN)).one()
