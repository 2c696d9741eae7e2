"""The shared corpus's Undang-Undang as search documents: title from the heading, pages of 40 lines.

Read in place, never copied. `sample(step)` takes every `step`-th statute in path order, so
that the same documents are chosen on every machine.
"""

from __future__ import annotations

import re
from pathlib import Path

from evidence_vault.search import IndexedDocument

from ..conftest import SHARED

ROOT = SHARED / "corpus" / "peraturan-text" / "uu"
LINES_PER_PAGE = 40
_SUBJECT = re.compile(r"TENTANG\s+(.{3,160}?)(?:\s+DENGAN RAHMAT|\n|$)", re.IGNORECASE)


def statutes(step: int = 1, organisation_id: int = 1) -> list[IndexedDocument]:
    """Every `step`-th statute of the corpus, as one organisation's documents."""
    paths = sorted(ROOT.glob("*/*.md"), key=lambda path: (int(path.parent.name), path.stem))[::step]
    return [_document(number, path, organisation_id) for number, path in enumerate(paths, start=1)]


def _document(document_id: int, path: Path, organisation_id: int) -> IndexedDocument:
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    pages = [(number, "\n".join(lines[start:start + LINES_PER_PAGE]))
             for number, start in enumerate(range(0, len(lines), LINES_PER_PAGE), start=1)]
    subject = _SUBJECT.search(text[:2000])
    year, number = int(path.parent.name), path.stem
    title = f"UU {number} Tahun {year}" + (f" tentang {subject.group(1).strip().title()}" if subject else "")
    return IndexedDocument(document_id, organisation_id, title, pages, kind="uu", year=year, legal_number=number,
                           legal_status="diundangkan")
