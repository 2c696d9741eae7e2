"""Extract stage: detect a file's type from its bytes and read its text page by page.

`extract_file` reads the text layer (PDF, DOCX) or counts the pages of an image; pages
that are pictures of text come back marked `needs_ocr`. `recognise_pages` reads those
pages with OCR, one isolated child per page, so that a page's time and memory limits hold
and a caller can record each page as it is done. Readers are plain functions in
`READERS`, keyed by the detected type; each returns an `Extraction` or raises
`ExtractionError` whose message (in Bahasa Indonesia) says what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .errors import ExtractionError
from .isolation import call_isolated, run_isolated
from .ocr import OcrOptions, OcrPage, recognise_page, unavailable_reason
from .result import Extraction, Limits, PageText
from .sniff import FileType, detect_type

__all__ = [
    "Extraction",
    "ExtractionError",
    "FileType",
    "Limits",
    "OcrOptions",
    "OcrPage",
    "PageText",
    "apply_ocr",
    "detect_type",
    "extract_file",
    "ocr_unavailable_reason",
    "recognise_pages",
]

ocr_unavailable_reason = unavailable_reason


def extract_file(path: Path, file_type: FileType, limits: Limits) -> Extraction:
    """Read the text of a stored file whose type was detected, within the limits."""
    if not file_type.extractable:
        raise ExtractionError.unsupported(file_type)
    if limits.isolate:
        return run_isolated(file_type.name, path, limits)
    from .readers import read  # imported here: the isolated child imports it itself

    return read(file_type.name, path, limits)


def recognise_pages(path: Path, file_type: FileType, numbers: Iterable[int], limits: Limits,
                    options: OcrOptions) -> Iterator[OcrPage]:
    """OCR the given pages one by one; a page that fails comes back with its `error` set."""
    for number in numbers:
        arguments = (path, file_type.name, number, options)
        try:
            if limits.isolate:
                yield call_isolated(recognise_page, arguments, limits, options.page_timeout_seconds)
            else:
                yield recognise_page(*arguments)
        except ExtractionError as error:
            yield OcrPage(number=number, error=f"Halaman {number} belum terbaca oleh OCR: {error.message}",
                          error_code=error.code)


def apply_ocr(extraction: Extraction, results: Iterable[OcrPage]) -> Extraction:
    """The extraction with OCR text put into the scanned pages it read; failures become warnings."""
    by_number = {result.number: result for result in results}
    pages: list[PageText] = []
    warnings = list(extraction.warnings)
    for page in extraction.pages:
        result = by_number.get(page.number)
        if result is None:
            pages.append(page)
        elif result.error:
            pages.append(page)
            warnings.append(result.error)
        else:
            pages.append(replace(page, text=result.text, ocr_applied=True, ocr_confidence=result.confidence))
    return replace(extraction, pages=pages, warnings=warnings)
