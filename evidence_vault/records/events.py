"""The audit trail: one append-only `Event` per state change, written in the same transaction."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from ..models import Event


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
