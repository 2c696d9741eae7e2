"""Legal metadata on the web: the JDIHN panel of a document, its edit form, and the JDIHN feed."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..legal import FIELD_ORDER, LABELS
from ..legal.kinds import KINDS
from ..models import Document
from ..records import documents, jdihn, legal_fields, organisations
from ..records.access import Permission
from .context import commit_and_index, db_session
from .forms import LegalMetadataForm, form_problems
from .guards import actor, document_or_404, requires

blueprint = Blueprint("legal", __name__)
EDITABLE = [name for name in FIELD_ORDER if name != "singkatan_jenis"]


def legal_view(document: Document, form: LegalMetadataForm | None = None) -> dict[str, Any]:
    """What the document page shows about legal standing: fields, findings, relations, the edit form."""
    session = db_session()
    fields = legal_fields.fields_of(session, document.id)
    if form is None:
        form = LegalMetadataForm(data={field.name: field.value or "" for field in fields})
    outgoing = [(relation, session.get(Document, relation.target_document_id) if relation.target_document_id else None)
                for relation in legal_fields.outgoing(session, document.id)]
    return {
        "legal_fields": fields,
        "labels": LABELS,
        "kinds": KINDS,
        "findings": legal_fields.findings_of(session, document.id),
        "outgoing": outgoing,
        "incoming": legal_fields.incoming(session, document.id),
        "relation_labels": legal_fields.RELATION_LABELS,
        "incoming_labels": legal_fields.INCOMING_LABELS,
        "metadata_form": form,
        "can_edit": actor().can(Permission.EDIT_METADATA, document.organisation_id),
    }


@blueprint.route("/documents/<int:document_id>/metadata", methods=["POST"])
@requires(Permission.EDIT_METADATA)
def edit(document_id: int) -> Response | tuple[str, int]:
    document = document_or_404(document_id, Permission.EDIT_METADATA)
    form = LegalMetadataForm()
    if not form.validate_on_submit():
        flash(f"Metadata tidak disimpan. {form_problems(form)}", "error")
        return redirect(url_for("documents.detail", document_id=document.id))
    changes = {name: getattr(form, name).data for name in EDITABLE}
    session = db_session()
    try:
        documents.edit_metadata(session, document, changes, confirm=bool(form.confirm.data),
                                actor_id=current_user.id)
    except legal_fields.MetadataError as error:
        session.rollback()
        flash(str(error), "error")
        return redirect(url_for("documents.detail", document_id=document.id))
    commit_and_index(session, document.id)
    flash("Metadata disimpan dan dikonfirmasi." if form.confirm.data else "Metadata disimpan.", "info")
    return redirect(url_for("documents.detail", document_id=document.id))


@blueprint.route("/jdih.json")
@requires(Permission.VIEW_DOCUMENTS)
def feed() -> Response:
    """An organisation's legal products as a JDIHN feed: the user's own, or ?org=CODE where they may read."""
    session = db_session()
    organisation_id = current_user.organisation_id
    if request.args.get("org"):
        found = organisations.find(session, request.args["org"])
        organisation_id = found.id if found else None
    if organisation_id is None or not actor().can(Permission.VIEW_DOCUMENTS, organisation_id):
        abort(404)

    def link(document: Document, which: str) -> str:
        endpoint = "documents.download" if which == "download" else "documents.detail"
        return url_for(endpoint, document_id=document.id, _external=True)

    return jsonify(jdihn.feed(session, organisation_id, link))
