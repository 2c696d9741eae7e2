"""The web shell: blueprints, login, per-request database session, headers, error pages.

Views parse the request, call one domain function and render; nothing here decides
what a document is or who may see it (that is `access`).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..access import Permission
from ..models import User
from . import audit, auth, documents, evidence_links, formatting, indicators, legal, library, people, search, trail
from .context import close_session, db_session
from .guards import actor

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _security_headers(response: Any) -> Any:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


_ERRORS = {
    400: ("Permintaan tidak valid", "Periksa kembali isian Anda lalu coba lagi."),
    403: ("Akses ditolak", "Akun Anda tidak memiliki hak untuk tindakan ini. Hubungi koordinator atau admin."),
    404: ("Tidak ditemukan", "Halaman atau dokumen yang Anda cari tidak ada atau bukan milik organisasi Anda."),
    405: ("Metode tidak diizinkan", "Gunakan tombol yang tersedia di halaman."),
    413: ("Berkas terlalu besar",
          "Kiriman melebihi batas ukuran unggahan. Unggah berkas lebih sedikit sekaligus, atau perkecil berkasnya."),
    500: ("Terjadi kesalahan", "Kesalahan ini sudah dicatat. Coba lagi; jika berulang, hubungi admin."),
}


def _error_page(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    title, advice = _ERRORS.get(code, (error.name, error.description or ""))
    return render_template("error.html", code=code, title=title, advice=advice), code


def _csrf_error(_error: CSRFError) -> tuple[str, int]:
    advice = "Formulir sudah kedaluwarsa atau tidak lengkap. Muat ulang halaman, lalu kirim lagi."
    return render_template("error.html", code=400, title="Formulir kedaluwarsa", advice=advice), 400


def _permissions() -> dict[str, Any]:
    """`can('upload')` in templates: whether the user's role grants a permission somewhere."""

    def can(permission: str) -> bool:
        return bool(current_user.is_authenticated) and actor().can_anywhere(Permission(permission))

    return {"can": can}


def init_app(app: Flask) -> None:
    """Register blueprints, login handling, filters and hooks on the app."""
    login_manager = LoginManager(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(session_id: str) -> User | None:
        user_id, _, _fingerprint = session_id.partition(":")
        user = db_session().get(User, int(user_id)) if user_id.isdigit() else None
        if user is None or not user.is_active or user.get_id() != session_id:
            return None
        return user

    app.register_blueprint(auth.blueprint)
    app.register_blueprint(documents.blueprint)
    app.register_blueprint(legal.blueprint)
    app.register_blueprint(evidence_links.blueprint)
    app.register_blueprint(indicators.blueprint)
    app.register_blueprint(audit.blueprint)
    app.register_blueprint(search.blueprint)
    app.register_blueprint(library.blueprint)
    app.register_blueprint(people.blueprint)
    app.register_blueprint(trail.blueprint)
    formatting.register(app)
    app.context_processor(_permissions)
    app.teardown_appcontext(close_session)
    app.after_request(_security_headers)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _error_page)
