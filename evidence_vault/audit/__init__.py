"""Audit stage: what the evidence really supports, indicator by indicator, before the assessors look.

`compute` is pure (frameworks + plain evidence → `AuditResult`); `collect` reads the inputs
from the database; `run_audit` does both for an organisation and period.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from .. import indonesian
from ..frameworks.registry import framework_by_code
from ..models import Organisation
from ..records import claims, external
from .collect import collect, period_for
from .compute import compute
from .compute import indicator_result as indicator_result_of
from .model import AuditResult, Evidence, GroupScore, IndicatorFinding, IndicatorResult, Received

__all__ = ["AuditError", "AuditResult", "Evidence", "GroupScore", "IndicatorFinding", "IndicatorResult",
           "Received", "compute", "period_for", "run_audit"]


class AuditError(ValueError):
    """An audit that cannot be run; the message is Indonesian."""


def indicator_result(session: Session, organisation: Organisation, framework_code: str,
                     code: str) -> IndicatorResult:
    """One indicator as the audit of the current period sees it (the indicator page shows this).

    When no period of this framework is open, it is judged as of today with nothing claimed.
    """
    framework = framework_by_code(framework_code)
    indicator = framework.indicator(code)
    evidence, suggested, unverified = collect(session, organisation, framework, organisation.strict_review)
    period = period_for(session, organisation, None)
    if period is None or period.framework != framework.code:
        today = indonesian.today_in(organisation.time_zone)  # the body's date, not the server's
        return indicator_result_of(framework, indicator, tuple(evidence.get(code, ())), None, None, today,
                                   organisation.strict_review, suggested.get(code, 0), unverified.get(code, 0))
    claim = claims.claim_of(session, period.id, code)  # type: ignore[arg-type]
    value = external.value_of(session, period.id, code)  # type: ignore[arg-type]
    return indicator_result_of(
        framework, indicator, tuple(evidence.get(code, ())), claim.level if claim else None,
        Received(value.value, value.source_document_id, value.note) if value else None, period.as_of,
        organisation.strict_review, suggested.get(code, 0), unverified.get(code, 0))


def run_audit(session: Session, organisation: Organisation, year: int | None = None,
              assessed_on: date | None = None) -> AuditResult:
    """The audit of an organisation's period (the current one when no year is given), as of the
    period's assessment date unless another date is asked for."""
    period = period_for(session, organisation, year)
    if period is None:
        wanted = f"tahun {year}" if year else "yang aktif"
        raise AuditError(f"{organisation.name} belum memiliki periode penilaian {wanted}. "
                         "Buka periode dulu (menu Indikator, atau evidence-vault period add).")
    framework = framework_by_code(period.framework)
    evidence, suggested, unverified = collect(session, organisation, framework, organisation.strict_review)
    claimed = {code: claim.level for code, claim in claims.claims_of(session, period.id).items()}  # type: ignore[arg-type]
    received = {code: Received(row.value, row.source_document_id, row.note)
                for code, row in external.values_of(session, period.id).items()}  # type: ignore[arg-type]
    return compute(framework, evidence, claimed, organisation=organisation.name, period=period.label,
                   year=period.year, assessed_on=assessed_on or period.as_of, strict=organisation.strict_review,
                   suggested=suggested, unverified=unverified, received=received)
