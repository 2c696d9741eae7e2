"""Citations of other instruments: "Peraturan Bupati Badung Nomor 18 Tahun 2014 tentang ...",
and the relations they create (amends, repeals)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .heading import split_number
from .jenis import JENIS_REGEX, kind_of
from .kinds import KINDS
from .text import fuzzy, squash

_NOMOR = re.compile(rf"\b(?:{fuzzy('Nomor')}\b|No\.)\s*:?\s*", re.IGNORECASE)
# "18 Tahun 2014", "188.45/123/HK/2023", "100.3.3.2/Kep.45-Diskominfo/2024" (hyphens join a decree's parts).
_NUMBER_TEXT = re.compile(r"(?P<text>[0-9][0-9A-Za-z.]*(?:-[0-9A-Za-z.]+)*(?:\s*/\s*[0-9A-Za-z.]+(?:-[0-9A-Za-z.]+)*)*"
                          r"(?:\s+Tahun\s+[12][0-9OolI]{3})?)", re.IGNORECASE)
_TENTANG = re.compile(rf"^\s*{fuzzy('tentang')}\s+(?P<title>.+)", re.IGNORECASE | re.DOTALL)
_TITLE_END = re.compile(r"\s*(?:\(|;|,\s*(?:dicabut|sebagaimana|yang|dan\s+dinyatakan)|\bsebagaimana\b|$)", re.I)
# The clause that ends another instrument: "... dicabut dan dinyatakan tidak berlaku", or only
# "... dinyatakan tidak berlaku (lagi)".
_REPEAL = re.compile(rf"(?:{fuzzy('dicabut')}\s+dan\s+)?dinyatakan\s+tidak\s+berlaku", re.IGNORECASE)
# The active voice of a decision: "Mencabut : a. ...; Menetapkan : ...", "Dengan mencabut Undang-undang ...".
_REPEALING_VERB = re.compile(rf"(?:\bDengan\s+|^\s*(?:[IVX]+\.\s*)?(?=\S+\s*:)){fuzzy('Mencabut')}\s*:?\s*",
                             re.IGNORECASE | re.MULTILINE)
# A clause that opens with the instrument it ends ("Undang-Undang Nomor 13 Tahun 1980 ... dinyatakan tidak berlaku"),
# perhaps after when ("Dengan berlakunya undang-undang ini, Undang-Undang Nomor 4 Tahun 1999 ...").
_OPENS_WITH_CITATION = re.compile(
    r"^\W*(?:(?:Pada\s+saat|(?:Dengan|Sejak|Mulai)\s+(?:mulai\s+)?berlakunya)\s+[^,]{3,80},\s*)?"
    r"(?:Undang|Peraturan|Keputusan|Instruksi|Surat)", re.IGNORECASE)
_DECISION_END = re.compile(r"\b(?:Menetapkan|Dengan\s+persetujuan|MEMUTUSKAN)\b", re.IGNORECASE)
# An amendment in the body: "Beberapa ketentuan dalam Undang-Undang Nomor 18 Tahun 2009 ... diubah sebagai
# berikut", "Pasal 12 ayat (1) Undang-undang ... (Undang-undang Nomor 22 tahun 1957), perkataan "..." diubah menjadi",
# "Susunan Anggaran ... sebagaimana ditetapkan dengan Undang-undang No. 9 tahun 1962 ... diubah dan ditambah seperti
# tercantum". The verb of the amendment itself, never the history "sebagaimana telah diubah dengan".
_AMENDING_VERB = re.compile(r"(?<![a-z])diubah\s*(?:(?:dan|/)\s*(?:di\s*)?tambah\s*)?,?\s*"
                            r"(?:sehingga|sebagai\s+berikut|menjadi|seperti\s+(?:tercantum|berikut))", re.IGNORECASE)
# Where the sentence that amends starts: an article heading ("Pasal 1." / "Pasal 1" on its own line), a new line,
# a numbered item, or the end of the previous clause.
_AMENDING_START = re.compile(r"\bPasal\s+\d+[A-Za-z]?\s*(?:\.\s|\n)|\n|;|:\s|^\s*(?:[IVX]+|\d+)\.\s",
                             re.IGNORECASE | re.MULTILINE)
# The history of the amended instrument, whose citations are not amended here: "... sebagaimana telah beberapa
# kali diubah terakhir dengan Undang-Undang ...", "seperti setelah diubah dan ditambah terakhir dengan ...".
_HISTORY = re.compile(r"\b(?:sebagaimana|seperti|yang)\s+(?:telah|setelah)\s+(?:\w+\s+){0,3}?(?:diubah|ditambah)",
                      re.IGNORECASE)
_AMENDING_PASSAGE = 600
# Titles that amend: "PERUBAHAN ATAS ...", the older "PENGUBAHAN ...", "PERUBAHAN KEDUA ATAS ...",
# "PERUBAHAN DAN TAMBAHAN ...", "PERUBAHAN UNDANG-UNDANG NO. 24 TAHUN 1954 DAN UNDANG-UNDANG NO. 28 TAHUN 1956",
# and a title that does something else "DENGAN MENGUBAH UNDANG-UNDANG NO. 14 TAHUN 1950 ...".
_AMENDMENT = re.compile(r"^PE(?:RU|NGU)BAHAN\s+(?:(?!ATAS\b)[A-Z]+\s+)?(?:(?:DAN|SERTA)\s+(?:TAMBAHAN|PENAMBAHAN)\s+)?"
                        r"(?:ATAS\s+)?(?P<target>(?:UNDANG|PERATURAN|KEPUTUSAN|INSTRUKSI|SURAT|QANUN).+)$"
                        r"|\bDENGAN\s+MENGUBAH\s+(?P<changed>.+)$", re.IGNORECASE)
# Between two amended instruments of one title: "... TAHUN 1954 DAN UNDANG-UNDANG NO. 28 ...".
_JOINED = re.compile(r"^\W*(?:,|DAN|SERTA)\W*$", re.IGNORECASE)
# Where the clause that repeals starts: an article, a paragraph, a decree's dictum ("KEEMPAT :"), the operative part.
_CLAUSE_START = re.compile(r"(?:^|\n)\s*(?:Pasal\s+\d+\s*\n|\(\d+\)\s|KE[A-Z]{3,}\s*:|MEMUTUSKAN\b|Menetapkan\s*:)")
_KIND_LOOKBACK = 160
_YEAR_FIRST = re.compile(r"^\s+tahun\s+(?P<year>[12]\d{3})\s*,?\s*$", re.IGNORECASE)
_INTERRUPTED = re.compile(r"[();]|\b(?:Tahun|Berita|Lembaran|Tambahan|tentang|Nomor)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """A reference to another instrument, as precise as the text allows."""

    kind: str
    number: str | None
    year: int | None
    title: str
    text: str

    def key(self) -> tuple[str, str | None, int | None]:
        """What identifies the cited instrument: kind, number and year."""
        return self.kind, self.number, self.year


@dataclass(frozen=True)
class CitedRelation:
    """This document amends or repeals a cited one."""

    relation: str  # "mengubah" | "mencabut"
    citation: Citation
    page: int
    matched: str


def parse_citations(text: str) -> list[Citation]:
    """Every "<jenis> ... Nomor N [Tahun Y] [tentang T]" in a passage, in order."""
    return [citation for citation, _start, _end in _cited(squash(text))]


def _cited(text: str) -> list[tuple[Citation, int, int]]:
    """The citations of a squashed passage with where each stands (from its jenis to its number)."""
    found = []
    for nomor in _NOMOR.finditer(text):
        before = text[max(0, nomor.start() - _KIND_LOOKBACK):nomor.start()]
        jenis_matches = list(JENIS_REGEX.finditer(before))
        number_match = _NUMBER_TEXT.match(text, nomor.end())
        if not jenis_matches or not number_match:
            continue
        jenis = jenis_matches[-1]
        between = before[jenis.end():]
        year_first = _YEAR_FIRST.match(between)  # "Undang-undang tahun 1954, Nomor 41"
        if _INTERRUPTED.search(between) and not year_first:
            continue  # "Nomor" of a gazette or of something else, not of this jenis
        number, year = split_number(number_match.group("text"))
        if year_first and year is None:
            year = int(year_first.group("year"))
        rest = text[number_match.end():number_match.end() + 400]
        title = ""
        if tentang := _TENTANG.match(rest):
            title = _TITLE_END.split(tentang.group("title"), maxsplit=1)[0].strip(" ,.")
        cited = squash(before[jenis.start():] + text[nomor.start():number_match.end()])
        start = nomor.start() - len(before) + jenis.start()
        found.append((Citation(kind_of(jenis), number, year, title, cited + (f" tentang {title}" if title else "")),
                      start, number_match.end()))
    return found


def amendments(pages: list[str]) -> list[CitedRelation]:
    """Instruments amended in the body: the first instrument cited in the sentence whose verb amends."""
    found: list[CitedRelation] = []
    seen: set[tuple[str, str | None, int | None]] = set()
    for index, page in enumerate(pages):
        for verb in _AMENDING_VERB.finditer(page):
            window = page[max(0, verb.start() - _AMENDING_PASSAGE):verb.start()]
            starts = list(_AMENDING_START.finditer(window))
            passage = window[starts[-1].end():] if starts else window
            passage = _HISTORY.split(passage, maxsplit=1)[0]
            citations = parse_citations(passage)
            if citations and citations[0].key() not in seen:
                seen.add(citations[0].key())
                found.append(CitedRelation("mengubah", citations[0], index + 1, squash(passage + verb.group(0))[-300:]))
    return found


def amendment_targets(tentang: str) -> list[Citation]:
    """"PERUBAHAN ATAS PERATURAN ... NOMOR 11 TAHUN 2007 TENTANG ..." → the amended instruments (one, or
    several joined by "DAN"); never those of the amended instrument's own history ("SEBAGAIMANA TELAH DIUBAH")."""
    match = _AMENDMENT.search(squash(tentang))
    if not match:
        return []
    target = _HISTORY.split(match.group("target") or match.group("changed"), maxsplit=1)[0]
    cited = _cited(target)
    targets = [citation for citation, _start, _end in cited[:1]]
    for (_previous, _start, end), (citation, start, _end) in zip(cited, cited[1:], strict=False):
        if not _JOINED.match(target[end:start]):
            break  # a citation inside the amended instrument's title, not a second amended one
        targets.append(citation)
    return targets


_IMPLEMENTS = re.compile(rf"{fuzzy('untuk')}\s+{fuzzy('melaksanakan')}\s+(?:ketentuan\s+)?", re.IGNORECASE)


def implements(pages: list[str]) -> list[CitedRelation]:
    """The instrument this one carries out ("Menimbang: bahwa untuk melaksanakan ketentuan Pasal 5 Perpres ...")."""
    for index, page in enumerate(pages[:3]):
        for match in _IMPLEMENTS.finditer(page):
            passage = page[match.end():match.end() + 400]
            passage = re.split(r";|\bperlu\s+menetapkan\b", passage, maxsplit=1, flags=re.IGNORECASE)[0]
            citations = parse_citations(passage)
            if citations:
                return [CitedRelation("melaksanakan", citations[0], index + 1, squash(match.group(0) + passage)[:300])]
    return []


def repeals(pages: list[str]) -> list[CitedRelation]:
    """Instruments this one declares repealed ("... dicabut dan dinyatakan tidak berlaku", "Mencabut : ...")."""
    relations: list[CitedRelation] = []
    seen: set[tuple[str, str | None, int | None]] = set()
    for index, page in enumerate(pages[:3]):
        for match in _REPEALING_VERB.finditer(page):
            passage = _DECISION_END.split(page[match.end():match.end() + 1500], maxsplit=1)[0]
            for citation in parse_citations(passage):
                if citation.key() not in seen:
                    seen.add(citation.key())
                    relations.append(CitedRelation("mencabut", citation, index + 1, squash(passage)[:300]))
    text, starts_of_pages = "\n".join(pages), list(accumulate((len(page) + 1 for page in pages), initial=0))
    for match in _REPEAL.finditer(text):  # over page breaks: a long clause runs onto the next page
        page = bisect_right(starts_of_pages, match.start())
        page_start = starts_of_pages[page - 1]
        # Over a page break only when the sentence visibly runs on: nothing on the new page before the
        # words ends a sentence or opens a new item ("2. Dengan berlakunya ...").
        runs_on = not _SENTENCE_BREAK.search(text[page_start:match.start()])
        window = text[max(0 if runs_on else page_start, match.start() - 3000):match.start()]
        starts = list(_CLAUSE_START.finditer(window))
        clause = window[starts[-1].end():] if starts else text[max(page_start, match.start() - 3000):match.start()]
        if not match.group(0).lower().startswith("dicabut") and not _OPENS_WITH_CITATION.match(clause):
            continue  # "... dinyatakan tidak berlaku" alone ends what the clause opens with, nothing cited inside
        for citation in parse_citations(clause):
            if citation.key() not in seen:
                seen.add(citation.key())
                relations.append(CitedRelation("mencabut", citation, page, squash(clause)[-300:]))
    return relations


_SENTENCE_BREAK = re.compile(r"[.;:]\s|^\s*(?:\d+\.|\(\d+\)|[a-z]\.)\s", re.MULTILINE)
_REPEAL_TITLE = re.compile(rf"^\s*{fuzzy('PENCABUTAN')}\s+(?:ATAS\s+)?(?P<target>.+)$", re.IGNORECASE)


def repeal_target(tentang: str) -> Citation | None:
    """What a repealing instrument's title names: "PENCABUTAN PERATURAN BUPATI ... NOMOR 9 TAHUN 2020 ..."."""
    match = _REPEAL_TITLE.match(squash(tentang))
    if not match:
        return None
    citations = parse_citations(match.group("target"))
    return citations[0] if citations else None


# "Evaluasi SPBE" / "Evaluasi Kinerja Pemerintah Digital" is the national assessment itself, not a review
# of a policy: a meeting preparing for it names policies as evidence, not as what it reviews.
NATIONAL_EVALUATION = r"(?!\s+(?:SPBE|Pemdi|Pemerintah(?:an)?\s+Digital|Kinerja\s+Pemerintah|Sistem\s+Pemerintahan))"
REVIEW_WORD = re.compile(rf"{fuzzy('reviu')}|{fuzzy('evaluasi')}{NATIONAL_EVALUATION}|kaji\s+ulang|"
                         rf"{fuzzy('peninjauan')}", re.IGNORECASE)
# Regional instruments are often named by their short form in minutes ("Perbup tentang ...").
_SHORT_KINDS = {KINDS[code].abbreviation.lower(): code
                for code in ("perbup", "perwali", "pergub", "kepbup", "kepwali", "kepgub")}
_TITLED = re.compile(r"(?P<jenis>(?:Peraturan|Keputusan|Surat\s+Edaran|Instruksi)\s+[A-Za-z ]{2,60}?|"
                     r"\b(?:" + "|".join(_SHORT_KINDS) + r")(?:\s+[A-Z][A-Za-z]+){0,3}?)\s+"
                     r"tentang\s+(?P<title>[^.;:\n(]{6,200})", re.IGNORECASE)
_TITLE_STOP = re.compile(r"\s+(?:yang|dengan|sebagai|dan\s+(?:hasil|telah)|telah|untuk|pada\s+(?:hari|tanggal)|"
                         # the next instrument named ("... tentang Forum X dan perjanjian kerja sama dengan ...")
                         r"dan\s+(?:perjanjian|peraturan|keputusan|nota|surat|instruksi|sop|standar\s+operasional)|"
                         r"oleh|di\s+Ruang|bertempat)\b.*$", re.IGNORECASE)
MAX_REVIEWED = 3


def reviewed(pages: list[str], subject: str = "") -> list[CitedRelation]:
    """The policies a review document reviews: cited by number and year, or only by jenis and subject.

    Read from the subject first ("Reviu Peraturan Bupati Sukamaju Nomor 41 Tahun 2021 ..."),
    then from the passages around the words "reviu" / "evaluasi" on the first pages.
    """
    passages = [subject] if subject else []
    head = "\n".join(pages[:3])
    if not REVIEW_WORD.search(subject) and not REVIEW_WORD.search(head[:6000]):
        return []
    passages += [head[max(0, match.start() - 80):match.end() + 400] for match in REVIEW_WORD.finditer(head[:8000])]
    found: list[CitedRelation] = []
    seen: set[tuple] = set()
    for passage in passages:
        for citation in parse_citations(passage) or _titled(passage):
            key = citation.key() if citation.number else (citation.kind, citation.title.lower())
            if key in seen or citation.kind in ("uu", "perppu", "pp", "perpres"):
                continue
            seen.add(key)
            found.append(CitedRelation("mereviu", citation, 1, squash(passage)[:300]))
            if len(found) >= MAX_REVIEWED:
                return found
    return found


def _titled(passage: str) -> list[Citation]:
    """"Peraturan Wali Kota Tirtamulya tentang Manajemen Keamanan Informasi": no number, a subject."""
    citations = []
    for match in _TITLED.finditer(squash(passage)):
        short = _SHORT_KINDS.get(match.group("jenis").split()[0].lower())
        jenis = None if short else JENIS_REGEX.match(match.group("jenis"))
        if not (short or jenis):
            continue
        title = _TITLE_STOP.sub("", match.group("title")).strip(" ,")
        citations.append(Citation(short or kind_of(jenis), None, None, title, squash(match.group(0))))  # type: ignore[arg-type]
    return citations
