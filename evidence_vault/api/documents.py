"""Documents through the API: list by cursor with the web's filters, read, download, trash (uploads: `uploads`)."""

from __future__ import annotations

from typing import Annotated, Literal

from flask import send_file
from pydantic import Field
from werkzeug.wrappers import Response

from ..models import Document, DocumentPage, Organisation
from ..records import documents
from ..records.access import Permission
from ..storage import FileStore
from ..web.context import commit_and_index, db_session, settings
from .caller import actor
from .errors import ApiError
from .lookup import document_or_404, scope
from .operations import operation
from .shapes import Answer, Cursor, DocumentOut, Limit, OrgCode, Query, decode_cursor, encode_cursor

TAG = "Dokumen"


class DocumentQuery(Query):
    org: OrgCode | None = None
    kind: Annotated[str, Field(max_length=64, description="Jenis dokumen (kode, misalnya perbup).")] | None = None
    year: Annotated[int, Field(ge=1, le=9999)] | None = Field(None, description="Tahun peraturan.")
    status: Literal["rancangan", "ditetapkan", "diundangkan", "berlaku", "diubah", "dicabut"] | None = None
    has_findings: bool | None = Field(None, description="Hanya yang ada (true) atau tidak ada (false) temuannya.")
    confirmed: bool | None = Field(None, description="Hanya yang metadatanya sudah (true) atau belum dikonfirmasi.")
    sort: Literal["uploaded", "title", "filename", "size", "pages", "status", "year", "findings"] = "uploaded"
    order: Literal["asc", "desc"] = "desc"
    trash: bool = Field(False, description="Daftar Tempat Sampah (koordinator dan admin).")
    limit: Limit = 50
    cursor: Cursor | None = None


class DocumentList(Answer):
    items: list[DocumentOut]
    next_cursor: str | None = Field(description="Kirim sebagai cursor untuk halaman berikutnya; null di halaman akhir.")


class PageOut(Answer):
    number: int
    text: str
    source: str = Field(description="text_layer, ocr atau none.")
    needs_ocr: bool
    ocr_confidence: float | None

    @classmethod
    def of(cls, page: DocumentPage) -> PageOut:
        return cls(number=page.number, text=page.text, source=page.source, needs_ocr=page.needs_ocr,
                   ocr_confidence=page.ocr_confidence)


class PageQuery(Query):
    after: Annotated[int, Field(ge=0, le=1_000_000)] = Field(0, description="Mulai setelah halaman nomor ini.")
    limit: Limit = 20


class Pages(Answer):
    items: list[PageOut]
    next_after: int | None


@operation("GET", "/documents", summary="Daftar dokumen (dengan saringan seperti di web, per kursor)", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, query=DocumentQuery, response=DocumentList)
def list_documents(query: DocumentQuery) -> DocumentList:
    if query.trash and not actor().can_anywhere(Permission.RESTORE):
        raise ApiError("forbidden")
    descending = query.order == "desc"
    after = decode_cursor(query.cursor, str, bool, object, int) if query.cursor else None
    if after is not None and after[:2] != (query.sort, descending):
        raise ApiError("invalid_request", "Kursor ini milik urutan lain. Kirim sort dan order yang sama seperti saat "
                                          "kursor diterima, atau mulai lagi tanpa cursor.")
    filters = documents.Filters(kind=query.kind or "", year=query.year, status=query.status or "",
                                has_findings=query.has_findings, confirmed=query.confirmed)
    rows = documents.list_after(db_session(), scope(query.org), sort=query.sort, descending=descending,
                                trash=query.trash, filters=filters, after=(after[2], after[3]) if after else None,
                                limit=query.limit + 1)
    shown = rows[:query.limit]
    more = len(rows) > query.limit
    cursor = encode_cursor(query.sort, descending, shown[-1][2], shown[-1][0].id) if more and shown else None
    return DocumentList(items=[DocumentOut.of(document, organisation) for document, organisation, _ in shown],
                        next_cursor=cursor)


def _out(document_id: int, include_trash: bool = False, permission: Permission = Permission.VIEW_DOCUMENTS
         ) -> DocumentOut:
    document = document_or_404(document_id, permission, include_trash=include_trash)
    return DocumentOut.of(document, db_session().get(Organisation, document.organisation_id))  # type: ignore[arg-type]


@operation("GET", "/documents/<id:document_id>", summary="Satu dokumen", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=DocumentOut)
def get_document(document_id: int) -> DocumentOut:
    document = document_or_404(document_id, include_trash=True)
    if document.deleted_at is not None and not actor().can(Permission.RESTORE, document.organisation_id):
        raise ApiError("not_found")  # the web shows trashed documents only to those who may restore them
    return _out(document_id, include_trash=True)


class Status(Answer):
    id: int
    status: str
    status_message: str
    page_count: int
    ocr_pages_read: int
    ocr_pages_waiting: int
    done: bool = Field(description="true bila tidak ada lagi yang dikerjakan di latar belakang.")


@operation("GET", "/documents/<id:document_id>/status", summary="Status pembacaan dokumen (OCR di latar belakang)",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, response=Status)
def status(document_id: int) -> Status:
    document = document_or_404(document_id)
    return Status(id=document.id, status=document.extraction_status, status_message=document.extraction_message,  # type: ignore[arg-type]
                  page_count=document.page_count, ocr_pages_read=document.ocr_page_count,
                  ocr_pages_waiting=document.ocr_waiting,
                  done=document.extraction_status not in ("pending", "processing"))


@operation("GET", "/documents/<id:document_id>/file", summary="Mengunduh berkas asli", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, files=("*/*",))
def download(document_id: int) -> Response:
    return send_original(document_or_404(document_id))


def send_original(document: Document) -> Response:
    """The document's stored file as an attachment under its original name (a library download too)."""
    path = FileStore.of(settings()).path_for(document.sha256)
    if not path.is_file():
        raise ApiError("not_found")
    return send_file(path, mimetype=document.mime, as_attachment=True, download_name=document.original_filename,
                     max_age=0)


@operation("GET", "/documents/<id:document_id>/pages", summary="Teks dokumen per halaman", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, query=PageQuery, response=Pages)
def pages(document_id: int, query: PageQuery) -> Pages:
    document = document_or_404(document_id)
    found = [page for page in documents.pages_of(db_session(), document.id) if page.number > query.after]  # type: ignore[arg-type]
    shown = found[:query.limit]
    return Pages(items=[PageOut.of(page) for page in shown],
                 next_after=shown[-1].number if len(found) > query.limit else None)


@operation("POST", "/documents/<id:document_id>/trash", summary="Memindahkan dokumen ke Tempat Sampah", tag=TAG,
           permission=Permission.DELETE, response=DocumentOut)
def trash(document_id: int) -> DocumentOut:
    document = document_or_404(document_id, Permission.DELETE)
    session = db_session()
    documents.move_to_trash(session, document, actor().user.id)
    commit_and_index(session, document.id)  # type: ignore[arg-type]
    return _out(document_id, include_trash=True, permission=Permission.DELETE)


@operation("POST", "/documents/<id:document_id>/restore", summary="Memulihkan dokumen dari Tempat Sampah", tag=TAG,
           permission=Permission.RESTORE, response=DocumentOut)
def restore(document_id: int) -> DocumentOut:
    document = document_or_404(document_id, Permission.RESTORE, include_trash=True)
    session = db_session()
    documents.restore(session, document, actor().user.id)
    commit_and_index(session, document.id)  # type: ignore[arg-type]
    return _out(document_id, permission=Permission.RESTORE)
