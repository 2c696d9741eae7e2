"""Assessment frameworks as data: SPBE 2020, Pemerintah Digital 2026, and crosswalks.

Each framework is a TOML file in `data/`, validated when loaded into frozen records
(`model.py`); `loader.py` documents the format and the level-requirement vocabulary; document kinds
come from `legal/kinds.py`. Pure: no Flask, no database.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..legal.kinds import KINDS, Kind
from .crosswalk import Crosswalk, Link, load_crosswalk
from .errors import FrameworkError
from .loader import load_framework
from .model import Aspect, Band, Domain, ExternalIndex, Framework, Indicator, Level, LevelCriteria, Requirement

__all__ = [
    "DATA_DIR",
    "DEFAULT_FRAMEWORK",
    "KINDS",
    "Aspect",
    "Band",
    "Crosswalk",
    "Kind",
    "Domain",
    "ExternalIndex",
    "Framework",
    "FrameworkError",
    "Indicator",
    "Level",
    "LevelCriteria",
    "Link",
    "Requirement",
    "builtin_codes",
    "builtin_crosswalk",
    "builtin_framework",
    "framework_for_year",
    "load_crosswalk",
    "load_framework",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FRAMEWORK = "spbe-2020"  # for an organisation without an assessment period
CROSSWALK_DIR = DATA_DIR / "crosswalks"


def builtin_codes() -> list[str]:
    """Codes of the frameworks shipped with the vault, sorted."""
    return sorted(path.stem for path in DATA_DIR.glob("*.toml"))


@cache
def builtin_framework(code: str) -> Framework:
    """A shipped framework by code, loaded once; KeyError for unknown codes."""
    path = DATA_DIR / f"{code}.toml"
    if code not in builtin_codes():
        raise KeyError(f"no built-in framework {code!r} (available: {', '.join(builtin_codes())})")
    framework = load_framework(path)
    if framework.code != code:
        raise FrameworkError(path.name, [f"code '{framework.code}' does not match the file name"])
    return framework


def framework_for_year(year: int) -> str:
    """The built-in framework a `year`'s evaluation uses (the newest that governs it): SPBE 2020 up to
    2025, Pemdi 2026 from 2026 (PermenPANRB 8/2026 revoked 59/2020)."""
    governing = [builtin_framework(code) for code in builtin_codes() if builtin_framework(code).governs(year)]
    if not governing:
        return DEFAULT_FRAMEWORK
    return max(governing, key=lambda framework: framework.first_year or 0).code


@cache
def builtin_crosswalk(first: str, second: str) -> Crosswalk:
    """The shipped crosswalk between two built-in frameworks, in either order."""
    for left, right in ((first, second), (second, first)):
        path = CROSSWALK_DIR / f"{left}--{right}.toml"
        if path.is_file():
            return load_crosswalk(path, builtin_framework(left), builtin_framework(right))
    raise KeyError(f"no built-in crosswalk between {first!r} and {second!r}")
