"""The audit as CSV (one row per indicator, as in the workbook) and as a plain-text table."""

from __future__ import annotations

import csv
import io
from datetime import date

from ..audit import AuditResult
from ..indonesian import level, long_date
from .rows import INDICATOR_COLUMNS, indicator_rows, safe_cell


def csv_text(result: AuditResult, international: bool = False) -> str:
    """One row per indicator. By default as Excel set to Indonesian opens it with a double click:
    semicolons between fields, a decimal comma, dates as 28/11/2026; `international`: commas, a
    decimal point and ISO dates (2026-11-28), for other programs and other locales."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if international else ";")
    writer.writerow(INDICATOR_COLUMNS)
    for row in indicator_rows(result):
        writer.writerow([_csv_value(safe_cell(value), international) for value in row])
    return buffer.getvalue()


def _csv_value(value: object, international: bool) -> object:
    if isinstance(value, date):
        return value.isoformat() if international else value.strftime("%d/%m/%Y")
    if isinstance(value, float) and not international:
        return repr(value).replace(".", ",")
    return value


def table_text(result: AuditResult) -> str:
    lines = [
        f"{result.organisation} · {result.period} · {result.framework_name} · per {long_date(result.assessed_on)}",
        f"Indeks prediksi {result.supported_index:.2f} ({result.supported_band}) · "
        f"penilaian mandiri {result.claimed_index:.2f} ({result.claimed_band})",
        "",
        f"{'No':>4}  {'Klaim':>5}  {'Dukung':>6}  Temuan",
    ]
    for item in result.indicators:
        codes = ", ".join(finding.code for finding in item.findings) or "-"
        claimed = "-" if item.claimed is None else level(item.claimed)
        if item.external is not None:
            codes = "nilai dari indeks instansi lain" if item.claimed is not None else "nilai indeks belum dicatat"
        lines.append(f"{item.code:>4}  {claimed:>5}  {level(item.supported):>6}  {codes}")
    return "\n".join(lines) + "\n"
