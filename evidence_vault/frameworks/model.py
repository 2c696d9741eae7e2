"""The frozen records a framework file becomes once it is loaded and validated."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TypeVar


@dataclass(frozen=True)
class Level:
    """One step of the maturity scale, e.g. 1 Rintisan."""

    value: int
    name: str
    description: str = ""


@dataclass(frozen=True)
class Band:
    """A rating band (predikat): indices from `minimum` (inclusive) up to the next band."""

    name: str
    minimum: float
    level: str = ""  # the level name paired with it ("Kurang (Merintis)"), where the regulation pairs them

    @property
    def label(self) -> str:
        return f"{self.name} ({self.level})" if self.level else self.name


@dataclass(frozen=True)
class Domain:
    code: str
    name: str
    weight: float


@dataclass(frozen=True)
class Aspect:
    """An aspect; `domain` is None in frameworks without domains (Pemdi 2026)."""

    code: str
    name: str
    weight: float
    domain: str | None


@dataclass(frozen=True)
class Requirement:
    """One piece of evidence a level needs; every field can be checked by a machine.

    A document satisfies the requirement when its kind is one of `kinds` and the flags
    hold; `min_count` such documents are needed. `missing` says, in Indonesian, what the
    user lacks when no document satisfies it. The loader documents each field.
    """

    kinds: tuple[str, ...]
    missing: str
    established: bool = False
    promulgated: bool = False
    draft_ok: bool = False
    review: bool = False
    max_age_years: float | None = None
    after_review: bool = False
    covers: tuple[str, ...] = ()
    min_count: int = 1
    mentions: bool = False  # content counts wherever the document names it (a report), not only in its articles
    revises: bool = False  # the document must be a new version or an amendment of the one assessed


@dataclass(frozen=True)
class LevelCriteria:
    """What one indicator needs to be at one level: all `requirements` must be met, or else all of
    `otherwise` (a second way to reach it, e.g. level 1 of a policy: a draft with its drafting
    meeting, *or* a policy already established). `explanation` is the criterion as users read it."""

    level: int
    explanation: str
    requirements: tuple[Requirement, ...]
    otherwise: tuple[Requirement, ...] = ()

    @property
    def options(self) -> tuple[tuple[Requirement, ...], ...]:
        return (self.requirements, self.otherwise) if self.otherwise else (self.requirements,)


@dataclass(frozen=True)
class ExternalIndex:
    """An index another agency computes (SDI, SJIG, IPS, IKASANDI) from which an indicator's value is taken.

    The value received is converted to the framework's scale through `points` (index value,
    level) by straight lines between them: interpolated, not floored (SDI 68.75 gives 3.75).
    """

    name: str
    short: str
    source: str  # the agency that publishes it
    minimum: float
    maximum: float
    points: tuple[tuple[float, float], ...]
    note: str = ""

    def level(self, value: float) -> float:
        """The framework value of an index value, to 2 decimals like the assessors' scores.

        Cut, not rounded: SDI 12,4 is 1,496, inside level 1's range (0-12,5), and must not
        become 1,50, which is the next band's floor.
        """
        value = min(max(value, self.minimum), self.maximum)
        for (x0, y0), (x1, y1) in zip(self.points, self.points[1:], strict=False):
            if x0 <= value <= x1:
                return _two_decimals_down(y0 + (y1 - y0) * (value - x0) / (x1 - x0) if x1 > x0 else y1)
        return _two_decimals_down(self.points[-1][1])


def _two_decimals_down(value: float) -> float:
    return math.floor(value * 100 + 1e-9) / 100


@dataclass(frozen=True)
class Indicator:
    """One indicator with its weight, evidence rules per level and suggestion rules.

    `kinds`: document kinds that fit the indicator (a bonus when suggesting).
    `phrases`: key phrases that identify it; `hints`: supporting words that only count
    alongside a phrase; `context`: when set, at least one must occur in the document
    for the indicator to be suggested at all.
    """

    code: str
    name: str
    aspect: str
    weight: float
    type: str
    topic: str
    description: str
    kinds: tuple[str, ...]
    phrases: tuple[str, ...]
    hints: tuple[str, ...]
    context: tuple[str, ...]
    criteria: tuple[LevelCriteria, ...]
    pembina: tuple[str, ...] = ()  # the central agencies that guide it (instansi pembina)
    variants: tuple[str, ...] = ()  # other names the regulation's tables give it
    index: ExternalIndex | None = None  # when its value comes from another agency's index

    def level(self, value: int) -> LevelCriteria:
        """The criteria for one level."""
        for criteria in self.criteria:
            if criteria.level == value:
                return criteria
        raise KeyError(f"indicator {self.code} has no level {value}")


_Coded = TypeVar("_Coded", Domain, Aspect)


@dataclass(frozen=True, eq=False)
class Framework:
    """An assessment framework: structure, weights, level scale, rating bands, rules.

    Compared by identity: a loaded framework is a value nobody mutates, and identity
    keeps it cheap to use as a cache key (the suggestion rules compile once per framework).
    """

    code: str
    name: str
    source: str
    provisional: bool
    note: str
    levels: tuple[Level, ...]
    bands: tuple[Band, ...]
    domains: tuple[Domain, ...]
    aspects: tuple[Aspect, ...]
    indicators: tuple[Indicator, ...]
    fractional: bool = False  # values may be fractional (Pemdi 2026: 2.5, 3.75)
    first_year: int | None = None  # the evaluation years it governs (None: open-ended)
    last_year: int | None = None
    as_of: tuple[int, int] = (12, 31)  # month and day of a period's default assessment date

    @cached_property
    def _by_code(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @property
    def max_level(self) -> int:
        return max(level.value for level in self.levels)

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code; KeyError naming the framework otherwise."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"{self.code} has no indicator {code!r}") from None

    def has_indicator(self, code: str) -> bool:
        return code in self._by_code

    def find(self, query: str) -> list[Indicator]:
        """Indicators for a picker: "1" is indicator 1 (the exact code) first, then those whose
        name, other names or description say the query; never every code that merely contains a digit."""
        wanted = " ".join(query.lower().split())
        if not wanted:
            return list(self.indicators)
        exact = [item for item in self.indicators if item.code.lower() == wanted]
        named = [item for item in self.indicators if item not in exact and any(
            wanted in text.lower() for text in (item.name, item.description or "", *item.variants))]
        return exact + named

    def governs(self, year: int) -> bool:
        """Whether this framework is the one a `year`'s evaluation uses."""
        return (self.first_year is None or self.first_year <= year) and \
            (self.last_year is None or year <= self.last_year)

    def default_as_of(self, year: int) -> date:
        """The assessment date of a `year` period unless a coordinator sets another: the end of evidence upload."""
        month, day = self.as_of
        return date(year, month, day)

    def domain(self, code: str) -> Domain:
        return _find(self.domains, code, f"{self.code} has no domain {code!r}")

    def aspect(self, code: str) -> Aspect:
        return _find(self.aspects, code, f"{self.code} has no aspect {code!r}")

    def aspects_in(self, domain: str) -> tuple[Aspect, ...]:
        """The aspects of one domain, in framework order."""
        return tuple(aspect for aspect in self.aspects if aspect.domain == domain)

    def indicators_in(self, aspect: str) -> tuple[Indicator, ...]:
        """The indicators of one aspect, in framework order."""
        return tuple(indicator for indicator in self.indicators if indicator.aspect == aspect)

    def level_name(self, value: int) -> str:
        for level in self.levels:
            if level.value == value:
                return level.name
        raise KeyError(f"{self.code} has no level {value}")

    def level_label(self, value: float) -> str:
        """The name of the level a (possibly fractional) value stands at.

        Where the regulation pairs bands with level names (Pemdi: 2,50 to under 3,50 is Baik,
        Berkembang; 4,00 to 5,00 Memuaskan, Unggul), the band says it; otherwise a value takes
        the nearest level's name, halves rounding up.
        """
        if value >= 1 and all(band.level for band in self.bands):
            for band in self.bands:  # highest first
                if value >= band.minimum:
                    return band.level
        nearest = min(max(math.floor(value + 0.5), 1), self.max_level)
        return self.level_name(nearest)

    def index(self, levels: Mapping[str, float]) -> float:
        """Σ weight × level / 100 over the given indicator levels; absent indicators count 0.

        Rounded to 9 decimals so that floating-point noise (2.9999999999999996) cannot
        move an index across a band boundary.
        """
        for code, value in levels.items():
            self.indicator(code)
            if not 0 <= value <= self.max_level:
                raise ValueError(f"level of indicator {code} must be between 0 and {self.max_level}, got {value}")
        total = math.fsum(indicator.weight * levels.get(indicator.code, 0) for indicator in self.indicators)
        return round(total / 100, 9)

    def rating(self, index: float) -> str:
        """The predikat (band name) of an index."""
        if not 0 <= index <= self.max_level:
            raise ValueError(f"index must be between 0 and {self.max_level}, got {index}")
        for band in sorted(self.bands, key=lambda band: band.minimum, reverse=True):
            if index >= band.minimum:
                return band.name
        raise ValueError(f"no band of {self.code} covers index {index}")  # the validator rules this out


def _find(items: tuple[_Coded, ...], code: str, message: str) -> _Coded:
    for item in items:
        if item.code == code:
            return item
    raise KeyError(message)
