"""Standard operating procedures in the standard layout (PermenPAN-RB 35/2012): the header table.

The identity of an SOP sits in a table beside the letterhead: "Nomor SOP", "Tanggal
Pembuatan", "Tanggal Revisi", "Tanggal Efektif" (or "Tanggal Pengesahan"), "Disahkan oleh"
with the office, signature and name, and "Nama SOP". From DOCX the cells arrive as
"Nomor SOP | 800/SOP-06/2023"; from a PDF as "Nomor SOP 800/SOP-06/2023", a narrow label
cell sometimes wrapped over two lines ("Tanggal" / "Pembuatan"). The SOP counts as
established when it is numbered, dated and signed by the office that approves it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .signature import SIGNATURE_MARK, is_office_line, looks_like_name
from .text import field_date, squash

_LABEL = {
    "nomor": r"N(?:omor|o\.?)\s+SOP",
    "dibuat": r"(?:Tanggal|Tgl\.?)\s*Pembuatan",
    "revisi": r"(?:Tanggal|Tgl\.?)\s*Revisi",
    "efektif": r"(?:Tanggal|Tgl\.?)\s*(?:Efektif|Pengesahan|Penetapan|Berlaku)",
    "disahkan": r"Disahkan\s+oleh",
    "nama": r"Nama\s+SOP",
}
_ANY_LABEL = re.compile("|".join(_LABEL.values()) + r"|Dasar\s+Hukum|Kualifikasi\s+Pelaksana", re.IGNORECASE)
_BLANK = re.compile(r"^[.\s_…/()-]*$")


@dataclass(frozen=True)
class SopReading:
    number: str | None
    printed_number: str | None  # as printed, blanks included ("....../SOP/2024": a draft's year still shows)
    title: str | None
    made: date | None
    effective: date | None
    office: str | None
    name: str | None
    page: int
    matched: str


def looks_like_sop(pages: Sequence[str]) -> bool:
    """The header table's own labels: "Nomor SOP" together with "Nama SOP" or "Disahkan oleh"."""
    head = squash(" ".join(pages[:2]))
    return bool(re.search(_LABEL["nomor"], head, re.I)) and bool(
        re.search(_LABEL["nama"], head, re.I) or re.search(_LABEL["disahkan"], head, re.I))


def read_sop(pages: Sequence[str]) -> SopReading | None:
    for index, page in enumerate(pages[:2]):
        text = _unwrapped(page)
        if not re.search(_LABEL["nomor"], text, re.I):
            continue
        values = {key: _value_after(text, pattern) for key, pattern in _LABEL.items()}
        printed = values["nomor"]
        number = None if printed is None or _BLANK.match(printed) or re.match(r"^[.…]{3}", printed) else printed
        return SopReading(
            number=re.sub(r"^[^0-9A-Za-z]+", "", re.sub(r"\s*/\s*", "/", number)) if number else None,
            printed_number=printed,
            title=_with_continuation(text, values["nama"]) or _title_under_heading(text),
            made=_date(values["dibuat"]),
            effective=_date(values["efektif"]),
            office=_office(_before_mark(values["disahkan"])),
            name=_inline_approver(values["disahkan"]) or _approver(text),
            page=index + 1,
            matched=squash(text)[:400],
        )
    return None


_HEADING = re.compile(r"^\W*STANDAR\s+OPERASIONAL\s+PROSEDUR(?:\s*\(?SOP\)?)?\s*$", re.IGNORECASE)


def _title_under_heading(text: str) -> str | None:
    """With no "Nama SOP" cell, the procedure is named in capitals under the heading ("STANDAR OPERASIONAL
    PROSEDUR (SOP)" / "PENCADANGAN DAN PEMULIHAN DATA ..."), before the first label."""
    lines = [line.strip() for line in text.split("\n")]
    start = next((index for index, line in enumerate(lines[:30]) if _HEADING.match(line)), None)
    if start is None:
        return None
    parts = []
    for line in lines[start + 1:start + 4]:
        if not line or not line.isupper() or _ANY_LABEL.search(line) or " | " in line:
            break
        parts.append(line)
    return " ".join(parts) or None


def _unwrapped(page: str) -> str:
    """Lines with a label cell wrapped over two lines ("Tanggal" / "Pembuatan") put back together."""
    lines = [squash(line) for line in page.split("\n")]
    out: list[str] = []
    for line in lines:
        if out and re.fullmatch(r"(?:Tanggal|Tgl\.?|Nomor|Nama|Disahkan)", out[-1], re.I):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _value_after(text: str, label: str) -> str | None:
    """The rest of the label's line (its cell), up to the next label on the same line."""
    match = re.search(rf"(?:^|\|\s*|\s)(?:{label})\s*[:|]?\s*(?P<rest>[^\n]*)", text, re.IGNORECASE)
    if not match:
        return None
    rest = match.group("rest")
    rest = _ANY_LABEL.split(rest)[0]
    value = rest.split(" | ")[0].strip(" :|")
    return value or None


def _with_continuation(text: str, value: str | None, limit: int = 3) -> str | None:
    """A capitalised name wrapped in its cell ("PERMOHONAN REKOMENDASI" / "PEMBANGUNAN DAN ...")
    continues on the lines below, up to a blank line, another label, a table row or ordinary text."""
    if not value or not value.isupper():
        return value
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.rstrip(" :|").endswith(value)), None)
    if start is None:
        return value
    parts = [value]
    for line in lines[start + 1:start + 1 + limit]:
        line = line.strip()
        if not line or not line.isupper() or " | " in line or line[0].isdigit() or _ANY_LABEL.search(line) \
                or line.upper().startswith("NIP"):
            break
        parts.append(line)
    return " ".join(parts)


def _date(value: str | None) -> date | None:
    found = field_date(value) if value else None
    return found[0] if found else None


def _office(value: str | None) -> str | None:
    if not value or _BLANK.match(value):
        return None
    return value.strip(" ,")


_INLINE_MARK = re.compile(r",?\s*\b(?:ttd|TTD|Ttd)\.?\s*,?\s*")


def _before_mark(value: str | None) -> str | None:
    """"Kepala Dinas ..., ttd. RIKA ANGGRAINI, ..." in one cell: the office is what precedes the mark."""
    return _INLINE_MARK.split(value, maxsplit=1)[0] if value else value


def _inline_approver(value: str | None) -> str | None:
    """The name after the signature mark in the same cell, up to the NIP."""
    if not value or not _INLINE_MARK.search(value):
        return None
    name = re.split(r",?\s*\bNIP\b", _INLINE_MARK.split(value, maxsplit=1)[1])[0].strip(" ,")
    return name if name and looks_like_name(name) else None


def _approver(text: str) -> str | None:
    """The name under "Disahkan oleh": after the office and the signature mark, before the NIP."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not re.search(_LABEL["disahkan"], line, re.I):
            continue
        for ahead in lines[index + 1:index + 7]:
            cell = squash(ahead.split(" | ")[-1])
            if not cell or SIGNATURE_MARK.match(cell) or (is_office_line(cell) and not looks_like_name(cell)):
                continue
            if re.search(_LABEL["nama"], cell, re.I) or cell.upper().startswith("NIP"):
                return None
            return cell.strip(" ,") if looks_like_name(cell) else None
    return None
