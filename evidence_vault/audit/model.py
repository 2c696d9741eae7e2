"""Plain data in and out of the audit: no database, no Flask."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..tagging.coverage import ElementStatus

# Document findings that make a document unusable as legal support, whatever the level.
DISQUALIFYING = frozenset({"repealed", "expired", "shared_copy", "no_text"})
# Document findings that mean the instrument is not (yet) legally established.
NOT_ESTABLISHED = frozenset({"draft", "no_number", "no_enactment_date", "not_signed"})


@dataclass(frozen=True)
class Evidence:
    """One document offered for an indicator, with the facts the level rules look at."""

    document_id: int
    title: str
    kind: str | None
    link_state: str  # confirmed | verified (suggested and rejected never count)
    link_level: int | None
    legal_status: str | None  # rancangan | ditetapkan | diundangkan
    in_force: str  # berlaku | diubah | dicabut
    findings: tuple[str, ...]
    metadata_confirmed: bool
    dated: date | None
    pages: tuple[str, ...] = ()  # the text, for content requirements
    via: str = ""  # "spbe-2020 3" when linked under the other framework (crosswalk)
    number: str | None = None  # the regulation's own number and year, to recognise reviews citing it
    year: str | None = None

    @property
    def is_draft(self) -> bool:
        return self.legal_status == "rancangan" or "draft" in self.findings

    @property
    def usable(self) -> bool:
        """Not repealed, expired, a library copy or unreadable, and from the organisation itself."""
        return not (set(self.findings) & DISQUALIFYING) and "other_body" not in self.findings

    @property
    def established(self) -> bool:
        return self.usable and not (set(self.findings) & NOT_ESTABLISHED) and \
            self.legal_status in ("ditetapkan", "diundangkan")


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
    claimed: int | None
    supported: int
    next_missing: str | None  # what the next level still needs, in plain words
    findings: tuple[IndicatorFinding, ...]
    evidence: tuple[Evidence, ...]
    suggested: int = 0  # suggestions still waiting for a person
    missing_elements: tuple[str, ...] = ()  # content the next level needs and no document regulates
    checklist: tuple[ElementStatus, ...] = ()  # every content element, where it is regulated (policies)

    @property
    def gap(self) -> int:
        return max(0, (self.claimed or 0) - self.supported)

    @property
    def status(self) -> str:
        """For colouring: none (no evidence), unclaimed (evidence, no level claimed yet: nothing to match),
        short (below the claim), ok (supported at the claimed level)."""
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
