"""The pre-assessment audit dashboard and its exports."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import audit, db
from ..models import Organisation
from ..records import periods
from ..records.access import Permission
from ..reports.exports import export, record_export
from ..reports.rows import STATUS_LABELS
from ..storage import FileStore
from . import numbers
from .context import db_session, engine, settings
from .forms import AsOfForm
from .guards import actor, requires
from .scope import organisation_in_view, visible_organisations

blueprint = Blueprint("audit", __name__)


def _as_of() -> date | None:
    """`?per=2026-06-30`: look at the audit as of another day than the period's own date."""
    text = request.args.get("per", "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        flash(f"Tanggal {text!r} tidak dikenali; audit memakai tanggal penilaian periode.", "error")
        return None


def _result(organisation: Organisation) -> audit.AuditResult:
    return audit.run_audit(db_session(), organisation, numbers.year(), _as_of())


@blueprint.route("/audit")
@requires(Permission.VIEW_DOCUMENTS)
def dashboard() -> str:
    organisation = organisation_in_view()
    try:
        result: audit.AuditResult | None = _result(organisation)
    except audit.AuditError:
        result = None  # no period (for that year): the page says what to do next
    period = audit.period_for(db_session(), organisation, result.year) if result else None
    return render_template(
        "audit/dashboard.html", result=result, organisation=organisation, status_labels=STATUS_LABELS,
        period=period, as_of_form=AsOfForm(formdata=None, data={"as_of": period.as_of.isoformat() if period else ""}),
        looking_elsewhere=bool(period and result and result.assessed_on != period.as_of),
        by_code={item.code: item for item in result.indicators} if result else {},
        organisations=visible_organisations(), periods=periods.periods_of(db_session(), organisation.id),
        year=result.year if result else numbers.year(),
        can_export=actor().can(Permission.EXPORT, organisation.id),
        can_open_period=actor().can(Permission.ASSESS, organisation.id),
    )


@blueprint.route("/audit/tanggal", methods=["POST"])
@requires(Permission.ASSESS)
def move_as_of() -> Response:
    """A coordinator sets the period's assessment date: levels, findings, ages and expiry follow it."""
    session = db_session()
    organisation = organisation_in_view()
    if not actor().can(Permission.ASSESS, organisation.id):
        abort(404)
    year = numbers.year()
    period = audit.period_for(session, organisation, year)
    form = AsOfForm()
    if period is None:
        flash("Belum ada periode penilaian untuk diubah tanggalnya.", "error")
    elif not form.validate_on_submit():
        flash("Isi tanggal penilaian (hari, bulan, tahun).", "error")
    else:
        try:
            periods.set_as_of(session, period, date.fromisoformat(form.as_of.data or ""), current_user.id)
        except (ValueError, periods.PeriodError) as error:
            session.rollback()
            flash(str(error) if isinstance(error, periods.PeriodError) else "Tanggal tidak dikenali.", "error")
        else:
            session.commit()
            flash("Tanggal penilaian periode disimpan; audit kini dinilai per tanggal itu.", "info")
    return redirect(url_for("audit.dashboard", org=organisation.code, tahun=period.year if period else None))


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
    produced = export(db_session(), FileStore.of(settings()), result, kind, organisation.code,
                      international_csv=request.args.get("csv") == "internasional")
    with db.session_scope(engine()) as writer:  # the request only read: the event is a short write of its own
        record_export(writer, produced, result, organisation.id, current_user.id)
    return Response(produced.content, content_type=produced.mime, headers={  # the type names its charset itself
        "Content-Disposition": f'attachment; filename="{produced.filename}"'})
