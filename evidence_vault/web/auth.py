"""Logging in and out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from .. import accounts
from .context import db_session
from .forms import ConfirmForm, LoginForm

blueprint = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only local paths: a login link must not bounce the user to another site."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("documents.index")


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("documents.index"))
    form = LoginForm()
    if form.validate_on_submit():
        database = db_session()
        user = accounts.authenticate(database, form.email.data or "", form.password.data or "")
        database.commit()
        if user is not None:
            session.clear()
            login_user(user)
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
        flash("Email atau kata sandi salah, atau akun dinonaktifkan.", "error")
    return render_template("login.html", form=form)


@blueprint.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    ConfirmForm()  # CSRF is checked globally; the form only documents the intent
    logout_user()
    session.clear()
    flash("Anda sudah keluar.", "info")
    return redirect(url_for("auth.login"))
