"""Who signed: the office, the "ttd." and the name of a signature block, in every layout seen.

A block reads office lines ("BUPATI SUKAMAJU,", "Kepala Dinas Komunikasi dan Informatika"),
then a mark ("ttd.", "TTD", a scan's squiggle read as one character), then the name
("Drs. H. SUTARNO WIDYAKUSUMA, M.Si.", "Dedi Suparman Hadiwijaya, S.Kom., M.T."), then
perhaps a rank ("Pembina Tingkat I (IV/b)") and "NIP 19760812 200212 1 003". A name is
recognised by its shape (a person's words, honorifics and degrees) whatever its case, and
a block may run over a page break. Two signers side by side (a table "Notulis, | Mengetahui,
Pimpinan Rapat") give the approving one: the right-hand column, or the one under "Mengetahui".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .text import squash

SIGNATURE_MARK = re.compile(r"^(?:tt[dcl1]{1,2}\.?|tcl\.?|t\.t\.d\.?|\(ttd\)|cap\s*(?:dan|&)\s*ttd\.?|\W{1,3}|\S|"
                            r"(?:Ditandatangani|ditandatangani)\s+secara\s+elektronik\.?)$", re.IGNORECASE)
_NIP = re.compile(r"^[^\w\s]*\s*NIP\.?\s*:?\s*[\d ]{8,}", re.IGNORECASE)  # "——— NIP. 1966...": a scan's rule
# A speck OCR reads as a short word before a signer's name ("sa Drs. SAHAT MANURUNG"): a stamp's edge, a pen stroke.
_SPECK_BEFORE_NAME = re.compile(r"^[a-z]{1,2}\s+(?=(?:Dr|Drs|Ir|H|Hj|Prof)\.\s|[A-Z]{2,}\s+[A-Z]{2,})")
_RANK = re.compile(
    r"^(?:Pembina|Penata|Pengatur|Juru|Pangkat|Golongan|Gol\.?)\b|\((?:I{1,3}V?|IV)/[a-e]\)|^Utama\s+Muda|^NRP\b",
    re.IGNORECASE,
)
_HONORIFIC = (r"(?:Prof\.?|Drs\.?|Dra\.?|Dr\.?|dr\.?|Ir\.?|Hj\.|KH\.|Hi\.|H\.|Rr\.|R\.|"
              r"(?:Irjen|Brigjen|Kombes|Komjen|Kol|Letkol|Mayjen|Letjen|Laksda|Laksdya|Marsda|Marsdya)\.?(?:\s+(?:Pol\.|TNI))?(?:\s+\(Purn\.?\))?)")
# Offices a signature block names before the name; a line starting with one is never the name.
_OFFICE_START = re.compile(
    r"^(?:a\.?\s?n\.?|u\.?\s?b\.?|Plt\.?|Plh\.?|Pj\.?|Penjabat|BUPAT\S*|WAL[I1]\s*KOTA|WAL[I1]KOTA|GUBERNUR|"
    r"KEPALA|SEKRETARIS|MENTER\S*|PRES[I1!]DEN|DIREKTUR|INSPEKTUR|CAMAT|KETUA|WAKIL|PIMPINAN|NOTULIS|"
    r"MENGETAHUI|MENYETUJUI|PEJABAT|KOORDINATOR|LEAD\s+AUDITOR|AUDITOR|SELAKU|PIHAK)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r",\s*(?:[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Za-z]{1,5}\.?)*|CISA|CISM|CISSP|CEH|MM|MT|MSi|ST|SH|SE|MBA|PhD|Ak)\b"
)
_OFFICE = re.compile(
    r"\b(MENTER\S*|BUPAT\S*|GUBERNUR|WAL[I1]\s*KOTA|WAL[I1]KOTA|PRES[I1!]DEN|KEPALA|SEKRETARIS|DIREKTUR|"
    r"REPUBL\S*|[I1]?NDONES\S*|PROV[I1]NS[I1]|KABUPATEN|KOTA|DAERAH|JENDERAL|KEMENTERIAN|PERATURAN|"
    r"PERUNDANG\S*|HUKUM|HAK|ASASI|MANUSIA|[I1]NFORMAT[I1]KA|KOMUN[I1]KAS[I1]|NEGARA|DINAS|BADAN|BIDANG|"
    r"PLT\.?|PLH\.?|PJ\.?|A\.N\.?|U\.B\.?|KETUA|CAMAT|INSPEKTUR|SEKDA|DAN|SELAKU|PIMPINAN|RAPAT|NOTULIS|"
    r"MENGETAHUI|MENYETUJUI|PEJABAT|AUDITOR|TIM|KOORDINATOR|PENANGGUNG|JAWAB|SEKSI|SUBBAGIAN|BAGIAN|UNIT|"
    r"PELAKSANA|PERENCANAAN|PEMBANGUNAN|STATISTIK|PERSANDIAN|KESATU|KEDUA|PIHAK|UNTUK|ATAS|NAMA|LEAD|"
    r"UTAMA|MUDA|MADYA|PERTAMA|PEMERINTAH|SEKRETARIAT|PROGRAM|TEKNOLOGI|APLIKASI|INFRASTRUKTUR)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"^(?:Diundangkan|Ditetapkan|Dikeluarkan|Disahkan|SALINAN|LEMBARAN|BERITA|Salinan|Agar|pada|Tembusan|"
    r"Lampiran|Catatan|Demikian|Yth|Kepada|Keterangan|Pasal|BAB|NIP|TENTANG|NOMOR|ANTARA|DENGAN|MEMUTUSKAN|"
    r"MENETAPKAN|MENIMBANG|MENGINGAT|DAN\s|-)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Signer:
    office: str | None
    name: str | None


def is_office_line(line: str) -> bool:
    """"BUPATI LEMBAH HIJAU,", "Kepala Dinas Komunikasi dan Informatika": an office, not a person."""
    line = squash(line)
    if _OFFICE_START.match(line):
        return True
    words = re.findall(r"[A-Za-z!]+\.?", line)
    return bool(words) and len(_OFFICE.findall(line)) * 2 >= len(words)


def clean_name(line: str) -> str:
    """A name as OCR leaves it, tidied: "RAHMASAR1" → "RAHMASARI", "SETIO13UDI" → "SETIOBUDI", ". H. X, ,M.Si."."""
    line = squash(line).strip(" ,")
    line = re.sub(r"[\s,:;|'`~^_—–-]+$", "", line)  # "M.AP. :": a scan's speck after the degrees
    line = re.sub(r"^[^A-Za-z(]+", "", line)
    line = re.sub(r",\s*,\s*", ", ", re.sub(r"\s+'(?=[A-Z])", " ", line))
    words = []
    for word in line.split(" "):
        if sum(ch.isupper() for ch in word) >= 3:
            word = re.sub(r"(?<=[A-Z])13(?=[A-Z])", "B", word)
            word = re.sub(r"(?<=[A-Z])[1!|](?=[A-Z,]|$)", "I", word)
            word = re.sub(r"(?<=[A-Z])0(?=[A-Z])", "O", word)
        words.append(word)
    return " ".join(words)


# Words no person's name contains: an office, an institution, a kind of document.
_INSTITUTIONAL = re.compile(
    r"\b(?:PROVINSI|KABUPATEN|KOTA|DAERAH|NEGARA|REPUBLIK|INDONESIA|DINAS|BADAN|KEMENTERIAN|SEKRETARIAT|"
    r"BUPATI|GUBERNUR|WALI\s*KOTA|WALIKOTA|MENTERI|PRESIDEN|KEPALA|SEKRETARIS|DIREKTUR|INSPEKTUR|"
    r"PERATURAN|KEPUTUSAN|INSTRUKSI|LAPORAN|KINERJA|LAYANAN|APARATUR|PENDAYAGUNAAN|REFORMASI|BIROKRASI|"
    r"INFORMATIKA|KOMUNIKASI|PERSANDIAN|STATISTIK|PEMERINTAH|PEMERINTAHAN|TENTANG|NOMOR|TAHUN|DAN|ATAU)\b",
    re.IGNORECASE,
)


def looks_like_name(line: str) -> bool:
    """A person's name with any honorifics and degrees, in capitals or in title case."""
    line = clean_name(line)
    if not line or len(line) > 80 or _NOT_A_NAME.match(line) or _NIP.match(line) or _RANK.search(line):
        return False
    if is_office_line(line) or any(ch.isdigit() for ch in line) or _INSTITUTIONAL.search(line):
        return False
    bare = _DEGREE.sub("", line)
    bare = re.sub(rf"^(?:{_HONORIFIC}\s+)+", "", bare).strip(" ,.")
    words = bare.split()
    if not 1 <= len(words) <= 6 or sum(ch.isalpha() for ch in bare) < 3:
        return False
    capitalised = all(word[:1].isupper() or word.lower() in {"bin", "binti", "van", "de"} for word in words)
    decorated = bare != line.strip(" ,.")
    return capitalised and (decorated or len(words) >= 2)


def names_in(line: str) -> list[str]:
    """The names on a line: one, or two when two signature blocks stand side by side."""
    if " | " in line:
        return [name for cell in line.split(" | ") for name in names_in(cell)]
    line = clean_name(_SPECK_BEFORE_NAME.sub("", line.strip()))
    for position in range(1, len(line) - 1):
        if line[position] == " " and line[position - 1] == "." and line[position + 1].isupper():
            left, right = line[:position].strip(" ,"), line[position:].strip(" ,")
            if "," in left and looks_like_name(left) and looks_like_name(right):
                return [left, right]  # "…, S.Kom. Dedi …": the left name ends with its degrees
    for match in _HONORIFIC_INSIDE.finditer(line):  # "BENNY WIJAYA KUSUMA H. RUSDI …": the right one's honorific
        left, right = line[:match.start()].strip(" ,"), line[match.start():].strip(" ,")
        if looks_like_name(left) and looks_like_name(right):
            return [left, right]
    return [line] if looks_like_name(line) else []


_HONORIFIC_INSIDE = re.compile(r"(?<=[A-Za-z)]) (?=(?:H|Hj|Dr|Drs|Dra|Ir|Prof)\.\s)")
# Two marks side by side: the signatures of two parties (an agreement) as a PDF's text layer or a table gives them.
_MARKS_SIDE_BY_SIDE = re.compile(r"^tt[dcl1]{1,2}\.?\s+(?:\|\s+)?tt[dcl1]{1,2}\.?$", re.IGNORECASE)


# The region that ends an office over two lines ("Kepala Dinas Komunikasi dan Informatika" / "Provinsi Teluk Cendana,").
_REGION_LINE = re.compile(r"^(?:Provinsi|Kabupaten|Kota|Daerah)\s+[A-Z]", re.IGNORECASE)


def read_block(lines: Sequence[str], *, bottom_up: bool = False) -> Signer:
    """Office lines, an optional signature mark, then the name (lines in reading order)."""
    cleaned = [squash(line) for line in lines if squash(line)]
    office: list[str] = []
    position = 0
    while position < len(cleaned) and len(office) < 5 and (
            is_office_line(cleaned[position]) or office and _REGION_LINE.match(cleaned[position])) \
            and not looks_like_name(cleaned[position]):
        office.append(cleaned[position])
        position += 1
    while position < len(cleaned) and SIGNATURE_MARK.match(cleaned[position]):
        position += 1
    title = squash(" ".join(reversed(office) if bottom_up else office)).strip(" ,") or None
    if position < len(cleaned) and looks_like_name(cleaned[position]):
        return Signer(title, clean_name(cleaned[position]))
    return Signer(title, None)


def last_signer(pages: Sequence[str], party: str | None = None) -> Signer:
    """The signer of a letter, minutes or report: the block nearest the end, the approving one of two.

    `party` ("KESATU" | "KEDUA"): of an agreement's two signers, the one under that party's label.
    """
    lines = [line for page in pages for line in page.split("\n")]
    acceptance: Signer | None = None
    above = len(lines)  # lines from here down belong to a receipt already passed over
    for index in range(len(lines) - 1, -1, -1):
        if index >= above or (found := _block_at(lines, index, party)) is None:
            continue
        receipt = next((back for back in range(index - 1, max(index - 6, -1), -1)
                        if _ACCEPTANCE.search(lines[back])), None)
        if acceptance is None and receipt is not None:
            acceptance, above = found, receipt  # "Telah diterima oleh Auditee:": the receiving side, not the signer
            continue
        return found
    if acceptance is not None:
        return acceptance
    for index in range(len(lines) - 1, max(len(lines) - 40, -1), -1):  # no NIP, no "ttd": office then name
        if is_office_line(squash(lines[index])) and not looks_like_name(lines[index]):
            start = index
            while start > 0 and is_office_line(squash(lines[start - 1])) and squash(lines[start - 1]):
                start -= 1
            found = read_block(lines[start:index + 6])
            if found.name:
                return found
    return Signer(None, None)


_ACCEPTANCE = re.compile(r"\b(?:(?:Telah\s+)?[Dd]iterima\s+oleh|Yang\s+menerima|PENERIMA\b|Tanda\s+terima)",
                         re.IGNORECASE)


def _block_at(lines: Sequence[str], index: int, party: str | None) -> Signer | None:
    """The signature block whose mark or NIP line is at `index`, if that line is one."""
    line = squash(lines[index])
    if not (_NIP.match(line) or SIGNATURE_MARK.match(line) and line.lower().startswith(("ttd", "tcl"))
            or _MARKS_SIDE_BY_SIDE.match(line)):  # "tcl.": OCR's "ttd."
        return None
    if " | " in line and (columns := _columns(lines, index, party)):
        return columns
    name_index = _name_above(lines, index) if _NIP.match(line) else _name_below(lines, index)
    if name_index is None:
        return None
    return Signer(_office_above(lines, name_index), _chosen(lines, name_index, party))


def _name_above(lines: Sequence[str], index: int) -> int | None:
    for back in range(index - 1, max(index - 4, -1), -1):
        line = squash(lines[back])
        if not line or _RANK.search(line):
            continue
        return back if names_in(line) else None
    return None


def _name_below(lines: Sequence[str], index: int) -> int | None:
    for ahead in range(index + 1, min(index + 4, len(lines))):
        line = squash(lines[ahead])
        if not line:
            continue
        return ahead if names_in(line) else None
    return None


def _chosen(lines: Sequence[str], name_index: int, party: str | None = None) -> str:
    """One name of a line; of two side by side, the party's asked for (else the first party's), the
    approving one, or else the first."""
    names = names_in(lines[name_index])
    if len(names) == 1:
        return names[0]
    labels = next((squash(line) for line in reversed(lines[max(0, name_index - 6):name_index])
                   if len(re.findall(r"PIHAK\s+(?:KESATU|PERTAMA|KEDUA)", line, re.IGNORECASE)) == 2), "")
    first_party = re.search(r"PIHAK\s+(?:KESATU|PERTAMA)", labels, re.IGNORECASE)
    second_party = re.search(r"PIHAK\s+KEDUA", labels, re.IGNORECASE)
    if first_party and second_party:  # "PIHAK KEDUA, PIHAK KESATU,": the first party often signs on the right
        wanted, other = (second_party, first_party) if party == "KEDUA" else (first_party, second_party)
        return names[-1] if wanted.start() > other.start() else names[0]
    label = next((found for line in reversed(lines[max(0, name_index - 6):name_index])
                  if (found := _APPROVING.search(squash(line)))), None)
    # "Notulis, | Pimpinan Rapat,": the approving label's side; with no such label, the first name.
    return names[-1] if label is not None and label.start() > 0 else names[0]


_APPROVING = re.compile(r"Mengetahui|Menyetujui|Pimpinan\s+Rapat|Ketua\s+Rapat", re.IGNORECASE)


def _office_above(lines: Sequence[str], name_index: int) -> str | None:
    office: list[str] = []
    for back in range(name_index - 1, max(name_index - 8, -1), -1):
        line = squash(lines[back])
        if not line or SIGNATURE_MARK.match(line):
            if office:
                break
            continue
        if (is_office_line(line) or line.upper().startswith("DAN ")) and not looks_like_name(line):
            office.append(line)
        else:
            break
    return squash(" ".join(reversed(office))).strip(" ,") or None


def _columns(lines: Sequence[str], index: int, party: str | None = None) -> Signer | None:
    """Two signature blocks side by side (a table): the party's asked for, the approving one, else the
    right-hand one."""
    block = [squash(line) for line in lines[max(0, index - 8):index + 3] if " | " in line]
    split = [[cell.strip() for cell in line.split(" | ")] for line in block]
    width = max(len(row) for row in split)
    columns = [[row[column] for row in split if column < len(row) and row[column]] for column in range(width)]
    label = re.compile(rf"PIHAK\s+(?:{'KESATU|PERTAMA' if party == 'KESATU' else 'KEDUA'})\b", re.I) if party else None
    chosen = next((column for column in columns if label and any(label.match(cell) for cell in column)), None)
    chosen = chosen or next((column for column in columns if any(re.match(r"Mengetahui|Menyetujui", cell, re.I)
                                                                 for cell in column)), columns[-1])
    names = [cell for cell in chosen if looks_like_name(cell)]
    if not names:
        return None
    office = [cell for cell in chosen if is_office_line(cell) and not looks_like_name(cell)]
    return Signer(squash(" ".join(office)).strip(" ,") or None, clean_name(names[-1]))
