"""Extract stage: detect a file's type from its bytes and read its text page by page.

`extract_file` is the one entry point. Readers are plain functions in `READERS`,
keyed by the detected type; each returns an `Extraction` or raises `ExtractionError`
whose message (in Bahasa Indonesia) says what happened and what to do.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ExtractionError
from .isolation import run_isolated
from .result import Extraction, Limits, PageText
from .sniff import FileType, detect_type

__all__ = [
    "Extraction",
    "ExtractionError",
    "FileType",
    "Limits",
    "PageText",
    "detect_type",
    "extract_file",
]


def extract_file(path: Path, file_type: FileType, limits: Limits) -> Extraction:
    """Read the text of a stored file whose type was detected, within the limits."""
    if not file_type.extractable:
        raise ExtractionError.unsupported(file_type)
    if limits.isolate:
        return run_isolated(file_type.name, path, limits)
    from .readers import read  # imported here: the isolated child imports it itself

    return read(file_type.name, path, limits)
