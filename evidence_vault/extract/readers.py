"""The registry of readers, by detected type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .docx import read_docx
from .image import read_image
from .pdf import read_pdf
from .result import Extraction, Limits

READERS: dict[str, Callable[[Path, Limits], Extraction]] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "png": read_image,
    "jpeg": read_image,
    "tiff": read_image,
}


def read(type_name: str, path: Path, limits: Limits) -> Extraction:
    """Run the reader registered for a type."""
    return READERS[type_name](path, limits)
