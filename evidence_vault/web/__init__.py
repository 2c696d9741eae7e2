"""The web shell: blueprints, login, per-request database session, headers, error pages.

Views parse the request, call one domain function and render; nothing here decides
what a document is or who may see it (that is `access`).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, g, render_template, request
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from ..models import Organisation, Role
from ..records import organisations, periods, workers
from ..records.access import Permission
from . import (
    audit,
    auth,
    documents,
    evidence_links,
    formatting,
    health,
    indicators,
    legal,
    library,
    numbers,
    people,
    search,
    tokens,
    trail,
    uploads,
)
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
    if isinstance(error, numbers.NumberTooLarge):
        advice = error.description or advice
    return render_template("error.html", code=code, title=title, advice=advice), code


def _csrf_error(_error: CSRFError) -> tuple[str, int]:
    advice = "Formulir sudah kedaluwarsa atau tidak lengkap. Muat ulang halaman, lalu kirim lagi."
    return render_template("error.html", code=400, title="Formulir kedaluwarsa", advice=advice), 400


def _permissions() -> dict[str, Any]:
    """`can('upload')` in templates: whether the user's role grants a permission somewhere."""

    def can(permission: str) -> bool:
        return bool(current_user.is_authenticated) and actor().can_anywhere(Permission(permission))

    return {"can": can}


# The menu: (endpoint, label, permission or None, endpoints or blueprints that count as "here").
MENU = [
    ("documents.index", "Dokumen", None, {"documents.index", "documents.detail", "legal", "links",
                                          "trail.document_history"}),
    ("uploads.upload", "Unggah", "upload", {"uploads"}),
    ("search.page", "Cari", None, {"search"}),
    ("indicators.catalogue", "Indikator", None, {"indicators"}),
    ("audit.dashboard", "Audit", None, {"audit"}),
    ("library.index", "Pustaka bersama", None, {"library"}),
]
ADMIN_MENU = [
    ("trail.organisation_history", "Riwayat", "view_history", {"trail.organisation_history"}),
    ("people.users", "Pengguna", "manage_users", {"people.users", "people.edit_user", "people.reset"}),
    ("documents.trash", "Tempat Sampah", "restore", {"documents.trash"}),
]


def _here(matches: set[str]) -> bool:
    """Whether the page being shown belongs to a menu item (by endpoint or whole blueprint)."""
    return request.endpoint in matches or request.blueprint in matches


def _current_scope() -> dict[str, Any]:
    """The menu, and the organisation the page is about (its ?org=, else the user's own) with its current period.

    Error pages use it too, after a failed database transaction: then the header simply
    leaves the organisation out rather than failing a second time.
    """
    shown: dict[str, Any] = {"menu": MENU, "admin_menu": ADMIN_MENU, "here": _here}
    if not current_user.is_authenticated:
        return shown
    session = db_session()
    try:
        organisation = None
        wanted = request.args.get("org")
        if wanted:
            found = organisations.find(session, wanted)
            organisation = found if found and actor().can(Permission.VIEW_DOCUMENTS, found.id) else None
        if organisation is None and current_user.organisation_id is not None:
            organisation = session.get(Organisation, current_user.organisation_id)
        period = periods.current_period(session, organisation.id) if organisation else None
        g.time_zone = organisation.time_zone if organisation else None  # every time shown in the body's zone
    except SQLAlchemyError:
        session.rollback()
        return shown
    return {**shown, "scope_known": True, "scope_organisation": organisation, "scope_period": period}


def _background() -> dict[str, Any]:
    """For admins: whether background work runs (`background.stalled`: documents wait and no worker is alive)."""
    if not current_user.is_authenticated or current_user.role != Role.ADMIN:
        return {}
    session = db_session()
    try:
        return {"background": workers.status(session)}
    except SQLAlchemyError:
        session.rollback()
        return {}


def init_app(app: Flask) -> None:
    """Register blueprints, login handling, filters and hooks on the app."""
    app.url_map.converters["int"] = numbers.DatabaseId  # before the routes: ids beyond the database's range 404
    login_manager = LoginManager(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "info"
    # The session record does this job (`auth.load_user`: same browser, still open); Flask-Login's
    # "strong" protection falls back to "basic" for permanent sessions anyway.
    login_manager.session_protection = None
    login_manager.user_loader(auth.load_user)

    app.register_blueprint(auth.blueprint)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(documents.blueprint)
    app.register_blueprint(uploads.blueprint)
    app.register_blueprint(legal.blueprint)
    app.register_blueprint(evidence_links.blueprint)
    app.register_blueprint(indicators.blueprint)
    app.register_blueprint(audit.blueprint)
    app.register_blueprint(search.blueprint)
    app.register_blueprint(library.blueprint)
    app.register_blueprint(people.blueprint)
    app.register_blueprint(trail.blueprint)
    app.register_blueprint(tokens.blueprint)
    formatting.register(app)
    app.context_processor(_permissions)
    app.context_processor(_current_scope)
    app.context_processor(_background)
    app.teardown_appcontext(close_session)
    app.after_request(_security_headers)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _error_page)
