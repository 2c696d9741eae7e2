"""Linking documents to indicators, from a document's page or an indicator's, and reviewing those links."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..frameworks.registry import framework_by_code
from ..models import Document
from ..records import links, periods
from ..records.access import Permission
from .context import commit_and_index, db_session
from .forms import LinkForm, ReasonForm, SuggestionsForm, choices
from .guards import actor, document_or_404, requires
from .scope import organisation_in_view

blueprint = Blueprint("links", __name__)
PICKER_LIMIT = 60


def link_view(document: Document) -> dict[str, Any]:
    """The "Indikator" section of a document page: links, suggestions, the picker."""
    session = db_session()
    framework = framework_by_code(periods.framework_code_for(session, document.organisation_id))
    query = request.args.get("cari", "").strip().lower()
    candidates = framework.find(query)[:PICKER_LIMIT]
    form = LinkForm(formdata=None)
    form.indicator.choices = choices([(f"{framework.code}:{item.code}", f"{item.code}. {item.name}")
                                      for item in candidates])
    form.level.choices = choices([("", "—")] + [(str(level.value), f"{level.value} – {level.name}")
                                               for level in framework.levels])
    names = {}
    for found in links.links_of_document(session, document.id):
        key = (found.framework, found.indicator)
        try:
            names[key] = framework_by_code(found.framework).indicator(found.indicator).name
        except KeyError:
            names[key] = "(indikator tidak dikenal)"
    return {
        "evidence_links": links.links_of_document(session, document.id), "indicator_names": names,
        "link_form": form, "reason_form": ReasonForm(formdata=None), "picker_query": query,
        "picker_count": len(candidates), "link_framework": framework, "state_labels": links.STATE_LABELS,
        "can_link": actor().can(Permission.LINK, document.organisation_id),
        "can_review": actor().can(Permission.REVIEW, document.organisation_id),
    }


def _back(document: Document) -> Response:
    return redirect(url_for("documents.detail", document_id=document.id) + "#indikator")


def _apply(document: Document, action: Any, success: str) -> Response:
    session = db_session()
    try:
        action(session)
    except links.LinkError as error:
        session.rollback()
        flash(str(error), "error")
    else:
        commit_and_index(session, document.id)
        flash(success, "info")
    return _back(document)


@blueprint.route("/documents/<int:document_id>/tautan", methods=["POST"])
@requires(Permission.LINK)
def add(document_id: int) -> Response:
    document = document_or_404(document_id, Permission.LINK)
    form = LinkForm()
    framework_code, _, code = (form.indicator.data or "").partition(":")
    form.indicator.choices = choices([(form.indicator.data or "", "")])
    form.level.choices = choices([(form.level.data or "", "")])
    page = (form.page.data or "").strip()
    if not form.validate_on_submit() or not code or (page and not page.isdigit()):
        flash("Pilih indikator; halaman harus berupa angka.", "error")
        return _back(document)
    details = links.LinkDetails(level=int(form.level.data) if (form.level.data or "").isdigit() else None,
                                pasal=form.pasal.data or "", page=int(page) if page else None,
                                note=form.note.data or "")
    return _apply(document, lambda session: links.link(session, document, framework_code, code, details,
                                                        current_user.id),
                  f"Dokumen ditautkan ke indikator {code} dan diajukan untuk ditinjau.")


@blueprint.route("/documents/<int:document_id>/tautan/<int:link_id>/tolak", methods=["POST"])
@requires(Permission.LINK)
def reject_suggestion(document_id: int, link_id: int) -> Response:
    document = document_or_404(document_id, Permission.LINK)
    form = ReasonForm()
    return _apply(document, lambda session: links.reject_suggestion(session, document, link_id,
                                                                     form.reason.data or "", current_user.id),
                  "Saran ditolak.")


@blueprint.route("/documents/<int:document_id>/tautan/<int:link_id>/hapus", methods=["POST"])
@requires(Permission.LINK)
def remove(document_id: int, link_id: int) -> Response:
    document = document_or_404(document_id, Permission.LINK)
    ReasonForm()
    return _apply(document, lambda session: links.remove(session, document, link_id, current_user.id),
                  "Tautan dihapus.")


@blueprint.route("/documents/<int:document_id>/tautan/<int:link_id>/verifikasi", methods=["POST"])
@requires(Permission.REVIEW)
def verify(document_id: int, link_id: int) -> Response:
    document = document_or_404(document_id, Permission.REVIEW)
    ReasonForm()
    return _apply(document, lambda session: links.verify(session, document, link_id, current_user.id),
                  "Tautan diverifikasi.")


@blueprint.route("/documents/<int:document_id>/tautan/<int:link_id>/tolak-tinjauan", methods=["POST"])
@requires(Permission.REVIEW)
def review_reject(document_id: int, link_id: int) -> Response:
    document = document_or_404(document_id, Permission.REVIEW)
    form = ReasonForm()
    return _apply(document, lambda session: links.review_reject(session, document, link_id,
                                                                 form.reason.data or "", current_user.id),
                  "Tautan ditolak; operator akan melihat alasannya.")


@blueprint.route("/indikator/<framework_code>/<code>/saran", methods=["POST"])
@requires(Permission.LINK)
def decide_suggestions(framework_code: str, code: str) -> Response:
    """Ajukan or Tolak the suggested documents of an indicator: one row's button, or those ticked."""
    organisation = organisation_in_view()
    if not actor().can(Permission.LINK, organisation.id):
        abort(404)
    form = SuggestionsForm()
    back = url_for("indicators.detail", framework_code=framework_code, code=code,
                   org=request.args.get("org") or None) + "#saran"
    if not form.validate_on_submit():
        flash("Formulir tidak lengkap; muat ulang halaman lalu coba lagi.", "error")
        return redirect(back)
    confirm, chosen = form.decision()
    session = db_session()
    try:
        decided = links.decide_suggestions(session, organisation.id, framework_code, code, chosen, confirm,
                                           form.reason.data or "", current_user.id)
    except links.LinkError as error:
        session.rollback()
        flash(str(error), "error")
        return redirect(back)
    commit_and_index(session, *links.documents_of_links(session, chosen))
    flash(f"{decided} dokumen diajukan sebagai data dukung indikator {code} dan menunggu ditinjau." if confirm
          else f"{decided} saran ditolak.", "info")
    return redirect(back)
