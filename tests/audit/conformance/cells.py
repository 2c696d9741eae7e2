"""The cells of a framework's conformance table, read from its data file.

A cell is (ladder, level): the ladder is the indicator type when the level's rule comes
from the type's template, or "type/code" when the indicator replaces that level with its own
(`[[indicators.levels]]`, e.g. SPBE 2020 indicator 12 at level 4; a framework whose
indicators all carry their own levels has one ladder per indicator). Levels without any
requirement, and indicators whose value comes only from another agency's index (`index`
without a `type`), have no document cells; an indicator with both (Pemdi 2026 indicators 11
and 12: its ladder until the IKASANDI value is recorded) has the cells of its ladder.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from evidence_vault import frameworks

DATA = Path(frameworks.__file__).resolve().parent / "data"


def _has_rules(level: dict[str, Any]) -> bool:
    return bool(level.get("requires") or level.get("otherwise"))


@cache
def ladders(code: str) -> dict[tuple[str, int], str]:
    """{(indicator code, level): ladder} for every level of every indicator that documents can reach."""
    data = tomllib.loads((DATA / f"{code}.toml").read_text(encoding="utf-8"))
    templates = data.get("templates", {})
    found: dict[tuple[str, int], str] = {}
    for indicator in data.get("indicators", []):
        if "index" in indicator and "type" not in indicator:
            continue
        kind = indicator.get("type", "")
        template = {level["level"] for level in templates.get(kind, {}).get("levels", []) if _has_rules(level)}
        own = {level["level"] for level in indicator.get("levels", []) if _has_rules(level)}
        for level in sorted(template | own):
            found[(str(indicator["code"]), level)] = f"{kind}/{indicator['code']}" if level in own else kind
    return found


def cells(code: str) -> set[tuple[str, int]]:
    return {(ladder, level) for (_indicator, level), ladder in ladders(code).items()}
