"""Gathering an audit's inputs from the database into plain data."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from sqlmodel import Session, col, select

from ..frameworks import Framework, builtin_codes, builtin_crosswalk
from ..frameworks.registry import framework_by_code
from ..models import (
    AssessmentPeriod,
    Document,
    DocumentFinding,
    DocumentPage,
    DocumentRelation,
    IndicatorLink,
    LegalField,
    Organisation,
)
from .model import AMENDMENT, POLICY, REPEAL, Cited, Evidence

COUNTED = ("confirmed", "verified")
DATE_FIELDS = ("tanggal_penetapan", "tanggal_dokumen", "tanggal_pengundangan")
IDENTITY_FIELDS = ("nomor_peraturan", "tahun", "tentang", "berlaku_sampai", "tanggal_rapat", "tanggal_berlaku")
# Findings recorded at reading time that depend on the day: the audit judges them on its own date.
DATED_FINDINGS = {"repealed", "amended", "expired"}


def collect(session: Session, organisation: Organisation, framework: Framework, strict: bool
            ) -> tuple[dict[str, list[Evidence]], dict[str, int], dict[str, int]]:
    """Evidence per indicator (direct links and links under the crosswalked framework), plus
    the number of suggestions waiting and of links waiting for verification, per indicator."""
    counted_states = ("verified",) if strict else COUNTED
    rows = session.exec(
        select(IndicatorLink, Document).join(Document, col(Document.id) == col(IndicatorLink.document_id))
        .where(Document.organisation_id == organisation.id, col(Document.deleted_at).is_(None))
    ).all()
    mapping = _crosswalk_to(framework)
    links_by_indicator: dict[str, list[tuple[IndicatorLink, Document, str]]] = defaultdict(list)
    suggested: dict[str, int] = defaultdict(int)
    unverified: dict[str, int] = defaultdict(int)
    for link, document in rows:
        targets = [(link.indicator, "")] if link.framework == framework.code else [
            (code, f"{link.framework} {link.indicator}") for code in mapping.get((link.framework, link.indicator), ())]
        for code, via in targets:
            if link.state == "suggested":
                suggested[code] += 1
            elif link.state in counted_states:
                links_by_indicator[code].append((link, document, via))
            elif link.state == "confirmed":
                unverified[code] += 1
    documents = {document.id for entries in links_by_indicator.values() for _link, document, _via in entries}
    facts = _document_facts(session, documents)
    evidence = {code: [_evidence(link, document, via, facts[document.id]) for link, document, via in entries]
                for code, entries in links_by_indicator.items()}
    return evidence, dict(suggested), dict(unverified)


def _crosswalk_to(framework: Framework) -> dict[tuple[str, str], tuple[str, ...]]:
    """(other framework, its indicator) → indicators of this framework."""
    mapping: dict[tuple[str, str], tuple[str, ...]] = {}
    if framework.code not in builtin_codes():
        return mapping
    for other in builtin_codes():
        if other == framework.code:
            continue
        try:
            crosswalk = builtin_crosswalk(framework.code, other)
        except KeyError:
            continue
        for indicator in framework_by_code(other).indicators:
            mapping[(other, indicator.code)] = crosswalk.counterparts(other, indicator.code)
    return mapping


def _document_facts(session: Session, document_ids: set[int]) -> dict[int, dict]:
    facts: dict[int, dict] = {doc_id: {"findings": [], "fields": {}, "pages": [], "changes": [], "reviewed": [],
                                       "amends": False, "repeals": False}
                              for doc_id in document_ids}
    if not document_ids:
        return facts
    for finding in session.exec(select(DocumentFinding).where(col(DocumentFinding.document_id).in_(document_ids))):
        if finding.code not in DATED_FINDINGS:
            facts[finding.document_id]["findings"].append(finding.code)
    for field in session.exec(select(LegalField).where(col(LegalField.document_id).in_(document_ids),
                                                       col(LegalField.name).in_(DATE_FIELDS + IDENTITY_FIELDS))):
        facts[field.document_id]["fields"][field.name] = field.value
    for page in session.exec(select(DocumentPage.document_id, DocumentPage.text)
                             .where(col(DocumentPage.document_id).in_(document_ids))
                             .order_by(col(DocumentPage.document_id), col(DocumentPage.number))):
        facts[page[0]]["pages"].append(page[1])
    _relations(session, document_ids, facts)
    return facts


def _relations(session: Session, document_ids: set[int], facts: dict[int, dict]) -> None:
    """What each document does to others (amends, repeals, reviews) and what others do to it, with when."""
    for relation in session.exec(select(DocumentRelation).where(col(DocumentRelation.document_id).in_(document_ids))):
        own = facts[relation.document_id]
        if relation.relation == "mereviu":
            own["reviewed"].append(Cited(relation.cited_kind or None, relation.cited_number, relation.cited_year,
                                         relation.cited_title))
        elif relation.relation == "mengubah":
            own["amends"] = True
        elif relation.relation == "mencabut":
            own["repeals"] = True
    incoming = session.exec(select(DocumentRelation, Document).join(
        Document, col(Document.id) == col(DocumentRelation.document_id)).where(
        col(DocumentRelation.target_document_id).in_(document_ids),
        col(DocumentRelation.relation).in_(["mengubah", "mencabut"]), col(Document.deleted_at).is_(None))).all()
    sources = {document.id for _relation, document in incoming}
    when = _effective_dates(session, sources)
    for relation, document in incoming:
        if document.legal_status not in ("ditetapkan", "diundangkan"):
            continue  # a draft repeals nothing
        facts[relation.target_document_id]["changes"].append((relation.relation, document.id, when.get(document.id)))


def _effective_dates(session: Session, document_ids: set[int]) -> dict[int, date]:
    """When a document's changes to others take effect: its own in-force date, promulgation, or enactment."""
    found: dict[int, dict[str, str]] = {}
    for field in session.exec(select(LegalField).where(
            col(LegalField.document_id).in_(document_ids),
            col(LegalField.name).in_(["tanggal_berlaku", "tanggal_pengundangan", "tanggal_penetapan"]))):
        found.setdefault(field.document_id, {})[field.name] = field.value
    dates: dict[int, date] = {}
    for document_id, fields in found.items():
        for name in ("tanggal_berlaku", "tanggal_pengundangan", "tanggal_penetapan"):
            if parsed := _date(fields.get(name)):
                dates[document_id] = parsed
                break
    return dates


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _evidence(link: IndicatorLink, document: Document, via: str, facts: dict) -> Evidence:
    fields = facts["fields"]
    dated = next((parsed for name in DATE_FIELDS if (parsed := _date(fields.get(name)))), None)
    repeals = [when or date.min for relation, _source, when in facts["changes"] if relation == "mencabut"]
    subject = fields.get("tentang") or ""
    role = POLICY
    if re.match(r"\s*PENCABUTAN\b", subject, re.IGNORECASE) or (facts["repeals"] and _repeal_only(subject)):
        role = REPEAL
    elif facts["amends"] and re.match(r"\s*PERUBAHAN\b", subject, re.IGNORECASE):
        role = AMENDMENT
    return Evidence(
        document_id=document.id, title=document.title, kind=document.kind or "lainnya", link_state=link.state,  # type: ignore[arg-type]
        link_level=link.level, legal_status=document.legal_status, in_force=document.in_force,
        findings=tuple(sorted(set(facts["findings"]))), metadata_confirmed=document.metadata_confirmed,
        dated=dated, pages=tuple(facts["pages"]), via=via, number=fields.get("nomor_peraturan"),
        year=fields.get("tahun"), subject=subject, role=role, repealed_on=min(repeals) if repeals else None,
        amended_by=tuple(source for relation, source, _when in facts["changes"] if relation == "mengubah"),
        valid_until=_date(fields.get("berlaku_sampai")), reviewed=tuple(facts["reviewed"]),
        meeting=_date(fields.get("tanggal_rapat")),
    )


def _repeal_only(subject: str) -> bool:
    """A title that names only what it ends ("... tentang Pencabutan ...")."""
    return bool(re.search(r"\bPENCABUTAN\b", subject, re.IGNORECASE))


def period_for(session: Session, organisation: Organisation, year: int | None) -> AssessmentPeriod | None:
    statement = select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation.id)
    if year is not None:
        statement = statement.where(AssessmentPeriod.year == year)
    else:
        statement = statement.order_by(col(AssessmentPeriod.is_current).desc(), col(AssessmentPeriod.year).desc())
    return session.exec(statement).first()
