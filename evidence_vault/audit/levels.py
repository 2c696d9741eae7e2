"""Which level the evidence really supports: the framework's machine-checkable requirements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from ..frameworks import Indicator, Requirement
from ..frameworks.phrases import CompiledPhrase, compile_phrase
from .model import Evidence

DAYS_PER_YEAR = 365.25


@lru_cache(maxsize=4096)
def _phrase(phrase: str) -> CompiledPhrase:
    return compile_phrase(phrase)


def satisfying(requirement: Requirement, evidence: Sequence[Evidence], assessed_on: date,
               review_date: date | None = None) -> list[Evidence]:
    """The documents that meet one requirement."""
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
    if requirement.after_review and (review_date is None or item.dated is None or item.dated <= review_date):
        return False
    return all(_phrase(phrase).count(item.text) for phrase in requirement.covers)


def level_met(indicator: Indicator, level: int, evidence: Sequence[Evidence], assessed_on: date) -> str | None:
    """None when every requirement of the level is met; else what is missing, in plain words."""
    review_date: date | None = None
    for requirement in indicator.level(level).requirements:
        found = satisfying(requirement, evidence, assessed_on, review_date)
        if len(found) < requirement.min_count:
            return requirement.missing
        if requirement.review:
            review_date = max((item.dated for item in found if item.dated), default=None)
    return None


def supported_level(indicator: Indicator, levels: Sequence[int], evidence: Sequence[Evidence],
                    assessed_on: date) -> tuple[int, str | None]:
    """The highest level whose requirements are all met, and what the next level still lacks."""
    supported = 0
    for level in levels:
        if level_met(indicator, level, evidence, assessed_on) is None:
            supported = level
    following = supported + 1
    missing = level_met(indicator, following, evidence, assessed_on) if following in levels else None
    return supported, missing
