"""The audit as CSV (one row per indicator, as in the workbook) and as a plain-text table."""

from __future__ import annotations

import csv
import io

from ..audit import AuditResult
from ..indonesian import level, long_date
from .rows import INDICATOR_COLUMNS, indicator_rows, safe_cell


def csv_text(result: AuditResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(INDICATOR_COLUMNS)
    for row in indicator_rows(result):
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


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
