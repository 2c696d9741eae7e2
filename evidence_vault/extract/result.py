"""Plain data passed out of the extract stage."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field

from .errors import ExtractionError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Limits:
    """What one extraction may use; taken from the `[extract]` settings."""

    max_pages: int = 2000
    timeout_seconds: float = 120
    max_memory_mb: int = 1024
    isolate: bool = True
    min_page_chars: int = 20
    docx_max_uncompressed_bytes: int = 256 * 1024 * 1024
    docx_max_ratio: int = 200


@dataclass(frozen=True)
class PageText:
    """Text of one page.

    `needs_ocr` marks a scanned page without a text layer (an image file's frames are all
    scans); once OCR has read it, `ocr_applied` is set and `ocr_confidence` (0..1) says
    how sure Tesseract was.
    """

    number: int
    text: str
    needs_ocr: bool = False
    ocr_applied: bool = False
    ocr_confidence: float | None = None

    @property
    def waiting_for_ocr(self) -> bool:
        return self.needs_ocr and not self.ocr_applied


@dataclass(frozen=True)
class Extraction:
    """Everything the extract stage learned about one file."""

    pages: list[PageText]
    title: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def text_chars(self) -> int:
        return sum(len(page.text) for page in self.pages)

    @property
    def ocr_pages(self) -> list[int]:
        """Scanned pages: those that need OCR, whether or not it has run."""
        return [page.number for page in self.pages if page.needs_ocr]

    @property
    def waiting_pages(self) -> list[int]:
        """Scanned pages whose text OCR has not (yet) read."""
        return [page.number for page in self.pages if page.waiting_for_ocr]

    @property
    def needs_ocr(self) -> bool:
        return bool(self.waiting_pages)

    @property
    def ocr_applied(self) -> bool:
        return any(page.ocr_applied for page in self.pages)

    @property
    def ocr_confidence(self) -> float | None:
        """Mean confidence over the pages OCR read, or None when it read none."""
        scores = [page.ocr_confidence for page in self.pages if page.ocr_applied and page.ocr_confidence is not None]
        return sum(scores) / len(scores) if scores else None


def clean_text(text: str) -> str:
    """Normalise extracted text so every later stage (and PostgreSQL) can hold it.

    NFKC folds ligatures and full-width forms; control and bidirectional-override
    characters are removed (they hide or reorder text on screen).
    """
    text = _SURROGATES.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def letter_count(text: str) -> int:
    """Letters and digits: what tells a real text layer from stray marks."""
    return _ALNUM.subn("", text)[1]  # counted in C: `[^\W_]` is exactly `str.isalnum`


class Deadline:
    """Wall-clock limit checked between pages (the isolated child is also killed on time)."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise ExtractionError.timeout(self.seconds)
