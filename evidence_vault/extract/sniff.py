"""Detect a file's type from its bytes; the name a user gave it is never consulted."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # the PDF specification lets junk precede the header


@dataclass(frozen=True)
class FileType:
    """A detected type: short name, MIME type, label for people, and whether we read it."""

    name: str
    mime: str
    label: str
    extractable: bool = False


PDF = FileType("pdf", "application/pdf", "PDF", extractable=True)
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (DOCX)",
    extractable=True,
)
DOCM = FileType("docm", "application/vnd.ms-word.document.macroEnabled.12", "Word dengan makro (DOCM)")
DOC = FileType("doc", "application/x-ole-storage", "Word lama (.doc) / Office terenkripsi")
ODT = FileType("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)")
XLSX = FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)")
PPTX = FileType(
    "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint (PPTX)"
)
ZIP = FileType("zip", "application/zip", "arsip ZIP")
# Scans saved as pictures: every page (a TIFF may hold several) is read by OCR.
PNG = FileType("png", "image/png", "gambar PNG", extractable=True)
JPEG = FileType("jpeg", "image/jpeg", "gambar JPEG", extractable=True)
TIFF = FileType("tiff", "image/tiff", "gambar TIFF", extractable=True)
GIF = FileType("gif", "image/gif", "gambar GIF")
RTF = FileType("rtf", "application/rtf", "RTF")
EMPTY = FileType("empty", "application/x-empty", "kosong")
UNKNOWN = FileType("unknown", "application/octet-stream", "tidak dikenal")

_PREFIXES: list[tuple[bytes, FileType]] = [
    (OLE_MAGIC, DOC),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"{\\rtf", RTF),
]


def detect_type(path: Path) -> FileType:
    """Look at the first bytes (and a ZIP's table of contents) to name the type."""
    with path.open("rb") as handle:
        head = handle.read(PDF_HEADER_WINDOW)
    if not head:
        return EMPTY
    if PDF_MAGIC in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    for prefix, file_type in _PREFIXES:
        if head.startswith(prefix):
            return file_type
    return UNKNOWN


def _zip_type(path: Path) -> FileType:
    """Office and OpenDocument files are ZIP packages; their members tell them apart."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "mimetype" in names and package.getinfo("mimetype").file_size < 256:
                if package.read("mimetype").strip() == ODT.mime.encode():
                    return ODT
            if "word/document.xml" in names:
                content_types = _small_member(package, "[Content_Types].xml")
                return DOCM if b"macroEnabled" in content_types else DOCX
            if any(name.startswith("xl/") for name in names):
                return XLSX
            if any(name.startswith("ppt/") for name in names):
                return PPTX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, NotImplementedError):
        return _damaged_zip_type(path)
    return ZIP


def _damaged_zip_type(path: Path) -> FileType:
    """A ZIP without its directory (a cut-off download): local headers still name the members.

    Calling a damaged DOCX a DOCX lets the reader say "damaged" instead of "unsupported".
    """
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    return DOCX if b"word/" in head else ZIP


def _small_member(package: zipfile.ZipFile, name: str, limit: int = 1024 * 1024) -> bytes:
    try:
        info = package.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > limit:
        return b""
    return package.read(name)
