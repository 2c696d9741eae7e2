"""Producing an export in one of the formats, and recording that it happened."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session

from ..audit import AuditResult
from ..records import events
from ..storage import FileStore
from .package import package_bytes
from .sources import packaged_files
from .tabular import csv_text, table_text

FORMATS = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "zip": ("application/zip", "zip"),
    "table": ("text/plain; charset=utf-8", "txt"),
}


@dataclass(frozen=True)
class Export:
    content: bytes
    mime: str
    filename: str
    kind: str


def export(session: Session, store: FileStore, result: AuditResult, kind: str, organisation_code: str,
           *, international_csv: bool = False) -> Export:
    """Build one export; it only reads (the evidence package reads the stored files).

    A CSV is written for Excel set to Indonesian unless `international_csv` (`tabular.csv_text`).
    """
    if kind not in FORMATS:
        raise ValueError(f"unknown export format {kind!r}")
    if kind == "json":
        content = json.dumps(result.as_dict(), ensure_ascii=False, indent=2).encode()
    elif kind == "csv":
        content = ("\ufeff" + csv_text(result, international_csv)).encode()  # the BOM makes Excel read UTF-8
    elif kind == "xlsx":
        from .xlsx import workbook_bytes  # openpyxl takes 0.3 s to import; only this format needs it

        content = workbook_bytes(result)
    elif kind == "zip":
        content = package_bytes(result, packaged_files(session, store, result))
    else:
        content = table_text(result).encode()
    mime, extension = FORMATS[kind]
    return Export(content, mime, f"audit-{organisation_code}-{result.year}.{extension}", kind)


def record_export(session: Session, produced: Export, result: AuditResult, organisation_id: int,
                  actor_id: int | None) -> None:
    """Add the audit event (who exported what, when) to a writing session.

    Apart from `export` so that building a large package, which only reads, never holds
    the database's write lock: the event is written in a short unit of work of its own.
    """
    events.record(session, "export", actor_id=actor_id, organisation_id=organisation_id, object_type="audit",
                  format=produced.kind, period=result.period, size=len(produced.content))
