"""The pre-assessment audit dashboard and its exports."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import audit, ingest, periods
from ..access import Permission
from ..reports.exports import export
from ..reports.rows import STATUS_LABELS
from .context import db_session, settings
from .guards import actor, requires
from .scope import organisation_in_view, visible_organisations

blueprint = Blueprint("audit", __name__)


def _result() -> tuple[audit.AuditResult, object]:
    session = db_session()
    organisation = organisation_in_view()
    year = request.args.get("tahun", type=int)
    return audit.run_audit(session, organisation, year), organisation


@blueprint.route("/audit")
@requires(Permission.VIEW_DOCUMENTS)
def dashboard() -> str | Response:
    try:
        result, organisation = _result()
    except audit.AuditError as error:
        flash(str(error), "error")
        return redirect(url_for("indicators.catalogue"))
    return render_template(
        "audit/dashboard.html", result=result, organisation=organisation, status_labels=STATUS_LABELS,
        by_code={item.code: item for item in result.indicators}, organisations=visible_organisations(),
        periods=periods.periods_of(db_session(), organisation.id),  # type: ignore[attr-defined]
        can_export=actor().can(Permission.EXPORT, organisation.id),  # type: ignore[attr-defined]
    )


@blueprint.route("/audit/ekspor.<kind>")
@requires(Permission.EXPORT)
def download(kind: str) -> Response:
    if kind not in {"xlsx", "csv", "zip", "json"}:
        abort(404)
    try:
        result, organisation = _result()
    except audit.AuditError as error:
        flash(str(error), "error")
        return redirect(url_for("indicators.catalogue"))
    if not actor().can(Permission.EXPORT, organisation.id):  # type: ignore[attr-defined]
        abort(404)
    session = db_session()
    produced = export(session, ingest.store_for(settings()), result, kind, organisation.code,  # type: ignore[attr-defined]
                      organisation.id, current_user.id)  # type: ignore[attr-defined]
    session.commit()
    return Response(produced.content, mimetype=produced.mime, headers={
        "Content-Disposition": f'attachment; filename="{produced.filename}"'})
