"""Logging in and out."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from ..records import accounts
from .context import db_session
from .formatting import date_time
from .forms import ConfirmForm, LoginForm

blueprint = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only local paths: a login link must not bounce the user to another site."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("documents.index")


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> str | Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("documents.index"))
    form = LoginForm()
    if form.validate_on_submit():
        if not _THROTTLE.allow(request.remote_addr or "-"):
            flash("Terlalu banyak percobaan masuk dari alamat ini. Tunggu 15 menit lalu coba lagi.", "error")
            return render_template("login.html", form=form), 429
        database = db_session()
        outcome = accounts.authenticate(database, form.email.data or "", form.password.data or "")
        database.commit()
        if outcome.user is not None:
            session.clear()
            login_user(outcome.user)
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
        _THROTTLE.failed(request.remote_addr or "-")
        if outcome.locked_until:
            flash(f"Akun dikunci sementara setelah {accounts.MAX_FAILED_LOGINS} kali gagal masuk. Coba lagi "
                  f"setelah {date_time(outcome.locked_until)}, atau minta koordinator mengatur ulang kata sandi.",
                  "error")
        else:
            flash("Email atau kata sandi salah, atau akun dinonaktifkan.", "error")
    return render_template("login.html", form=form)


class _Throttle:
    """Failed logins per address in this process: slows password guessing across many accounts.

    Bounded: an address whose failures have all aged out is forgotten, and beyond
    `max_addresses` the address that failed longest ago is dropped first, so a flood of
    spoofed or rotating addresses cannot grow it without end.
    """

    def __init__(self, limit: int = 30, window: float = 15 * 60, max_addresses: int = 10_000) -> None:
        self.limit, self.window, self.max_addresses = limit, window, max_addresses
        self.failures: OrderedDict[str, deque[float]] = OrderedDict()
        self.lock = threading.Lock()

    def _recent(self, address: str) -> deque[float]:
        times = self.failures.get(address, deque())
        while times and times[0] < time.monotonic() - self.window:
            times.popleft()
        if not times:
            self.failures.pop(address, None)
        return times

    def allow(self, address: str) -> bool:
        with self.lock:
            return len(self._recent(address)) < self.limit

    def failed(self, address: str) -> None:
        with self.lock:
            times = self._recent(address)
            times.append(time.monotonic())
            self.failures[address] = times
            self.failures.move_to_end(address)
            while len(self.failures) > self.max_addresses:
                self.failures.popitem(last=False)


_THROTTLE = _Throttle()


@blueprint.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    ConfirmForm()  # CSRF is checked globally; the form only documents the intent
    logout_user()
    session.clear()
    flash("Anda sudah keluar.", "info")
    return redirect(url_for("auth.login"))
