"""The layout of an Indonesian office document, as text: labelled fields, the date line, the title block.

Letters, minutes, reports and SOPs put their identity in a handful of layouts rather than
in a legal heading: "Nomor : 005/214/Diskominfo/2024" and "Hal : Undangan Rapat ..." under
the letterhead; "Sukamaju, 5 Maret 2024" above or below the body; a table row
"Nomor SOP | 800/SOP-06/2023" (DOCX tables arrive as cells joined by " | "); a centred
title in capitals ("NOTULEN RAPAT", "BERITA ACARA REVIU ..."); a date written out in words
("Pada hari ini Rabu tanggal tiga belas bulan Maret tahun dua ribu dua puluh empat").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .text import field_date, month_number, parse_date, squash, uppercase_ratio

# Labels of the fields office documents carry, normalised ("Hari/Tanggal" → "hari tanggal").
LABELS = (
    "nomor", "no", "sifat", "lampiran", "hal", "perihal", "kepada", "yth", "dari", "tanggal", "tembusan",
    "hari tanggal", "hari", "waktu", "pukul", "jam", "tempat", "acara", "agenda", "pimpinan rapat",
    "nama sop", "nomor sop", "no sop", "tanggal pembuatan", "tanggal revisi", "tanggal efektif",
    "tanggal pengesahan", "tanggal penetapan", "disahkan oleh", "ditetapkan oleh", "notulis", "peserta",
    "judul", "nama kegiatan", "kegiatan", "nomor laporan", "nomor sertifikat", "certificate no", "nomor surat",
)
_LABEL = re.compile(
    r"^\s*(?P<label>" + "|".join(re.escape(label).replace(r"\ ", r"\s*[/ ]?\s*") for label in
                                 sorted(LABELS, key=len, reverse=True)) + r")\.?\s*(?::|\|)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_SAME_LABEL = {"no": "nomor", "perihal": "hal", "no sop": "nomor sop", "jam": "pukul", "nomor laporan": "nomor",
               "nomor sertifikat": "nomor", "certificate no": "nomor", "nomor surat": "nomor"}
# A letter's header line with the place and date merged in from the right-hand column.
_TRAILING_PLACE_DATE = re.compile(
    r"^(?:Nomor|No\.|Sifat|Lampiran|Hal|Perihal)\b.*?\s(?P<tail>(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+,\s*\d{1,2}\s+"
    r"[A-Z][a-z]+\s+(?:19|20)\d\d)\s*$")
_PLACE_DATE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'-]{1,40}?)\s*,\s*(?P<date>.{6,30}?)\s*$")
_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
}
_NUMBER_WORD = (r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|belas|puluh|"
                r"ratus|ribu)")
_WORDS_DATE = re.compile(
    rf"tanggal\s+(?P<day>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*)\s+bulan\s+(?P<month>[a-z]+)\s+"
    rf"tahun\s+(?P<year>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Labelled:
    """A labelled value and where it stands (0-based line of its page)."""

    value: str
    line: int
    page: int


def lines_of(page: str) -> list[str]:
    return [squash(line) for line in page.split("\n")]


def labelled_fields(pages: Sequence[str], max_pages: int = 2) -> dict[str, Labelled]:
    """"Label : value" and "Label | value" lines of the first pages; the first of each label wins.

    A table row with several pairs ("Nomor SOP | 800/06 | Tanggal Pembuatan | 9 Januari 2023"
    never occurs, but "UNIT | Nomor SOP | 800/06" does) is read from its labelled cell on.
    """
    found: dict[str, Labelled] = {}
    for page_index, page in enumerate(pages[:max_pages]):
        for line_index, line in enumerate(lines_of(page)):
            for cell_start in _cell_starts(line):
                match = _LABEL.match(line[cell_start:])
                if not match:
                    continue
                label = re.sub(r"[\s/]+", " ", match.group("label").lower()).strip()
                label = _SAME_LABEL.get(label, label)
                value = re.sub(r"^[:|\s]+", "", match.group("value")).split(" | ")[0].strip(" :")
                if label == "nomor" and not re.search(r"\d|[._…]{2,}", value):
                    break  # a table's header row ("No | Kegiatan | Peserta"), not a number
                if label not in found and value:
                    found[label] = Labelled(value, line_index, page_index + 1)
                break
    return found


def _cell_starts(line: str) -> list[int]:
    starts = [0]
    starts += [match.end() for match in re.finditer(r"\s\|\s", line)]
    return starts


def place_and_date(pages: Sequence[str], *, last: bool = False) -> tuple[str, date, int] | None:
    """The letter's "Sukamaju, 5 Maret 2024" line: at the top of a letter, above the signature of minutes.

    `last` takes the one nearest the end (a report's signing line) instead of the first.
    """
    found: list[tuple[str, date, int]] = []
    for page_index, page in enumerate(pages):
        for line in lines_of(page):
            cells = line.split(" | ")
            if tail := _TRAILING_PLACE_DATE.match(line):
                cells.append(tail.group("tail"))  # "Nomor : 400/1187 Bandar Cendana, 28 Mei 2024": merged columns
            for cell in cells:
                match = _PLACE_DATE.match(cell)
                if not match:
                    continue
                parsed = field_date(match.group("date"))
                place = match.group("place").strip()
                if parsed and parsed[1].strip() == match.group("date").strip() and not _not_a_place(place):
                    found.append((place.title() if place.isupper() else place, parsed[0], page_index + 1))
    if not found:
        return None
    return found[-1] if last else found[0]


def _not_a_place(word: str) -> bool:
    return bool(re.match(r"^(?:hari|tanggal|pada|jakarta pusat pada|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b",
                         word, re.IGNORECASE))


def date_in_words(text: str) -> tuple[date, str] | None:
    """"tanggal tiga belas bulan Maret tahun dua ribu dua puluh empat" → 2024-03-13."""
    for match in _WORDS_DATE.finditer(text):
        day, year = _spelled_number(match.group("day")), _spelled_number(match.group("year"))
        month = month_number(match.group("month"))
        if day and year and month:
            try:
                return date(year, month, day), match.group(0)
            except ValueError:
                continue
    return None


def _spelled_number(text: str) -> int | None:
    """Indonesian number words up to the thousands ("seribu sembilan ratus sembilan puluh sembilan" → 1999)."""
    total, group, pending = 0, 0, None
    words = text.lower().split()
    if not words:
        return None
    for word in words:
        value = _NUMBER_WORDS.get(word)
        if value is not None and value < 10:
            group += pending or 0
            pending = value
        elif value is not None:  # sepuluh, sebelas, seratus, seribu
            group += pending or 0
            pending = None
            if value == 1000:
                total += 1000
            else:
                group += value
        elif word in ("belas", "puluh", "ratus"):
            group += (pending or 0) * {"belas": 1, "puluh": 10, "ratus": 100}[word] + (10 if word == "belas" else 0)
            pending = None
        elif word == "ribu":
            total += (group + (pending or 0)) * 1000
            group, pending = 0, None
        else:
            return None
    return total + group + (pending or 0) or None


def first_date(text: str) -> tuple[date, str] | None:
    """The first date in the text, in figures or in words."""
    figures = parse_date(text)
    words = date_in_words(text)
    if figures and words:
        return figures if text.find(figures[1]) <= text.find(words[1]) else words
    return figures or words


_MARKINGS = re.compile(r"^(?:SANGAT\s+)?(?:RAHASIA|TERBATAS|SEGERA|PENTING|BIASA|SALINAN|COPY|ASLI)\W*$", re.I)
# A draft's marking on a line of its own: "KONSEP - BAHAN FGD - TIDAK UNTUK DIKUTIP", "DRAFT v0.3".
_DRAFT_MARK = re.compile(r"^\W*(?:KONSEP|DRAFT?|DRAF|RANCANGAN)\W*(?:$|[-–—:(]|V(?:ERSI)?\s*\d|BAHAN\b)", re.I)
_AUTHOR = re.compile(r"^(?:TIM\b|DISUSUN|OLEH\b|PT\.?\s|CV\.?\s|DIREKTORAT|KEMENTERIAN|BADAN\b|DINAS\b|SEKRETARIAT|"
                     r"BIDANG\b|BAGIAN\b|VERSI\b|VERSION\b|EDISI\b|BEKERJA\s+SAMA|[\"“])", re.I)


def title_lines(page: str, *, skip_letterhead: bool = True, limit: int = 10) -> list[str]:
    """The capitalised title block near the top, below the letterhead and any marking ("RAHASIA").

    It ends at the first line that is not a title, or where the author begins ("TIM
    KOORDINASI ...", "Disusun oleh", a unit's name): a cover names the title, then who made it.
    """
    lines = [line for line in lines_of(page) if line][:40]
    start = _after_letterhead(lines) if skip_letterhead else 0
    while start < len(lines) and _MARKINGS.match(lines[start]):
        start += 1
    title: list[str] = []
    for line in lines[start:]:
        joining = bool(title) and re.fullmatch(r"ANTARA|DAN|DENGAN", title[-1], re.IGNORECASE)  # parties follow
        if title and (not _title_like(line) or len(title) >= limit or (_AUTHOR.match(line) and not joining)):
            break
        if _title_like(line):
            title.append(line)
        else:
            break
    return title


_BODY_START = re.compile(r"^(?:Menimbang|Mengingat|DENGAN\s+RAHMAT|Dengan\s+hormat|Yth|Kepada|Pada\s+hari|"
                         r"BAB\s+[IVXL\d]+|KATA\s+PENGANTAR|DAFTAR\s+ISI)\b", re.I)


_PERIOD = re.compile(r"^(?:TAHUN\s+(?:ANGGARAN\s+)?|PERIODE\s+)(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)?$", re.I)


def title_blocks(page: str, max_lines: int = 25) -> list[list[str]]:
    """The successive blocks of capitalised lines at the top of a page, until the body begins."""
    lines = [line for line in lines_of(page) if line][:max_lines]
    start = _after_letterhead(lines)
    blocks: list[list[str]] = []
    current: list[str] = []
    for position in range(start, len(lines)):
        line, after = lines[position], lines[position + 1] if position + 1 < len(lines) else ""
        if _BODY_START.match(line):
            break
        joining = bool(current) and re.fullmatch(r"ANTARA|DAN|DENGAN", current[-1], re.IGNORECASE)
        lead_in = len(current) == 1 and bool(_AUTHOR.match(current[0]) or _DRAFT_MARK.match(current[0]))
        # "LAPORAN SURVEI ..." / "DINAS KOMUNIKASI ... KOTA X" / "TAHUN 2024": a unit naming its region right before
        # the year is the title's.
        owned = bool(current) and bool(_PERIOD.match(after)) and bool(_UNIT.match(line)) and bool(
            re.search(r"\b(?:KABUPATEN|KOTA|PROVINSI)\s+\w", line, re.IGNORECASE))  # not "TIM KOORDINASI SPBE"
        # "... / TAHUN 2025-2029" / "PEMERINTAH KABUPATEN X": after the period, a cover names who made it.
        ended = bool(current) and bool(_PERIOD.match(current[-1])) and bool(_LETTERHEAD.match(line))
        if _title_like(line) and not _MARKINGS.match(line) and not lead_in and not ended and (
                not current or joining or owned or not _AUTHOR.match(line)):
            current.append(line)
            continue
        if current:
            blocks.append(current)
            current = []
        if _title_like(line) and not _MARKINGS.match(line):
            current = [line]  # an author line after a title starts the next block
    if current:
        blocks.append(current)
    return blocks


def _after_letterhead(lines: list[str]) -> int:
    """Index of the first line after the letterhead (government, unit, address, contact lines)."""
    position = 0
    while position < len(lines) and position < 8 and _letterhead_line(lines[position]):
        position += 1
    return position


_LETTERHEAD = re.compile(
    r"^(?:PEMERINTAH|SEKRETARIAT|DINAS|BADAN|INSPEKTORAT|KANTOR|BAGIAN|BIDANG|KEMENTERIAN|RUMAH SAKIT|UPT|"
    r"BUPATI|WALI\s*KOTA|GUBERNUR|PROVINSI|KABUPATEN|KOTA)\b|"
    r"\b(?:Jalan|Jl\.|Telepon|Telp|Faks|Faksimile|Laman|Website|Pos-el|E-?mail|Kode Pos)\b|^[A-Z ]+\s\d{5}$",
    re.IGNORECASE,
)


def _letterhead_line(line: str) -> bool:
    return bool(_LETTERHEAD.search(line)) and not re.search(r"\b(?:NOMOR|TENTANG)\b", line)


def _title_like(line: str) -> bool:
    if re.fullmatch(r"ANTARA|DAN|DENGAN|TENTANG", line):
        return True  # the joints of an agreement's title ("... ANTARA / X / DAN / Y / TENTANG / ...")
    letters = sum(ch.isalpha() for ch in line)
    # A colon makes a line a label ("Hal : ..."), except one left at its end ("DAFTAR HADIR :").
    return letters >= 4 and uppercase_ratio(line) >= 0.85 and ":" not in line.rstrip(" :") and parse_date(line) is None


_GOVERNMENT = re.compile(r"^(?:PEMERINTAH\s+)?(?P<level>PROVINSI|KABUPATEN|KOTA)\s+(?P<name>[A-Z][A-Z .'-]+?)\s*$",
                         re.IGNORECASE)
_HEAD_OF = re.compile(r"^(?P<office>BUPATI|WALI\s*KOTA|GUBERNUR)\s+(?P<name>[A-Z][A-Z .'-]+?),?\s*$", re.IGNORECASE)
_UNIT = re.compile(r"^(?:DINAS|BADAN|INSPEKTORAT|SEKRETARIAT|KANTOR|RUMAH\s+SAKIT|BAGIAN|UPT)\b.*$", re.IGNORECASE)
_LEVEL_OF = {"BUPATI": "Kabupaten", "WALIKOTA": "Kota", "WALI KOTA": "Kota", "GUBERNUR": "Provinsi"}


def letterhead_body(page: str) -> str | None:
    """Who issued it, from the letterhead: "Dinas Komunikasi dan Informatika Kabupaten Sukamaju"."""
    government: str | None = None
    unit: str | None = None
    for line in _unwrapped([line for line in lines_of(page) if line][:8])[:6]:
        if (match := _GOVERNMENT.match(line)) and government is None:
            government = f"{match.group('level').title()} {_titled(match.group('name'))}"
        elif (match := _HEAD_OF.match(line)) and government is None:
            office = re.sub(r"\s+", " ", match.group("office").upper())
            government = f"{_LEVEL_OF.get(office, 'Kabupaten')} {_titled(match.group('name'))}"
        elif _UNIT.match(line) and unit is None and len(line) < 90:
            unit = _titled(line.strip(" ,"))
        elif government or unit:
            break
    if unit and government:
        return f"{unit} {government}" if government.split(" ", 1)[1].lower() not in unit.lower() else unit
    return unit or government


_WRAPPED_HEAD = re.compile(r"(?:PEMERINTAH(?:\s+(?:PROVINSI|KABUPATEN|KOTA))?|PROVINSI|KABUPATEN|KOTA)", re.IGNORECASE)


def _unwrapped(lines: list[str]) -> list[str]:
    """A letterhead cell wrapped in a narrow table column joined again: an SOP's header table in a PDF
    reads "PEMERINTAH" / "KABUPATEN" / "SINDANGRAJA", one word a line, and "DINAS" alone would then be
    taken for the whole issuer (and for another body's)."""
    joined: list[str] = []
    pending: list[str] = []
    for line in lines:
        if _WRAPPED_HEAD.fullmatch(line):
            pending.append(line)
            continue
        whole = " ".join([*pending, line])
        joined += [whole] if pending and _GOVERNMENT.match(whole) else [*pending, line]
        pending = []
    return joined + pending


def _titled(text: str) -> str:
    small = {"dan", "di", "ke", "dari", "untuk"}
    words = [word.lower() if word.lower() in small and index else word.capitalize()
             for index, word in enumerate(squash(text).split(" "))]
    return " ".join(words)


_MONTHS = "Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember"
_UNDATED_PLACE = re.compile(rf"^\s*(?P<place>[A-Z][A-Za-z .'-]{{1,40}}?)\s*,\s*(?:[.…_\s]{{3,}}|(?:{_MONTHS})\s+)"
                            r"(?P<year>(?:19|20)\d\d)?\s*$", re.IGNORECASE)
_COVER_YEAR = re.compile(rf"^(?:TAHUN\s+(?:ANGGARAN\s+)?|(?:{_MONTHS})\s+)?(?P<year>(?:19|20)\d\d)$", re.IGNORECASE)


def undated_place(pages: Sequence[str]) -> tuple[str, int | None, int] | None:
    """"Karangsari, ............ 2024" (a draft) or "Tirtamulya, Desember 2021": a place, a year, no day."""
    for page_index, page in enumerate(pages):
        for line in lines_of(page):
            if (match := _UNDATED_PLACE.match(line)) and not _not_a_place(match.group("place")):
                year = int(match.group("year")) if match.group("year") else None
                return match.group("place").strip(), year, page_index + 1
    return None


def cover_year(page: str) -> int | None:
    """The year a cover names on a line of its own ("TAHUN 2024", "2024"): the last one, the publication's."""
    years = [int(match.group("year")) for line in lines_of(page)[:30] if (match := _COVER_YEAR.match(line))]
    return years[-1] if years else None
