"""Keeping a document's legal metadata, relations and findings in the database.

Every change goes through `refresh`, which recomputes the document's standing (in force,
amended, repealed), its findings and its summary columns, so that they never disagree.
Relations are resolved within the organisation: a repeal uploaded later finds the older
document, and an older document uploaded later finds the repeal that already cites it.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from ..legal.fields import DATE_FIELDS, FIELD_ORDER, STATUSES, FieldValue, LegalMetadata
from ..legal.kinds import KINDS, label
from ..legal.rules import Facts, Finding, evaluate
from ..models import Document, DocumentFinding, DocumentPage, DocumentRelation, LegalField, Organisation, utcnow
from . import events

RELATION_LABELS = {"mengubah": "Mengubah", "mencabut": "Mencabut", "melaksanakan": "Melaksanakan",
                   "mereviu": "Mereviu"}
INCOMING_LABELS = {"mengubah": "Diubah oleh", "mencabut": "Dicabut oleh", "melaksanakan": "Dilaksanakan oleh",
                   "mereviu": "Direviu dalam"}


class MetadataError(ValueError):
    """A metadata edit that cannot be accepted; the message is Indonesian."""


def record_extracted(session: Session, document: Document, metadata: LegalMetadata) -> None:
    """Store freshly read metadata; values a person entered or confirmed are kept as they are."""
    existing = {field.name: field for field in fields_of(session, document.id)}
    for name, value in metadata.fields.items():
        current = existing.get(name)
        if current is not None and (current.source == "manual" or current.confirmed):
            continue
        if current is None:
            current = LegalField(document_id=document.id, name=name)
        current.value, current.source, current.page = value.value, "extracted", value.page
        current.matched, current.confidence, current.updated_at = value.matched[:2000], value.confidence, utcnow()
        session.add(current)
    for relation in session.exec(select(DocumentRelation).where(DocumentRelation.document_id == document.id,
                                                                DocumentRelation.source == "extracted")):
        session.delete(relation)
    for cited in metadata.relations:
        session.add(DocumentRelation(
            document_id=document.id, relation=cited.relation, cited_kind=cited.citation.kind,
            cited_number=cited.citation.number, cited_year=cited.citation.year,
            cited_title=cited.citation.title[:1000], citation=cited.citation.text[:2000], page=cited.page,
        ))
    session.flush()
    relink(session, document)


def fields_of(session: Session, document_id: int) -> list[LegalField]:
    found = session.exec(select(LegalField).where(LegalField.document_id == document_id)).all()
    return sorted(found, key=lambda f: FIELD_ORDER.index(f.name) if f.name in FIELD_ORDER else len(FIELD_ORDER))


def values_of(session: Session, document_id: int) -> dict[str, str | None]:
    return {field.name: field.value for field in fields_of(session, document_id)}


def update_fields(session: Session, document: Document, changes: dict[str, str | None], *, confirm: bool,
                  actor_id: int | None) -> int:
    """A person corrects values and/or confirms them; every changed value is audited with old and new."""
    _validate(changes)
    existing = {field.name: field for field in fields_of(session, document.id)}
    changed = 0
    for name, new in changes.items():
        new = (new or "").strip() or None
        current = existing.get(name)
        old = current.value if current else None
        if old == new:
            continue
        changed += 1
        if current is None:
            current = existing[name] = LegalField(document_id=document.id, name=name)
        current.value, current.source, current.page, current.matched = new, "manual", None, ""
        current.confidence, current.updated_at = 1.0, utcnow()
        session.add(current)
        events.record(session, "metadata.change", actor_id=actor_id, organisation_id=document.organisation_id,
                      object_type="document", object_id=document.id, field=name, old=old, new=new)
    if confirm:
        for field in existing.values():
            field.confirmed, field.confirmed_by_id, field.confirmed_at = True, actor_id, utcnow()
            session.add(field)
        events.record(session, "metadata.confirm", actor_id=actor_id, organisation_id=document.organisation_id,
                      object_type="document", object_id=document.id)
    session.flush()
    relink(session, document)
    return changed


def _validate(changes: dict[str, str | None]) -> None:
    for name, value in changes.items():
        if name not in FIELD_ORDER:
            raise MetadataError(f"Kolom metadata tidak dikenal: {name}.")
        value = (value or "").strip()
        if not value:
            continue
        if name == "jenis" and value not in KINDS:
            raise MetadataError(f"Jenis dokumen tidak dikenal: {value}.")
        if name == "status" and value not in STATUSES:
            raise MetadataError(f"Status harus salah satu dari: {', '.join(STATUSES)}.")
        if name == "tahun" and not (value.isdigit() and 1945 <= int(value) <= 2100):
            raise MetadataError("Tahun harus berupa angka empat digit, misalnya 2023.")
        if name in DATE_FIELDS:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise MetadataError(f"{name.replace('_', ' ').capitalize()} harus berupa tanggal yang valid.") from None
        if len(value) > 2000:
            raise MetadataError(f"Isian {name} terlalu panjang.")


def relink(session: Session, document: Document) -> None:
    """Resolve this document's citations and the citations that point at it, then refresh all involved."""
    touched = {document.id: document}
    for relation in session.exec(select(DocumentRelation).where(DocumentRelation.document_id == document.id)):
        target = _find_cited(session, document.organisation_id, relation, exclude=document.id)
        if target is not None and relation.target_document_id != target.id:
            relation.target_document_id = target.id
            session.add(relation)
        if relation.target_document_id:
            touched[relation.target_document_id] = session.get(Document, relation.target_document_id)
    key = _citation_key(session, document)
    if key:
        for relation in session.exec(select(DocumentRelation).where(
                col(DocumentRelation.target_document_id).is_(None), DocumentRelation.cited_kind == key[0],
                DocumentRelation.cited_number == key[1], DocumentRelation.cited_year == key[2])):
            source = session.get(Document, relation.document_id)
            if source is not None and source.organisation_id == document.organisation_id and source.id != document.id:
                relation.target_document_id = document.id
                session.add(relation)
    session.flush()
    for item in touched.values():
        if item is not None:
            refresh(session, item)


def _citation_key(session: Session, document: Document) -> tuple[str, str, int] | None:
    values = values_of(session, document.id)
    kind, number, year = values.get("jenis"), values.get("nomor_peraturan"), values.get("tahun")
    if not kind or not number or not year or not year.isdigit():
        return None
    return kind, number, int(year)


def _find_cited(session: Session, organisation_id: int, relation: DocumentRelation, exclude: int) -> Document | None:
    if not relation.cited_number or not relation.cited_year:
        return None
    candidates = session.exec(select(Document).where(
        Document.organisation_id == organisation_id, col(Document.deleted_at).is_(None), Document.id != exclude,
        Document.kind == relation.cited_kind, Document.legal_year == relation.cited_year))
    for candidate in candidates:
        if values_of(session, candidate.id).get("nomor_peraturan") == relation.cited_number:
            return candidate
    return None


def refresh_targets(session: Session, document: Document) -> None:
    """After a document leaves or returns from the trash, the documents it amends or repeals change standing."""
    session.flush()
    for relation in outgoing(session, document.id):
        if relation.target_document_id and (target := session.get(Document, relation.target_document_id)):
            refresh(session, target)


def incoming(session: Session, document_id: int) -> list[tuple[DocumentRelation, Document]]:
    """Relations in which another live document amends or repeals this one."""
    statement = (select(DocumentRelation, Document)
                 .join(Document, col(Document.id) == col(DocumentRelation.document_id))
                 .where(DocumentRelation.target_document_id == document_id, col(Document.deleted_at).is_(None)))
    return list(session.exec(statement).all())


def outgoing(session: Session, document_id: int) -> list[DocumentRelation]:
    return list(session.exec(select(DocumentRelation).where(DocumentRelation.document_id == document_id)))


def refresh(session: Session, document: Document) -> list[Finding]:
    """Recompute standing, findings and the summary columns of one document."""
    values = values_of(session, document.id)
    changes = incoming(session, document.id)
    in_force = "berlaku"
    if any(relation.relation == "mencabut" for relation, _ in changes):
        in_force = "dicabut"
    elif any(relation.relation == "mengubah" for relation, _ in changes):
        in_force = "diubah"
    fields = fields_of(session, document.id)
    organisation = session.get(Organisation, document.organisation_id)
    source = session.get(Document, document.copied_from_id) if document.copied_from_id else None
    publisher = session.get(Organisation, source.organisation_id) if source else None
    facts = Facts(
        values=values,
        has_text=_has_text(session, document),
        confirmed=bool(fields) and all(field.confirmed for field in fields),
        in_force=in_force,
        changed_by=[source.title for relation, source in changes
                    if relation.relation == ("mencabut" if in_force == "dicabut" else "mengubah")],
        organisation_name=organisation.name if organisation else None,
        copied_from=(publisher.name if publisher else "organisasi lain") if document.copied_from_id else None,
    )
    findings = evaluate(facts)
    for old in session.exec(select(DocumentFinding).where(DocumentFinding.document_id == document.id)):
        session.delete(old)
    for finding in findings:
        session.add(DocumentFinding(document_id=document.id, code=finding.code, severity=finding.severity,
                                    message=finding.message))
    document.kind = values.get("jenis")
    year = values.get("tahun")
    document.legal_year = int(year) if year and year.isdigit() else None
    document.legal_status = values.get("status")
    document.in_force = in_force
    document.finding_count = sum(1 for finding in findings if finding.severity != "info")
    document.metadata_confirmed = facts.confirmed
    if values.get("judul") and not document.copied_from_id:
        document.title = values["judul"][:500]  # type: ignore[index]
    session.add(document)
    return findings


def _has_text(session: Session, document: Document) -> bool:
    if document.extraction_status == "failed":
        return False
    pages = session.exec(select(DocumentPage.char_count).where(DocumentPage.document_id == document.id)).all()
    return sum(pages) > 0


def findings_of(session: Session, document_id: int) -> list[DocumentFinding]:
    found = session.exec(select(DocumentFinding).where(DocumentFinding.document_id == document_id)).all()
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda finding: order.get(finding.severity, 3))


def kind_choices() -> list[tuple[str, str]]:
    return [("", "— belum diketahui —")] + [(code, label(code)) for code in KINDS]


def field_value(value: FieldValue | None) -> str | None:
    return value.value if value else None
