"""Read a framework file (TOML) into a validated, frozen `Framework`.

File format (one file per framework in `data/`, named `<code>.toml`)::

    code = "spbe-2020"            # matches the file name for built-in frameworks
    name = "..."                  # shown to users
    source = "..."                # the regulation it comes from
    provisional = false           # true while the framework is only known second-hand
    note = "..."                  # optional; why it is provisional, numbering caveats
    first_year = 2020             # optional: the evaluation years it governs (a period of such a
    last_year = 2025              #   year gets this framework by default)
    as_of = "09-15"               # optional: month-day of a period's default assessment date
                                  #   (the end of evidence upload); "12-31" when absent
    fractional = true             # optional: claims and values may be fractional (2.5, 3.75)

    [[levels]]        value = 1, name = "Rintisan", description = "..."   (1..N, no gaps)
    [[bands]]         name = "Kurang", min = 0.0      (inclusive lower bounds; one band at 0),
                      level = "Merintis" (optional: the level name the regulation pairs with it)
    [[domains]]       code, name, weight              (optional: Pemdi 2026 has none)
    [[aspects]]       code, name, weight, domain      (domain only when domains exist)
    [kind_groups]     name = ["perbup", ...]          (referred to as "@name" in kinds lists)
    [phrase_sets]     name = ["satu data", ...]       (referred to as "@name" in phrase lists)
    [templates.<type>]   name, kinds, context, [[templates.<type>.levels]]
    [[indicators]]    code, name, aspect, weight, type (not for an index's indicator), topic, description, kinds,
                      phrases, hints, context, [indicators.covers], [[indicators.levels]]

An indicator may name its `pembina` (the central agencies that guide it), `variants` (other
names the regulation gives it) and an `[indicators.index]`: the other agency's index its value
is taken from (`name`, `short`, `source`, `scale = [min, max]`, `points = [[index value,
level], ...]` rising over the whole scale, interpolated in between). Such an indicator needs
no level requirements: local documents cannot raise it.

Weights are percentages: indicator weights add up to their aspect's weight, aspect
weights to their domain's, and the top level (domains, or aspects without domains) to 100.

A level (`[[templates.<type>.levels]]` or an indicator's own `[[indicators.levels]]`,
which replaces the template's level) has `level`, `explanation` (Indonesian, may use
`{topic}`) and `[[...requires]]`: requirements that must all be met. The requirement
vocabulary, and nothing else (unknown keys are errors):

    kinds          document kinds that count (codes of `kinds.py`, "@group", or
                   "@indicator" = the indicator's own `kinds`); one of them is enough
    missing        what the user lacks when no document meets it (Indonesian, `{topic}`)
    established    the document must be established: numbered and signed (legal instruments only)
    promulgated    it must also be promulgated in a gazette (regulations only)
    draft_ok       a draft (RANCANGAN/DRAFT/KONSEP) is enough; without it drafts do not
                   count; contradicts the two above
    review         this document is the review/evaluation of the level
    max_age_years  the document must be younger than this many years at assessment time
    after_review   the document must be dated after the level's review document
    covers         phrases (syntax of `phrases.py`) the document text must all contain;
                   "a|b" means either
    min_count      how many such documents are needed (default 1)
    mentions       the `covers` phrases count wherever the document names them (a report,
                   a plan); without it only in a policy's operative part (Pasal, dictum, lampiran)
    revises        the document must update the one assessed at this level: amend it, or be a
                   new version of it (the same subject); a derivative rule does not

A level may also give `[[...otherwise]]`: a second set of requirements that reaches it
instead (level 1 of a policy: a draft with its drafting meeting, or a policy already
established). The indicator page and the audit show both, from the same data.

An indicator's `[indicators.covers]` table (`3 = ["proses bisnis", ...]`) adds topics to
the first requirement of that level and every level above it: the content a policy must
regulate. Suggestion rules: `kinds` fit the indicator (score bonus), `phrases` identify
it, `hints` support a phrase, `context` gates it (see `tagging.py`).
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

from .model import Aspect, Band, Domain, Framework, Level
from .rules import Vocabulary, read_indicator, read_templates
from .validation import Problems, Table, check_phrases, check_sum, check_unique, read_toml

TOP_KEYS = (
    "code", "name", "source", "provisional", "note", "fractional", "first_year", "last_year", "as_of",
    "levels", "bands",
    "domains", "aspects", "kind_groups", "phrase_sets", "templates", "indicators",
)


def load_framework(path: Path) -> Framework:
    """Load and validate one framework file; FrameworkError lists every problem found."""
    path = Path(path)
    problems = Problems(path.name)
    top = Table(read_toml(path), "", problems, TOP_KEYS)
    levels = _levels(top, problems)
    vocabulary = Vocabulary(
        kind_groups=_kind_groups(top, problems),
        phrase_sets=_phrase_sets(top, problems),
        level_values=tuple(level.value for level in levels),
    )
    templates = read_templates(top.mapping("templates"), vocabulary, problems)
    if not templates:
        top.problem("templates missing")
    framework = Framework(
        code=top.text("code"),
        name=top.text("name"),
        source=top.text("source"),
        provisional=top.flag("provisional"),
        note=top.text("note", required=False),
        levels=levels,
        bands=_bands(top, problems),
        domains=tuple(_domain(item, n, problems) for n, item in enumerate(top.tables("domains", required=False), 1)),
        aspects=tuple(_aspect(item, n, problems) for n, item in enumerate(top.tables("aspects"), 1)),
        indicators=tuple(
            read_indicator(item, n, templates, vocabulary, problems)
            for n, item in enumerate(top.tables("indicators"), 1)
        ),
        first_year=top.integer("first_year", required=False, default=None),
        last_year=top.integer("last_year", required=False, default=None),
        as_of=_month_day(top),
        fractional=top.flag("fractional"),
    )
    _check_structure(framework, problems)
    problems.raise_if_any()
    return framework


def _month_day(top: Table) -> tuple[int, int]:
    """"09-15" → (9, 15): checked against a leap year, so 29 February is allowed."""
    text = top.text("as_of", required=False, default="12-31")
    try:
        month, day = (int(part) for part in text.split("-"))
        date(2024, month, day)
    except ValueError:
        top.problem(f"as_of must be a month-day like \"09-15\", not {text!r}")
        return 12, 31
    return month, day


def _levels(top: Table, problems: Problems) -> tuple[Level, ...]:
    levels = []
    for position, item in enumerate(top.tables("levels"), start=1):
        table = Table(item, f"level #{position}", problems, ("value", "name", "description"))
        levels.append(Level(table.integer("value"), table.text("name"), table.text("description", required=False)))
    if levels and [level.value for level in levels] != list(range(1, len(levels) + 1)):
        top.problem("levels must be numbered 1, 2, 3, ... in order, without gaps")
    return tuple(levels)


def _bands(top: Table, problems: Problems) -> tuple[Band, ...]:
    bands = []
    for position, item in enumerate(top.tables("bands"), start=1):
        table = Table(item, f"band #{position}", problems, ("name", "min", "level"))
        minimum = table.number("min")
        bands.append(Band(table.text("name"), minimum if minimum is not None else math.nan,
                          table.text("level", required=False)))
    return tuple(sorted(bands, key=lambda band: band.minimum, reverse=True))


def _kind_groups(top: Table, problems: Problems) -> dict[str, tuple[str, ...]]:
    groups = {}
    data = top.mapping("kind_groups")
    table = Table(data, "kind_groups", problems, data.keys())
    for name in table.data:
        groups[name] = table.texts(name, required=True)
    plain = Vocabulary(kind_groups={}, phrase_sets={}, level_values=())  # groups may not nest
    for name, codes in groups.items():
        plain.kinds(codes, f"kind group '{name}'", problems, allow_indicator=False)
    return groups


def _phrase_sets(top: Table, problems: Problems) -> dict[str, tuple[str, ...]]:
    data = top.mapping("phrase_sets")
    table = Table(data, "phrase_sets", problems, data.keys())
    sets = {}
    for name in table.data:
        sets[name] = table.texts(name, required=True)
        check_phrases(sets[name], f"phrase set '{name}'", problems)
    return sets


def _domain(item: Any, position: int, problems: Problems) -> Domain:
    table = Table(item, f"domain #{position}", problems, ("code", "name", "weight"))
    code = table.text("code", default=f"#{position}")
    table.where = f"domain {code}"
    return Domain(code, table.text("name"), table.number("weight") or 0.0)


def _aspect(item: Any, position: int, problems: Problems) -> Aspect:
    table = Table(item, f"aspect #{position}", problems, ("code", "name", "weight", "domain"))
    code = table.text("code", default=f"#{position}")
    table.where = f"aspect {code}"
    domain = table.text("domain", required=False) or None
    return Aspect(code, table.text("name"), table.number("weight") or 0.0, domain)


def _check_structure(framework: Framework, problems: Problems) -> None:
    """Codes unique and referring to each other, weights adding up, bands covering the scale."""
    check_unique((domain.code for domain in framework.domains), "domain", problems)
    check_unique((aspect.code for aspect in framework.aspects), "aspect", problems)
    check_unique((indicator.code for indicator in framework.indicators), "indicator", problems)
    domains = {domain.code for domain in framework.domains}
    aspects = {aspect.code for aspect in framework.aspects}
    for aspect in framework.aspects:
        if domains and aspect.domain not in domains:
            problems.add(f"aspect {aspect.code}", f"unknown domain '{aspect.domain}'")
        if not domains and aspect.domain is not None:
            problems.add(f"aspect {aspect.code}", f"names domain '{aspect.domain}' but the framework has no domains")
        check_sum(sum(i.weight for i in framework.indicators_in(aspect.code)), aspect.weight,
                  f"aspect {aspect.code}", "indicator weights", problems)
    for domain in framework.domains:
        check_sum(sum(a.weight for a in framework.aspects_in(domain.code)), domain.weight,
                  f"domain {domain.code}", "aspect weights", problems)
    for indicator in framework.indicators:
        if indicator.aspect and indicator.aspect not in aspects:
            problems.add(f"indicator {indicator.code}", f"unknown aspect '{indicator.aspect}'")
    check_sum(math.fsum(indicator.weight for indicator in framework.indicators), 100, "", "indicator weights",
              problems)
    top = framework.domains or framework.aspects
    check_sum(math.fsum(item.weight for item in top), 100, "", f"{'domain' if framework.domains else 'aspect'} "
              "weights", problems)
    _check_bands(framework, problems)


def _check_bands(framework: Framework, problems: Problems) -> None:
    minimums = [band.minimum for band in framework.bands]
    check_unique((band.name for band in framework.bands), "band", problems)
    if any(math.isnan(minimum) for minimum in minimums):
        return
    if len(set(minimums)) != len(minimums):
        problems.add("", "two bands start at the same index")
    if minimums and min(minimums) != 0:
        problems.add("", f"the lowest band must start at 0, not {min(minimums):g}")
    if framework.levels and minimums and max(minimums) > framework.max_level:
        problems.add("", f"band starting at {max(minimums):g} lies above the top level {framework.max_level}")
