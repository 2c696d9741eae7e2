"""The shared library (pustaka bersama) through the API, under the web's rules (`web/library.py`).

Reading the library crosses organisations on purpose: every published, live document can
be listed, read and downloaded by anyone who may read documents, as in the browser; an
unpublished or trashed one answers 404 like a missing one. Publishing and withdrawing
need `share` on the document's own organisation; a copy goes into the account's own
organisation (`copy_shared` there), never into one the request names, as the web's button.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field
from werkzeug.wrappers import Response

from ..models import Document, Organisation
from ..records import documents, legal_fields, library
from ..records.access import Permission
from ..web.context import commit_and_index, db_session
from .caller import actor
from .documents import PageOut, send_original
from .errors import ApiError
from .legal import FieldOut
from .lookup import document_or_404
from .operations import operation
from .shapes import Answer, Cursor, DocumentOut, Limit, Query, aware, decode_cursor, encode_cursor

TAG = "Pustaka bersama"
PREVIEW_PAGES = 10  # as the library's page in the browser


class LibraryQuery(Query):
    limit: Limit = 50
    cursor: Cursor | None = None


class SharedDocument(Answer):
    document: DocumentOut
    publisher: str = Field(description="Nama organisasi yang menerbitkannya.")
    shared_at: datetime


class Library(Answer):
    items: list[SharedDocument]
    next_cursor: str | None = Field(description="Kirim sebagai cursor untuk halaman berikutnya; null di halaman akhir.")


class SharedDetail(SharedDocument):
    fields: list[FieldOut] = Field(description="Metadata hukum sebagaimana diterbitkan.")
    pages: list[PageOut] = Field(description=f"Teks {PREVIEW_PAGES} halaman pertama.")
    can_copy: bool = Field(description="true bila token ini dapat menyalinnya ke organisasi akunnya.")


def _shared_or_404(document_id: int) -> tuple[Document, Organisation]:
    session = db_session()
    found = library.shared_document(session, document_id)
    if found is None:
        raise ApiError("not_found")  # unpublished, trashed or missing: the same answer
    return found, session.get(Organisation, found.organisation_id)  # type: ignore[return-value]


def _item(document: Document, publisher: Organisation) -> SharedDocument:
    return SharedDocument(document=DocumentOut.of(document, publisher), publisher=publisher.name,
                          shared_at=aware(document.shared_at))  # type: ignore[arg-type]


def _copy_target() -> int | None:
    """The organisation a copy goes to (the account's own), if the token may copy into it."""
    target = actor().user.organisation_id
    return target if target is not None and actor().can(Permission.COPY_SHARED, target) else None


@operation("GET", "/library", summary="Pustaka bersama: dokumen yang diterbitkan organisasi mana pun, terbaru dulu",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, query=LibraryQuery, response=Library)
def list_library(query: LibraryQuery) -> Library:
    before = decode_cursor(query.cursor, datetime, int) if query.cursor else None
    rows = library.shared_documents(db_session(), before=before, limit=query.limit + 1)  # type: ignore[arg-type]
    shown = rows[:query.limit]
    cursor = encode_cursor(shown[-1][0].shared_at, shown[-1][0].id) if len(rows) > query.limit else None
    return Library(items=[_item(document, publisher) for document, publisher in shown], next_cursor=cursor)


@operation("GET", "/library/<id:document_id>", summary="Satu dokumen pustaka bersama, dengan metadata dan teksnya",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, response=SharedDetail)
def library_document(document_id: int) -> SharedDetail:
    document, publisher = _shared_or_404(document_id)
    session = db_session()
    target = _copy_target()
    return SharedDetail(**_item(document, publisher).model_dump(),
                        fields=[FieldOut.of(item) for item in legal_fields.fields_of(session, document.id)],  # type: ignore[arg-type]
                        pages=[PageOut.of(page) for page in documents.pages_of(session, document.id)[:PREVIEW_PAGES]],  # type: ignore[arg-type]
                        can_copy=target is not None and target != document.organisation_id)


@operation("GET", "/library/<id:document_id>/file", summary="Mengunduh berkas asli dokumen pustaka bersama", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, files=("*/*",))
def library_file(document_id: int) -> Response:
    return send_original(_shared_or_404(document_id)[0])


@operation("POST", "/library/<id:document_id>/copy", summary="Menyalin dokumen pustaka bersama ke organisasi akun",
           tag=TAG, permission=Permission.COPY_SHARED, response=DocumentOut, status=201,
           description="Salinan adalah titik awal, bukan data dukung sah: ditandai sebagai salinan sampai organisasi "
                       "Anda mengunggah versi yang ditetapkannya sendiri.")
def copy_from_library(document_id: int) -> DocumentOut:
    source, _publisher = _shared_or_404(document_id)
    target = _copy_target()
    if target is None:
        raise ApiError("forbidden", "Salinan masuk ke organisasi akun Anda, dan akun ini tidak terdaftar pada "
                                    "organisasi yang dapat diisi token ini. Hubungi admin.")
    session = db_session()
    created = library.copy_to(session, source, target, actor().user.id)
    commit_and_index(session, created.id)  # type: ignore[arg-type]
    return DocumentOut.of(created, session.get(Organisation, target))  # type: ignore[arg-type]


def _sharing(document_id: int, publish: bool) -> DocumentOut:
    document = document_or_404(document_id, Permission.SHARE)
    session = db_session()
    (library.publish if publish else library.unpublish)(session, document, actor().user.id)
    session.commit()
    return DocumentOut.of(document, session.get(Organisation, document.organisation_id))  # type: ignore[arg-type]


@operation("POST", "/documents/<id:document_id>/publish", summary="Menerbitkan dokumen ke pustaka bersama", tag=TAG,
           permission=Permission.SHARE, response=DocumentOut,
           description="Organisasi lain dapat membaca, mengunduh dan menyalinnya. Salinan dari pustaka tidak dapat "
                       "diterbitkan ulang.")
def publish(document_id: int) -> DocumentOut:
    return _sharing(document_id, publish=True)


@operation("POST", "/documents/<id:document_id>/unpublish", summary="Menarik dokumen dari pustaka bersama", tag=TAG,
           permission=Permission.SHARE, response=DocumentOut,
           description="Salinan yang sudah dibuat organisasi lain tetap milik mereka.")
def unpublish(document_id: int) -> DocumentOut:
    return _sharing(document_id, publish=False)
