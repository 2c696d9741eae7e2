"""Legal metadata through the API: fields with their provenance, correcting and confirming them, relations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from ..legal import FIELD_ORDER, LABELS
from ..models import LegalField
from ..records import documents, legal_fields
from ..records.access import Permission
from ..web.context import commit_and_index, db_session
from .caller import actor
from .lookup import document_or_404
from .operations import operation
from .shapes import Answer, Body, aware

TAG = "Metadata hukum"
EDITABLE = tuple(name for name in FIELD_ORDER if name != "singkatan_jenis")  # derived from jenis, as on the web


class FieldOut(Answer):
    name: str
    label: str
    value: str | None
    source: str = Field(description="extracted (dibaca dari naskah) atau manual (diisi orang).")
    page: int | None = Field(description="Halaman tempat nilai dibaca.")
    matched: str = Field(description="Kutipan naskah yang menjadi dasar nilai.")
    confidence: float
    confirmed: bool
    confirmed_at: datetime | None

    @classmethod
    def of(cls, item: LegalField) -> FieldOut:
        return cls(name=item.name, label=LABELS.get(item.name, item.name), value=item.value, source=item.source,
                   page=item.page, matched=item.matched, confidence=item.confidence, confirmed=item.confirmed,
                   confirmed_at=aware(item.confirmed_at))


class FindingOut(Answer):
    code: str
    severity: str = Field(description="error, warning atau info.")
    message: str


class Metadata(Answer):
    document_id: int
    confirmed: bool
    in_force: str = Field(description="berlaku, diubah atau dicabut.")
    fields: list[FieldOut]
    findings: list[FindingOut]


class MetadataChange(Body):
    fields: dict[Literal[EDITABLE], Annotated[str, Field(max_length=2000)] | None] = Field(  # type: ignore[valid-type]
        default_factory=dict, description="Unsur yang diubah; null atau \"\" mengosongkan. Unsur lain tetap.")
    confirm: bool = Field(False, description="Tandai semua unsur sudah dicocokkan dengan naskahnya.")


class OutgoingRelation(Answer):
    relation: str = Field(description="mengubah, mencabut, melaksanakan atau mereviu.")
    target_document_id: int | None = Field(description="Dokumen di vault yang dirujuk, bila ditemukan.")
    cited_kind: str
    cited_number: str | None
    cited_year: int | None
    cited_title: str
    citation: str
    page: int | None


class IncomingRelation(Answer):
    relation: str
    document_id: int
    title: str


class Relations(Answer):
    outgoing: list[OutgoingRelation]
    incoming: list[IncomingRelation]


def _metadata(document_id: int) -> Metadata:
    session = db_session()
    document = document_or_404(document_id)
    return Metadata(
        document_id=document.id, confirmed=document.metadata_confirmed, in_force=document.in_force,  # type: ignore[arg-type]
        fields=[FieldOut.of(item) for item in legal_fields.fields_of(session, document.id)],  # type: ignore[arg-type]
        findings=[FindingOut(code=item.code, severity=item.severity, message=item.message)
                  for item in legal_fields.findings_of(session, document.id)])  # type: ignore[arg-type]


@operation("GET", "/documents/<id:document_id>/metadata", summary="Metadata hukum dengan asal setiap nilai", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=Metadata)
def get_metadata(document_id: int) -> Metadata:
    return _metadata(document_id)


@operation("PATCH", "/documents/<id:document_id>/metadata", summary="Mengoreksi dan/atau mengonfirmasi metadata",
           tag=TAG, permission=Permission.EDIT_METADATA, body=MetadataChange, response=Metadata,
           description="Seperti formulir metadata di web: setiap perubahan tercatat di riwayat, dan tautan indikator "
                       "yang sudah ditinjau dibuka kembali untuk ditinjau ulang.")
def change_metadata(document_id: int, body: MetadataChange) -> Metadata:
    document = document_or_404(document_id, Permission.EDIT_METADATA)
    session = db_session()
    documents.edit_metadata(session, document, dict(body.fields), confirm=body.confirm, actor_id=actor().user.id)
    commit_and_index(session, document.id)  # type: ignore[arg-type]
    return _metadata(document_id)


@operation("GET", "/documents/<id:document_id>/relations",
           summary="Hubungan hukum: yang diubah, dicabut, dilaksanakan atau direviu dokumen ini, dan sebaliknya",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, response=Relations)
def relations(document_id: int) -> Relations:
    session = db_session()
    document = document_or_404(document_id)
    return Relations(
        outgoing=[OutgoingRelation(relation=item.relation, target_document_id=item.target_document_id,
                                   cited_kind=item.cited_kind, cited_number=item.cited_number,
                                   cited_year=item.cited_year, cited_title=item.cited_title, citation=item.citation,
                                   page=item.page)
                  for item in legal_fields.outgoing(session, document.id)],  # type: ignore[arg-type]
        incoming=[IncomingRelation(relation=item.relation, document_id=source.id, title=source.title)  # type: ignore[arg-type]
                  for item, source in legal_fields.incoming(session, document.id)])  # type: ignore[arg-type]
