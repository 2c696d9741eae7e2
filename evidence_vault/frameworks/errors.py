"""The one error a framework or crosswalk file raises when it is broken."""

from __future__ import annotations

from collections.abc import Sequence


class FrameworkError(ValueError):
    """A framework or crosswalk file is unreadable or inconsistent.

    `source` names the file, `problems` lists everything wrong with it, so whoever edits
    the data sees all mistakes at once instead of one per run.
    """

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{source}: {problem}" for problem in self.problems))
