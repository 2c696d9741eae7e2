"""Finding the organisation or document a request names, within what the token may reach.

Like `web.guards.document_or_404`: another organisation's object answers exactly as a
missing one (404 `not_found`), so a token learns nothing about bodies outside its reach.
"""

from __future__ import annotations

from ..models import Document, Organisation
from ..records import organisations
from ..records.access import Permission
from ..web.context import db_session
from .caller import actor
from .errors import ApiError


def organisation_or_404(code: str, permission: Permission = Permission.VIEW_DOCUMENTS) -> Organisation:
    """The organisation with this code, if the token may use the permission there."""
    found = organisations.find(db_session(), code)
    if found is None or not actor().can(Permission.VIEW_DOCUMENTS, found.id) or not actor().can(permission, found.id):
        raise ApiError("not_found")
    return found


def document_or_404(document_id: int, permission: Permission = Permission.VIEW_DOCUMENTS,
                    include_trash: bool = False) -> Document:
    """The document, if the token may use the permission on it (trashed ones only when asked for)."""
    document = db_session().get(Document, document_id)
    if document is None or (document.deleted_at is not None and not include_trash):
        raise ApiError("not_found")
    if not actor().can(permission, document.organisation_id):
        raise ApiError("not_found")
    return document


def scope(code: str | None, permission: Permission = Permission.VIEW_DOCUMENTS) -> list[int] | None:
    """The organisations a listing covers: the one named (404 when out of reach), else all the token may read."""
    if code:
        return [organisation_or_404(code, permission).id]  # type: ignore[list-item]
    return actor().visible_organisation_ids()


def visible_organisations() -> list[Organisation]:
    visible = actor().visible_organisation_ids()
    return [org for org in organisations.all_organisations(db_session()) if visible is None or org.id in visible]


def own_organisation(code: str | None, permission: Permission) -> Organisation:
    """Where an upload goes: the organisation named, else the account's own (as the web's upload form)."""
    if code:
        return organisation_or_404(code, permission)
    organisation_id = actor().user.organisation_id
    found = db_session().get(Organisation, organisation_id) if organisation_id is not None else None
    if found is None:
        raise ApiError("invalid_request", "Sebutkan organisasi tujuan (org=KODE); akun ini tidak terdaftar pada satu "
                                          "organisasi.")
    if not actor().can(permission, found.id):
        raise ApiError("not_found")
    return found
