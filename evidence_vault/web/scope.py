"""Which organisation a page is about, for users who may read more than one."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from ..models import Organisation
from ..records import organisations
from ..records.access import Permission
from .context import db_session
from .guards import actor


def organisation_in_view() -> Organisation:
    """The organisation being looked at: ?org=CODE among those the user may read, else their own."""
    session = db_session()
    visible = actor().visible_organisation_ids()
    wanted = request.values.get("org")
    found = organisations.find(session, wanted) if wanted else None
    if found is None and current_user.organisation_id is not None:
        found = session.get(Organisation, current_user.organisation_id)
    if found is None:
        candidates = [org for org in organisations.all_organisations(session) if visible is None or org.id in visible]
        found = candidates[0] if candidates else None
    if found is None or not actor().can(Permission.VIEW_DOCUMENTS, found.id):
        abort(404)
    return found


def visible_organisations() -> list[Organisation]:
    visible = actor().visible_organisation_ids()
    return [org for org in organisations.all_organisations(db_session()) if visible is None or org.id in visible]
