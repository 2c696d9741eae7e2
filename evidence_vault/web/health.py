"""`GET /healthz` for a load balancer: 200 when every part of this app process can serve, else 503."""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.wrappers import Response

from ..pipeline import health
from .context import engine, settings

blueprint = Blueprint("health", __name__)


@blueprint.route("/healthz")
def healthz() -> tuple[Response, int]:
    """Public on purpose (a load balancer has no account); says only "ok" or "gagal" per part."""
    states = health.check(settings(), engine())
    return jsonify(states), 200 if all(state == health.OK for state in states.values()) else 503
