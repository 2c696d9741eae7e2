"""Values received from other agencies' indices (Pemdi 2026 Pasal 7: SDI, SJIG, IPS, IKASANDI).

Local documents cannot raise these indicators. A coordinator records the value the other
agency's index gave, with the document that shows it (a certificate, a letter, a screenshot
of the national portal), and the audit converts it to the framework's scale.
"""

from __future__ import annotations

from sqlmodel import Session, select

from ..frameworks import ExternalIndex
from ..frameworks.registry import framework_by_code
from ..indonesian import decimal, number
from ..models import AssessmentPeriod, Document, ExternalIndexValue, utcnow
from . import events

MAX_NOTE = 2000


class ExternalValueError(ValueError):
    """A value that cannot be recorded; the message is Indonesian."""


def index_of(period: AssessmentPeriod, indicator: str) -> ExternalIndex:
    """The index an indicator of the period's framework takes its value from, or ExternalValueError."""
    framework = framework_by_code(period.framework)
    if not framework.has_indicator(indicator):
        raise ExternalValueError(f"Indikator {indicator!r} tidak ada dalam {framework.name}.")
    index = framework.indicator(indicator).index
    if index is None:
        raise ExternalValueError(f"Nilai indikator {indicator} berasal dari bukti dokumen, bukan dari indeks "
                                 "instansi lain. Tautkan dokumennya dan isi penilaian mandiri.")
    return index


def set_value(session: Session, period: AssessmentPeriod, indicator: str, value: float,
              source_document_id: int | None, note: str, actor_id: int | None) -> ExternalIndexValue:
    """Record or change the value received; every change is an event with the old and new value."""
    index = index_of(period, indicator)
    if not index.minimum <= value <= index.maximum:
        raise ExternalValueError(f"Nilai {index.short} harus antara {_plain(index.minimum)} dan "
                                 f"{_plain(index.maximum)}; yang diisi {_plain(value)}.")
    if source_document_id is not None:
        document = session.get(Document, source_document_id)
        if document is None or document.organisation_id != period.organisation_id or document.deleted_at is not None:
            raise ExternalValueError("Dokumen sumber tidak ditemukan di arsip instansi ini. Unggah dulu "
                                     "sertifikat atau surat hasil indeksnya, lalu pilih dokumen itu.")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ExternalValueError(f"Catatan terlalu panjang (maksimal {MAX_NOTE} karakter).")
    row = value_of(session, period.id, indicator)  # type: ignore[arg-type]
    old = row.value if row else None
    row = row or ExternalIndexValue(period_id=period.id, indicator=indicator, value=value)
    row.value, row.source_document_id, row.note = value, source_document_id, note
    row.updated_by_id, row.updated_at = actor_id, utcnow()
    session.add(row)
    events.record(session, "external.set", actor_id=actor_id, organisation_id=period.organisation_id,
                  object_type="period", object_id=period.id, indicator=indicator, old_value=old, new_value=value)
    return row


def remove_value(session: Session, period: AssessmentPeriod, indicator: str, actor_id: int | None) -> bool:
    """Forget a value (entered by mistake); False when there was none."""
    row = value_of(session, period.id, indicator)  # type: ignore[arg-type]
    if row is None:
        return False
    events.record(session, "external.remove", actor_id=actor_id, organisation_id=period.organisation_id,
                  object_type="period", object_id=period.id, indicator=indicator, old_value=row.value)
    session.delete(row)
    return True


def value_of(session: Session, period_id: int, indicator: str) -> ExternalIndexValue | None:
    return session.exec(select(ExternalIndexValue).where(ExternalIndexValue.period_id == period_id,
                                                         ExternalIndexValue.indicator == indicator)).first()


def values_of(session: Session, period_id: int) -> dict[str, ExternalIndexValue]:
    return {row.indicator: row
            for row in session.exec(select(ExternalIndexValue).where(ExternalIndexValue.period_id == period_id))}


def parse_value(text: str) -> float:
    """A value as people type it ('68,75', '68.75'); ExternalValueError when it is not a number."""
    try:
        return decimal(text)
    except ValueError:
        raise ExternalValueError(f"Nilai {text.strip()!r} bukan angka. Tulis misalnya 68,75.") from None


def _plain(value: float) -> str:
    return number(value, 0) if float(value).is_integer() else number(value, 2).rstrip("0")
