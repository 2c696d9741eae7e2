"""Uploads through the API, answered as the web upload is: at once, with each file's status and where to follow it.

The request only receives the files (`pipeline.uploads.accept`, the web form's own path):
each is streamed into the store and gets a status row, and its reading is queued for the
background worker. The answer (202) lists every file as *received* (or *failed* when it was
too large to keep) with `status_url`, which the caller polls until `finished`, as the
upload's page in the browser does; a large scan never holds the call. The worker marks
the documents' trail events as made through the API with this token (`upload.channel`).
"""

from __future__ import annotations

from typing import Literal

from flask import jsonify, request, url_for
from pydantic import Field
from werkzeug.wrappers import Response

from ..models import Organisation, Upload
from ..pipeline import uploads, worker
from ..records import uploads as upload_records
from ..records.access import Permission
from ..web.context import db_session, end_transaction, engine, settings
from .caller import actor
from .errors import ApiError
from .lookup import own_organisation
from .operations import operation
from .shapes import Answer, Code, Query

TAG = "Dokumen"
FileState = Literal["received", "reading", "done", "duplicate", "failed"]


class UploadQuery(Query):
    org: Code | None = Field(None, description="Organisasi tujuan (kode); bawaan: organisasi akun (admin wajib).")


class UploadedFile(Answer):
    id: int
    filename: str
    status: FileState = Field(description="received (diterima, menunggu dibaca), reading (dibaca; pindaian: OCR), "
                                          "done (menjadi dokumen), duplicate (isi yang sama sudah ada), failed.")
    label: str = Field(description="Keadaan dalam kata-kata di layar: Diterima, Dibaca, Selesai, Sudah ada, Gagal.")
    message: str
    finished: bool = Field(description="true bila berkas ini tidak lagi dikerjakan.")
    document_id: int | None = Field(description="Dokumennya, setelah dibaca (juga dokumen yang sudah ada).")
    document_url: str | None
    ocr_read: int = Field(description="Halaman pindaian yang sudah dibaca OCR, dari ocr_total.")
    ocr_total: int


class UploadProgress(Answer):
    id: int
    organisation: str
    summary: str = Field(description="Satu kalimat, misalnya \u201c3 berkas: 2 selesai, 1 gagal.\u201d")
    finished: bool = Field(description="true bila setiap berkas selesai; sebelum itu, tanyakan lagi status_url.")
    status_url: str
    files: list[UploadedFile]


def _status(upload: Upload) -> UploadProgress:
    session = db_session()
    files = upload_records.progress(session, upload.id)  # type: ignore[arg-type]
    organisation = session.get(Organisation, upload.organisation_id)
    return UploadProgress(
        id=upload.id, organisation=organisation.code, summary=upload_records.summary(files),  # type: ignore[arg-type,union-attr]
        finished=all(item.finished for item in files), status_url=url_for("api.upload_status", upload_id=upload.id),
        files=[UploadedFile(id=item.id, filename=item.filename, status=item.status, label=item.label,  # type: ignore[arg-type]
                            message=item.message, finished=item.finished, document_id=item.document_id,
                            document_url=url_for("api.get_document", document_id=item.document_id)
                            if item.document_id else None, ocr_read=item.ocr_read, ocr_total=item.ocr_total)
               for item in files])


@operation("POST", "/documents", summary="Mengunggah satu atau beberapa berkas; status per berkas langsung dijawab",
           tag=TAG, permission=Permission.UPLOAD, query=UploadQuery, upload=True, response=UploadProgress, status=202,
           description="Sama seperti unggah di web: berkas disimpan dan langsung dijawab dengan status setiap berkas "
                       "(`received`); vault membacanya di latar belakang. Tanyakan `status_url` (juga di header "
                       "Location) sampai `finished` bernilai true; isi yang sama dengan dokumen yang sudah ada "
                       "menjadi `duplicate`.")
def upload(query: UploadQuery) -> Response:
    organisation = own_organisation(query.org, Permission.UPLOAD)
    files = [item for item in request.files.getlist("files") if item and item.filename]
    if not files:
        raise ApiError("invalid_request", "Kirim minimal satu berkas di bidang \u201cfiles\u201d "
                                          "(multipart/form-data).")
    refused = uploads.too_many(len(files), settings().get("upload", "max_files"))
    if refused:
        raise ApiError("invalid_request", refused)
    end_transaction()  # the upload is recorded in a transaction of its own, as the web upload does
    upload_id = uploads.accept(engine(), settings(), [(item.stream, item.filename) for item in files],
                               organisation.id, actor().user.id,  # type: ignore[arg-type]
                               worker.background_for(settings()).enqueue_read)
    received = _status(db_session().get(Upload, upload_id))  # type: ignore[arg-type]
    answer = jsonify(received.model_dump(mode="json"))
    answer.status_code = 202
    answer.headers["Location"] = received.status_url
    return answer


@operation("GET", "/uploads/<id:upload_id>", summary="Status sebuah unggahan: keadaan setiap berkasnya", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=UploadProgress,
           description="Jawaban yang sama dengan unggahnya, terkini. Tanyakan lagi (misalnya tiap beberapa detik) "
                       "sampai `finished` bernilai true.")
def upload_status(upload_id: int) -> UploadProgress:
    found = db_session().get(Upload, upload_id)
    if found is None or not actor().can(Permission.VIEW_DOCUMENTS, found.organisation_id):
        raise ApiError("not_found")  # another organisation's upload answers as one that does not exist
    return _status(found)
