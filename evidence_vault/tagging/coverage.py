"""Content coverage: which required elements a policy actually regulates, and where.

The elements are the `covers` phrases of the framework's level requirements (level 3: what
the policy must regulate; level 4 adds integration or national alignment). An element
counts only in the normative part of a document (after "MEMUTUSKAN" / "Menetapkan", and in
its annexes), never in the preamble ("Menimbang", "Mengingat") or the title: mentioning a
topic is not regulating it. Every hit says where it is (page, Pasal, ayat) and quotes the
sentence, so a person can see why an element counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..frameworks import Indicator
from ..frameworks.phrases import CompiledPhrase, compile_phrase, normalise_text
from ..legal.canonical import repair

_DECIDING = re.compile(r"^\s*(?:M\s*E\s*M\s*U\s*T\s*U\s*S\s*K\s*A\s*N|MENETAPKAN)\b", re.MULTILINE)
_PREAMBLE = re.compile(r"^\s*(?:Menimbang|Mengingat|Memperhatikan)\s*:?", re.IGNORECASE | re.MULTILINE)
_PASAL = re.compile(r"^\s*Pasal\s+(\d+[A-Z]?)\s*$", re.MULTILINE)
_DIKTUM = re.compile(r"^\s*(KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH)\b",
                     re.MULTILINE)
_AYAT = re.compile(r"^\s*\((\d+)\)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.;:])\s|\n\s*\n")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Element:
    """One thing a policy must regulate, with the phrase that expresses it."""

    label: str
    phrase: str
    level: int  # the first level that asks for it


@dataclass(frozen=True)
class Hit:
    """Where a document regulates an element."""

    document_id: int
    page: int
    pasal: str | None
    ayat: str | None
    quote: str


@dataclass(frozen=True)
class ElementStatus:
    element: Element
    hit: Hit | None
    only_mentioned: Hit | None = None  # found, but only in the preamble or title

    @property
    def covered(self) -> bool:
        return self.hit is not None


@dataclass(frozen=True)
class Source:
    """A document's pages, for coverage."""

    document_id: int
    pages: Sequence[str]


def elements_of(indicator: Indicator) -> list[Element]:
    """The content elements of an indicator, from its level requirements, lowest level first."""
    seen: dict[str, Element] = {}
    for criteria in indicator.criteria:
        for requirement in criteria.requirements:
            if requirement.review:
                continue
            for phrase in requirement.covers:
                if phrase not in seen:
                    seen[phrase] = Element(label_of(phrase), phrase, criteria.level)
    return list(seen.values())


def label_of(phrase: str) -> str:
    """A readable name: the first alternative, without the affix marker."""
    return phrase.split("|")[0].replace("~", "").strip()


@lru_cache(maxsize=2048)
def _compiled(phrase: str) -> CompiledPhrase:
    return compile_phrase(phrase)


def coverage(elements: Sequence[Element], sources: Sequence[Source]) -> list[ElementStatus]:
    """For each element, the first place any of the documents regulates it (documents combine)."""
    parsed = [(source, _segments(tuple(source.pages))) for source in sources]
    statuses = []
    for element in elements:
        hit, mention = None, None
        for source, segments in parsed:
            for segment in segments:
                found = _find(element, segment)
                if found is None:
                    continue
                located = Hit(source.document_id, segment.page, *_locate(segment, found), _quote(segment.text, found))
                if segment.normative:
                    hit = located
                    break
                mention = mention or located
            if hit:
                break
        statuses.append(ElementStatus(element, hit, None if hit else mention))
    return statuses


@dataclass(frozen=True)
class _Segment:
    page: int
    text: str
    normative: bool


@lru_cache(maxsize=512)
def _segments(pages: tuple[str, ...]) -> list[_Segment]:
    """Each page split into its preamble part and its normative part (cached: audits ask often)."""
    joined = "\n".join(pages)
    deciding = _DECIDING.search(joined)
    segments = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        start, end = offset, offset + len(page)
        offset = end + 1
        if deciding is None:
            segments.extend(_without_preamble(number, page))
        elif deciding.start() >= end:
            segments.append(_Segment(number, page, False))
        elif deciding.start() <= start:
            segments.append(_Segment(number, page, True))
        else:
            cut = deciding.start() - start
            segments += [_Segment(number, page[:cut], False), _Segment(number, page[cut:], True)]
    return segments


def _without_preamble(number: int, page: str) -> list[_Segment]:
    """No "MEMUTUSKAN" (an SOP, a report): only blocks starting with Menimbang/Mengingat are preamble."""
    match = _PREAMBLE.search(page)
    if not match:
        return [_Segment(number, page, True)]
    rest = page[match.start():]
    paragraph_end = re.search(r"\n\s*\n", rest)
    cut = match.start() + (paragraph_end.end() if paragraph_end else len(rest))
    return [_Segment(number, page[:match.start()], True), _Segment(number, page[match.start():cut], False),
            _Segment(number, page[cut:], True)]


def _find(element: Element, segment: _Segment) -> tuple[int, int] | None:
    """Position of the element in the segment's original text, found over normalised text.

    Normalising keeps the words in order, so the n-th word of the normalised text is the n-th
    word of the original: that is how a match is mapped back for the quote and the Pasal.
    """
    normalised, words = _prepared(segment.text)
    match = _compiled(element.phrase).first(normalised)
    if match is None or not words:
        return None
    first = normalised.count(" ", 0, match.start())
    last = first + normalised.count(" ", match.start(), match.end())
    return words[min(first, len(words) - 1)][0], words[min(last, len(words) - 1)][1]


@lru_cache(maxsize=2048)
def _prepared(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text normalised for phrases, its OCR-damaged words repaired ("rcncana" → "rencana").

    A word is only replaced by one word, so the n-th normalised word is still the n-th word
    of the original, whose position the quote and the Pasal are read from.
    """
    repaired = _WORD.sub(_repaired_word, text)
    return normalise_text(repaired), tuple((word.start(), word.end()) for word in _WORD.finditer(text))


def _repaired_word(match: re.Match[str]) -> str:
    fixed = repair(match.group())
    return fixed if _WORD.fullmatch(fixed) else match.group()


def _locate(segment: _Segment, found: tuple[int, int]) -> tuple[str | None, str | None]:
    before = segment.text[:found[0]]
    pasal = list(_PASAL.finditer(before)) or list(_DIKTUM.finditer(before))
    label = None
    since = before
    if pasal:
        label = f"Pasal {pasal[-1].group(1)}" if pasal[-1].re is _PASAL else f"Diktum {pasal[-1].group(1).title()}"
        since = before[pasal[-1].end():]
    ayat = list(_AYAT.finditer(since))
    return label, (ayat[-1].group(1) if ayat else None)


def _quote(text: str, found: tuple[int, int], limit: int = 300) -> str:
    """The sentence around a hit, trimmed to `limit` characters."""
    starts = [match.end() for match in _SENTENCE_END.finditer(text[:found[0]])]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, found[1])
    end = end_match.start() + 1 if end_match else len(text)
    sentence = " ".join(text[start:end].split())
    if len(sentence) > limit:
        centre = sentence.find(" ".join(text[found[0]:found[1]].split()))
        left = max(0, centre - limit // 2)
        sentence = ("…" if left else "") + sentence[left:left + limit] + "…"
    return sentence
