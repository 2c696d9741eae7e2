"""Make a user-supplied file name safe to keep and show; it is never used as a path."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..plaintext import clean

MAX_LENGTH = 255


def display_name(raw: str | None) -> str:
    """The last path component, without control or direction-override characters, at most 255 chars.

    A right-to-left override can make "laporan\u202efdp.exe" look like "laporanexe.pdf";
    removing it shows the name as it really is.
    """
    name = clean(raw or "").replace("\\", "/")
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
