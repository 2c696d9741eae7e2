"""The Flask application factory: wires settings, database, login, CSRF, blueprints and the API."""

from __future__ import annotations

from datetime import timedelta
from importlib.resources import files

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import db, logs
from .api import init_app as init_api
from .config import Settings, load_settings, secret_key
from .frameworks import registry
from .web import init_app as init_web


def create_app(settings: Settings | None = None, testing: bool = False) -> Flask:
    """Build the app for one settings object; refuses a database that needs `init`."""
    settings = settings or load_settings()
    logs.configure(settings)
    registry.use_storage(settings.frameworks_dir)
    engine = db.make_engine(settings)
    db.require_current_schema(engine)

    app = Flask(
        __name__,
        # Shipped inside the package (the wheel carries them; in a checkout they are links
        # to the top-level folders), so an installed vault never looks in a source tree.
        template_folder=str(files(__package__) / "templates"),
        static_folder=str(files(__package__) / "static"),
    )
    max_bytes = settings.get("upload", "max_bytes")
    lifetime = timedelta(minutes=settings.get("session", "lifetime_minutes"))
    app.config.update(
        TESTING=testing,
        SECRET_KEY=secret_key(settings),
        MAX_CONTENT_LENGTH=max_bytes * settings.get("upload", "max_files") + 1024 * 1024,
        SESSION_COOKIE_NAME="evidence_vault_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SECURE=settings.get("session", "cookie_secure"),
        SESSION_COOKIE_SAMESITE=settings.get("session", "cookie_samesite"),
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SECURE=settings.get("session", "cookie_secure"),
        REMEMBER_COOKIE_SAMESITE=settings.get("session", "cookie_samesite"),
        PERMANENT_SESSION_LIFETIME=lifetime,
        WTF_CSRF_TIME_LIMIT=int(lifetime.total_seconds()),
    )
    app.extensions["evidence_vault"] = {"settings": settings, "engine": engine}
    csrf = CSRFProtect(app)
    init_web(app)
    init_api(app, csrf)  # after the web: its error handler answers JSON under /api/ and defers to the web's
    return app
