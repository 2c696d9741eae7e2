"""Excerpts of a page around the words that matched, with those words marked.

A snippet is a list of `Segment(text, match)` of raw text: the template escapes it like
any other text (Jinja does by default), or `Snippet.html()` gives it escaped with <mark>.
Document text is never trusted as markup.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .analysis import ExactTerms, exact_tokens, stem, stemmed_tokens
from .parsing import ParsedQuery
from .records import Segment, Snippet

SNIPPET_CHARS = 240
CONTEXT_BEFORE = 70


@dataclass(frozen=True)
class Highlights:
    """What counts as a match in page text: stems, exact words, prefixes and exact word sequences."""

    stems: frozenset[str] = frozenset()
    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    sequences: list[tuple[str, ...]] = field(default_factory=list)
    # Words already judged, and those that match: the pages of one search share most of their words.
    judged: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    matching: set[str] = field(default_factory=set, compare=False, repr=False)

    @classmethod
    def of(cls, parsed: ParsedQuery) -> Highlights:
        stems: set[str] = set()
        exact: set[str] = set()
        prefixes: list[str] = []
        sequences: list[tuple[str, ...]] = []
        for clause in parsed.positive:
            for atom in clause.atoms:
                if atom.form == "word":
                    stems.update(stemmed_tokens(atom.text))
                    exact.update(exact_tokens(atom.text))
                elif atom.form == "prefix":
                    prefixes.append(atom.text)
                elif atom.form == "phrase":
                    sequences.append(tuple(exact_tokens(atom.text)))
                elif atom.citation is not None:
                    citation = atom.citation
                    year = [str(citation.year)] if citation.year else []
                    sequences.append(("nomor", *exact_tokens(citation.number), *(["tahun", *year] if year else [])))
                    if "/" in citation.number and citation.year:
                        exact.update(exact_tokens(f"{citation.number}/{citation.year}"))
        return cls(frozenset(stems), frozenset(exact), tuple(prefixes), [s for s in sequences if s])

    def matches(self, term: str) -> bool:
        known = self.judged.get(term)
        if known is None:
            known = self.judged[term] = self._matches(term)
            if known:
                self.matching.add(term)
        return known

    @functools.cached_property
    def _cores(self) -> tuple[str, ...] | None:
        """What every word whose stem matches must contain: each stem (or prefix) but its first letter.

        Sastrawi only strips affixes and recodes the first letter of the root ("tetap" in
        "menetapkan", "sapu" in "menyapu"), so a word without any of these cannot stem to a
        match: it is judged without being stemmed (held for all 6,207 words of the shared
        regulations). None when a stem is too short to tell.
        """
        wanted = [*self.stems, *self.prefixes]
        if any(len(word) < 2 for word in wanted):
            return None
        return tuple(word[1:] for word in wanted)

    def _matches(self, term: str) -> bool:
        if term in self.exact or (self.prefixes and term.startswith(self.prefixes)):
            return True
        cores = self._cores
        if cores is not None and not any(core in term for core in cores):
            return False
        stems = [stem(part) for part in re.findall(r"[^\W_]+", term)]
        return any(part in self.stems or (self.prefixes and part.startswith(self.prefixes)) for part in stems)


def snippet(text: str, highlights: Highlights) -> Snippet:
    """The stretch of `text` with the most matches, about SNIPPET_CHARS long, matches marked."""
    words = ExactTerms(text)
    terms = words.terms
    distinct = set(terms)
    for term in distinct - highlights.judged.keys():
        highlights.matches(term)
    marked_terms = distinct & highlights.matching
    marked = [term in marked_terms for term in terms]
    for sequence in highlights.sequences:
        width, first = len(sequence), sequence[0]
        for index in [index for index, term in enumerate(terms) if term == first]:
            if tuple(terms[index:index + width]) == sequence:
                marked[index:index + width] = [True] * width
    hits = words.spans(marked)
    window_start, window_end = _window(text, hits)
    return Snippet(_segments(text, hits, window_start, window_end))


def _window(text: str, hits: list[tuple[int, int]]) -> tuple[int, int]:
    """Start before the densest run of matches, end SNIPPET_CHARS later, both at word boundaries."""
    starts = [start for start, _end in hits]
    anchor = 0
    if starts:
        best = max(range(len(starts)), key=lambda i: (bisect_left(starts, starts[i] + SNIPPET_CHARS) - i, -i))
        anchor = starts[best]
    start = max(0, anchor - CONTEXT_BEFORE)
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", max(anchor, start), end)
        end = space if space > start else end
    return start, end


def _segments(text: str, hits: list[tuple[int, int]], start: int, end: int) -> list[Segment]:
    """Plain and marked runs inside the window; adjacent marks joined; white space collapsed."""
    segments: list[Segment] = []
    cursor = start
    for hit_start, hit_end in hits:
        if hit_end <= start or hit_start >= end:
            continue
        hit_start, hit_end = max(hit_start, start), min(hit_end, end)
        between = text[cursor:hit_start]
        if segments and segments[-1].match and not between.strip():
            segments[-1] = Segment(segments[-1].text + between + text[hit_start:hit_end], True)
        else:
            if between:
                segments.append(Segment(between, False))
            segments.append(Segment(text[hit_start:hit_end], True))
        cursor = hit_end
    if cursor < end:
        segments.append(Segment(text[cursor:end], False))
    if start > 0:
        segments.insert(0, Segment("… ", False))
    if end < len(text):
        segments.append(Segment(" …", False))
    return _collapsed(segments)


def _collapsed(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for text, match in segments:
        text = re.sub(r"\s+", " ", text)
        if out and not out[-1].match and not match:
            out[-1] = Segment(out[-1].text + text, False)
        elif text:
            out.append(Segment(text, match))
    if out and not out[0].match:
        out[0] = Segment(out[0].text.lstrip(), False)
    return [segment for segment in out if segment.text]
