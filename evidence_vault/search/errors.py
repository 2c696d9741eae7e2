"""What can go wrong in the search stage, as exceptions callers can catch without importing whoosh."""

from __future__ import annotations


class SearchError(RuntimeError):
    """The index could not be read or written; the message says why."""


class IndexBusy(SearchError):
    """Another writer or rebuild held the index lock for longer than the lock timeout."""
