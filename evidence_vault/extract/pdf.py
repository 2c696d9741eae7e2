"""PDF text per page with pypdf, flagging scanned pages that have no text layer."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import FileNotDecryptedError

from .errors import ExtractionError
from .result import Deadline, Extraction, Limits, PageText, clean_text, letter_count

log = logging.getLogger(__name__)

_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")
_MAX_FORM_DEPTH = 5


def read_pdf(path: Path, limits: Limits) -> Extraction:
    """Open (decrypting with the empty password when the owner allows it) and read every page."""
    deadline = Deadline(limits.timeout_seconds)
    reader = _open(path)
    try:
        page_count = len(reader.pages)
    except FileNotDecryptedError:
        raise ExtractionError.encrypted() from None
    except Exception as error:  # pypdf raises many types on malformed files
        log.warning("cannot count pages of %s: %r", path, error)
        raise ExtractionError.corrupt("PDF", "daftar halaman tidak terbaca") from None
    if page_count == 0:
        raise ExtractionError.corrupt("PDF", "tidak ada halaman")
    if page_count > limits.max_pages:
        raise ExtractionError.too_many_pages(page_count, limits.max_pages)

    pages, warnings = [], []
    for index in range(page_count):
        deadline.check()
        page = reader.pages[index]
        try:
            text = clean_text(page.extract_text() or "")
        except Exception as error:
            log.warning("page %d of %s: text unreadable: %r", index + 1, path, error)
            warnings.append(f"Teks halaman {index + 1} tidak dapat dibaca.")
            text = ""
        needs_ocr = letter_count(text) < limits.min_page_chars and _has_images(page)
        pages.append(PageText(number=index + 1, text=text, needs_ocr=needs_ocr))
    return Extraction(pages=pages, title=_title(reader), warnings=warnings)


def _open(path: Path) -> PdfReader:
    try:
        reader = PdfReader(path, strict=False)
    except Exception as error:
        log.warning("cannot open %s as PDF: %r", path, error)
        raise ExtractionError.corrupt("PDF", "struktur berkas tidak terbaca") from None
    if reader.is_encrypted:
        try:
            result = reader.decrypt("")
        except Exception as error:
            log.warning("cannot decrypt %s: %r", path, error)
            raise ExtractionError.encrypted() from None
        if result == PasswordType.NOT_DECRYPTED:
            raise ExtractionError.encrypted()
    return reader


def _title(reader: PdfReader) -> str:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # broken metadata must not cost us the text
        return ""
    return clean_text(str(title))[:500] if title else ""


def _has_images(page: Any) -> bool:
    """True when the page draws an image: an XObject (possibly inside a form) or inline."""
    try:
        if _resources_have_images(page.get("/Resources"), depth=0):
            return True
        contents = page.get_contents()
        return bool(contents and _INLINE_IMAGE.search(contents.get_data()))
    except Exception as error:
        log.info("image check failed: %r", error)
        return False


def _resources_have_images(resources: Any, depth: int) -> bool:
    if resources is None or depth > _MAX_FORM_DEPTH:
        return False
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return False
    for ref in xobjects.get_object().values():
        xobject = ref.get_object()
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            return True
        if subtype == "/Form" and _resources_have_images(xobject.get("/Resources"), depth + 1):
            return True
    return False
