"""The closing blocks: enactment ("Ditetapkan di ... pada tanggal ..."), signatory,
promulgation ("Diundangkan di ...") and the gazette line ("BERITA DAERAH ... TAHUN ... NOMOR ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .text import DATE_PATTERN, fuzzy, parse_date, squash, uppercase_ratio

_ENACTED = re.compile(rf"(?:{fuzzy('Ditetapkan')}|{fuzzy('Disahkan')})\s*d\s*[iIl1]\b\s*:?[ \t]*(?P<place>[^\n]*)",
                      re.IGNORECASE)
_PROMULGATED = re.compile(rf"{fuzzy('Diundangkan')}\s*d\s*[iIl1]\b\s*:?[ \t]*(?P<place>[^\n]*)", re.IGNORECASE)
_ANY_MARKER = re.compile(rf"{fuzzy('Ditetapkan')}|{fuzzy('Disahkan')}|{fuzzy('Diundangkan')}", re.IGNORECASE)
_PADA_TANGGAL = re.compile(rf"{fuzzy('pada')}\s*{fuzzy('tangga')}\S*\s*:?", re.IGNORECASE)
_SIGNATURE_MARK = re.compile(r"^(?:ttd\.?|TTD\.?|t\.t\.d\.?|\W{1,3}|\S)$")
_NOT_A_NAME = re.compile(r"^(?:Diundangkan|Ditetapkan|SALINAN|LEMBARAN|BERITA|Salinan|Agar|pada|-)", re.IGNORECASE)
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
            after = re.split(rf"{fuzzy('Diundangkan')}|{fuzzy('Ditetapkan')}", after, flags=re.IGNORECASE)[0]
            place = _clean_place(match.group("place"))
            found = parse_date(after)
            if found:
                day, wording = found
                tail = after[after.find(wording) + len(wording):]
                title, name = _signatory(tail.split("\n"))
                return Act(place, day, title, name, index + 1, squash(page[match.start():match.end()] + after[:200]))
            undated = undated or Act(place, None, None, None, index + 1, squash(match.group(0)))
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


_OFFICE_WORDS = re.compile(
    r"\b(MENTER\S*|BUPAT\S*|GUBERNUR|WAL[I1]\s*KOTA|WAL[I1]KOTA|PRES[I1!]DEN|KEPALA|SEKRETARIS|DIREKTUR|"
    r"REPUBL\S*|[I1]?NDONES\S*|PROV[I1]NS[I1]|KABUPATEN|KOTA|DAERAH|JENDERAL|KEMENTERIAN|PERATURAN|"
    r"PERUNDANG\S*|HUKUM|HAK|ASASI|MANUSIA|[I1]NFORMAT[I1]KA|KOMUN[I1]KAS[I1]|NEGARA|DINAS|BADAN|"
    r"PLT\.?|PLH\.?|A\.N\.?|KETUA|CAMAT|INSPEKTUR|SEKDA|DAN|SELAKU)\b",
    re.IGNORECASE,
)


def _is_office_line(line: str) -> bool:
    words = re.findall(r"[A-Za-z!]+\.?", line)
    return bool(words) and len(_OFFICE_WORDS.findall(line)) * 2 >= len(words)


def _signatory(lines: list[str], bottom_up: bool = False) -> tuple[str | None, str | None]:
    """Office lines ("BUPATI BADUNG,"), an optional "ttd", then the signatory's name."""
    cleaned = [squash(line) for line in lines if squash(line)]
    title: list[str] = []
    position = 0
    while position < len(cleaned) and len(title) < 5 and _is_office_line(cleaned[position]):
        title.append(cleaned[position])
        position += 1
    while position < len(cleaned) and _SIGNATURE_MARK.match(cleaned[position]):
        position += 1
    office = squash(" ".join(reversed(title) if bottom_up else title)).strip(" ,") or None
    if not title or position >= len(cleaned):
        return office, None
    name = cleaned[position]
    if (_NOT_A_NAME.match(name) or len(name) > 70 or uppercase_ratio(name) < 0.6
            or sum(c.isalpha() for c in name) < 3 or _is_office_line(name)):
        return office, None
    return office, name.strip(" ,")


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
