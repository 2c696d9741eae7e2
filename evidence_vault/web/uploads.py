"""Uploading on the web: the form, and the progress of an upload's files as the worker reads them.

The request only stores the files (`pipeline.uploads.receive`) and sends the browser to the
upload's page, which lists every file with its state. A small script of our own
(`static/js/upload-status.js`) asks the JSON twin of that page for news until every file is
done; without script, the page offers a link to load it again.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..models import Role, Upload
from ..pipeline import uploads, worker
from ..records import organisations
from ..records import uploads as upload_records
from ..records.access import Permission
from .context import db_session, end_transaction, engine, settings
from .forms import UploadForm, choices
from .guards import actor, requires

blueprint = Blueprint("uploads", __name__)
# What the form says it takes, and what the file picker offers: every type the vault reads.
ACCEPT = (".pdf,.docx,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,"
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/jpeg,image/png,image/tiff")


def _upload_form() -> UploadForm:
    """Admins choose the organisation; everyone else uploads into their own."""
    form = UploadForm()
    if current_user.role == Role.ADMIN:
        everyone = organisations.all_organisations(db_session())
        form.organisation.choices = choices([(org.id, org.name) for org in everyone])
    else:
        del form.organisation
    return form


def _form_page(form: UploadForm, status: int = 200) -> tuple[str, int]:
    return render_template("documents/upload.html", form=form, max_files=settings().get("upload", "max_files"),
                           accept=ACCEPT), status


@blueprint.route("/upload", methods=["GET", "POST"])
@requires(Permission.UPLOAD)
def upload() -> tuple[str, int] | Response:
    form = _upload_form()
    limit = settings().get("upload", "max_files")
    if form.organisation is not None and not form.organisation.choices:
        flash("Belum ada organisasi. Buat organisasi dulu (evidence-vault org add).", "error")
        return redirect(url_for("documents.index"))
    if not form.validate_on_submit():
        return _form_page(form)
    organisation_id = form.organisation.data if form.organisation is not None else current_user.organisation_id
    if not actor().can(Permission.UPLOAD, organisation_id):
        abort(403)
    files = [f for f in request.files.getlist(form.files.name) if f and f.filename]
    refused = uploads.too_many(len(files), limit)
    if refused:
        flash(refused, "error")
        return _form_page(form, 400)
    end_transaction()  # the upload is recorded in a transaction of its own, not under this request's lock
    upload_id = uploads.accept(engine(), settings(), [(f.stream, f.filename) for f in files], organisation_id,
                               current_user.id, worker.background_for(settings()).enqueue_read)
    return redirect(url_for("uploads.status", upload_id=upload_id), code=303)


def _upload_or_404(upload_id: int) -> Upload:
    """The upload if the user may read its organisation's documents; 404 otherwise (as for a document)."""
    found = db_session().get(Upload, upload_id)
    if found is None or not actor().can(Permission.VIEW_DOCUMENTS, found.organisation_id):
        abort(404)
    return found


@blueprint.route("/unggah/<int:upload_id>")
@requires(Permission.VIEW_DOCUMENTS)
def status(upload_id: int) -> str:
    found = _upload_or_404(upload_id)
    files = upload_records.progress(db_session(), found.id)  # type: ignore[arg-type]
    return render_template("documents/upload_results.html", upload=found, files=files,
                           summary=upload_records.summary(files), finished=all(item.finished for item in files),
                           labels=upload_records.STATUS_LABELS)


@blueprint.route("/unggah/<int:upload_id>.json")
@requires(Permission.VIEW_DOCUMENTS)
def status_json(upload_id: int) -> Response:
    found = _upload_or_404(upload_id)
    files = upload_records.progress(db_session(), found.id)  # type: ignore[arg-type]
    return jsonify({"summary": upload_records.summary(files), "finished": all(item.finished for item in files),
                    "files": [{**item.as_dict(), "document_url": _document_url(item.document_id)} for item in files]})


def _document_url(document_id: int | None) -> str | None:
    return url_for("documents.detail", document_id=document_id) if document_id else None
