"""Logging in and out, and recognising a logged-in browser by its server-side session record."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from .. import db
from ..models import User
from ..records import events, login_limits, login_sessions
from .addresses import client_address, networks
from .context import READING_METHODS, db_session, engine, settings
from .forms import ConfirmForm, LoginForm

blueprint = Blueprint("auth", __name__)
TOKEN = "login"  # the session-cookie key holding the token of the login's record

WRONG = ("Email atau kata sandi salah, atau akun sedang nonaktif atau dikunci sementara (setelah beberapa kali "
         "salah kata sandi). Periksa lalu coba lagi; bila tetap tidak bisa, minta koordinator mengatur ulang kata "
         "sandi Anda.")
TOO_MANY = {
    login_limits.Refusal.ACCOUNT_LIMIT: "Terlalu banyak percobaan masuk untuk email ini dari alamat Anda. Tunggu 15 "
                                        "menit lalu coba lagi, atau minta koordinator mengatur ulang kata sandi Anda.",
    login_limits.Refusal.ADDRESS_LIMIT: "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Tunggu 15 menit "
                                        "lalu coba lagi; akun yang kata sandinya benar tetap bisa masuk.",
}


def _safe_next(target: str | None) -> str:
    """Only local paths: a login link must not bounce the user to another site."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("documents.index")


def address() -> str:
    """The client's address, believing X-Forwarded-For only from the trusted proxies."""
    trusted = networks(tuple(settings().get("server", "trusted_proxies")))
    return client_address(request.remote_addr, request.headers.get("X-Forwarded-For"), trusted)


def _agent() -> str:
    return request.headers.get("User-Agent", "")


def _lifetime() -> timedelta:
    return timedelta(minutes=settings().get("session", "lifetime_minutes"))


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> str | Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("documents.index"))
    form = LoginForm()
    if form.validate_on_submit():
        database = db_session()
        attempt = login_limits.attempt_login(database, form.email.data or "", form.password.data or "", address())
        token = login_sessions.start(database, attempt.user.id, _agent(), address()) if attempt.user else None
        database.commit()
        if attempt.user is not None:
            session.clear()  # nothing from before the login carries over (session fixation)
            login_user(attempt.user)
            session[TOKEN], session.permanent = token, True
            return redirect(_safe_next(request.args.get("next")))
        if attempt.refusal in TOO_MANY:
            flash(TOO_MANY[attempt.refusal], "error")  # type: ignore[index]
            return render_template("login.html", form=form), 429
        flash(WRONG, "error")
    return render_template("login.html", form=form)


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user whose session record behind this cookie is still open."""
    if not user_id.isdigit():
        return None
    database = db_session()
    record = login_sessions.resume(database, session.get(TOKEN), int(user_id), _agent(), _lifetime())
    user = database.get(User, record.user_id) if record else None
    if record is None or user is None or not user.is_active:
        return None
    if request.method in READING_METHODS and login_sessions.needs_touch(record):
        with db.session_scope(engine()) as writer:  # a reading request: a short write of its own
            login_sessions.touch(writer, record.id)  # type: ignore[arg-type]
    return user


@blueprint.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    ConfirmForm()  # CSRF is checked globally; the form only documents the intent
    database = db_session()
    if login_sessions.end(database, session.get(TOKEN)):
        events.record(database, "logout", actor_id=current_user.id, organisation_id=current_user.organisation_id,
                      object_type="user", object_id=current_user.id)
    database.commit()
    logout_user()
    session.clear()
    flash("Anda sudah keluar.", "info")
    return redirect(url_for("auth.login"))
