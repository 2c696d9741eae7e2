"""The audit trail through the API: what happened, by whom, through which channel, for what the token may see."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from ..records import history
from ..records.access import Permission
from ..web.context import db_session
from .lookup import document_or_404, scope
from .operations import operation
from .shapes import Cursor, EventOut, Events, Limit, OrgCode, Query, decode_cursor, encode_cursor

TAG = "Riwayat"


class HistoryQuery(Query):
    org: OrgCode | None = None
    action: Annotated[str, Field(max_length=64, description="Hanya tindakan ini, misalnya document.upload.")] = ""
    limit: Limit = 100
    cursor: Cursor | None = None


@operation("GET", "/history", summary="Riwayat (jejak audit) organisasi, terbaru dulu, per kursor", tag=TAG,
           permission=Permission.VIEW_HISTORY, query=HistoryQuery, response=Events)
def organisation_history(query: HistoryQuery) -> Events:
    before = decode_cursor(query.cursor, datetime, int) if query.cursor else None
    found = history.organisation_trail(db_session(), scope(query.org, Permission.VIEW_HISTORY), limit=query.limit + 1,
                                       action=query.action, before=before)  # type: ignore[arg-type]
    shown = found[:query.limit]
    cursor = encode_cursor(shown[-1].at, shown[-1].id) if len(found) > query.limit else None
    return Events(items=[EventOut.of(entry) for entry in shown], next_cursor=cursor)


@operation("GET", "/documents/<id:document_id>/history", summary="Riwayat satu dokumen", tag=TAG,
           permission=Permission.VIEW_HISTORY, response=Events)
def document_history(document_id: int) -> Events:
    document = document_or_404(document_id, Permission.VIEW_HISTORY, include_trash=True)
    return Events(items=[EventOut.of(entry) for entry in history.document_trail(db_session(), document.id)],  # type: ignore[arg-type]
                  next_cursor=None)
