"""The closing blocks: enactment ("Ditetapkan di ... pada tanggal ..."), signatory,
promulgation ("Diundangkan di ...") and the gazette line ("BERITA DAERAH ... TAHUN ... NOMOR ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .signature import read_block
from .text import DATE_PATTERN, fuzzy, parse_date, squash

_DI = r"\s*d\s*[iIl1](?:\b|(?=[A-Z]))\s*:?[ \t]*"  # "di", also glued to the place ("diTirtamulya")
_ENACTED = re.compile(rf"(?:{fuzzy('Ditetapkan')}|{fuzzy('Disahkan')}|{fuzzy('Dikeluarkan')}){_DI}(?P<place>[^\n]*)",
                      re.IGNORECASE)
_PROMULGATED = re.compile(rf"{fuzzy('Diundangkan')}{_DI}(?P<place>[^\n]*)", re.IGNORECASE)
_ANY_MARKER = re.compile(rf"{fuzzy('Ditetapkan')}|{fuzzy('Disahkan')}|{fuzzy('Dikeluarkan')}|{fuzzy('Diundangkan')}",
                         re.IGNORECASE)
_PADA_TANGGAL = re.compile(rf"{fuzzy('pada')}\s*{fuzzy('tangga')}\S*\s*:?", re.IGNORECASE)
_GAZETTE = re.compile(
    r"(?P<series>LEMBARAN|BERITA)\s+(?P<level>DAERAH|NEGARA)\s+(?P<where>[A-Z][A-Z .]*?)\s+TAHUN\s+"
    r"(?P<year>(?:19|20)\d\d)\s+NOMOR\s+(?P<number>\d+)"
)
_GAZETTE_HEADER = re.compile(r"BERITA\s+NEGARA\s+REPUBLIK\s+INDONESIA\s+No\.\s*(?P<number>\d+)\s*,\s*(?P<year>\d{4})")
_SEARCH_WINDOW = 260


@dataclass(frozen=True)
class Act:
    """An enactment or a promulgation: where, when, by whom, and the text it was read from."""

    place: str | None
    day: date | None
    official_title: str | None
    official_name: str | None
    page: int
    matched: str


@dataclass(frozen=True)
class Gazette:
    series: str
    year: int
    number: str
    page: int
    matched: str

    @property
    def label(self) -> str:
        return self.matched


def enactment(pages: list[str]) -> Act | None:
    return _act(pages, _ENACTED)


def promulgation(pages: list[str]) -> Act | None:
    return _act(pages, _PROMULGATED)


def _act(pages: list[str], marker: re.Pattern[str]) -> Act | None:
    """The first marker that has a date next to it (after it, or just before it in bottom-up scans).

    A marker whose date cannot be read still counts: the act happened, its date is unknown.
    """
    undated: Act | None = None
    for index, page in enumerate(pages):
        for match in marker.finditer(page):
            after = page[match.end():match.end() + _SEARCH_WINDOW]
            if len(after.strip()) < 40 and index + 1 < len(pages):  # the marker ends a page, its date opens the next
                after += "\n" + pages[index + 1][:_SEARCH_WINDOW]
            after = re.split(rf"{fuzzy('Diundangkan')}|{fuzzy('Ditetapkan')}", after, flags=re.IGNORECASE)[0]
            place = _clean_place(match.group("place"))
            found = parse_date(after)
            if found:
                day, wording = found
                tail = after[after.find(wording) + len(wording):]
                if index + 1 < len(pages):  # a signature block often runs over the page break
                    tail += "\n" + pages[index + 1][:_SEARCH_WINDOW]
                    tail = re.split(rf"{fuzzy('Diundangkan')}|{fuzzy('Ditetapkan')}", tail, flags=re.IGNORECASE)[0]
                title, name = _signatory(tail.split("\n"))
                return Act(place, day, title, name, index + 1, squash(page[match.start():match.end()] + after[:200]))
            if undated is None:  # a draft leaves the date blank; its block still names the signer
                block = re.split(rf"{fuzzy('tanggal')}[^\n]*\n", after, maxsplit=1, flags=re.IGNORECASE)[-1]
                title, name = _signatory(block.split("\n"))
                undated = Act(place, None, title, name, index + 1, squash(match.group(0)))
            before = page[max(0, match.start() - 120):match.start()]
            if _ANY_MARKER.search(before):
                continue  # the date up there belongs to the other block
            dates = list(DATE_PATTERN.finditer(before))
            if dates and re.search(r"tangga\S*\s*:?\s*$", before[:dates[-1].start()], re.IGNORECASE):
                continue  # "pada tanggal <date>" up there is the other block's date
            if dates and (found := parse_date(dates[-1].group(0))):
                lines = before[:dates[-1].start()].rstrip().split("\n")
                place = place or _clean_place(lines[-1]) if lines else place
                title, name = _signatory(list(reversed(lines[:-1])), bottom_up=True)
                return Act(place, found[0], title, name, index + 1, squash(before + match.group(0)))
    return undated


def _clean_place(raw: str) -> str | None:
    place = squash(_PADA_TANGGAL.split(raw)[0]).strip(" :,.")
    place = re.sub(r"\s+pada$", "", place, flags=re.IGNORECASE)
    if not place or len(place) > 40 or any(ch.isdigit() for ch in place):
        return None
    return place.title() if place.isupper() else place


def _signatory(lines: list[str], bottom_up: bool = False) -> tuple[str | None, str | None]:
    """Office lines ("BUPATI BADUNG,"), an optional "ttd", then the signatory's name."""
    found = read_block(lines, bottom_up=bottom_up)
    return found.office, found.name


def gazette(pages: list[str]) -> Gazette | None:
    """The document's own gazette placement: the last upper-case gazette line, else the page header."""
    found: Gazette | None = None
    for index, page in enumerate(pages):
        for match in _GAZETTE.finditer(page):
            found = Gazette(f"{match.group('series').title()} {match.group('level').title()}",
                            int(match.group("year")), match.group("number"), index + 1, squash(match.group(0)))
    if found:
        return found
    header = _GAZETTE_HEADER.search(squash(pages[0])) if pages else None
    if header:
        return Gazette("Berita Negara", int(header.group("year")), header.group("number"), 1, header.group(0))
    return None
