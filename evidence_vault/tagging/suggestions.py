"""Tagging stage: suggest which indicators a document may support, and say why.

Never links anything: it only returns suggestions for a person to confirm. The rules
are data (key phrases, hints, context words and fitting document kinds per indicator,
in the framework files); this module only scores matches, deterministically:

- a key phrase found in the title or the "tentang" subject earns HEADING_POINTS;
- found in the body, BODY_POINTS plus REPEAT_POINTS for every further occurrence, up to
  BODY_CAP; in documents longer than SHORT_DOCUMENT_PAGES these body points shrink by
  sqrt(SHORT_DOCUMENT_PAGES / pages): a phrase met once in a 50-page regulation is incidental;
- each hint found earns HINT_POINTS, only when a key phrase matched too, and all hints
  together never earn more than HINT_SHARE of what the key phrases earned (hints
  support, they never carry);
- when the document kind fits the indicator, the points are multiplied by KIND_FACTOR
  (so a fitting kind strengthens real phrase evidence and cannot make up for its absence);
- indicators with context words are only considered when one of them occurs;
- score = points / (points + HALF_SCORE_POINTS), so 0 ≤ score < 1, and HALF_SCORE_POINTS
  points give 0.5. Suggestions below `min_score` are dropped.

Overlapping matches of one indicator count once, for the longest phrase ("pusat data
nasional" does not also count as "pusat data"). Text is normalised with
`frameworks.phrases.normalise_text` unless a `normalise` function is given (e.g. a
stemmer); the same function is applied to the phrases, so pass the same function object
each time to reuse the compiled rules.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..frameworks import Framework, Indicator
from ..frameworks.phrases import CompiledPhrase, Normaliser, compile_phrase, normalise_text
from ..legal.kinds import label

HEADING_POINTS = 3.0
BODY_POINTS = 1.0
REPEAT_POINTS = 0.25
BODY_CAP = 2.0
SHORT_DOCUMENT_PAGES = 10
HINT_POINTS = 0.5
HINT_SHARE = 0.5
KIND_FACTOR = 1.5
HALF_SCORE_POINTS = 4.0
# Below this a suggestion is noise. 0.35 needs about 2.2 points: a heading match, or in
# the body a key phrase with a hint and a fitting kind, or two or three key phrases.
MIN_SCORE = 0.35


@dataclass(frozen=True)
class PhraseMatch:
    """One phrase (or hint) found in a document: where, how often, and what it earned."""

    phrase: str
    in_heading: bool
    pages: tuple[int, ...]
    occurrences: int
    hint: bool
    points: float


@dataclass(frozen=True)
class Suggestion:
    """A suggested indicator, with the matches its score was computed from."""

    framework: str
    indicator: str
    score: float
    matches: tuple[PhraseMatch, ...]
    fitting_kind: str | None = None  # the document's kind, when it fits the indicator

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(match.phrase for match in self.matches)

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({page for match in self.matches for page in match.pages}))

    def reason(self) -> str:
        """Why it was suggested, in Bahasa Indonesia, for the user and the log."""
        parts = []
        for match in self.matches:
            where = (["judul/perihal"] if match.in_heading else []) + (
                ["hlm. " + ", ".join(map(str, match.pages))] if match.pages else []
            )
            shown = match.phrase.replace("~", "")  # "~kelola data" is phrase syntax: people read "kelola data"
            parts.append(f"'{shown}'{' (petunjuk)' if match.hint else ''} ({'; '.join(where)})")
        text = "Cocok dengan " + ", ".join(parts) + "."
        if self.fitting_kind:
            text += f" Jenis dokumen {label(self.fitting_kind)} sesuai untuk indikator ini."
        return text

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `inspect --json` and of stored suggestions."""
        return {
            "framework": self.framework,
            "indicator": self.indicator,
            "score": round(self.score, 3),
            "matched": [m.phrase for m in self.matches],
            "pages": list(self.pages),
            "phrases": [
                {"phrase": m.phrase, "heading": m.in_heading, "pages": list(m.pages), "hint": m.hint}
                for m in self.matches
            ],
            "kind_fits": self.fitting_kind is not None,
            "reason": self.reason(),
        }


@dataclass(frozen=True)
class _Rules:
    """One indicator's phrases, compiled."""

    indicator: Indicator
    phrases: tuple[CompiledPhrase, ...]
    hints: tuple[CompiledPhrase, ...]
    context: tuple[CompiledPhrase, ...]


def suggest(
    framework: Framework,
    *,
    title: str,
    about: str,
    pages: Sequence[str],
    kind: str | None,
    limit: int = 5,
    min_score: float = MIN_SCORE,
    normalise: Normaliser | None = None,
) -> list[Suggestion]:
    """The indicators of `framework` this document may support, best first, at most `limit`.

    `title` and `about` (the "tentang" subject, if known) weigh more than the `pages`
    (body text, page 1 first). `kind` is a code of `frameworks.kinds`, or None.
    """
    normalise = normalise or normalise_text
    texts = _Texts([normalise(title), normalise(about), *(normalise(page) for page in pages)], headings=2)
    suggestions = []
    for rules in _compiled(framework, normalise):
        if rules.context and not any(texts.matches(phrase) for phrase in rules.context):
            continue
        matches = _matches(rules, texts)
        points = sum(match.points for match in matches)
        if points == 0:
            continue
        fits = kind is not None and kind in rules.indicator.kinds
        points *= KIND_FACTOR if fits else 1.0
        score = points / (points + HALF_SCORE_POINTS)
        if score >= min_score:
            suggestions.append(Suggestion(framework.code, rules.indicator.code, score, matches, kind if fits else None))
    order = {indicator.code: n for n, indicator in enumerate(framework.indicators)}
    suggestions.sort(key=lambda suggestion: (-suggestion.score, order[suggestion.indicator]))
    return suggestions[:limit]


_SEPARATOR = "\x00"  # joins a document's texts; not a word character, and no phrase can match it


class _Texts:
    """One document's normalised texts (the headings, then the pages), searched once per phrase.

    Many indicators share phrases, and most phrases occur on few pages or none. Each phrase
    is looked for once, for every indicator that asks: its fragments are found in all the
    texts joined by a separator (which no phrase can match, and which a whole-word pattern
    treats like the start or end of a text), and the pattern only runs over the texts
    holding a fragment, and within them over the stretch where matches can lie. This finds
    exactly what `CompiledPhrase.count` would find in each text on its own.
    """

    def __init__(self, texts: list[str], headings: int) -> None:
        self.texts = texts
        self.headings = headings
        self._joined = _SEPARATOR.join(texts)
        self._starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        # each distinct word once: a fragment without spaces is in it exactly when it is in the texts
        self._words = " ".join({word: None for text in texts for word in text.split()})
        self._found: dict[CompiledPhrase, dict[int, list[tuple[int, int]]]] = {}

    @property
    def pages(self) -> int:
        return len(self.texts) - self.headings

    def matches(self, phrase: CompiledPhrase) -> dict[int, list[tuple[int, int]]]:
        """Text index → (start, end) of each match of `phrase` in that text, in order; only texts with matches."""
        found = self._found.get(phrase)
        if found is None:
            found = self._found[phrase] = self._search(phrase)
        return found

    def _search(self, phrase: CompiledPhrase) -> dict[int, list[tuple[int, int]]]:
        joined, starts = self._joined, self._starts
        if _SEPARATOR in phrase.pattern.pattern:  # a normaliser that keeps NULs in phrases: text by text
            return {number: spans for number, text in enumerate(self.texts) if (spans := _search_text(phrase, text))}
        # the texts holding a fragment: where in each the first and the last fragment begins
        holding: dict[int, tuple[int, int]] = {}
        for fragment in phrase.fragments:
            if fragment not in self._words and not _has_space(fragment):
                continue
            at = joined.find(fragment)
            while at >= 0:
                number = bisect.bisect_right(starts, at) - 1
                end = starts[number] + len(self.texts[number])
                last = joined.rfind(fragment, at, end)
                first, latest = holding.get(number, (at, last))
                holding[number] = min(first, at), max(latest, last)
                at = joined.find(fragment, end + 1)
        found = {}
        reach = phrase.longest_match
        for number in sorted(holding):
            start = starts[number]
            end = start + len(self.texts[number])
            if reach is not None:  # every match holds a fragment, so lies within `reach` of one
                first, last = holding[number]
                lower, upper = max(start, first - reach), min(end, last + reach + 1)
            else:
                lower, upper = start, end
            spans = [(match.start() - start, match.end() - start) for match in
                     phrase.pattern.finditer(joined, lower, upper)]
            if spans:
                found[number] = spans
        return found


def _has_space(fragment: str) -> bool:
    """Empty, or with whitespace: a fragment the list of distinct words cannot answer for."""
    return fragment.split() != [fragment]


def _search_text(phrase: CompiledPhrase, text: str) -> list[tuple[int, int]]:
    if not text or not any(fragment in text for fragment in phrase.fragments):
        return []
    return [(match.start(), match.end()) for match in phrase.pattern.finditer(text)]


def _matches(rules: _Rules, texts: _Texts) -> tuple[PhraseMatch, ...]:
    """Phrase matches first; hints only count when a phrase matched, and at most as much."""
    found = _find(rules.phrases, texts, hint=False)
    if not found:
        return ()
    hints = _find(rules.hints, texts, hint=True)
    budget = HINT_SHARE * sum(match.points for match in found)
    capped = []
    for match in hints:
        points = min(match.points, budget)
        if points > 0:
            budget -= points
            capped.append(replace(match, points=points))
    return found + tuple(capped)


def _find(phrases: tuple[CompiledPhrase, ...], texts: _Texts, *, hint: bool) -> tuple[PhraseMatch, ...]:
    """Count each phrase in the headings and per page, longest phrase first where they overlap."""
    in_heading: set[int] = set()
    counts: dict[int, dict[int, int]] = {}
    for number, spans in _spans(phrases, texts).items():
        if number < texts.headings:
            in_heading.update(index for index, _, _ in spans)
            continue
        page = number - texts.headings + 1
        for index, _, _ in spans:
            counts.setdefault(index, {}).setdefault(page, 0)
            counts[index][page] += 1
    damping = min(1.0, math.sqrt(SHORT_DOCUMENT_PAGES / max(texts.pages, 1)))
    matches = []
    for index, phrase in enumerate(phrases):
        pages = counts.get(index, {})
        occurrences = sum(pages.values())
        if index not in in_heading and not occurrences:
            continue
        if hint:
            points = HINT_POINTS
        else:
            points = HEADING_POINTS if index in in_heading else 0.0
            if occurrences:
                points += min(BODY_POINTS + REPEAT_POINTS * (occurrences - 1), BODY_CAP) * damping
        matches.append(PhraseMatch(phrase.phrase, index in in_heading, tuple(sorted(pages)), occurrences, hint,
                                   points))
    return tuple(matches)


def _spans(phrases: tuple[CompiledPhrase, ...], texts: _Texts) -> dict[int, list[tuple[int, int, int]]]:
    """Per text index, (phrase index, start, end) of every match, overlaps resolved to the longest."""
    candidates: dict[int, list[tuple[int, int, int]]] = {}
    for index, phrase in enumerate(phrases):
        for number, spans in texts.matches(phrase).items():
            candidates.setdefault(number, []).extend((index, start, end) for start, end in spans)
    taken: dict[int, list[tuple[int, int, int]]] = {}
    for number, found in candidates.items():
        found.sort(key=lambda span: (span[1] - span[2], span[1], span[0]))
        kept: list[tuple[int, int, int]] = []
        for span in found:
            if all(span[2] <= other[1] or span[1] >= other[2] for other in kept):
                kept.append(span)
        taken[number] = kept
    return taken


@lru_cache(maxsize=16)
def _compiled(framework: Framework, normalise: Normaliser) -> tuple[_Rules, ...]:
    """Compile a framework's phrases once per (framework, normaliser)."""

    def compile_all(phrases: tuple[str, ...]) -> tuple[CompiledPhrase, ...]:
        return tuple(compile_phrase(phrase, normalise) for phrase in phrases)

    return tuple(
        _Rules(indicator, compile_all(indicator.phrases), compile_all(indicator.hints), compile_all(indicator.context))
        for indicator in framework.indicators
    )
