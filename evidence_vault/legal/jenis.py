"""Recognising the kind of a legal instrument from its wording, and who issued it."""

from __future__ import annotations

import re

from .text import fuzzy

# Order matters: longer, more specific phrases first.
_PHRASES: list[tuple[str, str]] = [
    ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG", "perppu"),
    ("UNDANG-UNDANG", "uu"),
    ("PERATURAN PEMERINTAH", "pp"),
    ("PERATURAN PRESIDEN", "perpres"),
    ("PERATURAN BERSAMA", "permen"),
    ("PERATURAN MENTERI", "permen"),
    ("PERATURAN KEPALA BADAN", "perban"),
    ("PERATURAN BADAN", "perban"),
    ("PERATURAN LEMBAGA", "perban"),
    ("PERATURAN DAERAH PROVINSI", "perda_provinsi"),
    ("PERATURAN DAERAH KABUPATEN", "perda_kabkota"),
    ("PERATURAN DAERAH KOTA", "perda_kabkota"),
    ("PERATURAN GUBERNUR", "pergub"),
    ("PERATURAN BUPATI", "perbup"),
    ("PERATURAN WALI KOTA", "perwali"),
    ("PERATURAN WALIKOTA", "perwali"),
    ("KEPUTUSAN GUBERNUR", "kepgub"),
    ("KEPUTUSAN BUPATI", "kepbup"),
    ("KEPUTUSAN WALI KOTA", "kepwali"),
    ("KEPUTUSAN WALIKOTA", "kepwali"),
    ("KEPUTUSAN MENTERI", "keputusan_menteri"),
    ("KEPUTUSAN", "keputusan_kepala"),
    ("SURAT EDARAN", "surat_edaran"),
    ("INSTRUKSI", "instruksi"),
    ("STANDAR OPERASIONAL PROSEDUR", "sop"),
    ("STANDARD OPERATING PROCEDURE", "sop"),
]
JENIS_REGEX = re.compile(
    "|".join(f"(?P<k{index}>{fuzzy(phrase)})" for index, (phrase, _code) in enumerate(_PHRASES)),
    re.IGNORECASE,
)

EVIDENCE_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(NOTULEN|NOTULA|RISALAH RAPAT|CATATAN RAPAT|BERITA ACARA RAPAT)", re.I), "notulen"),
    (re.compile(r"^(LAPORAN|HASIL EVALUASI|HASIL AUDIT)", re.I), "laporan"),
    (re.compile(r"^UNDANGAN", re.I), "undangan"),
    (re.compile(r"^(ADD?ENDUM\s+(\S+\s+)?)?(NOTA KESEPAHAMAN|MEMORANDUM OF UNDERSTANDING|PERJANJIAN KERJA\s*SAMA)",
                re.I), "perjanjian"),
    (re.compile(r"^(MANUAL|PANDUAN|PETUNJUK (TEKNIS|PENGGUNAAN)|BUKU PANDUAN|USER GUIDE)", re.I), "manual"),
    (re.compile(r"^(ARSITEKTUR SPBE|PETA RENCANA|RENCANA INDUK|MASTER ?PLAN|RENCANA STRATEGIS)", re.I),
     "dokumen_perencanaan"),
    (re.compile(r"^SERTIFIKAT", re.I), "sertifikat"),
    (re.compile(r"^(TANGKAPAN LAYAR|SCREENSHOT|DOKUMENTASI)", re.I), "dokumentasi"),
]

_SMALL_WORDS = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "tentang", "serta",
                "bagi", "oleh", "atas", "dengan", "melalui", "terhadap"}
_ACRONYMS = {"spbe", "tik", "sop", "ri", "dpr", "dprd", "rpjmd", "opd", "jdih", "ii", "iii", "iv"}


def kind_of(phrase_match: re.Match[str]) -> str:
    """The kind code of a `JENIS_REGEX` match."""
    index = int(next(name for name, value in phrase_match.groupdict().items() if value)[1:])
    return _PHRASES[index][1]


def title_case(text: str) -> str:
    """"PERATURAN BUPATI BADUNG" → "Peraturan Bupati Badung", keeping small words and acronyms."""
    words = text.lower().split()
    out = []
    for position, word in enumerate(words):
        if word in _ACRONYMS:
            out.append(word.upper())
        elif position and word in _SMALL_WORDS:
            out.append(word)
        else:
            out.append("/".join(part[:1].upper() + part[1:] for part in word.split("/")))
    return " ".join(out)


def issuing_body(kind: str, issuer_words: str) -> str:
    """T.E.U. badan from the words after the jenis phrase ("BUPATI BADUNG" → "Kabupaten Badung")."""
    words = re.sub(r"\bREPUBLIK\s+INDONESIA\b", "", issuer_words, flags=re.I).strip(" ,")
    if kind in {"uu", "perppu", "pp", "perpres"}:
        return "Pemerintah Republik Indonesia"
    prefixes = [
        (r"^(?:PERATURAN\s+)?(?:DAERAH\s+)?PROVINSI\s+", "Provinsi "),
        (r"^(?:DAERAH\s+)?KABUPATEN\s+", "Kabupaten "),
        (r"^(?:DAERAH\s+)?KOTA\s+", "Kota "),
        (r"^GUBERNUR\s+", "Provinsi "),
        (r"^BUPATI\s+", "Kabupaten "),
        (r"^WALI\s*KOTA\s+", "Kota "),
        (r"^MENTERI\s+", "Kementerian "),
        (r"^KEPALA\s+", ""),
    ]
    by_kind = {"pergub": "Provinsi ", "kepgub": "Provinsi ", "perda_provinsi": "Provinsi ",
               "perbup": "Kabupaten ", "kepbup": "Kabupaten ", "perwali": "Kota ", "kepwali": "Kota ",
               "permen": "Kementerian ", "keputusan_menteri": "Kementerian "}
    for pattern, replacement in prefixes:
        if re.match(pattern, words, re.I):
            return replacement + title_case(re.sub(pattern, "", words, flags=re.I))
    if kind in by_kind and words:
        return by_kind[kind] + title_case(words)
    return title_case(words)
