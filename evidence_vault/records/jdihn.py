"""A JDIHN-compatible feed of an organisation's legal products (keys as DOMAIN.md §5).

JDIH member sites send these records to the national network; indicator 44 of SPBE 2020
is the JDIH service itself, so the feed is evidence in its own right.

The feed says "this body established these", so it holds only the organisation's own
instruments: not copies from the shared library, and not regulations of other bodies kept
as references (a province's Pergub, a neighbour's Perbup, a national UU). A document is
the organisation's own when its T.E.U. badan names the organisation; one whose issuer is
not known yet stays out until someone fills in T.E.U. badan on its page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlmodel import Session, col, select

from ..legal.kinds import KINDS
from ..models import Document, Organisation
from .legal_fields import values_of

STATUS_LABELS = {"berlaku": "Berlaku", "diubah": "Diubah", "dicabut": "Dicabut"}


Linker = Callable[[Document, str], str]


def feed(session: Session, organisation_id: int, url_for_document: Linker) -> list[dict[str, Any]]:
    """One record per established legal instrument of the organisation, newest first.

    `url_for_document(document, "detail" | "download")` makes the absolute links.
    """
    organisation = session.get(Organisation, organisation_id)
    documents = session.exec(
        select(Document)
        .where(Document.organisation_id == organisation_id, col(Document.deleted_at).is_(None),
               col(Document.copied_from_id).is_(None),
               col(Document.kind).in_([code for code, kind in KINDS.items() if kind.legal_instrument]),
               col(Document.legal_status).in_(["ditetapkan", "diundangkan"]))
        .order_by(col(Document.legal_year).desc(), col(Document.id).desc())
    ).all()
    found = [(document, values_of(session, document.id)) for document in documents]
    return [_record(document, values, url_for_document) for document, values in found
            if organisation is not None and document.kind not in _NATIONAL_LAWS
            and issued_by(values.get("teu_badan"), organisation.name)]


_NOT_NAMES = {"pemerintah", "dan", "daerah"}
# Enacted by the President and the DPR, not by any body a vault serves: always a reference.
_NATIONAL_LAWS = {"uu", "perppu", "pp", "perpres"}


def issued_by(body: str | None, organisation_name: str) -> bool:
    """Whether a T.E.U. badan ("Kabupaten Badung") names this organisation ("Pemerintah Kabupaten Badung").

    The same reading as the validity rule that flags documents of other bodies: the words of
    one, apart from "pemerintah", "daerah" and "dan", are all among the words of the other.
    """
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]+", text.lower())) - _NOT_NAMES

    theirs, mine = words(body or ""), words(organisation_name)
    return bool(theirs) and bool(mine) and (theirs <= mine or mine <= theirs)


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
