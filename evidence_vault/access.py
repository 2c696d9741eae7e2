"""Who may do what, and where: the one place that answers it.

Roles are global kinds of work; the organisation scopes them. An admin acts in every
organisation; everyone else only in their own. The full role model (reviewers assigned
to several bodies, sharing) extends this table.
"""

from __future__ import annotations

from enum import StrEnum

from .models import Role, User


class Permission(StrEnum):
    VIEW_DOCUMENTS = "view_documents"
    UPLOAD = "upload"
    EDIT_METADATA = "edit_metadata"
    DELETE = "delete"
    RESTORE = "restore"
    MANAGE_USERS = "manage_users"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.COORDINATOR: frozenset(
        {Permission.VIEW_DOCUMENTS, Permission.UPLOAD, Permission.EDIT_METADATA, Permission.DELETE,
         Permission.RESTORE, Permission.MANAGE_USERS}
    ),
    Role.OPERATOR: frozenset({Permission.VIEW_DOCUMENTS, Permission.UPLOAD, Permission.EDIT_METADATA,
                              Permission.DELETE}),
    Role.REVIEWER: frozenset({Permission.VIEW_DOCUMENTS}),
    Role.VIEWER: frozenset({Permission.VIEW_DOCUMENTS}),
}


def has_permission(user: User, permission: Permission) -> bool:
    """Whether the user's role grants the permission somewhere."""
    return user.is_active and permission in ROLE_PERMISSIONS.get(Role(user.role), frozenset())


def allowed(user: User, permission: Permission, organisation_id: int | None) -> bool:
    """Whether the user may use the permission on things of this organisation."""
    if not has_permission(user, permission):
        return False
    if user.role == Role.ADMIN:
        return True
    return organisation_id is not None and organisation_id == user.organisation_id


def visible_organisation_ids(user: User) -> list[int] | None:
    """Organisations whose documents the user may list; None means all of them."""
    if user.role == Role.ADMIN:
        return None
    return [user.organisation_id] if user.organisation_id is not None else []
