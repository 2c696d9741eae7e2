"""Text made safe to keep, show and export, whoever typed it or whatever file it came from.

Two kinds of character do harm and carry no meaning in a regulation's title or a note:

- control characters (C0 apart from tab and line feed, DEL, C1) and the noncharacters
  U+FFFE/U+FFFF: XML cannot hold them, so one of them in any cell made openpyxl refuse the
  whole workbook; they also garble terminals and CSV readers;
- direction overrides, embeddings, isolates and marks (U+202A–U+202E, U+2066–U+2069,
  U+200E/U+200F, U+061C) and zero-width characters: they make text display other than it
  reads ("laporan\u202efdp.exe" shows as "laporanexe.pdf").

`clean` removes both; typed fields pass through it on input (`web.forms`), file names
(`pipeline.filenames`) and every export (`reports`) too, for text stored before or read
from files.
"""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff\ud800-\udfff]")


def clean(text: str, *, multiline: bool = False) -> str:
    """The text without control, direction-override and zero-width characters.

    Line breaks (any of CR LF, CR, LF) become one LF when `multiline` (a text area), a
    space otherwise; tabs become spaces. Unicode is normalised to NFC, so the same words
    typed on different systems compare equal.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    if not multiline:
        text = text.replace("\n", " ")
    return INVISIBLE.sub("", text)
