"""The pre-assessment audit through the API: the JSON of `audit --format json`, and its exports as downloads."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response
from pydantic import Field

from .. import audit, db
from ..models import Organisation
from ..records.access import Permission
from ..reports.exports import export, record_export
from ..storage import FileStore
from ..web.context import db_session, engine, settings
from .caller import actor
from .lookup import organisation_or_404
from .operations import operation
from .shapes import Query

TAG = "Audit"
EXPORTS = ("xlsx", "csv", "zip")
MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv",
         "zip": "application/zip"}


class AuditQuery(Query):
    year: int | None = Field(None, ge=2000, le=2100, description="Tahun periode; bawaan: periode aktif.")
    as_of: date | None = Field(None, description="Nilai per tanggal ini (TTTT-BB-HH); bawaan: tanggal penilaian "
                                                  "periode.")


AUDIT_JSON: dict[str, Any] = {
    "type": "object",
    "description": "Sama dengan `evidence-vault audit --format json`: kunci hanya ditambah, tidak pernah diganti.",
    "required": ["organisation", "period", "year", "framework", "assessed_on", "indicators"],
    "additionalProperties": True,
}


def _result(code: str, query: AuditQuery, permission: Permission) -> tuple[Organisation, audit.AuditResult]:
    organisation = organisation_or_404(code, permission)
    return organisation, audit.run_audit(db_session(), organisation, query.year, query.as_of)


@operation("GET", "/organisations/<code>/audit", summary="Audit pra-penilaian (JSON yang sama dengan perintah audit)",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, query=AuditQuery, response=AUDIT_JSON,
           extra_errors=(422,))  # no period yet: the domain's refusal
def get_audit(code: str, query: AuditQuery) -> dict[str, Any]:
    return _result(code, query, Permission.VIEW_DOCUMENTS)[1].as_dict()


@operation("GET", "/organisations/<code>/audit/exports/<any(xlsx,csv,zip):kind>",
           summary="Ekspor audit sebagai XLSX, CSV atau paket bukti ZIP", tag=TAG, permission=Permission.EXPORT,
           query=AuditQuery, files=tuple(MEDIA.values()), extra_errors=(422,),
           description="Setiap ekspor tercatat di riwayat, seperti ekspor dari halaman audit.")
def export_audit(code: str, kind: str, query: AuditQuery) -> Response:
    organisation, result = _result(code, query, Permission.EXPORT)
    produced = export(db_session(), FileStore.of(settings()), result, kind, organisation.code)
    with db.session_scope(engine()) as writer:  # the request only read: the event is a short write of its own
        record_export(writer, produced, result, organisation.id, actor().user.id)  # type: ignore[arg-type]
    return Response(produced.content, content_type=produced.mime, headers={
        "Content-Disposition": f'attachment; filename="{produced.filename}"'})
