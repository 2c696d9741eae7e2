"""The audit trail: one append-only `Event` per state change, written in the same transaction.

An event also says which way the change came when it did not come through the web pages:
the API shell wraps each request in `acting_through("api", token_id=...)`, and every event
the domain records meanwhile carries that mark, with no domain function needing to know.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlmodel import Session, col, select

from ..models import Event

# The channel of the change being made in this thread (or task), merged into each event's detail.
_channel: ContextVar[dict[str, Any] | None] = ContextVar("evidence_vault_event_channel", default=None)


@contextmanager
def acting_through(via: str, **detail: Any) -> Iterator[None]:
    """Mark every event recorded inside the block as made through `via` ("api"), with `detail` (the token)."""
    reset = _channel.set({"via": via, **detail})
    try:
        yield
    finally:
        _channel.reset(reset)


def current_channel() -> dict[str, Any] | None:
    """The mark events recorded now would carry (None: the web pages or the command line).

    Work that a request hands to the background worker keeps it (`upload.channel`), so the
    worker's events say how the request came, as if it had recorded them itself.
    """
    channel = _channel.get()
    return dict(channel) if channel else None


@contextmanager
def acting_as(channel: dict[str, Any] | None) -> Iterator[None]:
    """`acting_through` with a mark kept by `current_channel`; no mark: the events carry none."""
    if not channel:
        yield
        return
    with acting_through(**channel):
        yield


def record(
    session: Session,
    action: str,
    *,
    actor_id: int | None = None,
    organisation_id: int | None = None,
    object_type: str = "",
    object_id: int | None = None,
    **detail: Any,
) -> Event:
    """Add an event to the caller's transaction, so it lands exactly when the change does."""
    channel = _channel.get()
    if channel:
        detail = {**detail, **channel}
    event = Event(
        action=action,
        actor_id=actor_id,
        organisation_id=organisation_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )
    session.add(event)
    return event


def for_object(session: Session, object_type: str, object_id: int) -> list[Event]:
    """Events about one object, oldest first."""
    statement = (
        select(Event)
        .where(Event.object_type == object_type, Event.object_id == object_id)
        .order_by(col(Event.occurred_at), col(Event.id))
    )
    return list(session.exec(statement))
