"""Plain data in and out of the audit: no database, no Flask."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..legal.kinds import KINDS
from ..tagging.coverage import ElementStatus

# Document findings that make a document unusable as evidence, whatever the level and the date.
DISQUALIFYING = frozenset({"shared_copy", "no_text"})
# Document findings that mean the instrument is not (yet) legally established.
NOT_ESTABLISHED = frozenset({"draft", "no_number", "no_enactment_date", "not_signed"})
# What an instrument does: sets a policy, only amends one, only repeals one.
POLICY, AMENDMENT, REPEAL = "policy", "amendment", "repeal"


@dataclass(frozen=True)
class Cited:
    """A document another one names: by kind, number and year, or only by kind and subject."""

    kind: str | None
    number: str | None
    year: int | None
    title: str = ""


@dataclass(frozen=True)
class Evidence:
    """One document offered for an indicator, with the facts the level rules look at.

    Facts that depend on a date (repealed, expired, not yet existing) are kept as dates and
    judged against the assessment date, so one audit can be asked "as of" any day.
    """

    document_id: int
    title: str
    kind: str | None
    link_state: str  # confirmed | verified (suggested and rejected never count)
    link_level: int | None
    legal_status: str | None  # rancangan | ditetapkan | diundangkan
    in_force: str  # berlaku | diubah | dicabut, as recorded today (shown; the audit judges by date)
    findings: tuple[str, ...]
    metadata_confirmed: bool
    dated: date | None
    pages: tuple[str, ...] = ()  # the text, for content requirements
    via: str = ""  # "spbe-2020 3" when linked under the other framework (crosswalk)
    number: str | None = None  # the regulation's own number and year, to recognise reviews citing it
    year: str | None = None
    subject: str = ""  # what it is about (tentang), to recognise reviews citing it by title
    role: str = POLICY
    repealed_on: date | None = None  # when a repeal by another document of the body takes effect
    amended_by: tuple[int, ...] = ()  # documents of the body that amend it
    valid_until: date | None = None  # an expiry the document states (certificates, agreements)
    reviewed: tuple[Cited, ...] = ()  # what it reviews (minutes and reports of a review)
    meeting: date | None = None  # the day of the meeting it records

    @property
    def is_draft(self) -> bool:
        return self.legal_status == "rancangan" or "draft" in self.findings

    @property
    def other_body(self) -> bool:
        return "other_body" in self.findings or "shared_copy" in self.findings

    @property
    def established(self) -> bool:
        """Numbered, dated, signed (and not a draft), and promulgated when it is a regulation (UU 12/2011
        art. 81-87: a Perda or Perkada binds only once in the Lembaran/Berita Daerah)."""
        if set(self.findings) & NOT_ESTABLISHED or self.legal_status not in ("ditetapkan", "diundangkan"):
            return False
        return not (self.kind in KINDS and KINDS[self.kind].needs_promulgation) or self.legal_status == "diundangkan"

    @property
    def review_date(self) -> date | None:
        return self.meeting or self.dated

    def standing(self, on: date) -> str | None:
        """Why the document cannot count on this day, or None when it can."""
        if set(self.findings) & DISQUALIFYING:
            return "no_text" if "no_text" in self.findings else "shared_copy"
        if self.other_body:
            return "other_body"
        if self.dated is not None and self.dated > on:
            return "later"
        if self.repealed_on is not None and self.repealed_on <= on:
            return "repealed"
        if self.valid_until is not None and self.valid_until < on:
            return "expired"
        return None

    @property
    def usable(self) -> bool:
        """Counts as of today (for views that have no assessment date)."""
        return self.standing(date.today()) is None


@dataclass(frozen=True)
class Received:
    """The value an external-index indicator received from another agency (Pemdi 2026 Pasal 7)."""

    value: float  # on the index's own scale
    document_id: int | None = None  # the certificate, letter or screenshot that shows it
    note: str = ""


@dataclass(frozen=True)
class IndicatorFinding:
    code: str
    message: str


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    weight: float
    aspect: str
    domain: str | None
    claimed: float | None
    supported: float
    next_missing: str | None  # what the next level still needs, in plain words
    findings: tuple[IndicatorFinding, ...]
    evidence: tuple[Evidence, ...]
    suggested: int = 0  # suggestions still waiting for a person
    missing_elements: tuple[str, ...] = ()  # content the next level needs and no document regulates
    checklist: tuple[ElementStatus, ...] = ()  # every content element, where it is regulated (policies)
    explanation: str = ""  # "Didukung sampai tingkat 3: ... Tingkat 4 belum: ..."
    first_unmet: str | None = None  # why the next level is not reached: validity, content, review_missing, ...
    used: tuple[int, ...] = ()  # the documents the supported level rests on
    external: str | None = None  # "nilai dari indeks instansi lain": the source of an external-index value
    estimated: bool = False  # judged from documents only until the other agency's value is recorded

    @property
    def gap(self) -> float:
        return max(0.0, (self.claimed or 0) - self.supported)

    @property
    def status(self) -> str:
        """For colouring: external (the value comes from another agency's index, whatever the
        documents), none (no evidence), unclaimed (evidence, no level claimed yet: nothing to
        match), short (below the claim), ok (supported at the claimed level)."""
        if self.external is not None:
            return "external"
        if not self.evidence:
            return "none"
        if self.claimed is None:
            return "unclaimed"
        return "short" if self.gap else "ok"


@dataclass(frozen=True)
class GroupScore:
    """A domain's or aspect's index from supported and from claimed levels."""

    code: str
    name: str
    weight: float
    supported: float
    claimed: float


@dataclass(frozen=True)
class AuditResult:
    organisation: str
    period: str
    year: int
    framework: str
    framework_name: str
    assessed_on: date
    strict: bool
    supported_index: float
    claimed_index: float
    supported_band: str
    claimed_band: str
    domains: tuple[GroupScore, ...]
    aspects: tuple[GroupScore, ...]
    indicators: tuple[IndicatorResult, ...]
    top_gaps: tuple[tuple[str, float], ...] = field(default=())  # (indicator code, index points to gain)

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON form (`evidence-vault audit --format json`); keys are only added, never renamed."""
        return {
            "organisation": self.organisation, "period": self.period, "year": self.year,
            "framework": self.framework, "framework_name": self.framework_name,
            "assessed_on": self.assessed_on.isoformat(), "strict_review": self.strict,
            "index": {"supported": round(self.supported_index, 3), "claimed": round(self.claimed_index, 3),
                      "supported_band": self.supported_band, "claimed_band": self.claimed_band},
            "domains": [asdict(group) for group in self.domains],
            "aspects": [asdict(group) for group in self.aspects],
            "indicators": [_indicator_dict(item) for item in self.indicators],
            "top_gaps": [{"indicator": code, "index_points": round(points, 4)} for code, points in self.top_gaps],
        }


def _indicator_dict(item: IndicatorResult) -> dict[str, Any]:
    return {
        "code": item.code, "name": item.name, "weight": item.weight, "aspect": item.aspect, "domain": item.domain,
        "claimed": item.claimed, "supported": item.supported, "gap": item.gap, "status": item.status,
        "next_level_missing": item.next_missing, "missing_elements": list(item.missing_elements),
        "explanation": item.explanation, "first_unmet": item.first_unmet, "used": list(item.used),
        "external": item.external, "estimated": item.estimated,
        "suggestions_waiting": item.suggested,
        "findings": [{"code": f.code, "message": f.message} for f in item.findings],
        "checklist": [checklist_dict(status) for status in item.checklist],
        "evidence": [{"document_id": e.document_id, "title": e.title, "kind": e.kind, "state": e.link_state,
                      "level": e.link_level, "legal_status": e.legal_status, "in_force": e.in_force,
                      "findings": list(e.findings), "via": e.via or None,
                      "dated": e.dated.isoformat() if e.dated else None} for e in item.evidence],
    }


def checklist_dict(status: ElementStatus) -> dict[str, Any]:
    hit, mention = status.hit, status.only_mentioned
    return {"element": status.element.label, "level": status.element.level, "covered": status.covered,
            "document_id": hit.document_id if hit else None, "page": hit.page if hit else None,
            "pasal": hit.pasal if hit else None, "ayat": hit.ayat if hit else None, "quote": hit.quote if hit else None,
            "only_mentioned_page": mention.page if mention else None,
            "only_mentioned_document_id": mention.document_id if mention else None}
