"""DOCX text with python-docx: body paragraphs and tables in order, headers and footers.

A DOCX is a ZIP package, so its members are measured before parsing: a small file
that inflates to gigabytes (a zip bomb) is refused without being inflated.
Pages are split at hard page breaks, the only page boundaries a DOCX records reliably.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from .errors import ExtractionError
from .result import Deadline, Extraction, Limits, PageText, clean_text

log = logging.getLogger(__name__)

MAX_MEMBERS = 10_000
RATIO_APPLIES_ABOVE = 1024 * 1024
PAGE_BREAK = "\f"

_TEXT, _TAB, _BREAK, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_BREAK_TYPE = qn("w:type")


def read_docx(path: Path, limits: Limits) -> Extraction:
    """Guard against zip bombs, then read headers, body and footers."""
    deadline = Deadline(limits.timeout_seconds)
    check_package(path, limits)
    try:
        document = docx.Document(str(path))
    except Exception as error:
        log.warning("cannot open %s as DOCX: %r", path, error)
        raise ExtractionError.corrupt("DOCX", "isi dokumen tidak terbaca") from None

    body = "\n".join(_blocks_text(document.iter_inner_content(), deadline))
    headers, footers = _header_footer_text(document)
    chunks = body.split(PAGE_BREAK)
    if len(chunks) > limits.max_pages:
        raise ExtractionError.too_many_pages(len(chunks), limits.max_pages)
    chunks[0] = "\n".join(part for part in (headers, chunks[0]) if part)
    chunks[-1] = "\n".join(part for part in (chunks[-1], footers) if part)
    pages = [PageText(number=i + 1, text=clean_text(chunk)) for i, chunk in enumerate(chunks)]
    title = clean_text(document.core_properties.title or "")[:500]
    return Extraction(pages=pages, title=title)


def check_package(path: Path, limits: Limits) -> None:
    """Refuse packages whose declared sizes or ratios could exhaust memory or disk."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise ExtractionError.corrupt("DOCX", f"arsip tidak utuh: {error}") from None
    if len(members) > MAX_MEMBERS:
        raise ExtractionError.zip_bomb(f"{len(members)} bagian")
    total = sum(member.file_size for member in members)
    if total > limits.docx_max_uncompressed_bytes:
        raise ExtractionError.zip_bomb(f"{total // (1024 * 1024)} MiB setelah diekstrak")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_APPLIES_ABOVE and ratio > limits.docx_max_ratio:
            raise ExtractionError.zip_bomb(f"rasio kompresi {ratio:.0f}:1 pada {member.filename!r}")


def _blocks_text(blocks: Iterator[Paragraph | Table], deadline: Deadline) -> Iterator[str]:
    for block in blocks:
        deadline.check()
        if isinstance(block, Paragraph):
            yield _paragraph_text(block)
        else:
            yield from _table_rows(block, deadline)


def _paragraph_text(paragraph: Paragraph) -> str:
    """Text of a paragraph with tabs, line breaks and hard page breaks kept."""
    parts: list[str] = []
    for element in paragraph._p.iter(_TEXT, _TAB, _BREAK, _CR):
        if element.tag == _TEXT:
            parts.append(element.text or "")
        elif element.tag == _TAB:
            parts.append("\t")
        elif element.tag == _BREAK and element.get(_BREAK_TYPE) == "page":
            parts.append(PAGE_BREAK)
        else:
            parts.append("\n")
    return "".join(parts)


def _table_rows(table: Table, deadline: Deadline) -> Iterator[str]:
    """One line per row, cells separated by ' | '; merged cells counted once; nested tables follow."""
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cell_text = "\n".join(_blocks_text(cell.iter_inner_content(), deadline)).replace(PAGE_BREAK, "\n")
            cells.append(" ".join(cell_text.split()))
        yield " | ".join(cells)


def _header_footer_text(document: Any) -> tuple[str, str]:
    """Distinct header and footer text of all sections (letterheads name the issuing body)."""
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for parts, collected in (
            ((section.first_page_header, section.header, section.even_page_header), headers),
            ((section.first_page_footer, section.footer, section.even_page_footer), footers),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                text = "\n".join(_blocks_text(part.iter_inner_content(), Deadline(60))).strip()
                if text and text not in collected:
                    collected.append(text.replace(PAGE_BREAK, "\n"))
    return "\n".join(headers), "\n".join(footers)
