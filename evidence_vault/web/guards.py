"""Decorators and checks that keep views from acting outside the user's rights."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, g
from flask_login import current_user, login_required

from ..models import Document
from ..records.access import Actor, Permission, actor_for
from .context import db_session

F = TypeVar("F", bound=Callable[..., Any])


def actor() -> Actor:
    """The logged-in user with the organisations they act in, worked out once per request."""
    if "actor" not in g:
        g.actor = actor_for(db_session(), current_user)
    return g.actor


def requires(permission: Permission) -> Callable[[F], F]:
    """Login required, and a role that grants the permission somewhere."""

    def decorator(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not actor().can_anywhere(permission):
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def document_or_404(document_id: int, permission: Permission, include_trash: bool = False) -> Document:
    """The document if the user may use the permission on it; 404 otherwise.

    Another organisation's document answers exactly like a missing one, so its
    existence is not revealed.
    """
    document = db_session().get(Document, document_id)
    if document is None or (document.deleted_at is not None and not include_trash):
        abort(404)
    if not actor().can(permission, document.organisation_id):
        abort(404)
    return document
