"""The heading block: "PERATURAN BUPATI BADUNG / NOMOR 18 TAHUN 2014 / TENTANG / ..."

Headings are upper case, so a mixed-case citation inside "Mengingat" is never taken for
the document's own heading. Scanned pages are sometimes read bottom-up, which puts
"TENTANG" and the title before the jenis line: both orders are accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .jenis import EVIDENCE_KINDS, JENIS_REGEX, kind_of
from .text import fuzzy, squash, uppercase_ratio

MAX_HEADING_PAGES = 3
# A scan loses the first letters of a line ("OMOR 17", "NTANG") and glues words ("NOMOR17"): both are read.
NOMOR_LINE = re.compile(rf"^(?:{fuzzy('NOMOR')}|{fuzzy('OMOR')}(?=\s*:?\s*\d))(?:\b|(?=\d))\s*:?\s*(?P<rest>.*)$",
                        re.IGNORECASE)
TENTANG_LINE = re.compile(rf"^(?:{fuzzy('TENTANG')}|{fuzzy('ENTANG')}|{fuzzy('NTANG')}(?=\s*$))\s*:?\s*(?P<rest>.*)$",
                          re.IGNORECASE)
_TITLE_STOP = re.compile(
    rf"^(?:{fuzzy('DENGAN')}\s*{fuzzy('RAHMAT')}|{fuzzy('MENIMBANG')}|{fuzzy('MENGINGAT')}|"
    r"(?:MENTER|BUPAT|GUBERNU|WAL[I1l]\s*KOTA|PRES[I1l!]DEN|KEPALA|SEKRETARIS|DIREKTUR|INSPEKTUR|KETUA)\S*\b|"
    r"-\s*\d+\s*-$|\d+$|BAB\s+[IVXL\d]+\b|[IVX]{1,4}\.\s)",  # a chapter or numbered section (an annex's body)
    re.IGNORECASE,
)
_BLOCK_END = re.compile(rf"^(?:{fuzzy('DENGAN')}\s*{fuzzy('RAHMAT')}|{fuzzy('MENIMBANG')}|{fuzzy('MENGINGAT')})",
                        re.IGNORECASE)
_BLESSING = re.compile(r"\s*\S{0,6}\s*\.?R\s*A\s*[CK]?H\s*M\s*A\s*T\s+T\s*U\s*H\s*A\s*N\b.*$", re.IGNORECASE)
_SPLIT_JENIS = re.compile(r"^(PERATURAN|KEPUTUSAN|PERATURAN BERSAMA|SURAT EDARAN)$", re.IGNORECASE)
_MENETAPKAN = re.compile(rf"{fuzzy('Menetapkan')}\s*:\s*", re.IGNORECASE)
_MARKER_LINE = re.compile(r"^(SALINAN|RANCANGAN|DRAFT|DRAF|KONSEP)\b\.?", re.IGNORECASE)
_TAHUN = re.compile(r"T\s*A\s*H\s*(?:U|IJ|I\s*J|LI)\s*N\s*(?P<year>[12Il!Z][0-9OolIZSB!]{3})", re.IGNORECASE)
_OLD_STYLE = re.compile(r"^0*(?P<number>\d+)\s*[/1I]\s*[A-Z]{1,4}\b", re.IGNORECASE)
_TRAILING_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)\s*$")
# The number before TAHUN as OCR leaves it: "I1", "l", "1l", ",I9", "4.", "7,", "2O" read as 11, 1, 11, 19, 4, 7, 20.
_NUMBER_BEFORE_TAHUN = re.compile(r"^[,.\s]*(?P<number>[0-9OolI!|SZ]{1,4}[A-Z]?)[.,]?\s*T\s*A\s*H\s*(?:U|IJ|LI)",
                                  re.IGNORECASE)
_DIGITS = str.maketrans("OolI!|SZ", "00111152")
_YEAR_DIGITS = str.maketrans("OolI!|SZB", "001111528")  # "19B7": in a year a B can only be an 8
_PREFIXED_OLD_STYLE = re.compile(r"^PER\s*/\s*0*(?P<number>\d+)\s*/", re.IGNORECASE)  # "PER/17/M.PAN/5/2009"


@dataclass(frozen=True)
class Heading:
    """What the heading says, with the page (1-based) and the lines it was read from."""

    kind: str
    jenis_text: str
    issuer_words: str
    nomor_text: str
    number: str | None
    year: int | None
    tentang: str
    page: int
    matched: str
    marked_draft: bool
    marked_copy: bool


def parse_heading(pages: list[str]) -> Heading | None:
    """Find the document's own heading on its first pages."""
    for index, page in enumerate(pages[:MAX_HEADING_PAGES]):
        heading = _heading_in(_lines(page), index + 1)
        if heading:
            return heading
    return parse_enacting_clause(pages)


def _lines(page: str) -> list[str]:
    """Non-empty lines, with a jenis split over two lines ("PERATURAN" / "MENTERI ...") rejoined."""
    lines = [squash(line) for line in page.split("\n")]
    lines = [line for line in lines if line]
    joined: list[str] = []
    for line in lines:
        if joined and _SPLIT_JENIS.match(joined[-1]) and uppercase_ratio(line) > 0.7 \
                and not NOMOR_LINE.match(line) and not TENTANG_LINE.match(line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def parse_enacting_clause(pages: list[str]) -> Heading | None:
    """When the heading page is a scan: "Menetapkan : PERATURAN MENTERI ... TENTANG ..." still names it."""
    for index, page in enumerate(pages[:6]):
        text = squash(page)
        for match in _MENETAPKAN.finditer(text):
            rest = text[match.end():match.end() + 400]
            jenis = JENIS_REGEX.match(rest)
            split = re.split(rf"\s{fuzzy('TENTANG')}\s", rest, maxsplit=1, flags=re.IGNORECASE)
            if not jenis or len(split) < 2:
                continue
            title = split[1].split(".")[0] if "." in split[1] else split[1]
            title = re.split(r"\s(?:BAB|Pasal)\s", title)[0]
            kind = kind_of(jenis)
            return Heading(kind=kind, jenis_text=squash(rest[:jenis.end()]),
                           issuer_words=squash(split[0][jenis.end():]),
                           nomor_text="", number=None, year=None, tentang=clean_title(title),
                           page=index + 1, matched=squash(rest[:300]), marked_draft=False, marked_copy=False)
    return None


def evidence_kind(pages: list[str]) -> tuple[str, str, int] | None:
    """For documents without a legal heading: the kind its first lines announce (notulen, laporan...)."""
    for index, page in enumerate(pages[:1]):
        for line in [squash(line) for line in page.split("\n") if line.strip()][:8]:
            for pattern, kind in EVIDENCE_KINDS:
                if pattern.match(line):
                    return kind, line, index + 1
    return None


def _heading_in(lines: list[str], page: int) -> Heading | None:
    markers = {match.group(1).upper() for line in lines[:10] if (match := _MARKER_LINE.match(line))}
    for position, line in enumerate(lines):
        stripped = _MARKER_LINE.sub("", line).strip() if _MARKER_LINE.match(line) else line
        match = JENIS_REGEX.match(stripped)
        if not match or uppercase_ratio(stripped) < 0.7:
            continue
        kind = kind_of(match)
        if _MARKER_LINE.match(line):
            markers.add(_MARKER_LINE.match(line).group(1).upper())  # type: ignore[union-attr]
        found = _read_block(lines, position, stripped, match.end(), kind, page, markers)
        if found:
            return found
    return None


def _read_block(lines: list[str], start: int, first: str, jenis_end: int, kind: str, page: int,
                markers: set[str]) -> Heading | None:
    """From a jenis line: the issuer words, the NOMOR line(s) and the title after (or before) TENTANG."""
    issuer = [first[jenis_end:]]
    cursor = start + 1
    while cursor < len(lines) and cursor - start <= 3 and not NOMOR_LINE.match(lines[cursor]):
        if TENTANG_LINE.match(lines[cursor]) or _BLOCK_END.match(lines[cursor]):
            break
        issuer.append(lines[cursor])
        cursor += 1
    nomor_lines: list[str] = []
    while cursor < len(lines) and (match := NOMOR_LINE.match(lines[cursor])):
        nomor_lines.append(match.group("rest"))
        cursor += 1
    letter_heading = kind == "surat_edaran" and cursor < len(lines) and bool(TENTANG_LINE.match(lines[cursor]))
    if not nomor_lines and kind != "sop" and not letter_heading:
        return None  # an SE in letter form numbers itself in its "Nomor :" line above; others need NOMOR
    nomor_text = squash(nomor_lines[0]) if nomor_lines else ""
    inline = re.split(rf"\s{fuzzy('TENTANG')}\s", nomor_text, maxsplit=1, flags=re.IGNORECASE)
    nomor_text = re.sub(r"^[-–—~_,;'\s]+(?=\d)", "", inline[0])
    title_lines, end = _title_after(lines, cursor, inline[1] if len(inline) > 1 else None)
    if not title_lines:
        title_lines = _title_before(lines, start)
        end = cursor
    if kind == "sop" and not nomor_lines:
        # An SOP names its procedure right under the heading; there is no issuer line.
        title_lines = title_lines or _sop_title(lines, start + 1)
        issuer = []
    number, year = split_number(nomor_text)
    marked = bool(markers & {"RANCANGAN", "DRAFT", "DRAF", "KONSEP"})
    draft = marked or bool(nomor_lines and _blank_number(nomor_text))
    return Heading(
        kind=kind,
        jenis_text=squash(first[:jenis_end]),
        issuer_words=clean_title(" ".join(issuer)),
        nomor_text=nomor_text,
        number=None if draft and _blank_number(nomor_text) else number,
        year=year,
        tentang=clean_title(" ".join(title_lines)),
        page=page,
        matched="\n".join(lines[start:max(end, cursor)])[:500],
        marked_draft=draft,
        marked_copy="SALINAN" in markers,
    )


def clean_title(text: str) -> str:
    """A title as printed, with OCR's lower-case slips inside capitals fixed ("KOMUNlKASl")."""
    words = []
    for word in squash(text).split(" "):
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 3 and sum(c.isupper() for c in letters) >= len(letters) - 2:
            word = re.sub(r"(?<=[A-Z])[li!](?=[A-Z]|$)|^[l!](?=[A-Z])", "I", word)
            word = re.sub(r"(?<=[A-Z])0(?=[A-Z])", "O", word)
        words.append(word)
    text = re.sub(r"\s*/\s*", "/", " ".join(words))  # "DAN/ ATAU": a line-layout artefact
    return text.strip(" ,;")


def _title_after(lines: list[str], cursor: int, inline: str | None) -> tuple[list[str], int]:
    if inline is not None:
        title = [inline]
    elif cursor < len(lines) and (match := TENTANG_LINE.match(lines[cursor])):
        title = [match.group("rest")] if match.group("rest") else []
        cursor += 1
    else:
        return [], cursor
    while cursor < len(lines) and len(title) < 8 and (not _TITLE_STOP.match(lines[cursor]) or _year_of_title(
            title, lines[cursor])):
        if uppercase_ratio(lines[cursor]) < 0.6 and not _year_of_title(title, lines[cursor]):
            break  # ordinary text; but "2023" alone, wrapped from "... NOMOR 14 TAHUN", has no letters
        if squash(" ".join(title)).upper().startswith(squash(lines[cursor]).upper()):
            break  # an annex repeats the title as its own heading
        if _BLESSING.search(lines[cursor]):  # "DENGAN RAHMAT TUHAN ...", its first letters lost or not
            title.append(_BLESSING.sub("", lines[cursor]))
            break
        title.append(lines[cursor])
        cursor += 1
    joined = " ".join(title)
    if (blessing := _BLESSING.search(joined)) and blessing.start() > 0:
        title = [joined[:blessing.start()]]  # "... DENGAN RAHMAT" / "TUHAN YANG MAHA ESA": over two lines
    return [line for line in title if line], cursor


def _year_of_title(title: list[str], line: str) -> bool:
    """"... NOMOR 14 TAHUN" / "2023": a year on its own line that finishes the title, not a page number."""
    return bool(title) and bool(re.fullmatch(r"(?:19|20)\d\d\b.*", line)) and bool(
        re.search(r"TAHUN\s*$", title[-1], re.IGNORECASE))


def _title_before(lines: list[str], start: int) -> list[str]:
    """Bottom-up scans: the title sits between TENTANG and the jenis line, above it."""
    for back in range(start - 1, max(start - 9, -1), -1):
        match = TENTANG_LINE.match(lines[back])
        if match:
            title = ([match.group("rest")] if match.group("rest") else []) + lines[back + 1:start]
            return [line for line in title if not _TITLE_STOP.match(line)]
    return []


def _sop_title(lines: list[str], cursor: int) -> list[str]:
    title = []
    while cursor < len(lines) and len(title) < 3 and uppercase_ratio(lines[cursor]) > 0.8:
        title.append(lines[cursor])
        cursor += 1
    return title


def _blank_number(nomor_text: str) -> bool:
    """"NOMOR ... TAHUN 2024", "NOMOR TAHUN", "000.7/........./Setda": not numbered yet (a draft)."""
    if re.match(r"^(?:[.\s_…-]*|[.\s_…-]*TAHUN.*)$", nomor_text, re.IGNORECASE):
        return True
    return any(re.fullmatch(r"\s*[._…]{3,}\s*", part) for part in nomor_text.split("/"))


def split_number(nomor_text: str) -> tuple[str | None, int | None]:
    """The regulation's own number and year from the NOMOR text as written.

    "18 TAHUN 2014" → ("18", 2014); "01/PER/M.KOMINFO/01/2010" → ("1", 2010);
    "188.45/123/HK/2023" (a decree) → ("188.45/123/HK/2023", 2023).
    """
    text = squash(nomor_text).strip(" :.")
    text = re.sub(r"^[-–—~_,;'\s]+(?=\d)", "", text)  # "NOMOR-11 TAHUN 2019": a scan's dash after the word
    if not text:
        return None, None
    year_match = _TAHUN.search(text) or _TRAILING_YEAR.search(text)
    year = None
    if year_match:
        digits = year_match.group("year").translate(_YEAR_DIGITS)
        year = int(digits) if digits.isdigit() else None
    if match := _NUMBER_BEFORE_TAHUN.match(text):
        raw = match.group("number")
        suffix = raw[-1] if raw[-1].isalpha() and raw[-1].upper() not in "OIL" and len(raw) > 1 else ""
        digits = (raw[:-1] if suffix else raw).translate(_DIGITS)
        if digits.isdigit():
            return str(int(digits)) + suffix.upper(), year
    if match := _OLD_STYLE.match(text) or _PREFIXED_OLD_STYLE.match(text):
        return match.group("number"), year
    if match := re.fullmatch(r"0*(\d+)\s*/\s*((?:19|20)\d\d)", text):  # "6/1963", a citation's short form
        return match.group(1), int(match.group(2))
    compact = re.sub(r"\s*/[\s.]*", "/", re.sub(r"[\s.]*/", "/", text))  # "188.45/.77 /436": a scan's specks
    return compact, year
