"""Evidence rules: level templates per indicator type, and indicators built from them.

Each indicator names its `type`; the template of that type gives the criteria of every
level, with `{topic}` filled in from the indicator. An indicator may replace whole
levels (`[[indicators.levels]]`) and add `covers` topics per level. See `loader.py`
for the file format and the requirement vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..legal.kinds import KINDS
from .model import ExternalIndex, Indicator, LevelCriteria, Requirement
from .validation import Problems, Table, check_phrases, check_placeholders

INDICATOR_KINDS = "@indicator"
PLACEHOLDERS = ("topic",)
REQUIREMENT_KEYS = (
    "kinds", "missing", "established", "promulgated", "draft_ok", "review",
    "max_age_years", "after_review", "covers", "min_count", "mentions", "revises",
)
LEVEL_KEYS = ("level", "explanation", "requires", "otherwise")
TEMPLATE_KEYS = ("name", "kinds", "context", "levels")
INDICATOR_KEYS = (
    "code", "name", "aspect", "weight", "type", "topic", "description",
    "kinds", "phrases", "hints", "context", "covers", "levels", "pembina", "variants", "index",
)
INDEX_KEYS = ("name", "short", "source", "scale", "points", "note")


@dataclass(frozen=True)
class Vocabulary:
    """Named groups a file defines once and refers to as `@name`."""

    kind_groups: Mapping[str, tuple[str, ...]]
    phrase_sets: Mapping[str, tuple[str, ...]]
    level_values: tuple[int, ...]

    def kinds(self, names: tuple[str, ...], where: str, problems: Problems, *, allow_indicator: bool) -> None:
        """Check kind codes and `@group` references (and `@indicator` where allowed)."""
        for name in names:
            if name == INDICATOR_KINDS and allow_indicator:
                continue
            if name.startswith("@"):
                if name[1:] not in self.kind_groups:
                    problems.add("", f"{where} names unknown kind group '{name}'")
            elif name not in KINDS:
                problems.add("", f"{where} names unknown document kind '{name}'")

    def expand_kinds(self, names: tuple[str, ...], indicator_kinds: tuple[str, ...] = ()) -> tuple[str, ...]:
        codes: list[str] = []
        for name in names:
            if name == INDICATOR_KINDS:
                members = indicator_kinds
            elif name.startswith("@"):
                members = self.kind_groups.get(name[1:], ())
            else:
                members = (name,)
            codes.extend(code for code in members if code not in codes)
        return tuple(codes)

    def expand_phrases(self, names: tuple[str, ...], where: str, problems: Problems) -> tuple[str, ...]:
        """Replace `@set` by its phrases (checked where the set is defined); check the rest."""
        phrases: list[str] = []
        for name in names:
            if name.startswith("@"):
                if name[1:] not in self.phrase_sets:
                    problems.add(where, f"unknown phrase set '{name}'")
                phrases.extend(self.phrase_sets.get(name[1:], ()))
            else:
                check_phrases((name,), where, problems)
                phrases.append(name)
        for phrase in sorted({phrase for phrase in phrases if phrases.count(phrase) > 1}):
            problems.add(where, f"phrase '{phrase}' listed twice")
        return tuple(phrases)


@dataclass(frozen=True)
class Template:
    """The criteria shared by every indicator of one type, before {topic} is filled in."""

    name: str
    kinds: tuple[str, ...]
    context: tuple[str, ...]
    levels: Mapping[int, LevelCriteria]


def read_templates(data: dict[str, Any], vocabulary: Vocabulary, problems: Problems) -> dict[str, Template]:
    templates = {}
    for key, value in data.items():
        where = f"template '{key}'"
        table = Table(value, where, problems, TEMPLATE_KEYS)
        kinds = table.texts("kinds", required=True)
        vocabulary.kinds(kinds, where, problems, allow_indicator=False)
        context = vocabulary.expand_phrases(table.texts("context"), where, problems)
        levels = read_levels(table.tables("levels"), where, vocabulary, problems)
        templates[key] = Template(table.text("name"), kinds, context, levels)
    return templates


def read_levels(items: list[Any], owner: str, vocabulary: Vocabulary, problems: Problems) -> dict[int, LevelCriteria]:
    """Level criteria as written (kinds and texts not yet resolved for an indicator)."""
    levels: dict[int, LevelCriteria] = {}
    for position, item in enumerate(items, start=1):
        table = Table(item, f"{owner} level #{position}", problems, LEVEL_KEYS)
        value = table.integer("level")
        where = f"{owner} level {value}" if owner.startswith("template") else f"level {value} of {owner}"
        table.where = where
        if value not in vocabulary.level_values:
            table.problem(f"level must be one of {', '.join(map(str, vocabulary.level_values))}")
        if value in levels:
            table.problem("level listed twice")
        explanation = table.text("explanation")
        check_placeholders(explanation, PLACEHOLDERS, where, problems)
        requirements = tuple(
            read_requirement(entry, f"{where} requirement {number}", vocabulary, problems)
            for number, entry in enumerate(table.tables("requires"), start=1)
        )
        otherwise = tuple(
            read_requirement(entry, f"{where} alternative requirement {number}", vocabulary, problems)
            for number, entry in enumerate(table.tables("otherwise", required=False), start=1)
        )
        for option in (requirements, otherwise):
            if any(requirement.after_review for requirement in option) and not any(
                requirement.review for requirement in option
            ):
                table.problem("after_review needs a requirement with review = true in the same set")
        levels[value] = LevelCriteria(value, explanation, requirements, otherwise)
    return levels


def read_requirement(item: Any, where: str, vocabulary: Vocabulary, problems: Problems) -> Requirement:
    table = Table(item, where, problems, REQUIREMENT_KEYS)
    kinds = table.texts("kinds", required=True)
    if table.has("kinds") and not kinds:
        table.problem("kinds must name at least one document kind")
    vocabulary.kinds(kinds, where, problems, allow_indicator=True)
    missing = table.text("missing")
    check_placeholders(missing, PLACEHOLDERS, where, problems)
    covers = vocabulary.expand_phrases(table.texts("covers"), where, problems)
    resolved: list[str] = []
    for name in kinds:
        for code in (name,) if name == INDICATOR_KINDS else vocabulary.expand_kinds((name,)):
            if code not in resolved:
                resolved.append(code)
    requirement = Requirement(
        kinds=tuple(resolved),
        missing=missing,
        established=table.flag("established"),
        promulgated=table.flag("promulgated"),
        draft_ok=table.flag("draft_ok"),
        review=table.flag("review"),
        max_age_years=table.number("max_age_years", required=False),
        after_review=table.flag("after_review"),
        covers=covers,
        min_count=table.integer("min_count", required=False, default=1),
        mentions=table.flag("mentions"),
        revises=table.flag("revises"),
    )
    if requirement.draft_ok and (requirement.established or requirement.promulgated):
        table.problem("draft_ok contradicts established/promulgated")
    if requirement.max_age_years is not None and requirement.max_age_years <= 0:
        table.problem("max_age_years must be positive")
    if requirement.min_count < 1:
        table.problem("min_count must be at least 1")
    check_instruments(requirement, tuple(code for code in resolved if code != INDICATOR_KINDS), where, problems)
    return requirement


def check_instruments(requirement: Requirement, codes: tuple[str, ...], where: str, problems: Problems) -> None:
    """Only legal instruments can be established, only regulations promulgated."""
    for code in codes:
        kind = KINDS.get(code)
        if kind is None:
            continue
        if requirement.established and not kind.legal_instrument:
            problems.add(where, f"established = true but '{code}' is not a legal instrument")
        if requirement.promulgated and not kind.needs_promulgation:
            problems.add(where, f"promulgated = true but '{code}' is not promulgated in a gazette")


def read_indicator(
    item: Any, position: int, templates: Mapping[str, Template], vocabulary: Vocabulary, problems: Problems
) -> Indicator:
    table = Table(item, f"indicator #{position}", problems, INDICATOR_KEYS)
    code = table.text("code", default=f"#{position}")
    where = table.where = f"indicator {code}"
    name = table.text("name")
    weight = table.number("weight")
    if weight is not None and weight <= 0:
        table.problem("weight must be positive")
    external = table.has("index")  # its value comes from another agency's index: no ladder to follow
    type_name = table.text("type", required=not external)
    template = templates.get(type_name)
    if type_name and template is None:
        table.problem(f"unknown type '{type_name}' (templates: {', '.join(sorted(templates))})")
    kinds = table.texts("kinds") if table.has("kinds") else (template.kinds if template else ())
    vocabulary.kinds(kinds, where, problems, allow_indicator=False)
    kinds = vocabulary.expand_kinds(kinds)
    phrases = vocabulary.expand_phrases(table.texts("phrases", required=True), where, problems)
    if table.has("phrases") and not phrases:
        table.problem("phrases must list at least one key phrase")
    hints = vocabulary.expand_phrases(table.texts("hints"), where, problems)
    for phrase in sorted(set(phrases) & set(hints)):
        table.problem(f"'{phrase}' is both a phrase and a hint")
    context = (
        vocabulary.expand_phrases(table.texts("context"), where, problems) if table.has("context")
        else (template.context if template else ())
    )
    topic = table.text("topic", required=False, default=name)
    levels = dict(template.levels) if template else {}
    levels.update(read_levels(table.tables("levels", required=False), where, vocabulary, problems))
    covers = _read_covers(table, vocabulary, problems)
    criteria = []
    for value in vocabulary.level_values:
        if value not in levels:
            if template is not None and not external:
                table.problem(f"no criteria for level {value}")
            continue
        extra = tuple(phrase for level, topics in sorted(covers.items()) if level <= value for phrase in topics)
        criteria.append(_resolve(levels[value], topic, kinds, extra, f"level {value} of {where}", problems))
    return Indicator(
        code=code, name=name, aspect=table.text("aspect"), weight=weight or 0.0, type=type_name,
        topic=topic, description=table.text("description"), kinds=kinds, phrases=phrases, hints=hints,
        context=context, criteria=tuple(criteria), pembina=table.texts("pembina"), variants=table.texts("variants"),
        index=_read_index(table, vocabulary, problems) if table.has("index") else None,
    )


def _read_index(owner: Table, vocabulary: Vocabulary, problems: Problems) -> ExternalIndex | None:
    """`[indicators.index]`: the index, its scale, and the points that convert it to the framework's levels."""
    table = Table(owner.mapping("index"), f"{owner.where} index", problems, INDEX_KEYS)
    scale = owner.mapping("index").get("scale")
    points = owner.mapping("index").get("points")
    if not (isinstance(scale, list) and len(scale) == 2 and all(isinstance(x, int | float) for x in scale)):
        table.problem("scale must be [minimum, maximum]")
        return None
    if not (isinstance(points, list) and len(points) >= 2 and all(
            isinstance(point, list) and len(point) == 2 and all(isinstance(x, int | float) for x in point)
            for point in points)):
        table.problem("points must be a list of [index value, level] pairs, at least two")
        return None
    xs, ys = [float(point[0]) for point in points], [float(point[1]) for point in points]
    if xs != sorted(xs) or xs[0] != scale[0] or xs[-1] != scale[1]:
        table.problem("points must rise along the index and cover its whole scale")
    top = max(vocabulary.level_values, default=5)
    if any(not 0 <= y <= top for y in ys) or ys != sorted(ys):
        table.problem(f"levels of points must rise and stay within 0..{top}")
    return ExternalIndex(name=table.text("name"), short=table.text("short"), source=table.text("source"),
                         minimum=float(scale[0]), maximum=float(scale[1]),
                         points=tuple(zip(xs, ys, strict=True)), note=table.text("note", required=False))


def _read_covers(table: Table, vocabulary: Vocabulary, problems: Problems) -> dict[int, tuple[str, ...]]:
    covers: dict[int, tuple[str, ...]] = {}
    for key, value in table.mapping("covers").items():
        if not key.isdigit() or int(key) not in vocabulary.level_values:
            table.problem(f"covers: '{key}' is not a level")
            continue
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            table.problem(f"covers.{key} must be a list of text")
            continue
        covers[int(key)] = vocabulary.expand_phrases(tuple(value), f"{table.where} covers.{key}", problems)
    return covers


def _resolve(
    level: LevelCriteria, topic: str, kinds: tuple[str, ...], covers: tuple[str, ...], where: str,
    problems: Problems,
) -> LevelCriteria:
    """Fill in {topic} and `@indicator`; the indicator's covers go to the first requirement of each set."""
    options = []
    for option in (level.requirements, level.otherwise):
        requirements = []
        for number, requirement in enumerate(option, start=1):
            resolved = replace(
                requirement,
                kinds=_expand(requirement.kinds, kinds),
                missing=_fill(requirement.missing, topic),
                covers=requirement.covers + (covers if number == 1 and not requirement.draft_ok else ()),
            )
            if INDICATOR_KINDS in requirement.kinds:
                check_instruments(resolved, kinds, f"{where} requirement {number}", problems)
            requirements.append(resolved)
        options.append(tuple(requirements))
    return LevelCriteria(level.level, _fill(level.explanation, topic), options[0], options[1])


def _expand(names: tuple[str, ...], indicator_kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Replace `@indicator` by the indicator's kinds (groups were expanded when read)."""
    codes: list[str] = []
    for name in names:
        for code in indicator_kinds if name == INDICATOR_KINDS else (name,):
            if code not in codes:
                codes.append(code)
    return tuple(codes)


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, topic: str) -> str:
    try:
        return text.format_map(_Fill(topic=topic))
    except (ValueError, IndexError):
        return text  # the placeholder check has reported it
