"""Crosswalks: which indicators of one framework correspond to which of another.

So that evidence tagged under SPBE 2020 can be carried to Pemerintah Digital 2026 (and
back). File format (`data/crosswalks/<left>--<right>.toml`)::

    left = "spbe-2020"
    right = "pemdi-2026"
    note = "..."
    [[links]]
    left = "3"                 # every indicator of the left framework appears exactly once
    right = ["5", "18"]        # zero or more indicators of the right framework
    why = "..."                # required when `right` is empty: why nothing corresponds
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .model import Framework
from .validation import Problems, Table, read_toml


@dataclass(frozen=True)
class Link:
    left: str
    right: tuple[str, ...]
    why: str = ""


@dataclass(frozen=True, eq=False)
class Crosswalk:
    """A validated mapping between two frameworks, usable in both directions.

    Links are in the left framework's order, each link's targets in the right's.
    """

    left: str
    right: str
    note: str
    links: tuple[Link, ...]

    def counterparts(self, framework: str, indicator: str) -> tuple[str, ...]:
        """Codes of the other framework's indicators that correspond to this one."""
        if framework == self.left:
            return next((link.right for link in self.links if link.left == indicator), ())
        if framework == self.right:
            return tuple(link.left for link in self.links if indicator in link.right)
        raise KeyError(f"crosswalk {self.left}--{self.right} does not cover framework {framework!r}")

    def other(self, framework: str) -> str:
        """The code of the framework on the other side."""
        if framework not in (self.left, self.right):
            raise KeyError(f"crosswalk {self.left}--{self.right} does not cover framework {framework!r}")
        return self.right if framework == self.left else self.left


def load_crosswalk(path: Path, left: Framework, right: Framework) -> Crosswalk:
    """Load a crosswalk between two loaded frameworks, checking every code on both sides."""
    path = Path(path)
    problems = Problems(path.name)
    top = Table(read_toml(path), "", problems, ("left", "right", "note", "links"))
    for side, framework in (("left", left), ("right", right)):
        code = top.text(side)
        if code and code != framework.code:
            top.problem(f"{side} is '{code}' but was loaded with framework '{framework.code}'")
    links = []
    for position, item in enumerate(top.tables("links"), start=1):
        table = Table(item, f"link #{position}", problems, ("left", "right", "why"))
        code = table.text("left")
        table.where = f"link {left.code} {code}"
        targets = table.texts("right", required=True)
        why = table.text("why", required=False)
        if code and not left.has_indicator(code):
            table.problem(f"{left.code} has no indicator '{code}'")
        for target in targets:
            if not right.has_indicator(target):
                table.problem(f"{right.code} has no indicator '{target}'")
        if len(set(targets)) != len(targets):
            table.problem("right lists an indicator twice")
        if table.has("right") and not targets and not why:
            table.problem("maps to nothing; say why in `why`")
        links.append(Link(code, targets, why))
    mapped = [link.left for link in links]
    for indicator in left.indicators:
        if mapped.count(indicator.code) == 0:
            problems.add("", f"{left.code} indicator {indicator.code} is not mapped (use right = [] and `why`)")
        elif mapped.count(indicator.code) > 1:
            problems.add("", f"{left.code} indicator {indicator.code} is mapped more than once")
    problems.raise_if_any()
    left_order = {indicator.code: n for n, indicator in enumerate(left.indicators)}
    right_order = {indicator.code: n for n, indicator in enumerate(right.indicators)}
    links = [replace(link, right=tuple(sorted(link.right, key=right_order.__getitem__))) for link in links]
    links.sort(key=lambda link: left_order[link.left])
    return Crosswalk(left.code, right.code, top.text("note", required=False), tuple(links))
