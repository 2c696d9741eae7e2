"""Reading Indonesian legal text as scanners and PDF converters leave it.

OCR confuses l/I/1/!, O/0 and drops or doubles spaces ("KOMUNlKASl", "PRES!DEN",
"TAHUN2015", "2O22"). Patterns here are tolerant of exactly those confusions and
nothing more, so that a damaged heading still reads and a clean one is not misread.
"""

from __future__ import annotations

import re
from datetime import date

from ..indonesian import MONTH_NAMES

# The month names, plus the older spellings documents still carry ("Pebruari", "Nopember").
# English names too: certificates and auditors' reports are often written in English ("14 May 2026").
ENGLISH_MONTHS = {
    name: number for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"), start=1)}
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    "pebruari": 2, "nopember": 11} | ENGLISH_MONTHS

_DIGITISH = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "L": "1", "!": "1",
                           "|": "1", "S": "5", "B": "8", "Z": "2"})
_LETTERISH = str.maketrans({"0": "o", "1": "i", "!": "i", "|": "l", "5": "s"})
_DAY = r"[0-9OolIiL!|]{1,2}"
_YEAR = r"[12][0-9OolIL!]{3}"
_MONTH_WORD = r"[A-Za-z0-9!|]{3,10}"
DATE_PATTERN = re.compile(rf"(?<![0-9A-Za-z])({_DAY})\s*({_MONTH_WORD})\s*({_YEAR})(?![0-9])")


def fuzzy(word: str) -> str:
    """A regex for a keyword that tolerates OCR's l/I/1/! and O/0 swaps and split letters.

    `fuzzy("KOMUNIKASI")` matches "KOMUNlKASl" and "KOMUNIKAS I".
    """
    parts = []
    for char in word:
        if char in "Ii":
            parts.append("[Il1!|i]")
        elif char in "Ll":
            parts.append("[Ll1I|]")
        elif char in "Oo":
            parts.append("[Oo0]")
        elif char == " ":
            parts.append(r"\s*")
            continue
        elif char == "-":
            parts.append(r"\s*-?\s*")
            continue
        else:
            parts.append(re.escape(char))
        parts.append(r" ?")
    return "".join(parts[:-1]) if parts and parts[-1] == r" ?" else "".join(parts)


def month_number(word: str) -> int | None:
    """The month of an Indonesian month name, allowing one OCR slip ("Okt0ber", "Agustu5")."""
    cleaned = word.translate(_LETTERISH).lower()
    if cleaned in MONTHS:
        return MONTHS[cleaned]
    for name, number in MONTHS.items():
        if len(cleaned) == len(name) and sum(a != b for a, b in zip(cleaned, name, strict=True)) <= 1:
            return number
    return None


def parse_date(text: str) -> tuple[date, str] | None:
    """The first Indonesian date in the text ("12 Maret 2014", "L7 Oktober 2O22") and its wording."""
    for match in DATE_PATTERN.finditer(text):
        found = _to_date(*match.groups())
        if found:
            return found, match.group(0)
    return None


# "03-02-2025", "06/10/2025", "25.03.2025": a date in figures, day first, as forms and signing lines write it.
_NUMERIC_DATE = re.compile(r"(?<![\d./-])(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)"
                           r"(?P<year>(?:19|20)\d\d)(?![\d./-])")


def field_date(text: str) -> tuple[date, str] | None:
    """The date a short value gives (a labelled "Tanggal :" field, the date of a signing line): in words, else in
    figures. Only for such values: in running text, figures may be anything."""
    if found := parse_date(text):
        return found
    for match in _NUMERIC_DATE.finditer(text):
        try:
            return date(int(match.group("year")), int(match.group("month")), int(match.group("day"))), match.group(0)
        except ValueError:
            continue
    return None


def _to_date(day: str, month: str, year: str) -> date | None:
    number = month_number(month)
    if number is None:
        return None
    try:
        return date(int(year.translate(_DIGITISH)), number, int(day.translate(_DIGITISH)))
    except ValueError:
        return None


def squash(text: str) -> str:
    """Collapse runs of white space to one space."""
    return " ".join(text.split())


def uppercase_ratio(line: str) -> float:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c.isupper() for c in letters) / len(letters)
