"""Document screens: list, upload, detail with text per page, download, trash."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..legal import kinds as legal_kinds
from ..models import Organisation, Role
from ..pipeline import ingest, worker
from ..records import documents, organisations
from ..records.access import Permission
from ..storage import FileStore
from . import numbers
from .context import commit_and_index, db_session, end_transaction, engine, settings
from .evidence_links import link_view
from .forms import ConfirmForm, UploadForm, choices
from .guards import actor, document_or_404, requires
from .legal import legal_view

blueprint = Blueprint("documents", __name__)
PER_PAGE = 25
TEXT_PAGES_PER_VIEW = 10


def _listing_args() -> dict[str, object]:
    sort = request.args.get("sort", documents.DEFAULT_SORT)
    return {
        "page": numbers.page_number(),
        "sort": sort if sort in documents.SORTS else documents.DEFAULT_SORT,
        "descending": request.args.get("order", "desc") != "asc",
    }


def _yes_no(name: str) -> bool | None:
    return {"ya": True, "tidak": False}.get(request.args.get(name, ""))


def _filters() -> documents.Filters:
    return documents.Filters(
        kind=request.args.get("jenis", ""),
        year=numbers.year(),
        status=request.args.get("status", ""),
        has_findings=_yes_no("temuan"),
        confirmed=_yes_no("terkonfirmasi"),
    )


@blueprint.route("/")
@requires(Permission.VIEW_DOCUMENTS)
def index() -> str:
    args, filters = _listing_args(), _filters()
    results = documents.list_documents(
        db_session(), actor().visible_organisation_ids(), per_page=PER_PAGE, filters=filters,
        **args,  # type: ignore[arg-type]
    )
    query = {key: value for key, value in request.args.items() if key not in {"page", "sort", "order"} and value}
    return render_template("documents/list.html", results=results, args=args, trash=False, form=ConfirmForm(),
                           filters=filters, query=query, kinds=legal_kinds.KINDS)


@blueprint.route("/trash")
@requires(Permission.RESTORE)
def trash() -> str:
    args = _listing_args()
    results = documents.list_documents(
        db_session(), actor().visible_organisation_ids(), per_page=PER_PAGE, trash=True, **args  # type: ignore[arg-type]
    )
    return render_template("documents/list.html", results=results, args=args, trash=True,
                           form=ConfirmForm(), filters=documents.Filters(), query={}, kinds=legal_kinds.KINDS)


def _upload_form() -> UploadForm:
    """Admins choose the organisation; everyone else uploads into their own."""
    form = UploadForm()
    if current_user.role == Role.ADMIN:
        everyone = organisations.all_organisations(db_session())
        form.organisation.choices = choices([(org.id, org.name) for org in everyone])
    else:
        del form.organisation
    return form


@blueprint.route("/upload", methods=["GET", "POST"])
@requires(Permission.UPLOAD)
def upload() -> str | Response | tuple[str, int]:
    form = _upload_form()
    limit = settings().get("upload", "max_files")
    if form.organisation is not None and not form.organisation.choices:
        flash("Belum ada organisasi. Buat organisasi dulu (evidence-vault org add).", "error")
        return redirect(url_for("documents.index"))
    if not form.validate_on_submit():
        return render_template("documents/upload.html", form=form, max_files=limit)
    organisation_id = form.organisation.data if form.organisation is not None else current_user.organisation_id
    if not actor().can(Permission.UPLOAD, organisation_id):
        abort(403)
    files = [f for f in request.files.getlist(form.files.name) if f and f.filename]
    if len(files) > limit:
        flash(f"Paling banyak {limit} berkas sekaligus; Anda memilih {len(files)}. "
              "Bagi menjadi beberapa unggahan.", "error")
        return render_template("documents/upload.html", form=form, max_files=limit), 400
    queue_ocr = worker.background_for(settings()).enqueue_ocr  # stored at once; scans are read in the background
    end_transaction()  # each file is recorded in a transaction of its own, not under this request's lock
    results = [
        ingest.ingest_stream(engine(), settings(), f.stream, f.filename, organisation_id, current_user.id,
                             queue_ocr=queue_ocr)
        for f in files
    ]
    return render_template("documents/upload_results.html", results=results, summary=ingest.summary(results))


@blueprint.route("/documents/<int:document_id>")
@requires(Permission.VIEW_DOCUMENTS)
def detail(document_id: int) -> str:
    document = document_or_404(document_id, Permission.VIEW_DOCUMENTS, include_trash=True)
    if document.deleted_at is not None and not actor().can(Permission.RESTORE, document.organisation_id):
        abort(404)
    pages = documents.pages_of(db_session(), document.id)
    view = numbers.page_number("halaman")
    shown = pages[(view - 1) * TEXT_PAGES_PER_VIEW: view * TEXT_PAGES_PER_VIEW]
    views = max(1, -(-len(pages) // TEXT_PAGES_PER_VIEW))
    organisation = db_session().get(Organisation, document.organisation_id)
    return render_template(
        "documents/detail.html", document=document, organisation=organisation, pages=shown,
        view=view, views=views, form=ConfirmForm(), **legal_view(document), **link_view(document),
        can_delete=actor().can(Permission.DELETE, document.organisation_id),
        can_restore=actor().can(Permission.RESTORE, document.organisation_id),
        can_share=actor().can(Permission.SHARE, document.organisation_id) and not document.copied_from_id,
    )


@blueprint.route("/documents/<int:document_id>/download")
@requires(Permission.VIEW_DOCUMENTS)
def download(document_id: int) -> Response:
    document = document_or_404(document_id, Permission.VIEW_DOCUMENTS)
    path = FileStore.of(settings()).path_for(document.sha256)
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype=document.mime, as_attachment=True,
                     download_name=document.original_filename, max_age=0)


@blueprint.route("/documents/<int:document_id>/delete", methods=["POST"])
@requires(Permission.DELETE)
def delete(document_id: int) -> Response:
    document = document_or_404(document_id, Permission.DELETE)
    database = db_session()
    documents.move_to_trash(database, document, current_user.id)
    commit_and_index(database, document.id)
    flash(f"\u201c{document.title}\u201d dipindahkan ke Tempat Sampah. "
          "Koordinator atau admin dapat memulihkannya.", "info")
    return redirect(url_for("documents.index"))


@blueprint.route("/documents/<int:document_id>/restore", methods=["POST"])
@requires(Permission.RESTORE)
def restore(document_id: int) -> Response:
    document = document_or_404(document_id, Permission.RESTORE, include_trash=True)
    database = db_session()
    try:
        documents.restore(database, document, current_user.id)
    except documents.DocumentError as error:
        flash(str(error), "error")
        return redirect(url_for("documents.trash"))
    commit_and_index(database, document.id)
    flash(f"\u201c{document.title}\u201d dipulihkan.", "info")
    return redirect(url_for("documents.detail", document_id=document.id))
