"""Evidence links through the API: the vault's suggestions, submitting, reviewing, and an organisation's list.

The same transitions as the document page (`records.links`): a person submits (links by
hand, or confirms a suggestion), declines a suggestion, removes a link; a reviewer verifies
or rejects a submitted link with a reason.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..frameworks.registry import framework_by_code
from ..models import Document
from ..records import links, periods
from ..records.access import Permission
from ..web.context import commit_and_index, db_session
from .caller import actor
from .errors import ApiError
from .lookup import document_or_404, organisation_or_404
from .operations import operation
from .shapes import Answer, Body, Code, Lines, Link, Links, Query, Text

TAG = "Tautan indikator"


class Submission(Body):
    framework: Code = Field(description="Kode kerangka, misalnya spbe-2020 atau pemdi-2026.")
    indicator: Annotated[str, Field(min_length=1, max_length=16)]
    level: Annotated[int, Field(ge=1, le=5)] | None = Field(None, description="Tingkat yang didukung dokumen.")
    pasal: Annotated[Text, Field(max_length=128)] = ""
    page: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    note: Annotated[Lines, Field(max_length=2000)] = ""


class Reason(Body):
    reason: Annotated[Lines, Field(min_length=1, max_length=2000)] = Field(
        description="Mengapa ditolak (minimal 5 karakter), agar operator tahu apa yang harus diperbaiki.")


def _after(document: Document, link_id: int) -> Link:
    session = db_session()
    commit_and_index(session, document.id)  # type: ignore[arg-type]
    found = next((item for item in links.links_of_document(session, document.id) if item.id == link_id), None)  # type: ignore[arg-type]
    if found is None:
        raise ApiError("not_found")
    return Link.of(found)


@operation("GET", "/documents/<id:document_id>/links", summary="Tautan indikator sebuah dokumen (termasuk saran)",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, response=Links)
def document_links(document_id: int) -> Links:
    document = document_or_404(document_id)
    return Links(items=[Link.of(item) for item in links.links_of_document(db_session(), document.id)])  # type: ignore[arg-type]


@operation("GET", "/documents/<id:document_id>/suggestions",
           summary="Saran indikator dari vault untuk dokumen ini, dengan alasan dan kutipan", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=Links)
def suggestions(document_id: int) -> Links:
    document = document_or_404(document_id)
    return Links(items=[Link.of(item) for item in links.links_of_document(db_session(), document.id)  # type: ignore[arg-type]
                        if item.state == links.SUGGESTED])


@operation("POST", "/documents/<id:document_id>/links", summary="Menautkan dokumen ke indikator dan mengajukannya",
           tag=TAG, permission=Permission.LINK, body=Submission, response=Link, status=201,
           description="Sama seperti di halaman dokumen; saran vault untuk indikator yang sama ikut terkonfirmasi.")
def submit(document_id: int, body: Submission) -> Link:
    document = document_or_404(document_id, Permission.LINK)
    details = links.LinkDetails(level=body.level, pasal=body.pasal, page=body.page, note=body.note)
    created = links.link(db_session(), document, body.framework, body.indicator, details, actor().user.id)
    return _after(document, created.id)  # type: ignore[arg-type]


@operation("POST", "/documents/<id:document_id>/links/<id:link_id>/verify", summary="Penilai memverifikasi tautan",
           tag=TAG, permission=Permission.REVIEW, response=Link)
def verify(document_id: int, link_id: int) -> Link:
    document = document_or_404(document_id, Permission.REVIEW)
    links.verify(db_session(), document, link_id, actor().user.id)
    return _after(document, link_id)


@operation("POST", "/documents/<id:document_id>/links/<id:link_id>/reject",
           summary="Penilai menolak tautan yang diajukan, dengan alasan", tag=TAG, permission=Permission.REVIEW,
           body=Reason, response=Link)
def reject(document_id: int, link_id: int, body: Reason) -> Link:
    document = document_or_404(document_id, Permission.REVIEW)
    links.review_reject(db_session(), document, link_id, body.reason, actor().user.id)
    return _after(document, link_id)


@operation("POST", "/documents/<id:document_id>/suggestions/<id:link_id>/reject",
           summary="Menolak saran vault, dengan alasan", tag=TAG, permission=Permission.LINK, body=Reason,
           response=Link)
def decline(document_id: int, link_id: int, body: Reason) -> Link:
    document = document_or_404(document_id, Permission.LINK)
    links.reject_suggestion(db_session(), document, link_id, body.reason, actor().user.id)
    return _after(document, link_id)


@operation("DELETE", "/documents/<id:document_id>/links/<id:link_id>", summary="Menghapus tautan", tag=TAG,
           permission=Permission.LINK)
def remove(document_id: int, link_id: int) -> None:
    document = document_or_404(document_id, Permission.LINK)
    session = db_session()
    links.remove(session, document, link_id, actor().user.id)
    commit_and_index(session, document.id)  # type: ignore[arg-type]


class EvidenceQuery(Query):
    framework: Code | None = Field(None, description="Bawaan: kerangka periode aktif organisasi.")
    indicator: Annotated[str, Field(min_length=1, max_length=16)] | None = None
    state: Literal["suggested", "confirmed", "verified", "rejected"] | None = None


class Evidence(Answer):
    link: Link
    document_title: str
    document_kind: str | None
    document_status: str | None = Field(description="Status hukum dokumen: rancangan, ditetapkan, diundangkan.")
    in_force: str


class EvidenceList(Answer):
    organisation: str
    framework: str
    items: list[Evidence]


@operation("GET", "/organisations/<code>/evidence",
           summary="Daftar data dukung organisasi: tautan dokumen per indikator (untuk tim penilai)", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, query=EvidenceQuery, response=EvidenceList)
def evidence(code: str, query: EvidenceQuery) -> EvidenceList:
    session = db_session()
    organisation = organisation_or_404(code)
    try:
        framework = framework_by_code(query.framework or periods.framework_code_for(session, organisation.id))  # type: ignore[arg-type]
    except KeyError:
        raise ApiError("not_found") from None
    wanted = [query.indicator] if query.indicator else [item.code for item in framework.indicators]
    rows = links.links_of_indicator(session, [organisation.id], framework.code, wanted)  # type: ignore[list-item]
    return EvidenceList(organisation=organisation.code, framework=framework.code, items=[
        Evidence(link=Link.of(link), document_title=document.title, document_kind=document.kind,
                 document_status=document.legal_status, in_force=document.in_force)
        for link, document in rows if query.state is None or link.state == query.state])
