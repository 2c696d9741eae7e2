"""The shared library on the web: publish, browse, read, download and copy."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..legal import LABELS
from ..legal.kinds import KINDS
from ..models import Organisation
from ..records import documents, legal_fields, library
from ..records.access import Permission
from ..storage import FileStore
from .context import commit_and_index, db_session, settings
from .forms import ConfirmForm
from .guards import actor, document_or_404, requires

blueprint = Blueprint("library", __name__)


def _shared_or_404(document_id: int):  # noqa: ANN202 - a Document
    found = library.shared_document(db_session(), document_id)
    if found is None:
        abort(404)
    return found


@blueprint.route("/pustaka")
@requires(Permission.VIEW_DOCUMENTS)
def index() -> str:
    return render_template("library/list.html", items=library.shared_documents(db_session()), kinds=KINDS,
                           form=ConfirmForm(), can_copy=actor().can_anywhere(Permission.COPY_SHARED))


@blueprint.route("/pustaka/<int:document_id>")
@requires(Permission.VIEW_DOCUMENTS)
def detail(document_id: int) -> str:
    session = db_session()
    document = _shared_or_404(document_id)
    return render_template(
        "library/detail.html", document=document, publisher=session.get(Organisation, document.organisation_id),
        fields=legal_fields.fields_of(session, document.id), labels=LABELS, kinds=KINDS,
        pages=documents.pages_of(session, document.id)[:10], form=ConfirmForm(),
        can_copy=actor().can_anywhere(Permission.COPY_SHARED) and current_user.organisation_id is not None
        and current_user.organisation_id != document.organisation_id)


@blueprint.route("/pustaka/<int:document_id>/unduh")
@requires(Permission.VIEW_DOCUMENTS)
def download(document_id: int) -> Response:
    document = _shared_or_404(document_id)
    path = FileStore.of(settings()).path_for(document.sha256)
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype=document.mime, as_attachment=True, download_name=document.original_filename,
                     max_age=0)


@blueprint.route("/pustaka/<int:document_id>/salin", methods=["POST"])
@requires(Permission.COPY_SHARED)
def copy(document_id: int) -> Response:
    session = db_session()
    source = _shared_or_404(document_id)
    target = current_user.organisation_id
    if target is None or not actor().can(Permission.COPY_SHARED, target):
        abort(403)
    ConfirmForm()
    try:
        created = library.copy_to(session, source, target, current_user.id)
    except documents.DocumentError as error:
        session.rollback()
        flash(str(error), "error")
        return redirect(url_for("library.detail", document_id=source.id))
    commit_and_index(session, created.id)
    flash("Disalin ke vault Anda sebagai titik awal. Salinan ini belum dihitung sebagai data dukung sah.", "info")
    return redirect(url_for("documents.detail", document_id=created.id))


@blueprint.route("/documents/<int:document_id>/terbitkan", methods=["POST"])
@requires(Permission.SHARE)
def publish(document_id: int) -> Response:
    session = db_session()
    document = document_or_404(document_id, Permission.SHARE)
    ConfirmForm()
    try:
        if document.shared_at:
            library.unpublish(session, document, current_user.id)
            message = "Dokumen ditarik dari pustaka bersama."
        else:
            library.publish(session, document, current_user.id)
            message = "Dokumen diterbitkan ke pustaka bersama; organisasi lain dapat membaca dan menyalinnya."
    except documents.DocumentError as error:
        session.rollback()
        flash(str(error), "error")
        return redirect(url_for("documents.detail", document_id=document.id))
    session.commit()
    flash(message, "info")
    return redirect(url_for("documents.detail", document_id=document.id))
