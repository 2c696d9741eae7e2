"""The audit as an XLSX workbook: summary, indicators, evidence.

What an assessor opens in Excel: dates as dates, indicator numbers as numbers, a filter on
every column of every sheet and the header row frozen, the interface's words.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..audit import AuditResult
from .rows import (
    CHECKLIST_COLUMNS,
    DATE_COLUMNS,
    EVIDENCE_COLUMNS,
    INDICATOR_COLUMNS,
    checklist_rows,
    evidence_rows,
    indicator_rows,
    is_date,
    safe_cell,
)

DATE_FORMAT = "DD/MM/YYYY"
FILLS = {"ok": "E3F4E7", "short": "FFF3D6", "unclaimed": "ECEFF3", "none": "FBE9E7", "external": "E8EEF9"}


def workbook_bytes(result: AuditResult) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = "Ringkasan"
    _summary(summary, result)
    indicators = book.create_sheet("Indikator")
    _table(indicators, INDICATOR_COLUMNS, indicator_rows(result), widths=[10, 60, 10, 12, 12, 9, 18, 60, 80, 80, 14])
    for row, item in enumerate(result.indicators, start=2):
        indicators.cell(row=row, column=7).fill = PatternFill("solid", fgColor=FILLS[item.status])
    checklist = book.create_sheet("Muatan kebijakan")
    _table(checklist, CHECKLIST_COLUMNS, checklist_rows(result), widths=[10, 40, 8, 10, 12, 12, 8, 8, 80])
    evidence = book.create_sheet("Data dukung")
    _table(evidence, EVIDENCE_COLUMNS, evidence_rows(result),
           widths=[10, 10, 70, 28, 22, 14, 14, 12, 14, 9, 12, 40, 40, 28])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _summary(sheet, result: AuditResult) -> None:  # noqa: ANN001 - openpyxl worksheet
    rows = [
        ("Organisasi", result.organisation), ("Periode", result.period), ("Kerangka", result.framework_name),
        ("Tanggal audit", result.assessed_on),
        ("Tinjauan ketat", "aktif" if result.strict else "nonaktif"),
        ("Indeks prediksi (data dukung)", round(result.supported_index, 2)),
        ("Predikat prediksi", result.supported_band),
        ("Indeks penilaian mandiri", round(result.claimed_index, 2)),
        ("Predikat penilaian mandiri", result.claimed_band), (),
        ("Domain/Aspek", "Bobot (%)", "Didukung", "Diklaim"),
    ]
    rows += [(f"Domain {group.code}. {group.name}", group.weight, group.supported, group.claimed)
             for group in result.domains]
    rows += [(f"Aspek {group.code}. {group.name}", group.weight, group.supported, group.claimed)
             for group in result.aspects]
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    sheet.column_dimensions["A"].width = 60
    for column in "BCD":
        sheet.column_dimensions[column].width = 18
    for cell in sheet["A"]:
        cell.font = Font(bold=True)
        for value_cell in sheet[cell.row]:
            if is_date(value_cell.value):
                value_cell.number_format = DATE_FORMAT
    header = next(cell.row for cell in sheet["A"] if cell.value == "Domain/Aspek")
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    sheet.auto_filter.ref = f"A{header}:D{sheet.max_row}"
    sheet.freeze_panes = "A2"


def _table(sheet, columns: list[str], rows: list[list], widths: list[int]) -> None:  # noqa: ANN001
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    dates = {index for index, name in enumerate(columns) if name in DATE_COLUMNS}
    for row in sheet.iter_rows(min_row=2):
        for index, cell in enumerate(row):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if index in dates and is_date(cell.value):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(sheet.max_row, 1)}"
