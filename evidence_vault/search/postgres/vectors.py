"""Text as PostgreSQL full-text values, analysed here in Python exactly as for Whoosh.

PostgreSQL's own parsers and dictionaries know no Indonesian stemming, and its 'simple'
configuration would split "188.45/123/HK/2023". So the terms come from `search.analysis`
(the Sastrawi stems, the curated stop list, numbers kept whole) and reach the database as
`tsvector` and `tsquery` literals, which PostgreSQL takes as they are, without analysing
them again.

PostgreSQL keeps at most `MAX_POSITIONS` positions per term, and none beyond `MAX_POSITION`;
a longer text keeps every term, with its positions cut there (the term still matches,
phrases are matched on pages, which are short).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis import exact_tokens, stemmed_tokens

MAX_POSITION = 16383
MAX_POSITIONS = 256


def quoted(term: str) -> str:
    """A term as a quoted lexeme of a tsvector or tsquery literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def vector(terms: Iterable[str]) -> str:
    """A tsvector literal of terms in order: each with its positions (1-based)."""
    positions: dict[str, list[int]] = {}
    for place, term in enumerate(terms, start=1):
        kept = positions.setdefault(term, [])
        if len(kept) < MAX_POSITIONS and place <= MAX_POSITION:
            kept.append(place)
    return " ".join(f"{quoted(term)}:{','.join(map(str, kept))}" if kept else quoted(term)
                    for term, kept in positions.items())


def exact_vector(text: str) -> str:
    return vector(exact_tokens(text))


def stemmed_vector(text: str) -> str:
    return vector(stemmed_tokens(text))


def sequence(terms: list[str]) -> str | None:
    """A tsquery: one term, or terms next to each other in this order; None without terms."""
    if not terms:
        return None
    return " <-> ".join(quoted(term) for term in terms)


def prefix(text: str) -> str:
    """A tsquery: any term starting with `text`."""
    return f"{quoted(text)}:*"
