"""Limits on failed logins, per address and account and per address, kept in the database.

Three layers slow password guessing, each with its own job:

- the account lockout (`accounts.authenticate`): five wrong passwords in a row lock the
  account for 15 minutes, from wherever they come;
- per (address, email): `PER_ACCOUNT` failures in `WINDOW` stop that address trying that
  email, wrong password or right, without touching anyone else;
- per address: `PER_ADDRESS` failures in `WINDOW` from one address answer every further
  wrong password with "too many attempts". The threshold is high because a whole office
  may sit behind one NAT address, and a correct password for an account that is not
  locked still gets in: colleagues who know their passwords are not shut out by the one
  who does not.

The failures are rows (`LoginFailure`), not a process's memory, so several app processes
count together; rows older than the window are removed as new ones arrive, so a flood of
addresses cannot grow the table beyond one window's worth. Unknown emails are counted
exactly like real ones, so the answers never tell which emails exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from ..models import LoginFailure, utcnow
from . import accounts, events

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 10
PER_ADDRESS = 100


class Refusal(StrEnum):
    """Why a login was refused; every kind answers alike whether the email exists or not."""

    CREDENTIALS = "credentials"  # wrong email or password, or a locked or inactive account
    ACCOUNT_LIMIT = "account_limit"  # this address tried this email too often
    ADDRESS_LIMIT = "address_limit"  # this address failed too often, and this password was wrong too


@dataclass(frozen=True)
class Attempt:
    """The user when the login succeeded, else why it was refused."""

    user: accounts.User | None
    refusal: Refusal | None = None


def attempt_login(session: Session, email: str, password: str, address: str,
                  now: datetime | None = None) -> Attempt:
    """Check a login against the limits and the credentials; failures are counted and audited."""
    now = now or utcnow()
    email = accounts.normalise_email(email)[:254]
    address = address[:64]
    if _failures(session, now, address, email) >= PER_ACCOUNT:
        accounts.spend_guard_time(password)  # as long as a real check: the refusal reveals nothing by timing
        return Attempt(None, Refusal.ACCOUNT_LIMIT)
    address_limited = _failures(session, now, address) >= PER_ADDRESS
    outcome = accounts.authenticate(session, email, password, now=now, address=address)
    if outcome.user is not None:
        session.exec(delete(LoginFailure).where(  # type: ignore[call-overload]
            col(LoginFailure.address) == address, col(LoginFailure.email) == email))
        return Attempt(outcome.user)
    record_failure(session, address, email, now)
    if address_limited:
        return Attempt(None, Refusal.ADDRESS_LIMIT)
    if _failures(session, now, address, email) == PER_ACCOUNT:
        events.record(session, "login.throttle", object_type="address", email=email, address=address,
                      limit=PER_ACCOUNT)
    elif _failures(session, now, address) == PER_ADDRESS:
        events.record(session, "login.throttle", object_type="address", address=address, limit=PER_ADDRESS)
    return Attempt(None, Refusal.CREDENTIALS)


def record_failure(session: Session, address: str, email: str, now: datetime | None = None) -> None:
    """Count one failure, and forget those that have left the window."""
    now = now or utcnow()
    session.exec(delete(LoginFailure).where(col(LoginFailure.occurred_at) < now - WINDOW))  # type: ignore[call-overload]
    session.add(LoginFailure(occurred_at=now, address=address[:64], email=email[:254]))
    session.flush()


def _failures(session: Session, now: datetime, address: str, email: str | None = None) -> int:
    statement = select(func.count()).select_from(LoginFailure).where(
        LoginFailure.address == address, col(LoginFailure.occurred_at) >= now - WINDOW)
    if email is not None:
        statement = statement.where(LoginFailure.email == email)
    return session.exec(statement).one()
