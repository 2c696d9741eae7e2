"""The assessment through the API: organisations, periods, self-assessment claims, values from other indices."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from ..models import AssessmentPeriod, ExternalIndexValue, Organisation
from ..records import claims, external, organisations, periods
from ..records.access import Permission
from ..web.context import db_session
from .caller import actor
from .errors import ApiError
from .lookup import organisation_or_404, visible_organisations
from .operations import operation
from .shapes import Answer, Body, Lines, OrganisationOut, Period, Text, aware

TAG = "Organisasi dan penilaian"
Indicator = Annotated[str, Field(min_length=1, max_length=16)]


class Organisations(Answer):
    items: list[OrganisationOut]


class OrganisationChange(Body):
    strict_review: bool = Field(description="Tinjauan ketat: audit hanya menghitung tautan yang diverifikasi penilai.")


class Periods(Answer):
    items: list[Period]


class NewPeriod(Body):
    year: Annotated[int, Field(ge=2018, le=2100)]
    framework: Annotated[str, Field(min_length=1, max_length=32)] | None = Field(
        None, description="Bawaan: kerangka yang berlaku untuk tahun itu.")
    label: Annotated[Text, Field(max_length=255)] = ""
    as_of: date | None = Field(None, description="Tanggal penilaian; bawaan: akhir unggah bukti evaluasi nasional.")


class PeriodChange(Body):
    as_of: date = Field(description="Tanggal penilaian: tingkat, temuan dan umur dokumen dinilai pada tanggal ini.")


class Claim(Answer):
    indicator: str
    level: float
    justification: str
    updated_at: datetime


class Claims(Answer):
    period: Period
    items: list[Claim]


class ClaimChange(Body):
    level: Annotated[float, Field(ge=1, le=5)] = Field(description="Tingkat yang diklaim (Pemdi 2026: boleh 2.5).")
    justification: Annotated[Lines, Field(max_length=5000)] = ""


class ExternalValue(Answer):
    indicator: str
    value: float
    source_document_id: int | None
    note: str
    updated_at: datetime


class ExternalValues(Answer):
    period: Period
    items: list[ExternalValue]


class ExternalValueChange(Body):
    value: Annotated[float, Field(ge=0, le=1_000_000)] = Field(description="Nilai pada skala indeksnya sendiri.")
    source_document_id: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None
    note: Annotated[Lines, Field(max_length=2000)] = ""


def _organisation_out(organisation: Organisation) -> OrganisationOut:
    return OrganisationOut.of(organisation, periods.current_period(db_session(), organisation.id))  # type: ignore[arg-type]


def _period(organisation: Organisation, year: int, current: bool = False) -> AssessmentPeriod:
    found = next((item for item in periods.periods_of(db_session(), organisation.id) if item.year == year), None)  # type: ignore[arg-type]
    if found is None:
        raise ApiError("not_found", f"{organisation.name} belum memiliki periode {year}. Buka periode dulu "
                                    "(POST /organisations/{code}/periods).")
    if current and not found.is_current:
        raise ApiError("refused", f"Periode {year} bukan periode aktif; penilaian mandiri dan nilai indeks diisi pada "
                                  "periode aktif, seperti di halaman indikator.")
    return found


@operation("GET", "/organisations", summary="Organisasi yang dapat dibaca token ini", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=Organisations)
def list_organisations() -> Organisations:
    return Organisations(items=[_organisation_out(item) for item in visible_organisations()])


@operation("GET", "/organisations/<code>", summary="Satu organisasi dengan periode aktifnya", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=OrganisationOut)
def get_organisation(code: str) -> OrganisationOut:
    return _organisation_out(organisation_or_404(code))


@operation("PATCH", "/organisations/<code>", summary="Menyalakan atau mematikan tinjauan ketat", tag=TAG,
           permission=Permission.ASSESS, body=OrganisationChange, response=OrganisationOut)
def change_organisation(code: str, body: OrganisationChange) -> OrganisationOut:
    organisation = organisation_or_404(code, Permission.ASSESS)
    session = db_session()
    if organisation.strict_review != body.strict_review:
        organisations.set_strict_review(session, organisation, body.strict_review, actor().user.id)
        session.commit()
    return _organisation_out(organisation)


@operation("GET", "/organisations/<code>/periods", summary="Periode penilaian organisasi", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=Periods)
def list_periods(code: str) -> Periods:
    organisation = organisation_or_404(code)
    return Periods(items=[Period.of(item) for item in periods.periods_of(db_session(), organisation.id)])  # type: ignore[arg-type]


@operation("POST", "/organisations/<code>/periods", summary="Membuka periode penilaian (menjadi periode aktif)",
           tag=TAG, permission=Permission.ASSESS, body=NewPeriod, response=Period, status=201)
def open_period(code: str, body: NewPeriod) -> Period:
    organisation = organisation_or_404(code, Permission.ASSESS)
    session = db_session()
    created = periods.create_period(session, organisation, body.year, body.framework, body.label,
                                    actor_id=actor().user.id, as_of=body.as_of)
    session.commit()
    return Period.of(created)


@operation("PATCH", "/organisations/<code>/periods/<id:year>", summary="Mengubah tanggal penilaian periode",
           tag=TAG, permission=Permission.ASSESS, body=PeriodChange, response=Period)
def change_period(code: str, year: int, body: PeriodChange) -> Period:
    organisation = organisation_or_404(code, Permission.ASSESS)
    session = db_session()
    found = periods.set_as_of(session, _period(organisation, year), body.as_of, actor().user.id)
    session.commit()
    return Period.of(found)


@operation("GET", "/organisations/<code>/periods/<id:year>/claims", summary="Penilaian mandiri sebuah periode",
           tag=TAG, permission=Permission.VIEW_DOCUMENTS, response=Claims)
def list_claims(code: str, year: int) -> Claims:
    period = _period(organisation_or_404(code), year)
    found = claims.claims_of(db_session(), period.id)  # type: ignore[arg-type]
    return Claims(period=Period.of(period), items=[
        Claim(indicator=item.indicator, level=item.level, justification=item.justification,
              updated_at=aware(item.updated_at)) for item in found.values()])  # type: ignore[arg-type]


@operation("PUT", "/organisations/<code>/periods/<id:year>/claims/<indicator>",
           summary="Menyimpan penilaian mandiri satu indikator (periode aktif)", tag=TAG,
           permission=Permission.ASSESS, body=ClaimChange, response=Claim)
def set_claim(code: str, year: int, indicator: str, body: ClaimChange) -> Claim:
    period = _period(organisation_or_404(code, Permission.ASSESS), year, current=True)
    session = db_session()
    saved = claims.set_claim(session, period, indicator, body.level, body.justification, actor().user.id)
    session.commit()
    return Claim(indicator=saved.indicator, level=saved.level, justification=saved.justification,
                 updated_at=aware(saved.updated_at))  # type: ignore[arg-type]


@operation("GET", "/organisations/<code>/periods/<id:year>/external-values",
           summary="Nilai yang diterima dari indeks instansi lain (SDI, SJIG, IPS, IKASANDI)", tag=TAG,
           permission=Permission.VIEW_DOCUMENTS, response=ExternalValues)
def list_external_values(code: str, year: int) -> ExternalValues:
    period = _period(organisation_or_404(code), year)
    found = external.values_of(db_session(), period.id)  # type: ignore[arg-type]
    return ExternalValues(period=Period.of(period), items=[_value_out(item) for item in found.values()])


def _value_out(row: ExternalIndexValue) -> ExternalValue:
    return ExternalValue(indicator=row.indicator, value=row.value, source_document_id=row.source_document_id,
                         note=row.note, updated_at=aware(row.updated_at))  # type: ignore[arg-type]


@operation("PUT", "/organisations/<code>/periods/<id:year>/external-values/<indicator>",
           summary="Mencatat nilai indeks instansi lain untuk satu indikator (periode aktif)", tag=TAG,
           permission=Permission.ASSESS, body=ExternalValueChange, response=ExternalValue)
def set_external_value(code: str, year: int, indicator: str, body: ExternalValueChange) -> ExternalValue:
    period = _period(organisation_or_404(code, Permission.ASSESS), year, current=True)
    session = db_session()
    saved = external.set_value(session, period, indicator, body.value, body.source_document_id, body.note,
                               actor().user.id)
    session.commit()
    return _value_out(saved)


@operation("DELETE", "/organisations/<code>/periods/<id:year>/external-values/<indicator>",
           summary="Menghapus nilai indeks instansi lain yang salah dicatat", tag=TAG,
           permission=Permission.ASSESS)
def remove_external_value(code: str, year: int, indicator: str) -> None:
    period = _period(organisation_or_404(code, Permission.ASSESS), year, current=True)
    session = db_session()
    if not external.remove_value(session, period, indicator, actor().user.id):
        raise ApiError("not_found", f"Belum ada nilai indeks untuk indikator {indicator} pada periode {year}.")
    session.commit()
