"""Self-assessment (penilaian mandiri): the level an organisation claims per indicator and period."""

from __future__ import annotations

from sqlmodel import Session, select

from ..frameworks.registry import framework_by_code
from ..models import AssessmentPeriod, SelfAssessment, utcnow
from . import events

MAX_JUSTIFICATION = 5000


class ClaimError(ValueError):
    """A claim that cannot be recorded; the message is Indonesian."""


def set_claim(session: Session, period: AssessmentPeriod, indicator: str, level: int, justification: str,
              actor_id: int | None) -> SelfAssessment:
    """Record or change the claimed level; every change is audited with old and new values."""
    framework = framework_by_code(period.framework)
    if not framework.has_indicator(indicator):
        raise ClaimError(f"Indikator {indicator!r} tidak ada dalam {framework.name}.")
    if not 1 <= level <= framework.max_level:
        raise ClaimError(f"Tingkat harus antara 1 dan {framework.max_level}.")
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


def claim_of(session: Session, period_id: int, indicator: str) -> SelfAssessment | None:
    return session.exec(select(SelfAssessment).where(SelfAssessment.period_id == period_id,
                                                     SelfAssessment.indicator == indicator)).first()


def claims_of(session: Session, period_id: int) -> dict[str, SelfAssessment]:
    return {claim.indicator: claim
            for claim in session.exec(select(SelfAssessment).where(SelfAssessment.period_id == period_id))}
