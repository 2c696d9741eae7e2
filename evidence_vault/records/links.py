"""Evidence links between documents and indicators, and their review.

    suggested ──confirm──► confirmed ──verify──► verified
        │                     │  ▲                  │
        └──reject──► rejected ◄─┘  └──reopen (the document changed)
                                     ◄──reject (reviewer, with a reason)

The vault only ever creates *suggested* links; a person confirms them (or links a
document by hand, which is a confirmation) and a reviewer verifies or rejects them.
Every transition is an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from ..frameworks.registry import framework_by_code
from ..models import Document, DocumentFinding, IndicatorLink, utcnow
from ..tagging import Suggestion
from . import events

SUGGESTED, CONFIRMED, VERIFIED, REJECTED = "suggested", "confirmed", "verified", "rejected"
STATE_LABELS = {SUGGESTED: "Saran", CONFIRMED: "Diajukan", VERIFIED: "Diverifikasi", REJECTED: "Ditolak"}
MAX_SUGGESTIONS = 5
# The findings of a document the audit never counts as a body's own evidence (`audit.model`).
NOT_COUNTED_FINDINGS = ("other_body", "shared_copy")


class LinkError(ValueError):
    """A link request that cannot be carried out; the message is Indonesian."""


@dataclass(frozen=True)
class LinkDetails:
    """What a person says about a link: the level it supports and where in the document."""

    level: int | None = None
    pasal: str = ""
    page: int | None = None
    note: str = ""


def record_suggestions(session: Session, document: Document, suggestions: list[Suggestion]) -> int:
    """Store the vault's suggestions; links a person already decided on are left alone."""
    existing = {(link.framework, link.indicator): link for link in links_of_document(session, document.id)}
    added = 0
    for suggestion in suggestions[:MAX_SUGGESTIONS]:
        link = existing.get((suggestion.framework, suggestion.indicator))
        if link is not None and link.state != SUGGESTED:
            continue
        if link is None:
            link = IndicatorLink(document_id=document.id, framework=suggestion.framework,
                                 indicator=suggestion.indicator, state=SUGGESTED)
            added += 1
        link.score = round(suggestion.score, 3)
        link.matched = [_match_dict(match) for match in suggestion.matches]
        link.page = suggestion.pages[0] if suggestion.pages else None
        link.note = suggestion.reason()[:1000]
        link.updated_at = utcnow()
        session.add(link)
    return added


def _match_dict(match: Any) -> dict[str, Any]:
    return {"phrase": match.phrase, "pages": list(match.pages), "heading": match.in_heading, "hint": match.hint}


def link(session: Session, document: Document, framework: str, indicator: str, details: LinkDetails,
         actor_id: int | None) -> IndicatorLink:
    """A person links a document to an indicator (or confirms the vault's suggestion for it)."""
    _check_indicator(framework, indicator, details.level)
    found = _find(session, document.id, framework, indicator)
    if found is not None and found.state in (CONFIRMED, VERIFIED):
        raise LinkError(f"Dokumen ini sudah ditautkan ke indikator {indicator}.")
    was_suggested = found is not None and found.state == SUGGESTED
    found = found or IndicatorLink(document_id=document.id, framework=framework, indicator=indicator, state=CONFIRMED)
    found.state, found.level, found.pasal = CONFIRMED, details.level, details.pasal.strip()[:128]
    found.page = details.page if details.page is not None else found.page
    found.note = details.note.strip()[:2000] if details.note.strip() or not was_suggested else found.note
    found.reason, found.rejected_in_review = "", False
    found.created_by_id = actor_id
    found.reviewed_by_id, found.reviewed_at, found.updated_at = None, None, utcnow()
    session.add(found)
    session.flush()
    _audit(session, document, found, "link.confirm" if was_suggested else "link.add", actor_id,
           level=details.level, pasal=found.pasal, page=found.page)
    return found


def decide_suggestions(session: Session, organisation_id: int, framework: str, indicator: str, link_ids: list[int],
                       confirm: bool, reason: str, actor_id: int | None) -> int:
    """Confirm (or reject) the vault's suggestions for one indicator, from its page; returns how many.

    Only suggestions of this indicator on the organisation's live documents are decided; one a
    colleague decided meanwhile is left as they decided it. All or nothing: the caller commits.
    """
    decided = 0
    for link_id in dict.fromkeys(link_ids):
        found = session.get(IndicatorLink, link_id)
        if found is None or (found.framework, found.indicator, found.state) != (framework, indicator, SUGGESTED):
            continue
        document = session.get(Document, found.document_id)
        if document is None or document.organisation_id != organisation_id or document.deleted_at is not None:
            continue
        if confirm:
            link(session, document, framework, indicator, LinkDetails(), actor_id)
        else:
            reject_suggestion(session, document, link_id, reason, actor_id)
        decided += 1
    if not decided:
        raise LinkError("Tidak ada saran yang dipilih, atau saran itu sudah diputuskan orang lain. Muat ulang "
                        "halaman, centang dokumennya, lalu coba lagi.")
    return decided


def documents_of_links(session: Session, link_ids: list[int]) -> list[int]:
    """The documents these links belong to (to index them again after a decision)."""
    if not link_ids:
        return []
    statement = select(IndicatorLink.document_id).where(col(IndicatorLink.id).in_(link_ids)).distinct()
    return list(session.exec(statement))


def issued_elsewhere(session: Session, document_ids: list[int]) -> dict[int, str]:
    """Documents another body issued, or copies from the shared library: the audit does not count them.

    Document id → the finding that says so, for a warning beside the document.
    """
    statement = select(DocumentFinding).where(col(DocumentFinding.document_id).in_(document_ids),
                                              col(DocumentFinding.code).in_(NOT_COUNTED_FINDINGS))
    return {finding.document_id: finding.message for finding in session.exec(statement)}


def reject_suggestion(session: Session, document: Document, link_id: int, reason: str, actor_id: int | None) -> None:
    found = _own_link(session, document, link_id)
    if found.state != SUGGESTED:
        raise LinkError("Hanya saran yang dapat ditolak di sini.")
    _reject(session, document, found, reason, actor_id, in_review=False)


def verify(session: Session, document: Document, link_id: int, actor_id: int | None) -> None:
    found = _own_link(session, document, link_id)
    if found.state != CONFIRMED:
        raise LinkError("Hanya tautan yang sudah diajukan yang dapat diverifikasi.")
    found.state, found.reviewed_by_id, found.reviewed_at, found.updated_at = VERIFIED, actor_id, utcnow(), utcnow()
    session.add(found)
    _audit(session, document, found, "link.verify", actor_id)


def review_reject(session: Session, document: Document, link_id: int, reason: str, actor_id: int | None) -> None:
    found = _own_link(session, document, link_id)
    if found.state not in (CONFIRMED, VERIFIED):
        raise LinkError("Hanya tautan yang sudah diajukan yang dapat ditolak penilai.")
    _reject(session, document, found, reason, actor_id, in_review=True)


def remove(session: Session, document: Document, link_id: int, actor_id: int | None) -> None:
    found = _own_link(session, document, link_id)
    _audit(session, document, found, "link.remove", actor_id, state=found.state)
    session.delete(found)


def reopen_for_document(session: Session, document: Document, actor_id: int | None) -> int:
    """The document changed: reviewed links go back to "diajukan" for a fresh review."""
    reopened = 0
    for found in links_of_document(session, document.id):
        if found.state == VERIFIED or (found.state == REJECTED and found.rejected_in_review):
            found.state, found.reviewed_by_id, found.reviewed_at = CONFIRMED, None, None
            found.rejected_in_review, found.updated_at = False, utcnow()
            session.add(found)
            _audit(session, document, found, "link.reopen", actor_id)
            reopened += 1
    return reopened


def _reject(session: Session, document: Document, found: IndicatorLink, reason: str, actor_id: int | None,
            in_review: bool) -> None:
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise LinkError("Tuliskan alasan penolakan (minimal 5 karakter) agar operator tahu apa yang harus diperbaiki.")
    found.state, found.reason, found.rejected_in_review = REJECTED, reason[:2000], in_review
    found.reviewed_by_id, found.reviewed_at, found.updated_at = actor_id, utcnow(), utcnow()
    session.add(found)
    _audit(session, document, found, "link.reject", actor_id, reason=found.reason, in_review=in_review)


def _audit(session: Session, document: Document, found: IndicatorLink, action: str, actor_id: int | None,
           **detail: Any) -> None:
    events.record(session, action, actor_id=actor_id, organisation_id=document.organisation_id,
                  object_type="document", object_id=document.id, framework=found.framework,
                  indicator=found.indicator, **detail)


def _check_indicator(framework: str, indicator: str, level: int | None) -> None:
    try:
        known = framework_by_code(framework)
    except KeyError:
        raise LinkError(f"Kerangka penilaian {framework!r} tidak dikenal.") from None
    if not known.has_indicator(indicator):
        raise LinkError(f"Indikator {indicator!r} tidak ada dalam {known.name}.")
    if level is not None and not 1 <= level <= known.max_level:
        raise LinkError(f"Tingkat harus antara 1 dan {known.max_level}.")


def _find(session: Session, document_id: int, framework: str, indicator: str) -> IndicatorLink | None:
    return session.exec(select(IndicatorLink).where(IndicatorLink.document_id == document_id,
                                                    IndicatorLink.framework == framework,
                                                    IndicatorLink.indicator == indicator)).first()


def _own_link(session: Session, document: Document, link_id: int) -> IndicatorLink:
    found = session.get(IndicatorLink, link_id)
    if found is None or found.document_id != document.id:
        raise LinkError("Tautan tidak ditemukan.")
    return found


def links_of_document(session: Session, document_id: int) -> list[IndicatorLink]:
    statement = select(IndicatorLink).where(IndicatorLink.document_id == document_id)
    return sorted(session.exec(statement), key=lambda found: (found.state != SUGGESTED and 0 or 1, -(found.score or 0)))


def links_of_indicator(session: Session, organisation_ids: list[int] | None, framework: str,
                       indicators: list[str]) -> list[tuple[IndicatorLink, Document]]:
    """Live documents linked (or suggested) for these indicators, within the organisations."""
    statement = (select(IndicatorLink, Document).join(Document, col(Document.id) == col(IndicatorLink.document_id))
                 .where(IndicatorLink.framework == framework, col(IndicatorLink.indicator).in_(indicators),
                        col(Document.deleted_at).is_(None))
                 .order_by(col(IndicatorLink.state), col(Document.title)))
    if organisation_ids is not None:
        statement = statement.where(col(Document.organisation_id).in_(organisation_ids))
    return list(session.exec(statement).all())


def counts_by_indicator(session: Session, organisation_ids: list[int] | None,
                        framework: str) -> dict[str, dict[str, int]]:
    """{indicator: {state: number of live documents}} for the catalogue."""
    statement = (select(IndicatorLink.indicator, IndicatorLink.state)
                 .join(Document, col(Document.id) == col(IndicatorLink.document_id))
                 .where(IndicatorLink.framework == framework, col(Document.deleted_at).is_(None)))
    if organisation_ids is not None:
        statement = statement.where(col(Document.organisation_id).in_(organisation_ids))
    counts: dict[str, dict[str, int]] = {}
    for indicator, state in session.exec(statement):
        counts.setdefault(indicator, {}).setdefault(state, 0)
        counts[indicator][state] += 1
    return counts
