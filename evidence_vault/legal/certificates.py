"""Certificates: who issued one, and what it certifies of whom.

A certificate's letterhead is its issuer's (a certification body, an LSP licensed by BNSP), while
the body it is evidence for stands in the middle of the page as the holder. So a certificate's
issuer is read from the lines above its title, never from the letterhead reader, which would
take the holder. Its subject names what an assessor looks for: the standard or the competence,
and the holder ("Sertifikat Kompetensi Keamanan Siber Kualifikasi Analis Keamanan Siber Muda -
Nurul Hidayah Siregar, S.T., M.T.I."; "Sertifikat SNI ISO/IEC 27001:2022 Sistem Manajemen
Keamanan Informasi Dinas Komunikasi dan Informatika Kota ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import layout
from .jenis import title_case
from .text import squash

_TITLE = re.compile(r"^(?:SERTIFIKAT|CERTIFICATE|PIAGAM)\b", re.IGNORECASE)
# Lines of a letterhead that are not the issuer's name: its accreditation, licence, address.
_NOT_ISSUER = re.compile(r"\b(?:Accredited|Terakreditasi|Akreditasi|Lisensi|Terlisensi|Licensed|Nomor|No\.|"
                         r"Jalan|Jl\.|Telp|Telepon|Fax|www\.|@|Email)\b", re.IGNORECASE)
_STATES = re.compile(r"^(?:Dengan\s+ini\s+menyatakan\s+bahwa|Menerangkan\s+bahwa|This\s+is\s+to\s+certify)",
                     re.IGNORECASE)
_FIELD = re.compile(r"^(?:telah\s+)?kompeten\s+pada\s+bidang|^is\s+competent", re.IGNORECASE)
_QUALIFICATION = re.compile(r"^dengan\s+kualifikasi|^with\s+qualification", re.IGNORECASE)
_CONFORMS = re.compile(r"^(?:telah\s+memenuhi|memenuhi\s+persyaratan|conforms|has\s+been\s+assessed)", re.IGNORECASE)
_STANDARD = re.compile(r"(?:SNI\s+)?ISO(?:\s*/\s*IEC)?\s*\d{4,5}(?:\s*:\s*\d{4})?", re.IGNORECASE)
_SYSTEM = re.compile(r"Sistem\s+Manajemen\s+(?:Keamanan\s+Informasi|Mutu|Layanan(?:\s+TI)?|Kelangsungan\s+Usaha|"
                     r"Anti\s*Penyuapan|Privasi\s+Informasi|[A-Z][a-z]+)", re.IGNORECASE)
_ADDRESS = re.compile(r"^(?:Jalan|Jl\.|Alamat)\b", re.IGNORECASE)
_ENGLISH = re.compile(r"\s*/\s*(?:This|is|with|conforms|Certificate)\b.*$", re.IGNORECASE)
_ISSUER_WORDS = {"pt": "PT", "cv": "CV", "lsp": "LSP", "bnsp": "BNSP", "tik": "TIK"}


# "Certificate No. / Nomor Sertifikat | SMGI/ISMS/22/0917" (a table row), "Nomor Sertifikat : ...".
_NUMBER = re.compile(r"(?:Certificate\s+No\.?|Nomor\s+Sertifikat|No\.?\s+Sertifikat)(?:\s*/\s*(?:Nomor\s+Sertifikat|"
                     r"Certificate\s+No\.?))?\s*[|:]?\s*(?P<value>(?=[\w./-]*\d)[A-Z0-9][\w./-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class CertificateReading:
    issuer: str | None
    subject: str | None
    number: str | None = None


def read_certificate(page: str) -> CertificateReading:
    lines = [squash(line).strip(" |") for line in layout.lines_of(page)]
    lines = [line for line in lines if line]
    title_at = next((index for index, line in enumerate(lines[:20]) if _TITLE.match(line)), None)
    if title_at is None:
        return CertificateReading(None, None)
    number = next((match.group("value") for line in lines[:40] if (match := _NUMBER.search(line))), None)
    return CertificateReading(_issuer(lines[:title_at]), _subject(lines, title_at), number)


def _issuer(above: list[str]) -> str | None:
    """The certification body: the name lines above the title, without its accreditation or address."""
    name = [line.strip(" ,:;.") for line in above
            if not _NOT_ISSUER.search(line) and sum(ch.isalpha() for ch in line) > 2]
    if not name:
        return None
    words = title_case(" ".join(name)).split()
    return " ".join(_ISSUER_WORDS.get(word.lower(), word) for word in words)


def _subject(lines: list[str], title_at: int) -> str | None:
    competence = _after(lines, _FIELD, title_at)
    if competence:
        qualification = _after(lines, _QUALIFICATION, title_at)
        holder = _after(lines, _STATES, title_at)
        subject = f"Sertifikat Kompetensi {title_case(competence)}"
        if qualification:
            subject += f" Kualifikasi {title_case(qualification)}"
        return subject + (f" - {_person(holder)}" if holder else "")
    text = " ".join(lines[title_at:title_at + 25])
    standard = _STANDARD.search(text)
    if not standard:
        return None
    system = _SYSTEM.search(text)
    holder = _holder(lines, title_at)
    parts = ["Sertifikat", squash(standard.group(0)).upper().replace(" / ", "/"),
             title_case(system.group(0)) if system else "", holder or ""]
    return squash(" ".join(part for part in parts if part))


def _after(lines: list[str], label: re.Pattern[str], start: int) -> str | None:
    """The line that follows a label line ("dengan kualifikasi / with qualification" → "ANALIS ...")."""
    for index in range(start, min(len(lines) - 1, start + 30)):
        if label.match(lines[index]):
            value = _ENGLISH.sub("", lines[index + 1]).strip(" ,")
            return value or None
    return None


def _holder(lines: list[str], start: int) -> str | None:
    """The certified organisation: the capitalised lines between "... Sistem Manajemen ... of" and "telah memenuhi"."""
    begin = next((index for index in range(start, min(len(lines), start + 20)) if _STATES.match(lines[index])), None)
    if begin is None:
        return None
    holder = []
    for line in lines[begin + 1:begin + 8]:
        if _CONFORMS.match(line) or _ADDRESS.match(line):
            break
        if line.isupper():
            holder.append(line)
    return title_case(" ".join(holder)) if holder else None


def _person(line: str) -> str:
    """A holder's name as a title would carry it: "NURUL HIDAYAH SIREGAR, S.T." → "Nurul Hidayah Siregar, S.T."."""
    name, _, degrees = line.partition(",")
    return title_case(name.lower()) + (f",{degrees}" if degrees else "")
