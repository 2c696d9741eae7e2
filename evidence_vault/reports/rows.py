"""The rows every export shares, so the workbook, the CSV and the package say the same thing."""

from __future__ import annotations

from typing import Any

from ..audit import AuditResult
from ..legal.kinds import KINDS
from ..plaintext import clean

STATUS_LABELS = {"ok": "Sesuai klaim", "short": "Di bawah klaim", "unclaimed": "Belum ada klaim",
                 "none": "Tanpa data dukung", "external": "Nilai dari indeks instansi lain"}
INDICATOR_COLUMNS = ["Indikator", "Nama", "Bobot (%)", "Tingkat diklaim", "Tingkat didukung", "Selisih", "Status",
                     "Yang belum ada untuk tingkat berikutnya", "Temuan", "Penjelasan", "Dinilai per tanggal"]
EVIDENCE_COLUMNS = ["Indikator", "ID dokumen", "Judul", "Jenis", "Status hukum", "Keberlakuan", "Tanggal",
                    "Status tautan", "Tingkat", "Temuan dokumen", "Melalui padanan"]


def indicator_rows(result: AuditResult) -> list[list[Any]]:
    return [[item.code, item.name, item.weight, item.claimed, item.supported, item.gap, STATUS_LABELS[item.status],
             item.next_missing or "", "; ".join(f"[{f.code}] {f.message}" for f in item.findings),
             item.explanation, result.assessed_on.isoformat()]
            for item in result.indicators]


def evidence_rows(result: AuditResult) -> list[list[Any]]:
    rows = []
    for item in result.indicators:
        for evidence in item.evidence:
            kind = KINDS[evidence.kind].label if evidence.kind in KINDS else ""
            rows.append([item.code, evidence.document_id, evidence.title, kind, evidence.legal_status or "",
                         evidence.in_force, evidence.dated.isoformat() if evidence.dated else "",
                         evidence.link_state, evidence.link_level, ", ".join(evidence.findings), evidence.via])
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
            rows.append([item.code, status.element.label, status.element.level, "ya" if hit else "belum",
                         hit.document_id if hit else None, hit.pasal if hit else None, hit.ayat if hit else None,
                         hit.page if hit else None, note])
    return rows


def safe_cell(value: Any) -> Any:
    """Text any spreadsheet can hold and none will run.

    Control and direction-override characters are removed (`plaintext.clean`; XML cannot
    hold the former, so one of them in any stored title would fail the whole workbook), line
    breaks kept; text a spreadsheet would run as a formula is prefixed, so an export cannot
    carry one.
    """
    if not isinstance(value, str):
        return value
    value = clean(value, multiline=True)
    if value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
