"""Type detection from content, whatever the file is called."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_vault.demo import samples
from evidence_vault.extract import detect_type

from .. import files

CASES = [
    ("pdf", lambda: samples.pdf_document(["teks"]), "application/pdf"),
    ("pdf", lambda: b"\xef\xbb\xbfsampah-di-depan\n" + samples.pdf_document(["teks"]), "application/pdf"),
    ("docx", lambda: samples.docx_document(["teks"]),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("docm", files.docx_with_macro_content_type, "application/vnd.ms-word.document.macroEnabled.12"),
    ("odt", files.odt, "application/vnd.oasis.opendocument.text"),
    ("zip", files.plain_zip, "application/zip"),
    ("doc", lambda: files.OLE_DOC, "application/x-ole-storage"),
    ("png", lambda: files.PNG, "image/png"),
    ("empty", lambda: b"", "application/x-empty"),
    ("unknown", lambda: b"<html><script>alert(1)</script></html>", "application/octet-stream"),
]


@pytest.mark.parametrize(("expected", "build", "mime"), CASES)
def test_type_comes_from_the_bytes_not_the_name(tmp_path: Path, expected, build, mime) -> None:
    path = tmp_path / "menyesatkan.pdf.docx"
    path.write_bytes(build())
    detected = detect_type(path)
    assert (detected.name, detected.mime) == (expected, mime)
