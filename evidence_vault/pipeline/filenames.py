"""Make a user-supplied file name safe to keep and show; it is never used as a path."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

MAX_LENGTH = 255
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def display_name(raw: str | None) -> str:
    """The last path component, without control or direction-override characters, at most 255 chars.

    A right-to-left override can make "laporan\u202efdp.exe" look like "laporanexe.pdf";
    removing it shows the name as it really is.
    """
    name = unicodedata.normalize("NFC", raw or "")
    name = _INVISIBLE.sub("", name).replace("\\", "/")
    name = PurePosixPath(name).name.strip().lstrip(".")
    name = " ".join(name.split())
    if not name:
        return "tanpa-nama"
    if len(name) > MAX_LENGTH:
        stem, dot, suffix = name.rpartition(".")
        if dot and 0 < len(suffix) <= 10:
            name = stem[: MAX_LENGTH - len(suffix) - 1] + "." + suffix
        else:
            name = name[:MAX_LENGTH]
    return name


def title_from_name(name: str) -> str:
    """A readable fallback title: the name without its extension, separators as spaces."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return " ".join(re.sub(r"[_]+", " ", stem).split())[:500] or name
