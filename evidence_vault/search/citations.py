"""Legal citations typed into the search box: "Perbup 12/2023", "PP 71 tahun 2019",
"Peraturan Bupati Nomor 12 Tahun 2023", "Nomor 12 Tahun 2023".

Long forms are read by the legal stage's own `parse_citations` (one reading of Indonesian
citations in the project); short forms and the abbreviations people type are read here.
Each citation becomes kind codes of `legal/kinds.py`, a number and a year, matched
against the legal metadata of indexed documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..legal.citations import parse_citations
from ..legal.kinds import KINDS
from ..legal.text import squash

_DECREES = ("kepbup", "kepgub", "kepwali", "keputusan_menteri", "keputusan_kepala")
_PERDA = ("perda_provinsi", "perda_kabkota")

# Abbreviations people type, to kind codes. Keys are matched whole, case-insensitively.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "uu": ("uu",), "perppu": ("perppu",), "pp": ("pp",), "perpres": ("perpres",),
    "permen": ("permen",), "perban": ("perban",), "perka": ("perban",),
    "perda": _PERDA, "peraturan daerah": _PERDA, "perdaprov": ("perda_provinsi",),
    "pergub": ("pergub",), "perbup": ("perbup",), "perwali": ("perwali",), "perwalkot": ("perwali",),
    "perwalikota": ("perwali",),
    "kepgub": ("kepgub",), "kepbup": ("kepbup",), "kepwali": ("kepwali",), "kepwalkot": ("kepwali",),
    "kepwalikota": ("kepwali",), "kepmen": ("keputusan_menteri",), "sk": _DECREES,
    "se": ("surat_edaran",),
    # Long names written without "Nomor" ("Peraturan Menteri 20 tahun 2016"), read like the abbreviations.
    "undang-undang": ("uu",), "peraturan pemerintah": ("pp",), "peraturan presiden": ("perpres",),
    "peraturan menteri": ("permen",), "peraturan badan": ("perban",), "peraturan gubernur": ("pergub",),
    "peraturan bupati": ("perbup",), "peraturan wali kota": ("perwali",), "peraturan walikota": ("perwali",),
    "keputusan gubernur": ("kepgub",), "keputusan bupati": ("kepbup",), "keputusan wali kota": ("kepwali",),
    "keputusan walikota": ("kepwali",), "keputusan menteri": ("keputusan_menteri",),
}
# "Permenkominfo", "PermenPANRB", "Kepmendagri": the ministry glued to the abbreviation.
_GLUED = {"permen": "permen", "kepmen": "kepmen"}

_ABBREVIATION = "|".join(
    [rf"{prefix}[a-z-]+" for prefix in _GLUED]
    + [re.escape(key).replace(r"\ ", r"\s+") for key in sorted(ABBREVIATIONS, key=len, reverse=True)]
)
_NUMBER = r"(?P<number>\d[\w.]*?(?:/[\w.]+)*?)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\w/])"
_SHORT = re.compile(
    rf"(?<![\w/.-])(?P<abbr>{_ABBREVIATION})\.?"
    r"(?P<issuer>(?:\s+(?!no\b|nomor\b)[a-z][\w.&-]*){0,4}?)"  # "Kominfo", "Kabupaten Badung"
    r"\s*(?:\b(?:no|nomor)\b\.?\s*:?\s*)?"
    rf"{_NUMBER}(?:\s*/\s*|\s+tahun\s+|\s+th\.?\s*|\s+){_YEAR}",
    re.IGNORECASE,
)
_NUMBER_AND_YEAR = re.compile(rf"(?<!\w)(?:nomor|no\.)\s*:?\s*{_NUMBER}\s+tahun\s+{_YEAR}", re.IGNORECASE)


@dataclass(frozen=True)
class QueryCitation:
    """A cited instrument: kind codes (empty: any kind), number and year, and where it stood in the query."""

    kinds: tuple[str, ...]
    number: str
    year: int | None
    text: str
    start: int
    end: int

    def numbers(self) -> tuple[str, ...]:
        """The normalised numbers an indexed document may carry for this citation.

        "Kepbup 188.45/123/HK/2023" reads as number "188.45/123/HK" and year 2023, while the
        decree's own number is the whole "188.45/123/HK/2023": both are tried.
        """
        found = [normalise_number(self.number)]
        if "/" in self.number and self.year:
            found.append(normalise_number(f"{self.number}/{self.year}"))
        return tuple(dict.fromkeys(found))

    def label(self) -> str:
        """"Peraturan Bupati Nomor 12 Tahun 2023", for telling the user what was recognised."""
        kind = KINDS[self.kinds[0]].label if len(self.kinds) == 1 else ""
        if self.kinds == _PERDA:
            kind = "Peraturan Daerah"
        year = f" Tahun {self.year}" if self.year else ""
        return f"{kind} Nomor {self.number}{year}".strip()


def normalise_number(text: str) -> str:
    """A number as the index compares it: lower case, no spaces or commas, no leading zeros.

    "01/PER/M.KOMINFO/01/2010" → "1/per/m.kominfo/1/2010"; "188.45 / 123 / HK / 2023" →
    "188.45/123/hk/2023"; "012" → "12".
    """
    compact = re.sub(r"[\s,]+", "", text.lower()).strip(".:;")
    return re.sub(r"(?<![\w.])0+(?=\d)", "", compact)


def parse_query_citation(text: str) -> QueryCitation | None:
    """The first legal citation in a query, long or short form, or None."""
    found = query_citations(text)
    return found[0] if found else None


def query_citations(text: str) -> list[QueryCitation]:
    """Every citation in a query, in order, without overlaps; long forms win over short ones.

    Positions refer to `squash(text)`, the query with runs of white space collapsed.
    """
    text = squash(text)
    found: list[QueryCitation] = []
    for citation in parse_citations(text):
        written = citation.text.split(" tentang ")[0]
        start = text.find(written)
        if citation.number and start >= 0:
            found.append(QueryCitation((citation.kind,), citation.number, citation.year, written,
                                       start, start + len(written)))
    for match in _SHORT.finditer(text):
        kinds = _kinds_of(match.group("abbr"))
        if kinds:
            found.append(_from_match(match, kinds))
    for match in _NUMBER_AND_YEAR.finditer(text):
        found.append(_from_match(match, ()))
    kept: list[QueryCitation] = []
    for citation in found:  # already in order of preference
        if all(citation.end <= other.start or citation.start >= other.end for other in kept):
            kept.append(citation)
    return sorted(kept, key=lambda citation: citation.start)


def _kinds_of(abbreviation: str) -> tuple[str, ...]:
    word = " ".join(abbreviation.lower().split())
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    for prefix, key in _GLUED.items():
        if word.startswith(prefix):
            return ABBREVIATIONS[key]
    return ()


def _from_match(match: re.Match[str], kinds: tuple[str, ...]) -> QueryCitation:
    return QueryCitation(kinds, match.group("number").strip("."), int(match.group("year")), match.group(0),
                         match.start(), match.end())
