"""Where the documents of an audit are on disk, and the legal fields their package names use."""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..audit import AuditResult
from ..models import Document, LegalField
from ..storage import FileStore
from .package import PackagedFile


def packaged_files(session: Session, store: FileStore, result: AuditResult) -> dict[int, PackagedFile]:
    ids = {evidence.document_id for item in result.indicators for evidence in item.evidence}
    if not ids:
        return {}
    fields: dict[int, dict[str, str | None]] = {}
    for field in session.exec(select(LegalField).where(col(LegalField.document_id).in_(ids),
                                                       col(LegalField.name).in_(["nomor_peraturan", "tahun"]))):
        fields.setdefault(field.document_id, {})[field.name] = field.value
    return {
        document.id: PackagedFile(store.path_for(document.sha256), document.original_filename,  # type: ignore[misc]
                                  fields.get(document.id, {}).get("nomor_peraturan"),
                                  fields.get(document.id, {}).get("tahun"))
        for document in session.exec(select(Document).where(col(Document.id).in_(ids)))
    }
