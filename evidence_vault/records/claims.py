"""Self-assessment (penilaian mandiri): the level an organisation claims per indicator and period."""

from __future__ import annotations

from sqlmodel import Session, select

from ..frameworks.registry import framework_by_code
from ..indonesian import decimal
from ..models import AssessmentPeriod, SelfAssessment, utcnow
from . import events

MAX_JUSTIFICATION = 5000


class ClaimError(ValueError):
    """A claim that cannot be recorded; the message is Indonesian."""


def set_claim(session: Session, period: AssessmentPeriod, indicator: str, level: float, justification: str,
              actor_id: int | None) -> SelfAssessment:
    """Record or change the claimed level; every change is audited with old and new values.

    Frameworks whose assessors give fractional values (Pemdi 2026: 2,5 or 3,75) accept up
    to two decimals; the others accept whole levels only, as their assessors do.
    """
    framework = framework_by_code(period.framework)
    if not framework.has_indicator(indicator):
        raise ClaimError(f"Indikator {indicator!r} tidak ada dalam {framework.name}.")
    index = framework.indicator(indicator).index
    if index is not None and not framework.indicator(indicator).criteria:
        raise ClaimError(f"Nilai indikator {indicator} diambil dari {index.name} ({index.source}), bukan dari "
                         "penilaian mandiri. Catat nilai yang diterima instansi di halaman indikator ini.")
    level = check_level(level, framework.max_level, framework.fractional)
    justification = justification.strip()
    if len(justification) > MAX_JUSTIFICATION:
        raise ClaimError(f"Penjelasan terlalu panjang (maksimal {MAX_JUSTIFICATION} karakter).")
    claim = claim_of(session, period.id, indicator)  # type: ignore[arg-type]
    old = (claim.level, claim.justification) if claim else (None, None)
    claim = claim or SelfAssessment(period_id=period.id, indicator=indicator, level=level)
    claim.level, claim.justification, claim.updated_by_id, claim.updated_at = level, justification, actor_id, utcnow()
    session.add(claim)
    events.record(session, "claim.set", actor_id=actor_id, organisation_id=period.organisation_id,
                  object_type="period", object_id=period.id, indicator=indicator, old_level=old[0], new_level=level)
    return claim


def check_level(level: float, top: int, fractional: bool) -> float:
    """The level as stored, or ClaimError saying which values the framework accepts."""
    if not 1 <= level <= top:
        raise ClaimError(f"Tingkat harus antara 1 dan {top}.")
    if fractional:
        if round(level, 2) != level:
            raise ClaimError("Tingkat boleh pecahan dengan paling banyak dua angka di belakang koma (misalnya 2,5).")
        return level
    if level != int(level):
        raise ClaimError(f"Kerangka ini hanya menerima tingkat bulat 1 sampai {top}.")
    return float(int(level))


def parse_level(text: str) -> float:
    """A level as people type it: '3', '2,5' or '2.5'; ClaimError when it is not a number."""
    try:
        return decimal(text)
    except ValueError:
        raise ClaimError(f"Tingkat {text.strip()!r} bukan angka. Tulis misalnya 3 atau 2,5.") from None


def claim_of(session: Session, period_id: int, indicator: str) -> SelfAssessment | None:
    return session.exec(select(SelfAssessment).where(SelfAssessment.period_id == period_id,
                                                     SelfAssessment.indicator == indicator)).first()


def claims_of(session: Session, period_id: int) -> dict[str, SelfAssessment]:
    return {claim.indicator: claim
            for claim in session.exec(select(SelfAssessment).where(SelfAssessment.period_id == period_id))}
