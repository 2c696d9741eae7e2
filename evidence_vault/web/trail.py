"""History pages from the append-only audit trail: per document and per organisation."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from ..records import history, organisations
from ..records.access import Permission
from . import numbers
from .context import db_session
from .guards import actor, document_or_404, requires

blueprint = Blueprint("trail", __name__)
PER_PAGE = 100


@blueprint.route("/documents/<int:document_id>/riwayat")
@requires(Permission.VIEW_HISTORY)
def document_history(document_id: int) -> str:
    document = document_or_404(document_id, Permission.VIEW_HISTORY, include_trash=True)
    entries = history.document_trail(db_session(), document.id)
    return render_template("trail/document.html", document=document, entries=entries, **_words())


@blueprint.route("/riwayat")
@requires(Permission.VIEW_HISTORY)
def organisation_history() -> str:
    session = db_session()
    page = numbers.page_number()
    action = request.args.get("aksi", "")
    entries = history.organisation_trail(session, actor().visible_organisation_ids(), limit=PER_PAGE,
                                         offset=(page - 1) * PER_PAGE, action=action)
    names = {org.id: org.name for org in organisations.all_organisations(session)}
    return render_template("trail/organisation.html", entries=entries, page=page, per_page=PER_PAGE,
                           titles=history.document_titles(session, entries), names=names, action=action,
                           actions=history.ACTION_LABELS, objects=history.object_names(session, entries), **_words())


def _words() -> dict[str, object]:
    """How the trail's details are put in words (`records.history`)."""
    return {"detail_labels": history.DETAIL_LABELS, "detail_value": history.detail_value,
            "object_words": history.OBJECT_WORDS}
