"""The first steps of a new organisation, ticked off by what is already in the vault.

A team new to the vault sees, on its home page, the five things that make an assessment:
upload, open a period, claim, link, audit. Each step is read from the records (never
ticked by hand), so it stays true whoever did the work and however it was done (web,
command line, import), and the list disappears once every step is done.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from ..models import AssessmentPeriod, Document, Event, IndicatorLink, SelfAssessment
from .links import CONFIRMED, VERIFIED


@dataclass(frozen=True)
class Step:
    """One step: a key the page links by, what to do, whether it is done."""

    key: str
    label: str
    hint: str
    done: bool


def first_steps(session: Session, organisation_id: int) -> list[Step]:
    """The five steps for an organisation, in the order they are usually done."""

    def exists(statement) -> bool:  # noqa: ANN001 - a select of a count
        return bool(session.exec(statement).one())

    documents = select(func.count()).select_from(Document).where(Document.organisation_id == organisation_id)
    periods = select(func.count()).select_from(AssessmentPeriod).where(
        AssessmentPeriod.organisation_id == organisation_id)
    claims = (select(func.count()).select_from(SelfAssessment)
              .join(AssessmentPeriod, col(AssessmentPeriod.id) == col(SelfAssessment.period_id))
              .where(AssessmentPeriod.organisation_id == organisation_id))
    links = (select(func.count()).select_from(IndicatorLink)
             .join(Document, col(Document.id) == col(IndicatorLink.document_id))
             .where(Document.organisation_id == organisation_id, col(Document.deleted_at).is_(None),
                    col(IndicatorLink.state).in_([CONFIRMED, VERIFIED])))
    exports = select(func.count()).select_from(Event).where(Event.organisation_id == organisation_id,
                                                            Event.action == "export")
    return [
        Step("unggah", "Unggah dokumen", "Peraturan, keputusan, SOP dan laporan: PDF, DOCX atau pindaian.",
             exists(documents)),
        Step("periode", "Buka periode penilaian", "Tahun evaluasi dan kerangkanya (koordinator).", exists(periods)),
        Step("klaim", "Isi penilaian mandiri", "Tingkat yang diklaim untuk sebuah indikator, dengan penjelasannya.",
             exists(claims)),
        Step("tautan", "Ajukan data dukung", "Ajukan dokumen yang disarankan untuk sebuah indikator.", exists(links)),
        Step("audit", "Periksa audit dan unduh hasilnya", "Lihat selisih klaim dan data dukung, lalu unduh XLSX "
             "atau paket ZIP.", exists(exports)),
    ]


def remaining(steps: list[Step]) -> bool:
    """Whether the list is still worth showing."""
    return not all(step.done for step in steps)
