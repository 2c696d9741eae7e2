"""Document screens: list (with the uploads still in progress), detail with text per page, download, trash."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from ..legal import kinds as legal_kinds
from ..models import Organisation
from ..records import documents, first_steps, uploads
from ..records.access import Permission
from ..storage import FileStore
from . import numbers
from .context import commit_and_index, db_session, settings
from .evidence_links import link_view
from .forms import ConfirmForm
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
                           filters=filters, query=query, kinds=legal_kinds.KINDS,
                           in_progress=uploads.in_progress(db_session(), actor().visible_organisation_ids()),
                           first_steps=_first_steps())


def _first_steps() -> list[first_steps.Step]:
    """The checklist of a new organisation, for its team (people who upload); empty once all is done."""
    own = current_user.organisation_id
    if own is None or not actor().can(Permission.UPLOAD, own):
        return []
    steps = first_steps.first_steps(db_session(), own)
    return steps if first_steps.remaining(steps) else []


@blueprint.route("/trash")
@requires(Permission.RESTORE)
def trash() -> str:
    args = _listing_args()
    results = documents.list_documents(
        db_session(), actor().visible_organisation_ids(), per_page=PER_PAGE, trash=True, **args  # type: ignore[arg-type]
    )
    return render_template("documents/list.html", results=results, args=args, trash=True,
                           form=ConfirmForm(), filters=documents.Filters(), query={}, kinds=legal_kinds.KINDS)


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
