"""Whether a document is still a draft: the marks offices put on one, and the blanks a draft leaves.

"RANCANGAN", "DRAFT", "DRAF", "KONSEP" heading the first page or standing alone as a
watermark line, "bahan rapat" / "untuk dibahas" notes, a number not yet filled in
("NOMOR ... TAHUN ...", "Nomor : ........") or an enactment date left blank
("pada tanggal ............"). A draft is never enacted, whoever's it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import fuzzy, squash

_MARK = re.compile(r"^\W*(?:RANCANGAN|DRAFT|DRAF|KONSEP)\b", re.IGNORECASE)
_MARK_INLINE = re.compile(r"[(\[-]\s*(?:DRAFT|DRAF|KONSEP|RANCANGAN)\s*[)\]-]|\bbahan\s+rapat\b|\buntuk\s+dibahas\b",
                          re.IGNORECASE)
_BLANK_DATE = re.compile(rf"{fuzzy('pada')}\s+{fuzzy('tanggal')}\s*:?\s*[.…_]{{3,}}", re.IGNORECASE)


def draft_mark(pages: Sequence[str]) -> str | None:
    """The line that marks the document a draft, from the top of its first page or a watermark line."""
    if not pages:
        return None
    lines = [squash(line) for line in pages[0].split("\n") if squash(line)]
    for line in lines[:12]:
        if _MARK.match(line) and len(line) < 120 or _MARK_INLINE.search(line):
            return line
    for line in lines:
        if re.fullmatch(r"\W*(?:DRAFT|DRAF|KONSEP|RANCANGAN)\W*", line, re.IGNORECASE):
            return line
    return None


def blank_enactment_date(pages: Sequence[str]) -> bool:
    """"Ditetapkan di ... pada tanggal ........": the date is left for the signing."""
    return any(_BLANK_DATE.search(page) for page in pages[-4:])
