"""A JDIHN-compatible feed of an organisation's legal products (keys as DOMAIN.md §5).

JDIH member sites send these records to the national network; indicator 44 of SPBE 2020
is the JDIH service itself, so the feed is evidence in its own right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session, col, select

from ..legal.kinds import KINDS
from ..models import Document
from .legal_fields import values_of

STATUS_LABELS = {"berlaku": "Berlaku", "diubah": "Diubah", "dicabut": "Dicabut"}


Linker = Callable[[Document, str], str]


def feed(session: Session, organisation_id: int, url_for_document: Linker) -> list[dict[str, Any]]:
    """One record per established legal instrument of the organisation, newest first.

    `url_for_document(document, "detail" | "download")` makes the absolute links.
    """
    documents = session.exec(
        select(Document)
        .where(Document.organisation_id == organisation_id, col(Document.deleted_at).is_(None),
               col(Document.kind).in_([code for code, kind in KINDS.items() if kind.legal_instrument]),
               col(Document.legal_status).in_(["ditetapkan", "diundangkan"]))
        .order_by(col(Document.legal_year).desc(), col(Document.id).desc())
    ).all()
    return [_record(document, values_of(session, document.id), url_for_document) for document in documents]


def _record(document: Document, values: dict[str, str | None],
            url_for_document: Callable[[Document, str], str]) -> dict[str, Any]:
    kind = KINDS[document.kind] if document.kind in KINDS else None
    promulgated = values.get("tanggal_pengundangan") or ""
    return {
        "idData": str(document.id),
        "tahun_pengundangan": promulgated[:4] or (values.get("tahun") or ""),
        "tanggal_penetapan": values.get("tanggal_penetapan") or "",
        "tanggal_pengundangan": promulgated,
        "jenis": kind.label if kind else "",
        "noPeraturan": values.get("nomor_peraturan") or values.get("nomor") or "",
        "judul": values.get("judul") or document.title,
        "noPanggil": "",
        "singkatanJenis": kind.abbreviation if kind else "",
        "tempatTerbit": values.get("tempat_penetapan") or "",
        "penerbit": values.get("teu_badan") or "",
        "deskripsiFisik": f"{document.page_count} hlm.",
        "sumber": values.get("sumber") or "",
        "subjek": "",
        "isbn": "",
        "status": STATUS_LABELS.get(document.in_force, "Berlaku"),
        "bahasa": "Inggris" if values.get("bahasa") == "en" else "Indonesia",
        "bidangHukum": "",
        "teuBadan": values.get("teu_badan") or "",
        "nomorIndukBuku": "",
        "fileDownload": document.original_filename,
        "urlDownload": url_for_document(document, "download"),
        "abstrak": "",
        "urlAbstrak": "",
        "urlDetailPeraturan": url_for_document(document, "detail"),
        "operasi": "4",
        "display": "1",
    }
