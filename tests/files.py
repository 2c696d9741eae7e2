"""Hostile and unusual files the tests build themselves (ordinary ones come from `samples`)."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfReader, PdfWriter

from evidence_vault.demo import samples


def encrypted_pdf(user_password: str, owner_password: str = "pemilik-rahasia") -> bytes:
    """A PDF locked with a user password; an empty one only restricts editing."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(samples.pdf_document(["Dokumen rahasia Pasal 1"]))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    """The first third of a real PDF, as a broken download leaves it."""
    whole = samples.pdf_document(["Halaman satu " * 50, "Halaman dua " * 50])
    return whole[: len(whole) // 3]


def zip_bomb_docx(inflated_mb: int = 300) -> bytes:
    """A valid-looking DOCX whose document part inflates to hundreds of MiB."""
    template = zipfile.ZipFile(io.BytesIO(samples.docx_document(["isi"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in template.infolist():
            if item.filename == "word/document.xml":
                continue
            bomb.writestr(item, template.read(item.filename))
        with bomb.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                member.write(chunk)
    return buffer.getvalue()


def docx_with_macro_content_type() -> bytes:
    """A DOCX package declaring itself macro-enabled (a .docm)."""
    source = zipfile.ZipFile(io.BytesIO(samples.docx_document(["makro"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            target.writestr(item, data)
    return buffer.getvalue()


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        package.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("catatan.txt", "bukan dokumen")
    return buffer.getvalue()


OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
PDF_GARBAGE = b"%PDF-1.7\n" + b"ini bukan PDF sungguhan " * 40


def huge_docx(paragraphs: int) -> bytes:
    """A well-formed DOCX with very many paragraphs: small on disk, huge once parsed."""
    template = zipfile.ZipFile(io.BytesIO(samples.docx_document(["isi"])))
    head = template.read("word/document.xml").partition(b"<w:body>")[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for item in template.infolist():
            if item.filename != "word/document.xml":
                package.writestr(item, template.read(item.filename))
        with package.open("word/document.xml", "w") as member:
            member.write(head + b"<w:body>")
            chunk = b"<w:p><w:r><w:t>data</w:t></w:r></w:p>" * 10_000
            for _ in range(paragraphs // 10_000):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()
