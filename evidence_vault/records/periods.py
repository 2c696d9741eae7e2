"""Assessment periods: which framework an organisation is assessed against, for which year."""

from __future__ import annotations

from sqlmodel import Session, col, select

from ..frameworks import DEFAULT_FRAMEWORK, FrameworkError, builtin_codes
from ..frameworks.registry import framework_by_code
from ..models import AssessmentPeriod, Organisation
from . import events


class PeriodError(ValueError):
    """A period request that cannot be carried out; the message is Indonesian."""


def create_period(session: Session, organisation: Organisation, year: int, framework: str, label: str = "",
                  actor_id: int | None = None) -> AssessmentPeriod:
    """Open a period and make it the current one; earlier periods stay for reference."""
    try:
        framework_by_code(framework)
    except (KeyError, FrameworkError):
        raise PeriodError(f"Kerangka penilaian {framework!r} tidak dikenal (tersedia: "
                          f"{', '.join(builtin_codes())}).") from None
    if not 2018 <= year <= 2100:
        raise PeriodError("Tahun periode tidak wajar.")
    if session.exec(select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation.id,
                                                   AssessmentPeriod.year == year)).first():
        raise PeriodError(f"Periode {year} untuk {organisation.name} sudah ada.")
    for earlier in session.exec(select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation.id)):
        earlier.is_current = False
        session.add(earlier)
    period = AssessmentPeriod(organisation_id=organisation.id, framework=framework, year=year,
                              label=label.strip() or f"Evaluasi {year}")
    session.add(period)
    session.flush()
    events.record(session, "period.create", actor_id=actor_id, organisation_id=organisation.id,
                  object_type="period", object_id=period.id, year=year, framework=framework)
    return period


def current_period(session: Session, organisation_id: int) -> AssessmentPeriod | None:
    statement = (select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation_id)
                 .order_by(col(AssessmentPeriod.is_current).desc(), col(AssessmentPeriod.year).desc()))
    return session.exec(statement).first()


def framework_code_for(session: Session, organisation_id: int) -> str:
    """The framework evidence is tagged under: the current period's, or SPBE 2020 before any period exists."""
    period = current_period(session, organisation_id)
    return period.framework if period else DEFAULT_FRAMEWORK


def periods_of(session: Session, organisation_id: int) -> list[AssessmentPeriod]:
    return list(session.exec(select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation_id)
                             .order_by(col(AssessmentPeriod.year).desc())))
