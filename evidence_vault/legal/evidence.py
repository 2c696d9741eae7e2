"""Evidence documents that are not legal instruments: letters, minutes, berita acara, reports,
plans, agreements, certificates, manuals, screenshots.

Their kind is read from the whole first page, not from a first line: the title under the
letterhead ("NOTA DINAS", "BERITA ACARA REVIU ..."), else the letter's subject line
("Hal : Undangan Rapat ..."). Each kind then gives what it carries: a letter its number,
subject, place and date and the meeting it calls; minutes the meeting's date (also when
written out in words) and what was discussed; a report its title; all of them their signer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from . import agreements, certificates, layout
from .jenis import JENIS_REGEX, title_case
from .signature import Signer, last_signer
from .text import field_date, parse_date, squash

# Kind words a title starts with, most specific first.
TITLES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^NOTA\s+DINAS\b", re.I), "nota_dinas"),
    (re.compile(r"^BERITA\s+ACARA\s+RAPAT\b", re.I), "notulen"),
    (re.compile(r"^BERITA\s+ACARA\b", re.I), "berita_acara"),
    (re.compile(r"^(?:NOTULEN|NOTULA|RISALAH\s+RAPAT|CATATAN\s+RAPAT|LAPORAN\s+SINGKAT\s+RAPAT|"
                r"RINGKASAN\s+HASIL\s+RAPAT)\b", re.I), "notulen"),
    (re.compile(r"^(?:ADD?ENDUM\s+(?:(?:KE)?(?:SATU|DUA|TIGA|[IVX]+|\d+)\s+)?(?:ATAS\s+)?)?"
                r"(?:NOTA\s+KESEPAHAMAN|NOTA\s+KESEPAKATAN|MEMORANDUM\s+OF\s+UNDERSTANDING|PERJANJIAN\s+KERJA\s*SAMA|"
                r"KESEPAKATAN\s+BERSAMA|PERJANJIAN\s+KERJASAMA)\b", re.I), "perjanjian"),
    (re.compile(r"^(?:SERTIFIKAT|CERTIFICATE|PIAGAM)\b", re.I), "sertifikat"),
    (re.compile(r"^(?:MANUAL|PANDUAN|PETUNJUK\s+(?:TEKNIS|PENGGUNAAN|PELAKSANAAN)|BUKU\s+(?:PANDUAN|PETUNJUK|MANUAL)|USER\s+GUIDE|"
                r"PEDOMAN\s+PENGGUNAAN)\b", re.I), "manual"),
    (re.compile(r"^(?:TANGKAPAN\s+LAYAR|SCREENSHOT|DOKUMENTASI)\b", re.I), "dokumentasi"),
    (re.compile(r"^(?:DAFTAR\s+HADIR)\b", re.I), "lainnya"),
    (re.compile(r"^(?:CATATAN\s+RILIS|RELEASE\s+NOTES?|CHANGELOG)\b", re.I), "dokumentasi"),
    (re.compile(r"^(?:LAPORAN|HASIL\s+(?:EVALUASI|AUDIT|REVIU|SURVEI)|REGISTER|MATRIKS|REKAPITULASI)\b", re.I),
     "laporan"),
    (re.compile(r"^(?:KERANGKA\s+ACUAN|TERM\s+OF\s+REFERENCE|PROGRAM\s+KERJA|RENCANA\s+KEGIATAN)\b", re.I),
     "dokumen_perencanaan"),
    (re.compile(r"^(?:DOKUMEN\s+)?(?:ARSITEKTUR\s+(?:SPBE|SISTEM|PEMERINTAH)|PETA\s+RENCANA|PETA\s+JALAN|ROAD\s*MAP|"
                r"RENCANA\s+[A-Z]+|MASTER\s*PLAN|RENSTRA|RENJA|RPJMD|"
                r"CETAK\s+BIRU)\b", re.I), "dokumen_perencanaan"),
    (re.compile(r"^UNDANGAN\b", re.I), "undangan"),
]
# Words that name the form of minutes, not their subject ("NOTULEN RAPAT / REVIU ...": the subject is the rest).
_FORM_WORDS = re.compile(r"^(?:NOTULEN|NOTULA|RISALAH|CATATAN|BERITA\s+ACARA)(?:\s+RAPAT)?\s*:?\s*", re.I)
_LETTER_SUBJECT = re.compile(r"^undangan\b", re.I)
_NUMBER_LINE = re.compile(r"^(?:NOMOR\b|No\.|No(?=\s*:))\s*:?\s*(?P<value>\S.*)$", re.I)
_YEAR_IN_NUMBER = re.compile(r"(?:^|[/.\-])((?:19|20)\d\d)$")
_MEETING_LABELS = ("hari tanggal", "hari", "tanggal")
JENIS_AT_START = re.compile(rf"^(?:SALINAN\s+|RANCANGAN\s+|DRAFT\s+)?(?:{JENIS_REGEX.pattern})", re.IGNORECASE)


@dataclass(frozen=True)
class EvidenceReading:
    """What an evidence document says about itself; absent items stay None."""

    kind: str
    kind_line: str
    page: int
    number: str | None = None
    subject: str | None = None
    place: str | None = None
    dated: date | None = None
    meeting: date | None = None
    year: int | None = None
    signer: Signer = field(default_factory=lambda: Signer(None, None))
    body: str | None = None  # who issued it, when the letterhead does not say (an agreement's own party)


def title_kind(pages: Sequence[str]) -> tuple[str, str] | None:
    """The kind a title block near the top names, with the title as one line.

    Each block is read as a whole ("DOKUMEN ARSITEKTUR" / "SISTEM PEMERINTAHAN ..." is a plan);
    blocks are tried in order down the first page (a cover may name its author first: "PT ...
    AUDIT"), until the body or an instrument's heading begins.
    """
    if not pages:
        return None
    for block in layout.title_blocks(pages[0]):
        text = joined(block)
        if JENIS_AT_START.match(text):
            return None  # an instrument's heading: not evidence
        # The title may follow its maker's name in the same block ("FORUM SATU DATA DAERAH" /
        # "LAPORAN EVALUASI ..."; "NUSANTARA PERSONNEL CERTIFICATION" / "Certificate of ..."):
        # at most two lines of it, and only when they name no kind themselves.
        for start in range(min(len(block), 3)):
            text = joined(block[start:])
            if found := _title_match(text):
                return found
            if _title_match(squash(block[start])):
                break
    return None


def joined(block: list[str]) -> str:
    """A title block as one line, without the colon a layout left after a line ("DAFTAR HADIR :") or the bars
    a photographed table left before it ("| | | DAFTAR HADIR")."""
    return squash(" ".join(line.lstrip(" |").rstrip(" :") for line in block))


def _title_match(text: str) -> tuple[str, str] | None:
    for pattern, kind in TITLES:
        if pattern.match(text):
            return kind, text
    return None


_SENTENCE = re.compile(r",\s|[,:;]$")  # "Sertifikat Elektronik, disampaikan ... berikut:" runs on from a sentence


def subject_kind(pages: Sequence[str]) -> tuple[str, str] | None:
    """A letter's kind from its subject line ("Hal : Undangan ...") or a kind word heading the page."""
    fields = layout.labelled_fields(pages, max_pages=1)
    subject = fields.get("hal")
    if subject and _LETTER_SUBJECT.match(subject.value):
        return "undangan", subject.value
    if pages:
        for line in [squash(line) for line in pages[0].split("\n")][:40]:
            for pattern, kind in TITLES:
                short_title = kind == "sertifikat" and len(line.split()) <= 6 and not _SENTENCE.search(line)
                if pattern.match(line) and kind not in ("laporan", "dokumen_perencanaan", "undangan") and (
                        line.isupper() or short_title):
                    return kind, line  # certificates title themselves "Certificate of Registration"
    if subject or fields.get("kepada") or fields.get("yth"):
        return "lainnya", (subject.value if subject else "surat")
    return None


def read_evidence(pages: Sequence[str], kind: str, kind_line: str) -> EvidenceReading:
    """The number, subject, place, dates and signer of an evidence document of a known kind."""
    fields = layout.labelled_fields(pages)
    number = letter_number(pages, fields)
    subject = _subject(pages, kind, kind_line, fields)
    place_date = layout.place_and_date(pages[:1]) if kind in ("undangan", "nota_dinas", "lainnya") else None
    place_date = place_date or layout.place_and_date(pages, last=True)
    place, dated = (place_date[0], place_date[1]) if place_date else (None, None)
    meeting = _meeting(pages, fields, kind)
    if dated is None and (letter_date := fields.get("tanggal")) and (parsed := field_date(letter_date.value)):
        dated = parsed[0]
    if dated is None and kind in ("notulen", "berita_acara"):
        dated = meeting
    if dated is None and kind == "perjanjian" and (words := layout.date_in_words("\n".join(pages[:2]))):
        dated = words[0]  # "Pada hari ini Kamis tanggal empat belas bulan September tahun dua ribu dua puluh tiga"
    if dated is None and pages and (first := parse_date(pages[0][:800])):
        dated = first[0]  # "Tanggal rilis: 3 Maret 2025": a record's own date near its top
    if place is None and (partial := layout.undated_place(pages)):
        place = partial[0]
        year_hint = partial[1]
    else:
        year_hint = None
    signer, body = last_signer(pages), None
    if kind == "perjanjian" and pages:  # two parties: the body's own side of the agreement
        parties = agreements.sides(pages)
        numbers = numbers_under_title(pages[0])
        if parties.own is not None and len(numbers) > parties.own:
            number = clean_number(numbers[parties.own]) or number
        if parties.own_label:
            signer = last_signer(pages, party=parties.own_label)
        body = layout.letterhead_body(parties.own_party) if parties.own_party else None
        place = place or agreements.signed_at(pages)
    if kind == "laporan" and pages and not layout.letterhead_body(pages[0]):
        body = firm(pages[0])  # an external auditor's report, on the firm's letterhead
    if kind == "sertifikat" and pages:  # the letterhead is the issuer's; the holder stands in the middle
        certificate = certificates.read_certificate(pages[0])
        subject, body = certificate.subject or subject, certificate.issuer
        number = number or certificate.number
    year = _year(number, dated) or year_hint or (layout.cover_year(pages[0]) if pages else None)
    return EvidenceReading(kind=kind, kind_line=kind_line, page=1, number=number, subject=subject, place=place,
                           dated=dated, meeting=meeting, year=year, signer=signer, body=body)


_FIRM = re.compile(r"^(?P<form>PT|CV)\.?\s+(?P<name>[A-Z][A-Z0-9 .&'-]{2,80})$")


def firm(page: str) -> str | None:
    """A company heading the page ("PT INTEGRA AUDIT SISTEM" → "PT Integra Audit Sistem")."""
    for line in [squash(line) for line in layout.lines_of(page) if squash(line)][:3]:
        if match := _FIRM.match(line):
            return f"{match.group('form')} {title_case(match.group('name').strip(' .'))}"
    return None


def numbers_under_title(page: str) -> list[str]:
    """Every "Nomor :" line near the top, in order (an agreement's two: "Nomor: 000.3/14/NK/..." / "Nomor: ANT/...")."""
    return [match.group("value") for line in [squash(line) for line in layout.lines_of(page)[:30]]
            if (match := _NUMBER_LINE.match(line))]


def letter_number(pages: Sequence[str], fields: dict[str, layout.Labelled] | None = None) -> str | None:
    """A letter's number from its "Nomor :" line, cleaned of what OCR and layouts put beside it."""
    fields = layout.labelled_fields(pages) if fields is None else fields
    found = fields.get("nomor")
    value = found.value if found else None
    if value is None and pages:
        for line in [squash(line) for line in pages[0].split("\n")][:30]:
            if match := _NUMBER_LINE.match(line):
                value = match.group("value")
                break
    return clean_number(value) if value else None


def clean_number(value: str) -> str | None:
    """A number as written, cleaned of what OCR and layouts put beside it; None when left blank."""
    value = re.split(r"\s{2,}|\s(?:Tanggal|Sifat|Lampiran|Hal)\b", value)[0].strip(" .:")
    if found_date := parse_date(value):  # "B/1732/KT.01.02/2024 22 Juli 2024": the date stands on the same line
        value = value[:value.find(found_date[1])].strip(" ,.")
    value = re.sub(r"\s*/\s*", "/", value)
    value = re.sub(r"(?<=\w[-.])\s+(?=\d)", "", value)  # OCR's space after a separator: "LA-27001-2023- 0562"
    if " " in value and re.search(r"[/.]\d|\d[/.]", value.split(" ")[0]):
        value = value.split(" ")[0]  # "400.14.5/1187/Diskominfo/V/2024 Bandar Cendana": the place follows
    if re.fullmatch(r"[.\s_…/-]*", value):
        return None  # "Nomor : ......": not numbered yet
    return re.sub(r"\s*/\s*", "/", value)


def _subject(pages: Sequence[str], kind: str, kind_line: str, fields: dict[str, layout.Labelled]) -> str | None:
    if (subject := fields.get("hal")) and kind in ("undangan", "nota_dinas", "lainnya"):
        return _continued(pages, subject)
    title = next((block for block in layout.title_blocks(pages[0]) if joined(block) == kind_line), []) \
        if pages else []
    if title:
        lines = [line for line in title if not _NUMBER_LINE.match(line)]
        text = joined(lines)
        if kind == "perjanjian" and (about := re.search(r"\bTENTANG\b\s*(?P<rest>.+)$", text)):
            return about.group("rest")  # an agreement between two parties: its subject follows TENTANG
        if kind in ("notulen", "berita_acara"):
            text = _FORM_WORDS.sub("", text)
            if not text and (agenda := fields.get("acara") or fields.get("agenda")):
                return agenda.value
        return text or None
    if agenda := fields.get("acara") or fields.get("agenda"):
        return agenda.value
    return kind_line


def _continued(pages: Sequence[str], subject: layout.Labelled) -> str:
    """A subject that wraps onto indented lines below its label."""
    lines = layout.lines_of(pages[subject.page - 1])
    text = [subject.value]
    for line in lines[subject.line + 1:subject.line + 3]:
        if not line or re.match(r"^(?:Yth|Kepada|Dengan|Sehubungan|Dalam|Bersama|\d+\.|[A-Za-z ]{2,20}\s*:)", line):
            break
        if line[:1].islower() or (line[:1].isupper() and len(line) < 80 and not line.endswith(".")):
            text.append(line)
        else:
            break
    return squash(" ".join(text))


def _meeting(pages: Sequence[str], fields: dict[str, layout.Labelled], kind: str) -> date | None:
    """The meeting an invitation calls or minutes record: its labelled day, else a date in words."""
    if kind not in ("undangan", "notulen", "berita_acara", "nota_dinas", "lainnya"):
        return None
    for label in _MEETING_LABELS:
        if (found := fields.get(label)) and (parsed := field_date(found.value)):
            if label == "tanggal" and kind in ("nota_dinas", "lainnya"):
                continue  # a memo's "Tanggal" is its own date
            return parsed[0]
    text = "\n".join(pages[:2])
    if words := layout.date_in_words(text):
        return words[0]
    return None


def _year(number: str | None, dated: date | None) -> int | None:
    if number and (match := _YEAR_IN_NUMBER.search(number)):
        return int(match.group(1))
    return dated.year if dated else None
