"""The JSON API under /api/v1: a thin shell over the same records, pipeline and audit as the web pages.

Each route is declared once with `operations.operation` (permission, inputs, answer); the
dispatch there authenticates the bearer token, counts it against its limit, parses the
input, marks the audit trail's events as made through the API, and turns every refusal
into the one error shape of `errors.py`. The OpenAPI description (`description.py`) is
built from the same declarations.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, request
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException, InternalServerError

from . import (  # noqa: F401 - each area's module declares its routes when imported
    assessment,
    audit,
    description,
    documents,
    frameworks,
    history,
    legal,
    library,
    links,
    paths,
    search,
    uploads,
)
from .errors import ApiError, from_http, response
from .operations import blueprint

log = logging.getLogger(__name__)
PREFIX = "/api/"


def init_app(app: Flask, csrf: CSRFProtect) -> None:
    """Register the API; its routes take bearer tokens, never the session cookie, so they carry no CSRF token."""
    csrf.exempt(blueprint)
    app.url_map.converters[paths.NAME] = paths.PathNumber  # before the routes are bound
    app.register_blueprint(blueprint)
    web_handler = app.error_handler_spec[None][None].get(HTTPException)

    def errors(error: HTTPException) -> Any:
        """Under /api/ every refusal Werkzeug raises (no such route, wrong method, too large) is JSON too."""
        if not request.path.startswith(PREFIX):
            return web_handler(error) if web_handler else error
        if isinstance(error, InternalServerError):
            log.error("API error on %s %s", request.method, request.path, exc_info=error.original_exception)
            return response(ApiError("internal_error"))
        return response(from_http(error))

    app.register_error_handler(HTTPException, errors)
