"""Assessment periods: which framework an organisation is assessed against, for which year."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from ..frameworks import DEFAULT_FRAMEWORK, FrameworkError, builtin_codes, framework_for_year
from ..frameworks.registry import framework_by_code
from ..models import AssessmentPeriod, Organisation
from ..plaintext import clean
from . import events


class PeriodError(ValueError):
    """A period request that cannot be carried out; the message is Indonesian."""


def create_period(session: Session, organisation: Organisation, year: int, framework: str | None = None,
                  label: str = "", actor_id: int | None = None, as_of: date | None = None) -> AssessmentPeriod:
    """Open a period and make it the current one; earlier periods stay for reference.

    Without a framework, the one governing that year's evaluation (SPBE 2020 up to 2025,
    Pemdi 2026 from 2026); without an as-of date, the framework's end of evidence upload.
    """
    if not 2018 <= year <= 2100:
        raise PeriodError("Tahun periode tidak wajar.")
    framework = framework or framework_for_year(year)
    try:
        rules = framework_by_code(framework)
    except (KeyError, FrameworkError):
        raise PeriodError(f"Kerangka penilaian {framework!r} tidak dikenal (tersedia: "
                          f"{', '.join(builtin_codes())}).") from None
    as_of = as_of or rules.default_as_of(year)
    _check_as_of(as_of, year)
    if session.exec(select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation.id,
                                                   AssessmentPeriod.year == year)).first():
        raise PeriodError(f"Periode {year} untuk {organisation.name} sudah ada.")
    for earlier in session.exec(select(AssessmentPeriod).where(AssessmentPeriod.organisation_id == organisation.id)):
        earlier.is_current = False
        session.add(earlier)
    period = AssessmentPeriod(organisation_id=organisation.id, framework=framework, year=year, as_of=as_of,
                              label=clean(label).strip() or f"Evaluasi {year}")
    session.add(period)
    session.flush()
    events.record(session, "period.create", actor_id=actor_id, organisation_id=organisation.id,
                  object_type="period", object_id=period.id, year=year, framework=framework,
                  as_of=as_of.isoformat())
    return period


def set_as_of(session: Session, period: AssessmentPeriod, as_of: date, actor_id: int | None) -> AssessmentPeriod:
    """A coordinator moves the assessment date (say, to the day the assessors actually look)."""
    _check_as_of(as_of, period.year)
    old, period.as_of = period.as_of, as_of
    session.add(period)
    events.record(session, "period.as_of", actor_id=actor_id, organisation_id=period.organisation_id,
                  object_type="period", object_id=period.id, old=old.isoformat(), new=as_of.isoformat())
    return period


def _check_as_of(as_of: date, year: int) -> None:
    """An assessment of year Y is judged during Y or the year after (a late interview), never before."""
    if not year - 1 <= as_of.year <= year + 1:
        raise PeriodError(f"Tanggal penilaian {as_of.isoformat()} tidak sesuai dengan periode {year}: "
                          f"pilih tanggal pada tahun {year} (atau sekitarnya).")


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
