"""Plain data passed out of the extract stage."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field

from .errors import ExtractionError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


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
    """Text of one page; `needs_ocr` marks a scanned page without a text layer."""

    number: int
    text: str
    needs_ocr: bool = False


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
        return [page.number for page in self.pages if page.needs_ocr]

    @property
    def needs_ocr(self) -> bool:
        return bool(self.ocr_pages)


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
    return sum(1 for char in text if char.isalnum())


class Deadline:
    """Wall-clock limit checked between pages (the isolated child is also killed on time)."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise ExtractionError.timeout(self.seconds)
