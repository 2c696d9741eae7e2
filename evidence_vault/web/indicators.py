"""Indicators on the web: the catalogue, an indicator's page, self-assessment and periods."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlmodel import Session
from werkzeug.wrappers import Response

from .. import audit
from ..audit.explain import level_rules
from ..frameworks import Framework, builtin_codes, builtin_crosswalk
from ..frameworks.registry import all_frameworks, framework_by_code
from ..indonesian import level as level_text
from ..legal.kinds import KINDS
from ..models import AssessmentPeriod, Organisation
from ..records import claims, external, links, organisations, periods
from ..records.access import Permission
from .context import db_session
from .forms import ClaimForm, ConfirmForm, ExternalValueForm, PeriodForm, SuggestionsForm, choices, form_problems
from .guards import actor, requires
from .scope import organisation_in_view, visible_organisations

blueprint = Blueprint("indicators", __name__)


def _framework(organisation: Organisation) -> Framework:
    code = request.args.get("kerangka") or periods.framework_code_for(db_session(), organisation.id)
    try:
        return framework_by_code(code)
    except KeyError:
        abort(404)


@blueprint.route("/indikator")
@requires(Permission.VIEW_DOCUMENTS)
def catalogue() -> str:
    session = db_session()
    organisation = organisation_in_view()
    framework = _framework(organisation)
    period = periods.current_period(session, organisation.id)
    claimed = claims.claims_of(session, period.id) if period and period.framework == framework.code else {}
    form = PeriodForm(formdata=None)
    form.framework.choices = framework_choices()
    return render_template(
        "indicators/catalogue.html", framework=framework, organisation=organisation, period=period,
        counts=links.counts_by_indicator(session, [organisation.id], framework.code), claimed=claimed,
        frameworks=all_frameworks(), organisations=visible_organisations(), period_form=form,
        confirm=ConfirmForm(), can_assess=actor().can(Permission.ASSESS, organisation.id),
    )


def _crosswalk_counterparts(framework: Framework, code: str) -> list[tuple[str, str, str]]:
    """(framework code, indicator code, name) of the corresponding indicators in the other built-in framework."""
    found = []
    for other in builtin_codes():
        if other == framework.code or framework.code not in builtin_codes():
            continue
        try:
            crosswalk = builtin_crosswalk(framework.code, other)
        except KeyError:
            continue
        other_framework = framework_by_code(other)
        for counterpart in crosswalk.counterparts(framework.code, code):
            found.append((other, counterpart, other_framework.indicator(counterpart).name))
    return found


@blueprint.route("/indikator/<framework_code>/<code>")
@requires(Permission.VIEW_DOCUMENTS)
def detail(framework_code: str, code: str) -> str:
    session = db_session()
    organisation = organisation_in_view()
    try:
        framework = framework_by_code(framework_code)
        indicator = framework.indicator(code)
    except KeyError:
        abort(404)
    found = links.links_of_indicator(session, [organisation.id], framework.code, [code])
    suggestions = [(item, document) for item, document in found if item.state == links.SUGGESTED]
    evidence = [(item, document) for item, document in found if item.state != links.SUGGESTED]
    counterparts = _crosswalk_counterparts(framework, code)
    carried: list[tuple[Any, Any, str]] = []
    for other, other_code, _name in counterparts:
        for link, document in links.links_of_indicator(session, [organisation.id], other, [other_code]):
            carried.append((link, document, f"{framework_by_code(other).name} indikator {other_code}"))
    carried_pairs = [(link, document) for link, document, _via in carried]
    period = periods.current_period(session, organisation.id)
    claim = claims.claim_of(session, period.id, code) if claim_allowed(period, framework) else None
    claim_form = ClaimForm(formdata=None, data={"level": level_text(claim.level) if claim else "",
                                                "justification": claim.justification if claim else ""})
    result = audit.indicator_result(session, organisation, framework.code, code)
    received = external.value_of(session, period.id, code) if claim_allowed(period, framework) else None
    value_form = ExternalValueForm(formdata=None, data={
        "value": level_text(received.value) if received else "", "note": received.note if received else "",
        "source_document": str(received.source_document_id or "") if received else ""})
    value_form.source_document.choices = choices(
        [("", "Tanpa dokumen")] + [(str(document.id), document.title) for _link, document in evidence])
    return render_template(
        "indicators/detail.html", framework=framework, indicator=indicator, organisation=organisation,
        checklist=result.checklist, result=result, received=received, value_form=value_form,
        rules={level.value: level_rules(indicator.level(level.value)) for level in framework.levels
               if indicator.criteria},
        evidence=evidence, carried=carried, suggestions=suggestions, suggestion_form=SuggestionsForm(formdata=None),
        elsewhere=links.issued_elsewhere(session, [document.id for _item, document in [*found, *carried_pairs]]),
        can_link=actor().can(Permission.LINK, organisation.id), counterparts=counterparts, period=period, claim=claim,
        claim_form=claim_form, kinds=KINDS, state_labels=links.STATE_LABELS, confirm=ConfirmForm(),
        can_assess=actor().can(Permission.ASSESS, organisation.id) and claim_allowed(period, framework),
    )


def framework_choices() -> list:
    """The frameworks to pick from, after the default: the one governing the period's year."""
    return choices([("", "Otomatis menurut tahun (s.d. 2025: SPBE 2020; 2026 dst.: Pemerintah Digital 2026)")]
                   + [(item.code, item.name) for item in all_frameworks()])


def claim_allowed(period: AssessmentPeriod | None, framework: Framework) -> bool:
    """Claims and received values belong to a period of this framework."""
    return period is not None and period.framework == framework.code


def _assessed_period(framework_code: str) -> tuple[Session, Organisation, AssessmentPeriod] | Response:
    """The organisation in view and its current period of this framework, or where to go instead.

    Claims and received values are written only by assessors of the organisation, into a
    period of the framework whose indicator page they come from.
    """
    session = db_session()
    organisation = organisation_in_view()
    if not actor().can(Permission.ASSESS, organisation.id):
        abort(404)
    period = periods.current_period(session, organisation.id)
    if period is None or period.framework != framework_code:
        flash("Buka periode penilaian untuk kerangka ini terlebih dahulu.", "error")
        return redirect(url_for("indicators.catalogue", org=organisation.code))
    return session, organisation, period


@blueprint.route("/indikator/<framework_code>/<code>/nilai-indeks", methods=["POST"])
@requires(Permission.ASSESS)
def external_value(framework_code: str, code: str) -> Response:
    """Record (or remove) the value another agency's index gave this indicator in the current period."""
    found = _assessed_period(framework_code)
    if not isinstance(found, tuple):
        return found
    session, organisation, period = found
    form = ExternalValueForm()
    form.source_document.choices = None  # any document of the organisation; records.external checks it
    back = redirect(url_for("indicators.detail", framework_code=framework_code, code=code, org=organisation.code))
    if not form.validate_on_submit() or not (request.form.get("hapus") or (form.value.data or "").strip()):
        flash("Isi nilai yang diterima dari indeks instansi lain.", "error")
        return back
    try:
        if request.form.get("hapus"):
            removed = external.remove_value(session, period, code, current_user.id)
            message = "Nilai indeks dihapus." if removed else "Belum ada nilai yang dicatat."
        else:
            document = form.source_document.data or ""
            external.set_value(session, period, code, external.parse_value(form.value.data or ""),
                               int(document) if document.isdigit() else None, form.note.data or "", current_user.id)
            message = "Nilai indeks disimpan."
    except (external.ExternalValueError, KeyError) as error:
        session.rollback()
        flash(str(error), "error")
    else:
        session.commit()
        flash(message, "info")
    return back


@blueprint.route("/indikator/<framework_code>/<code>/klaim", methods=["POST"])
@requires(Permission.ASSESS)
def claim(framework_code: str, code: str) -> Response:
    found = _assessed_period(framework_code)
    if not isinstance(found, tuple):
        return found
    session, organisation, period = found
    form = ClaimForm()
    if not form.validate_on_submit():
        flash(f"Penilaian mandiri tidak disimpan. {form_problems(form)}", "error")
    else:
        try:
            claims.set_claim(session, period, code, claims.parse_level(form.level.data or ""),
                             form.justification.data or "", current_user.id)
        except (claims.ClaimError, KeyError) as error:
            session.rollback()
            flash(str(error), "error")
        else:
            session.commit()
            flash("Penilaian mandiri disimpan.", "info")
    return redirect(url_for("indicators.detail", framework_code=framework_code, code=code, org=organisation.code))


@blueprint.route("/periode", methods=["POST"])
@requires(Permission.ASSESS)
def open_period() -> Response:
    session = db_session()
    organisation = organisation_in_view()
    if not actor().can(Permission.ASSESS, organisation.id):
        abort(404)
    form = PeriodForm()
    form.framework.choices = framework_choices()
    year = (form.year.data or "").strip()
    if not form.validate_on_submit() or not year.isdigit():
        flash("Isi tahun evaluasi (angka).", "error")
    else:
        try:
            periods.create_period(session, organisation, int(year), form.framework.data or None,
                                  form.label.data or "", actor_id=current_user.id)
        except periods.PeriodError as error:
            session.rollback()
            flash(str(error), "error")
        else:
            session.commit()
            flash("Periode penilaian dibuka.", "info")
    return redirect(url_for("indicators.catalogue", org=organisation.code))


@blueprint.route("/organisasi/tinjauan-ketat", methods=["POST"])
@requires(Permission.ASSESS)
def toggle_strict() -> Response:
    session = db_session()
    organisation = organisation_in_view()
    if not actor().can(Permission.ASSESS, organisation.id):
        abort(404)
    ConfirmForm()
    organisations.set_strict_review(session, organisation, not organisation.strict_review, current_user.id)
    session.commit()
    flash("Mode tinjauan ketat " + ("aktif: audit hanya menghitung tautan yang diverifikasi penilai."
                                    if organisation.strict_review else "nonaktif."), "info")
    return redirect(url_for("indicators.catalogue", org=organisation.code))
