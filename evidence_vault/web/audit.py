"""The pre-assessment audit dashboard and its exports."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import audit, db
from ..models import Organisation
from ..pipeline import ingest
from ..records import periods
from ..records.access import Permission
from ..reports.exports import export, record_export
from ..reports.rows import STATUS_LABELS
from . import numbers
from .context import db_session, engine, settings
from .guards import actor, requires
from .scope import organisation_in_view, visible_organisations

blueprint = Blueprint("audit", __name__)


def _result(organisation: Organisation) -> audit.AuditResult:
    return audit.run_audit(db_session(), organisation, numbers.year())


@blueprint.route("/audit")
@requires(Permission.VIEW_DOCUMENTS)
def dashboard() -> str:
    organisation = organisation_in_view()
    try:
        result: audit.AuditResult | None = _result(organisation)
    except audit.AuditError:
        result = None  # no period (for that year): the page says what to do next
    return render_template(
        "audit/dashboard.html", result=result, organisation=organisation, status_labels=STATUS_LABELS,
        by_code={item.code: item for item in result.indicators} if result else {},
        organisations=visible_organisations(), periods=periods.periods_of(db_session(), organisation.id),
        year=result.year if result else numbers.year(),
        can_export=actor().can(Permission.EXPORT, organisation.id),
        can_open_period=actor().can(Permission.ASSESS, organisation.id),
    )


@blueprint.route("/audit/ekspor.<kind>")
@requires(Permission.EXPORT)
def download(kind: str) -> Response:
    if kind not in {"xlsx", "csv", "zip", "json"}:
        abort(404)
    organisation = organisation_in_view()
    try:
        result = _result(organisation)
    except audit.AuditError as error:
        flash(str(error), "error")
        return redirect(url_for("audit.dashboard", org=organisation.code))
    if not actor().can(Permission.EXPORT, organisation.id):
        abort(404)
    produced = export(db_session(), ingest.store_for(settings()), result, kind, organisation.code)
    with db.session_scope(engine()) as writer:  # the request only read: the event is a short write of its own
        record_export(writer, produced, result, organisation.id, current_user.id)
    return Response(produced.content, content_type=produced.mime, headers={  # the type names its charset itself
        "Content-Disposition": f'attachment; filename="{produced.filename}"'})
