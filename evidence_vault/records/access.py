"""Who may do what, and where: the one place that answers it.

A role says what kind of work a person does; the organisations they act in come from
their account (their own body) and, for reviewers, from their assignments. An admin acts
in every organisation. Every web route, API route and command asks an `Actor`. An API
token's actor is its user's, narrowed (never widened) by the token's scope and organisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session, col, select

from ..models import ApiToken, ReviewerAssignment, Role, User
from ..vocabulary import READ, WRITE


class Permission(StrEnum):
    VIEW_DOCUMENTS = "view_documents"
    VIEW_HISTORY = "view_history"
    UPLOAD = "upload"
    EDIT_METADATA = "edit_metadata"
    DELETE = "delete"
    RESTORE = "restore"
    SHARE = "share"
    COPY_SHARED = "copy_shared"
    REVIEW = "review"
    LINK = "link"
    EXPORT = "export"
    ASSESS = "assess"
    MANAGE_USERS = "manage_users"
    MANAGE_ORGANISATIONS = "manage_organisations"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.COORDINATOR: frozenset({
        Permission.VIEW_DOCUMENTS, Permission.VIEW_HISTORY, Permission.UPLOAD, Permission.EDIT_METADATA,
        Permission.DELETE, Permission.RESTORE, Permission.SHARE, Permission.COPY_SHARED, Permission.MANAGE_USERS,
        Permission.LINK, Permission.ASSESS, Permission.EXPORT,
    }),
    Role.OPERATOR: frozenset({
        Permission.VIEW_DOCUMENTS, Permission.VIEW_HISTORY, Permission.UPLOAD, Permission.EDIT_METADATA,
        Permission.DELETE, Permission.COPY_SHARED, Permission.LINK,
    }),
    Role.REVIEWER: frozenset({Permission.VIEW_DOCUMENTS, Permission.VIEW_HISTORY, Permission.REVIEW,
                              Permission.EXPORT}),
    Role.VIEWER: frozenset({Permission.VIEW_DOCUMENTS}),
}
# What an API token may do with each scope, on top of what its user's role allows. Managing accounts and
# organisations is left out of both: a token that leaked must not be able to make accounts or keep itself alive.
SCOPE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    READ: frozenset({Permission.VIEW_DOCUMENTS, Permission.VIEW_HISTORY, Permission.EXPORT}),
    WRITE: frozenset(Permission) - {Permission.MANAGE_USERS, Permission.MANAGE_ORGANISATIONS},
}
# Roles a coordinator may hand out inside their own organisation.
COORDINATOR_ASSIGNABLE = (Role.COORDINATOR, Role.OPERATOR, Role.REVIEWER, Role.VIEWER)


@dataclass(frozen=True)
class Actor:
    """A logged-in user with the organisations they act in (None: every organisation).

    `permissions`, when set, narrows what the role grants (an API token's scope).
    """

    user: User
    organisation_ids: frozenset[int] | None
    permissions: frozenset[Permission] | None = None

    @property
    def role(self) -> Role:
        return Role(self.user.role)

    def can_anywhere(self, permission: Permission) -> bool:
        """Whether the role grants the permission at all (before looking at organisations)."""
        if self.permissions is not None and permission not in self.permissions:
            return False
        return self.user.is_active and permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    def role_allows(self, permission: Permission) -> bool:
        """Whether the user's role grants the permission, whatever a token's scope says (to tell 403s apart)."""
        return self.user.is_active and permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    def can(self, permission: Permission, organisation_id: int | None) -> bool:
        """Whether the user may use the permission on things of this organisation."""
        if not self.can_anywhere(permission):
            return False
        if self.organisation_ids is None:
            return True
        return organisation_id is not None and organisation_id in self.organisation_ids

    def visible_organisation_ids(self) -> list[int] | None:
        """Organisations whose documents the user may list; None means all of them."""
        return None if self.organisation_ids is None else sorted(self.organisation_ids)


def actor_for(session: Session, user: User) -> Actor:
    """Work out where a user may act: everywhere (admin), own body, plus review assignments."""
    if user.role == Role.ADMIN:
        return Actor(user, None)
    organisations = {user.organisation_id} if user.organisation_id is not None else set()
    if user.role == Role.REVIEWER:
        assigned = session.exec(select(ReviewerAssignment.organisation_id)
                                .where(ReviewerAssignment.user_id == user.id)).all()
        organisations.update(assigned)
    return Actor(user, frozenset(organisations))


def actor_for_token(session: Session, user: User, token: ApiToken) -> Actor:
    """The token's user as `actor_for` sees them today, narrowed by the token's scope and organisation.

    Worked out on every request, so a role lowered, an assignment withdrawn or an account
    deactivated after the token was made narrows the token too.
    """
    person = actor_for(session, user)
    organisation_ids = person.organisation_ids
    if token.organisation_id is not None:
        allowed = organisation_ids is None or token.organisation_id in organisation_ids
        organisation_ids = frozenset({token.organisation_id}) if allowed else frozenset()
    return Actor(user, organisation_ids, SCOPE_PERMISSIONS.get(token.scope, frozenset()))


def account_organisations(session: Session, user: User) -> frozenset[int]:
    """Every organisation an account can see: its own and those it is assigned to review.

    Assignments count whatever the account's role is now: an assignment left behind after a
    role change still names a body the account was trusted with.
    """
    return organisations_of_accounts(session, [user]).get(user.id, frozenset())  # type: ignore[arg-type]


def organisations_of_accounts(session: Session, users: Iterable[User]) -> dict[int, frozenset[int]]:
    """`account_organisations` for many accounts in one query, by user id."""
    users = list(users)
    found: dict[int, set[int]] = {user.id: ({user.organisation_id} if user.organisation_id is not None else set())
                                  for user in users if user.id is not None}
    rows = session.exec(select(ReviewerAssignment.user_id, ReviewerAssignment.organisation_id)
                        .where(col(ReviewerAssignment.user_id).in_(list(found))))
    for user_id, organisation_id in rows:
        found[user_id].add(organisation_id)
    return {user_id: frozenset(ids) for user_id, ids in found.items()}


def may_manage(actor: Actor, user: User, seen_by_user: frozenset[int]) -> bool:
    """Whether the actor may change this account: role, activity, password, sessions.

    An admin manages every account. A coordinator manages only accounts whose every
    organisation (`seen_by_user`, from `account_organisations`) lies within their own:
    resetting the password of a reviewer who also reviews another body would hand that
    body to the coordinator.
    """
    if not actor.can_anywhere(Permission.MANAGE_USERS):
        return False
    if actor.organisation_ids is None:
        return True
    if user.role == Role.ADMIN or not actor.can(Permission.MANAGE_USERS, user.organisation_id):
        return False
    return seen_by_user <= actor.organisation_ids
