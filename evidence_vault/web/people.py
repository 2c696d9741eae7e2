"""Accounts on the web: one's own password; coordinators and admins managing users."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required, logout_user
from werkzeug.wrappers import Response

from ..models import Organisation, Role, User
from ..records import accounts, login_sessions, organisations
from ..records.access import (
    COORDINATOR_ASSIGNABLE,
    Permission,
    account_organisations,
    may_manage,
    organisations_of_accounts,
)
from .context import db_session, settings
from .formatting import ROLE_LABELS
from .forms import AssignForm, ConfirmForm, PasswordChangeForm, UserCreateForm, UserEditForm, choices
from .guards import actor, requires

blueprint = Blueprint("people", __name__)


@blueprint.route("/akun/kata-sandi", methods=["GET", "POST"])
@login_required
def change_password() -> str | Response:
    form = PasswordChangeForm()
    if form.validate_on_submit():
        if form.new.data != form.repeat.data:
            flash("Kata sandi baru dan ulangannya tidak sama.", "error")
        else:
            session = db_session()
            try:
                accounts.change_password(session, current_user, form.current.data or "", form.new.data or "")
            except accounts.AccountError as error:
                session.commit()  # a wrong current password is counted and recorded, like a wrong login
                flash(str(error), "error")
                if isinstance(error, accounts.AccountLocked):
                    logout_user()
                    return redirect(url_for("auth.login"))
            else:
                session.commit()
                logout_user()
                flash("Kata sandi diganti. Silakan masuk lagi dengan kata sandi baru.", "info")
                return redirect(url_for("auth.login"))
    return render_template("people/password.html", form=form)


def _assignable_roles() -> list[Role]:
    return list(Role) if actor().role is Role.ADMIN else list(COORDINATOR_ASSIGNABLE)


def _managed_user_or_404(user_id: int) -> User:
    """A user the current admin or coordinator may manage; others answer "not found"."""
    session = db_session()
    user = session.get(User, user_id)
    if user is None or not may_manage(actor(), user, account_organisations(session, user)):
        abort(404)
    return user


@blueprint.route("/pengguna", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def users() -> str | Response:
    session = db_session()
    form = UserCreateForm()
    form.role.choices = choices([(role.value, ROLE_LABELS[role.value]) for role in _assignable_roles()])
    scope = actor().visible_organisation_ids()
    everyone = organisations.all_organisations(session)
    allowed_orgs = [org for org in everyone if scope is None or org.id in scope]
    form.organisation.choices = choices([(org.id, org.name) for org in allowed_orgs])
    created_password = None
    if form.validate_on_submit():
        organisation = session.get(Organisation, form.organisation.data)
        if organisation is None or not actor().can(Permission.MANAGE_USERS, organisation.id):
            abort(403)
        password = accounts.reset_password_value()
        try:
            accounts.create_user(session, form.email.data or "", password, form.role.data or "",
                                 None if form.role.data == Role.ADMIN else organisation,
                                 full_name=form.full_name.data or "", actor_id=current_user.id)
        except accounts.AccountError as error:
            session.rollback()
            flash(str(error), "error")
        else:
            session.commit()
            created_password = (accounts.normalise_email(form.email.data or ""), password)
            form = UserCreateForm(formdata=None)
            form.role.choices = choices([(role.value, ROLE_LABELS[role.value]) for role in _assignable_roles()])
            form.organisation.choices = choices([(org.id, org.name) for org in allowed_orgs])
    people = accounts.users_of(session, scope)
    seen = organisations_of_accounts(session, people)
    manageable = {person.id for person in people if may_manage(actor(), person, seen[person.id])}  # type: ignore[index]
    names = {org.id: org.name for org in everyone}
    return render_template("people/list.html", people=people, form=form, names=names, manageable=manageable,
                           created_password=created_password)


@blueprint.route("/pengguna/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def edit_user(user_id: int) -> str | Response:
    session = db_session()
    user = _managed_user_or_404(user_id)
    form = UserEditForm(obj=None, data={"full_name": user.full_name, "role": user.role, "active": user.is_active})
    form.role.choices = choices([(role.value, ROLE_LABELS[role.value]) for role in _assignable_roles()])
    if form.validate_on_submit():
        if user.id == current_user.id and (not form.active.data or form.role.data != user.role):
            flash("Anda tidak dapat menonaktifkan atau mengubah peran akun Anda sendiri.", "error")
            return redirect(url_for("people.edit_user", user_id=user.id))
        try:
            accounts.update_account(session, user, role=form.role.data, active=bool(form.active.data),
                                    full_name=form.full_name.data or "", actor_id=current_user.id)
        except accounts.AccountError as error:
            session.rollback()
            flash(str(error), "error")
        else:
            session.commit()
            flash("Perubahan akun disimpan.", "info")
            return redirect(url_for("people.edit_user", user_id=user.id))
    assign_form = AssignForm(formdata=None)
    assign_form.organisation.choices = choices(
        [(org.id, org.name) for org in organisations.all_organisations(session)])
    return render_template("people/edit.html", user=user, form=form, confirm=ConfirmForm(),
                           assign_form=assign_form, assigned=accounts.assignments(session, user),
                           locked_until=accounts.locked_until(user),
                           open_sessions=login_sessions.open_sessions(session, user.id, _lifetime()))  # type: ignore[arg-type]


@blueprint.route("/pengguna/<int:user_id>/sesi/akhiri", methods=["POST"])
@requires(Permission.MANAGE_USERS)
def end_sessions(user_id: int) -> Response:
    """End every session of the account at once (a lost laptop, a shared browser)."""
    session = db_session()
    user = _managed_user_or_404(user_id)
    ConfirmForm()
    ended = accounts.end_sessions(session, user, actor_id=current_user.id)
    session.commit()
    if user.id == current_user.id:
        logout_user()
        flash("Semua sesi Anda diakhiri, termasuk yang ini. Silakan masuk lagi.", "info")
        return redirect(url_for("auth.login"))
    flash(f"{ended} sesi {user.email} diakhiri; ia harus masuk lagi di setiap perangkat.", "info")
    return redirect(url_for("people.edit_user", user_id=user.id))


def _lifetime() -> timedelta:
    return timedelta(minutes=settings().get("session", "lifetime_minutes"))


@blueprint.route("/pengguna/<int:user_id>/reset", methods=["POST"])
@requires(Permission.MANAGE_USERS)
def reset(user_id: int) -> str:
    session = db_session()
    user = _managed_user_or_404(user_id)
    ConfirmForm()
    password = accounts.reset_password(session, user, actor_id=current_user.id)
    session.commit()
    return render_template("people/reset.html", user=user, password=password)


@blueprint.route("/pengguna/<int:user_id>/tugas", methods=["POST"])
@requires(Permission.MANAGE_ORGANISATIONS)
def assign(user_id: int) -> Response:
    session = db_session()
    user = _managed_user_or_404(user_id)
    form = AssignForm()
    form.organisation.choices = choices([(org.id, org.name) for org in organisations.all_organisations(session)])
    if form.validate_on_submit():
        organisation = session.get(Organisation, form.organisation.data)
        try:
            accounts.assign_reviewer(session, user, organisation, actor_id=current_user.id)  # type: ignore[arg-type]
        except accounts.AccountError as error:
            session.rollback()
            flash(str(error), "error")
        else:
            session.commit()
            flash(f"{user.email} kini dapat meninjau {organisation.name}.", "info")  # type: ignore[union-attr]
    return redirect(url_for("people.edit_user", user_id=user.id))


@blueprint.route("/pengguna/<int:user_id>/tugas/<int:organisation_id>/hapus", methods=["POST"])
@requires(Permission.MANAGE_ORGANISATIONS)
def unassign(user_id: int, organisation_id: int) -> Response:
    session = db_session()
    user = _managed_user_or_404(user_id)
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        abort(404)
    ConfirmForm()
    accounts.unassign_reviewer(session, user, organisation, actor_id=current_user.id)
    session.commit()
    return redirect(url_for("people.edit_user", user_id=user.id))
