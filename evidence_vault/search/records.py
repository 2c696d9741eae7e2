"""Plain data in and out of the index: what to index, what to look for, what was found."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from .citations import QueryCitation

SORTS = ("relevance", "date", "uploaded", "number")
MAX_PER_PAGE = 100
FACETS = ("kind", "year", "legal_status", "in_force", "indicator", "has_findings", "confirmed")


@dataclass(frozen=True)
class IndexedDocument:
    """One document as the index keeps it; built by the caller from the database after commit."""

    document_id: int
    organisation_id: int
    title: str
    pages: list[tuple[int, str]] = field(default_factory=list)  # (1-based page number, text)
    kind: str | None = None  # a code of legal/kinds.py
    year: int | None = None  # the legal year (Document.legal_year)
    legal_number: str | None = None  # the instrument's own number: "18", "188.45/123/HK/2023"
    legal_number_text: str | None = None  # the number as printed: "01/PER/M.KOMINFO/01/2010"
    legal_status: str | None = None  # rancangan | ditetapkan | diundangkan
    in_force: str = "berlaku"  # berlaku | diubah | dicabut
    has_findings: bool = False
    confirmed: bool = False
    indicators: list[str] = field(default_factory=list)  # opaque codes, e.g. "spbe-2020:44"
    enacted_on: date | None = None  # tanggal penetapan; "date" sorting falls back to uploaded_at
    uploaded_at: datetime | None = None


@dataclass(frozen=True)
class SearchQuery:
    """What to look for, within which organisations, narrowed how, sorted how, which page.

    `organisation_ids` is required: the index applies it inside the query. Only an explicit
    `all_organisations=True` (admins) searches every organisation; an empty list finds nothing.
    Filters left at None mean "any". Out-of-range page, per_page and sort values are
    corrected by `Index.search` rather than refused.
    """

    text: str = ""
    organisation_ids: list[int] | None = None
    all_organisations: bool = False
    kind: str | None = None
    year: int | None = None
    legal_status: str | None = None
    in_force: str | None = None
    indicator: str | None = None
    has_findings: bool | None = None
    confirmed: bool | None = None
    sort: str = "relevance"  # relevance | date | uploaded | number
    descending: bool = True
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        if self.organisation_ids is None and not self.all_organisations:
            raise ValueError("SearchQuery needs organisation_ids, or all_organisations=True for admins")
        if self.organisation_ids is not None and self.all_organisations:
            raise ValueError("SearchQuery takes organisation_ids or all_organisations=True, not both")

    def filter_values(self) -> dict[str, object]:
        """The facet filters that are set, by facet name."""
        return {name: getattr(self, name) for name in FACETS if getattr(self, name) is not None}


class Segment(NamedTuple):
    """A run of snippet text, raw (not HTML-escaped); `match` marks a highlighted term."""

    text: str
    match: bool


@dataclass(frozen=True)
class Snippet:
    """An excerpt of one page as segments of raw text; `html()` gives it escaped, with <mark>."""

    segments: list[Segment]

    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    def html(self) -> str:
        """Every segment HTML-escaped, matches wrapped in <mark>: safe to insert as markup."""
        return "".join(f"<mark>{html.escape(text)}</mark>" if match else html.escape(text)
                       for text, match in self.segments)


@dataclass(frozen=True)
class PageHit:
    """A page of a found document that matches the words, with a highlighted excerpt."""

    number: int
    score: float
    snippet: Snippet


@dataclass(frozen=True)
class Hit:
    """A found document: its best pages first; `citation_match` when its metadata is the cited instrument."""

    document_id: int
    organisation_id: int
    title: str
    score: float | None  # None when sorted by something other than relevance
    pages: list[PageHit]  # at most `MAX_PAGES_PER_HIT`, best first
    matched_pages: int  # how many pages match in all
    citation_match: bool

    @property
    def best_page(self) -> int | None:
        return self.pages[0].number if self.pages else None


@dataclass(frozen=True)
class FacetCount:
    """How many matching documents have this value; None is "not known" (no kind, no year)."""

    value: str | int | bool | None
    count: int


@dataclass(frozen=True)
class SearchResults:
    """One page of hits, the total, facet counts, and what the engine did with the query.

    `notes` are Indonesian sentences for the user whenever the query was simplified
    (unbalanced quotes, stray operators, too long, ...), relaxed or could not run.
    """

    hits: list[Hit]
    total: int
    page: int
    per_page: int
    sort: str
    facets: dict[str, list[FacetCount]]
    notes: list[str] = field(default_factory=list)
    relaxed: bool = False  # no document had every word; these have some of them
    citations: list[QueryCitation] = field(default_factory=list)  # legal citations recognised in the query
    index_ready: bool = True

    @property
    def query_note(self) -> str | None:
        return " ".join(self.notes) or None

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class IndexStats:
    """The size of the index, for `reindex --check`, the bench and the admin page."""

    documents: int
    pages: int
    size_bytes: int
    toc_bytes: int
    schema_version: int
    generation: str


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild did; `changed_during_rebuild` were written meanwhile and re-read through `reload`."""

    documents: int
    seconds: float
    changed_during_rebuild: list[int]
    unreloaded: list[int]  # changed meanwhile but no `reload` given: run `reindex` again
