"""The rows every export shares, so the workbook, the CSV and the package say the same thing.

Values keep their types (indicator numbers as numbers, dates as dates) for the workbook to
show them as such; the CSV writes them the way the reader's spreadsheet expects
(`tabular`). Every label is the interface's word, never a code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..audit import AuditResult, Evidence
from ..frameworks.registry import framework_by_code
from ..legal.kinds import KINDS
from ..plaintext import clean

STATUS_LABELS = {"ok": "Sesuai klaim", "short": "Di bawah klaim", "unclaimed": "Belum ada klaim",
                 "none": "Tanpa data dukung", "external": "Nilai dari indeks instansi lain"}
LINK_LABELS = {"suggested": "Saran", "confirmed": "Diajukan", "verified": "Diverifikasi", "rejected": "Ditolak"}
LEGAL_STATUS_LABELS = {"rancangan": "Rancangan", "ditetapkan": "Ditetapkan", "diundangkan": "Diundangkan"}
STANDING_LABELS = {"berlaku": "Berlaku", "diubah": "Diubah", "dicabut": "Dicabut"}
# A document's findings in a few words (the document page gives the whole message).
FINDING_WORDS = {
    "amended": "sudah diubah", "draft": "masih rancangan", "expired": "masa berlaku habis",
    "no_enactment_date": "tanpa tanggal penetapan", "no_number": "tanpa nomor", "no_text": "teks tidak terbaca",
    "not_promulgated": "belum diundangkan", "not_signed": "tanpa penandatangan",
    "other_body": "diterbitkan instansi lain", "repealed": "sudah dicabut", "shared_copy": "salinan pustaka bersama",
    "unconfirmed": "metadata belum dikonfirmasi", "unknown_kind": "jenis belum diketahui",
}
# Why a document cannot count on the audit's date (`Evidence.standing`), in words.
STANDING_REASONS = {
    "no_text": "teksnya tidak terbaca", "shared_copy": "salinan pustaka bersama, bukan dokumen sendiri",
    "other_body": "diterbitkan instansi lain", "later": "bertanggal setelah tanggal penilaian",
    "repealed": "sudah dicabut pada tanggal penilaian", "expired": "masa berlakunya habis pada tanggal penilaian",
}
INDICATOR_COLUMNS = ["Indikator", "Nama", "Bobot (%)", "Tingkat diklaim", "Tingkat didukung", "Selisih", "Status",
                     "Yang belum ada untuk tingkat berikutnya", "Temuan", "Penjelasan", "Dinilai per tanggal"]
EVIDENCE_COLUMNS = ["Indikator", "ID dokumen", "Judul", "Jenis", "Nomor", "Tanggal penetapan", "Status hukum",
                    "Keberlakuan", "Status tautan", "Tingkat", "Dapat dihitung", "Mengapa tidak dihitung",
                    "Temuan dokumen", "Melalui padanan"]
# Which columns hold dates, per sheet (the workbook formats them as dates).
DATE_COLUMNS = {"Dinilai per tanggal", "Tanggal penetapan"}


def indicator_number(code: str) -> int | str:
    """"3" → 3: an indicator's number as a number, for a spreadsheet to sort and filter as one."""
    return int(code) if code.isdigit() else code


def indicator_rows(result: AuditResult) -> list[list[Any]]:
    return [[indicator_number(item.code), item.name, item.weight, item.claimed, item.supported, item.gap,
             STATUS_LABELS[item.status], item.next_missing or "", "; ".join(f.message for f in item.findings),
             item.explanation, result.assessed_on]
            for item in result.indicators]


def why_not_counted(evidence: Evidence, result: AuditResult) -> str:
    """Why a document offered for an indicator cannot count on the audit's date; "" when it can."""
    standing = evidence.standing(result.assessed_on)
    if standing:
        return STANDING_REASONS.get(standing, standing)
    if evidence.is_draft:
        return "masih rancangan"
    if result.strict and evidence.link_state != "verified":
        return "belum diverifikasi penilai (tinjauan ketat aktif)"
    return ""


def via_words(via: str) -> str:
    """"spbe-2020 3" → "Evaluasi SPBE 2020 indikator 3": linked under the other framework's indicator."""
    framework, _, code = via.partition(" ")
    try:
        return f"{framework_by_code(framework).name} indikator {code}" if via else ""
    except KeyError:
        return via


def number_of(evidence: Evidence) -> str:
    """"12 Tahun 2023" (or the number alone), as a regulation is cited."""
    if not evidence.number:
        return ""
    return f"{evidence.number} Tahun {evidence.year}" if evidence.year else evidence.number


def evidence_rows(result: AuditResult) -> list[list[Any]]:
    rows = []
    for item in result.indicators:
        for evidence in item.evidence:
            kind = KINDS[evidence.kind].label if evidence.kind in KINDS else ""
            reason = why_not_counted(evidence, result)
            rows.append([indicator_number(item.code), evidence.document_id, evidence.title, kind, number_of(evidence),
                         evidence.dated, LEGAL_STATUS_LABELS.get(evidence.legal_status or "", ""),
                         STANDING_LABELS.get(evidence.in_force, evidence.in_force),
                         LINK_LABELS.get(evidence.link_state, evidence.link_state), evidence.link_level,
                         "tidak" if reason else "ya", reason,
                         ", ".join(FINDING_WORDS.get(code, code) for code in evidence.findings),
                         via_words(evidence.via)])
    return rows


CHECKLIST_COLUMNS = ["Indikator", "Muatan", "Tingkat", "Diatur", "ID dokumen", "Pasal", "Ayat", "Halaman",
                     "Kutipan / keterangan"]


def checklist_rows(result: AuditResult) -> list[list[Any]]:
    rows = []
    for item in result.indicators:
        for status in item.checklist:
            hit, mention = status.hit, status.only_mentioned
            note = hit.quote if hit else ""
            if mention and not hit:
                note = f"hanya disebut di pertimbangan/judul, hlm. {mention.page}"
            rows.append([indicator_number(item.code), status.element.label, status.element.level,
                         "ya" if hit else "belum", hit.document_id if hit else None, hit.pasal if hit else None,
                         hit.ayat if hit else None, hit.page if hit else None, note])
    return rows


def safe_cell(value: Any) -> Any:
    """Text any spreadsheet can hold and none will run.

    Control and direction-override characters are removed (`plaintext.clean`; XML cannot
    hold the former, so one of them in any stored title would fail the whole workbook), line
    breaks kept; text a spreadsheet would run as a formula is prefixed, so an export cannot
    carry one. Numbers and dates pass as they are.
    """
    if not isinstance(value, str):
        return value
    value = clean(value, multiline=True)
    if value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def is_date(value: Any) -> bool:
    return isinstance(value, date)
