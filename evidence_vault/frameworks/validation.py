"""Typed, checked access to the tables of a TOML file, collecting every problem found.

The loaders read each table through `Table`, which records a problem (naming where it
is) instead of failing at the first one; `Problems.raise_if_any` then raises one
`FrameworkError` listing them all.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from .errors import FrameworkError
from .phrases import phrase_problem


class Problems:
    """What is wrong with one file so far."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}" if where else message)

    def raise_if_any(self) -> None:
        if self.items:
            raise FrameworkError(self.source, self.items)


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; unreadable or invalid files raise FrameworkError naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameworkError(path.name, ["file not found"]) from None
    except OSError as error:
        raise FrameworkError(path.name, [f"cannot be read: {error.strerror}"]) from None
    except UnicodeDecodeError:
        raise FrameworkError(path.name, ["not UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as error:
        raise FrameworkError(path.name, [f"not valid TOML: {error}"]) from None


class Table:
    """One TOML table read with types checked; unknown keys are problems too."""

    def __init__(self, data: Any, where: str, problems: Problems, allowed: Collection[str]) -> None:
        self.where = where
        self.problems = problems
        if not isinstance(data, dict):
            self.problem("must be a table")
            data = {}
        self.data: dict[str, Any] = data
        for key in data:
            if key not in allowed:
                self.problem(f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")

    def problem(self, message: str) -> None:
        self.problems.add(self.where, message)

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required:
                self.problem(f"{key} missing")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            self.problem(f"{key} must be non-empty text")
            return default
        return value.strip()

    def number(self, key: str, *, required: bool = True) -> float | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(f"{key} must be a number")
            return None
        return float(value)

    def integer(self, key: str, *, required: bool = True, default: Any = 0) -> Any:
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"{key} must be a whole number")
            return default
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(f"{key} must be true or false")
            return default
        return value

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.problem(f"{key} must be a list of non-empty text")
            return ()
        return tuple(item.strip() for item in value)

    def tables(self, key: str, *, required: bool = True) -> list[Any]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not value:
            self.problem(f"{key} must be a non-empty list of tables")
            return []
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        value = self._get(key, False)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(f"{key} must be a table")
            return {}
        return value


def check_phrases(phrases: Iterable[str], where: str, problems: Problems) -> None:
    """Every phrase must follow the syntax of `phrases.py`, and appear once."""
    seen: set[str] = set()
    for phrase in phrases:
        problem = phrase_problem(phrase)
        if problem:
            problems.add(where, problem)
        if phrase in seen:
            problems.add(where, f"phrase '{phrase}' listed twice")
        seen.add(phrase)


def check_placeholders(text: str, allowed: Collection[str], where: str, problems: Problems) -> None:
    """Texts may only use the placeholders the loader fills in, e.g. {topic}."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as error:
        problems.add(where, f"malformed placeholder in '{text}': {error}")
        return
    for field in fields:
        if field not in allowed:
            problems.add(where, f"unknown placeholder '{{{field}}}' (allowed: {', '.join(sorted(allowed))})")


def check_unique(codes: Iterable[str], what: str, problems: Problems) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            problems.add("", f"duplicate {what} code '{code}'")
        seen.add(code)


def check_sum(total: float, expected: float, where: str, what: str, problems: Problems) -> None:
    """Weights must add up exactly (to within floating-point noise)."""
    if abs(total - expected) > 1e-6:
        problems.add(where, f"{what} sum to {round(total, 6):g}, expected {round(expected, 6):g}")
