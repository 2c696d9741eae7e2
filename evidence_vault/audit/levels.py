"""Which level the evidence really supports: the framework's machine-checkable requirements.

Content requirements (`covers`) are met by the documents together: a Perbup and a
Keputusan can between them regulate everything (see `coverage`). A review document
counts only when it cites the policy it reviews (its number and year).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..frameworks import Indicator, Requirement
from ..tagging.coverage import Element as ContentElement
from ..tagging.coverage import ElementStatus, Source, coverage, elements_of, label_of
from .model import Evidence

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Shortfall:
    """Why a level is not reached: the requirement's words, plus what content is missing."""

    message: str
    missing_elements: tuple[str, ...] = ()


def eligible(requirement: Requirement, evidence: Sequence[Evidence], assessed_on: date,
             review_date: date | None = None) -> list[Evidence]:
    """Documents meeting a requirement's kind, validity, age and order conditions (content aside)."""
    return [item for item in evidence if _meets(requirement, item, assessed_on, review_date)]


def _meets(requirement: Requirement, item: Evidence, assessed_on: date, review_date: date | None) -> bool:
    if item.kind not in requirement.kinds or not item.usable:
        return False
    if item.is_draft and not requirement.draft_ok:
        return False
    if requirement.established and not item.established:
        return False
    if requirement.promulgated and item.legal_status != "diundangkan":
        return False
    if requirement.max_age_years is not None:
        if item.dated is None or (assessed_on - item.dated).days > requirement.max_age_years * DAYS_PER_YEAR:
            return False
    return not (requirement.after_review and (review_date is None or item.dated is None
                                              or item.dated <= review_date))


def content(requirement: Requirement, documents: Sequence[Evidence], level: int) -> list[ElementStatus]:
    elements = [ContentElement(label_of(phrase), phrase, level) for phrase in requirement.covers]
    return coverage(elements, [Source(item.document_id, item.pages) for item in documents])


def cites(review: Evidence, policies: Sequence[Evidence]) -> bool:
    """Whether a review document names one of the policies (by number and year)."""
    text = " ".join(" ".join(review.pages).split())
    for policy in policies:
        if policy.number and policy.year:
            number = re.escape(policy.number)
            pattern = rf"(?i)(?:nomor|no\.?)\s*:?\s*{number}\s+tahun\s+{policy.year}|\b{number}\s*/\s*{policy.year}\b"
            if re.search(pattern, text):
                return True
    return False


def level_shortfall(indicator: Indicator, level: int, evidence: Sequence[Evidence],
                    assessed_on: date) -> Shortfall | None:
    """None when every requirement of the level is met; else what is missing, in plain words."""
    review_date: date | None = None
    policies: list[Evidence] = []
    for requirement in indicator.level(level).requirements:
        found = eligible(requirement, evidence, assessed_on, review_date)
        if requirement.review:
            found = [item for item in found if _is_review(requirement, item, level) and cites(item, policies)]
        elif requirement.covers:
            statuses = content(requirement, found, level)
            missing = tuple(status.element.label for status in statuses if not status.covered)
            if missing:
                return Shortfall(_content_message(requirement, statuses), missing)
        if len(found) < requirement.min_count:
            return Shortfall(requirement.missing)
        if requirement.review:
            review_date = max((item.dated for item in found if item.dated), default=None)
        elif requirement.established:
            policies = found
    return None


def _is_review(requirement: Requirement, item: Evidence, level: int) -> bool:
    """A review document must read as a review (its `covers` phrases, e.g. "reviu", "evaluasi")."""
    if not requirement.covers:
        return True
    return all(status.covered for status in content(requirement, [item], level))


def _content_message(requirement: Requirement, statuses: Sequence[ElementStatus]) -> str:
    missing = [status for status in statuses if not status.covered]
    names = ", ".join(status.element.label for status in missing)
    notes = [f"\u201c{status.element.label}\u201d hanya disebut di bagian pertimbangan atau judul "
             f"(hlm. {status.only_mentioned.page}), belum diatur dalam pasal"
             for status in missing if status.only_mentioned]
    message = f"{requirement.missing} Belum mengatur: {names}."
    return message + (" " + "; ".join(notes) + "." if notes else "")


def supported_level(indicator: Indicator, levels: Sequence[int], evidence: Sequence[Evidence],
                    assessed_on: date) -> tuple[int, Shortfall | None]:
    """The highest level whose requirements are all met, and what the next level still lacks."""
    supported = 0
    for level in levels:
        if level_shortfall(indicator, level, evidence, assessed_on) is None:
            supported = level
    following = supported + 1
    missing = level_shortfall(indicator, following, evidence, assessed_on) if following in levels else None
    return supported, missing


def checklist(indicator: Indicator, evidence: Sequence[Evidence]) -> list[ElementStatus]:
    """Every content element of the indicator against the usable, non-draft evidence together."""
    elements = elements_of(indicator)
    if not elements:
        return []
    documents = [item for item in evidence if item.usable and not item.is_draft]
    return coverage(elements, [Source(item.document_id, item.pages) for item in documents])
