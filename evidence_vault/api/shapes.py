"""The API's JSON shapes shared by several areas, as pydantic models.

The same models serialise the answers and describe them in the OpenAPI document, so an
answer cannot drift from its description. Inputs are cleaned like the web forms' text
(`Text`, `Lines`: control and direction-override characters removed, `plaintext.clean`).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..models import AssessmentPeriod, Document, IndicatorLink, Organisation
from ..plaintext import clean
from ..records import history
from .errors import CODES, ApiError

Text = Annotated[str, AfterValidator(lambda value: clean(value).strip())]
Lines = Annotated[str, AfterValidator(lambda value: clean(value, multiline=True).strip())]
Code = Annotated[str, Field(min_length=1, max_length=64)]
Limit = Annotated[int, Field(ge=1, le=200, description="Paling banyak sekian butir per halaman.")]
OrgCode = Annotated[str, Field(min_length=1, max_length=64,
                                description="Hanya organisasi ini (kode); tanpa ini, semua yang dapat dibaca token.")]
Cursor = Annotated[str, Field(max_length=500, description="`next_cursor` dari jawaban sebelumnya.")]


def aware(moment: datetime | None) -> datetime | None:
    """Timestamps leave in UTC with their offset, whatever the database handed back."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Query(BaseModel):
    """Base of the query-string models: unknown parameters are ignored, as browsers' are."""

    model_config = ConfigDict(extra="ignore")


class Body(BaseModel):
    """Base of the JSON bodies: an unknown key is refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class Answer(BaseModel):
    """Base of the answers."""


class ErrorDetail(Answer):
    field: str
    in_: str = Field(alias="in", serialization_alias="in")
    message: str


class ErrorBody(Answer):
    code: str = Field(json_schema_extra={"enum": sorted(CODES)})
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


class Error(Answer):
    """Every refusal: a stable code, an Indonesian message, and per-field details when input was wrong."""

    error: ErrorBody


class Period(Answer):
    year: int
    framework: str
    label: str
    as_of: date
    is_current: bool

    @classmethod
    def of(cls, period: AssessmentPeriod) -> Period:
        return cls(year=period.year, framework=period.framework, label=period.label, as_of=period.as_of,
                   is_current=period.is_current)


class OrganisationOut(Answer):
    code: str
    name: str
    kind: str
    region: str
    strict_review: bool
    current_period: Period | None

    @classmethod
    def of(cls, organisation: Organisation, period: AssessmentPeriod | None) -> OrganisationOut:
        return cls(code=organisation.code, name=organisation.name, kind=organisation.kind, region=organisation.region,
                   strict_review=organisation.strict_review, current_period=Period.of(period) if period else None)


class Ocr(Answer):
    pages_read: int
    pages_waiting: int
    confidence: float | None


class LegalSummary(Answer):
    year: int | None
    status: str | None
    in_force: str
    finding_count: int
    confirmed: bool


class DocumentOut(Answer):
    id: int
    organisation: str
    title: str
    filename: str
    kind: str | None
    size: int
    sha256: str
    file_type: str
    mime: str
    page_count: int
    status: str = Field(description="pending, processing, ok, needs_ocr atau failed.")
    status_message: str
    ocr: Ocr
    legal: LegalSummary
    uploaded_at: datetime
    trashed_at: datetime | None
    shared_at: datetime | None
    copied_from_id: int | None

    @classmethod
    def of(cls, document: Document, organisation: Organisation) -> DocumentOut:
        return cls(
            id=document.id, organisation=organisation.code, title=document.title,  # type: ignore[arg-type]
            filename=document.original_filename, kind=document.kind, size=document.size, sha256=document.sha256,
            file_type=document.file_type, mime=document.mime, page_count=document.page_count,
            status=document.extraction_status, status_message=document.extraction_message,
            ocr=Ocr(pages_read=document.ocr_page_count, pages_waiting=document.ocr_waiting,
                    confidence=document.ocr_confidence),
            legal=LegalSummary(year=document.legal_year, status=document.legal_status, in_force=document.in_force,
                               finding_count=document.finding_count, confirmed=document.metadata_confirmed),
            uploaded_at=aware(document.uploaded_at), trashed_at=aware(document.deleted_at),  # type: ignore[arg-type]
            shared_at=aware(document.shared_at), copied_from_id=document.copied_from_id)


class Link(Answer):
    id: int
    document_id: int
    framework: str
    indicator: str
    state: str = Field(description="suggested (saran), confirmed (diajukan), verified (diverifikasi), rejected.")
    level: int | None
    pasal: str
    page: int | None
    note: str
    score: float | None
    matched: list[dict[str, Any]]
    reason: str
    rejected_in_review: bool
    updated_at: datetime

    @classmethod
    def of(cls, link: IndicatorLink) -> Link:
        return cls(id=link.id, document_id=link.document_id, framework=link.framework,  # type: ignore[arg-type]
                   indicator=link.indicator, state=link.state, level=link.level, pasal=link.pasal, page=link.page,
                   note=link.note, score=link.score, matched=list(link.matched or []), reason=link.reason,
                   rejected_in_review=link.rejected_in_review, updated_at=aware(link.updated_at))  # type: ignore[arg-type]


class Links(Answer):
    items: list[Link]


class EventOut(Answer):
    id: int
    at: datetime
    action: str
    label: str
    actor: str
    via: str | None = Field(description="\"api\" bila dilakukan lewat API; null untuk halaman web dan baris perintah.")
    object_type: str
    object_id: int | None
    detail: dict[str, Any]

    @classmethod
    def of(cls, entry: history.Entry) -> EventOut:
        return cls(id=entry.id, at=aware(entry.at), action=entry.action, label=entry.label,  # type: ignore[arg-type]
                   actor=entry.actor, via=entry.via or None, object_type=entry.object_type,
                   object_id=entry.object_id, detail=entry.detail)


class Events(Answer):
    items: list[EventOut]
    next_cursor: str | None


def encode_cursor(*values: Any) -> str:
    """An opaque cursor for the item after which the next page starts."""
    plain = [{"t": value.isoformat()} if isinstance(value, datetime) else value for value in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(text: str, *kinds: type) -> tuple[Any, ...]:
    """The values an `encode_cursor` cursor holds, checked against the expected kinds; 400 otherwise."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        values = tuple(datetime.fromisoformat(item["t"]) if isinstance(item, dict) else item for item in raw)
        if len(values) != len(kinds) or not all(
                isinstance(value, kind) and not (kind is int and isinstance(value, bool))
                for value, kind in zip(values, kinds, strict=True)):
            raise ValueError(text)
    except (ValueError, TypeError, KeyError):
        raise ApiError("invalid_request", "Kursor halaman tidak dikenali. Mulai lagi dari halaman pertama (tanpa "
                                          "cursor), lalu ikuti next_cursor.") from None
    return values
