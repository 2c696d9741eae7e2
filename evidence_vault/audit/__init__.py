"""Audit stage: what the evidence really supports, indicator by indicator, before the assessors look.

`compute` is pure (frameworks + plain evidence → `AuditResult`); `collect` reads the inputs
from the database; `run_audit` does both for an organisation and period.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from ..frameworks.registry import framework_by_code
from ..models import Organisation
from ..records import claims, external
from ..tagging.coverage import ElementStatus
from .collect import collect, period_for
from .compute import compute
from .evaluate import checklist
from .model import AuditResult, Evidence, GroupScore, IndicatorFinding, IndicatorResult, Received

__all__ = ["AuditError", "AuditResult", "Evidence", "GroupScore", "IndicatorFinding", "IndicatorResult",
           "Received", "compute", "period_for", "run_audit"]


class AuditError(ValueError):
    """An audit that cannot be run; the message is Indonesian."""


def indicator_checklist(session: Session, organisation: Organisation, framework_code: str,
                        code: str) -> list[ElementStatus]:
    """The content checklist of one indicator, from the organisation's counted evidence."""
    framework = framework_by_code(framework_code)
    evidence, _suggested, _unverified = collect(session, organisation, framework, organisation.strict_review)
    period = period_for(session, organisation, None)
    return checklist(framework.indicator(code), evidence.get(code, []), period.as_of if period else date.today())


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
