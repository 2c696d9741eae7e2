"""Build realistic PDF, DOCX and scan image files in memory, for the demo vault, tests and benchmarks.

Generated rather than shipped: no binary fixtures in the repository, and each test
can build exactly the document it needs.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from docx import Document as DocxDocument
from docx.enum.text import WD_BREAK
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# A fixed creation date makes the same content give the same bytes (and the same hash).
CREATED = datetime(2024, 1, 1, tzinfo=UTC)


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    return pdf


def pdf_document(pages: Sequence[str], title: str = "") -> bytes:
    """A text PDF, one string per page (Latin-1 text: the core fonts need no font files)."""
    pdf = _new_pdf()
    pdf.set_auto_page_break(auto=True, margin=20)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def page_image(lines: Sequence[str], width: int = 1240, height: int = 1754) -> Image.Image:
    """A white A4 page at 150 dpi with black text: what a flatbed scan of a letter looks like."""
    image = Image.new("L", (width, height), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    y = 120
    for line in lines:
        draw.text((110, y), line, fill=0, font=font)
        y += 44
    return image


def degraded(image: Image.Image, *, angle: float = 1.5, specks: float = 0.03, blur: float = 0.8,
             quality: int = 35, seed: int = 7) -> Image.Image:
    """The same page as a tired scanner leaves it: slightly rotated, blurred, grey paper, dark specks, JPEG.

    `specks` is the share of pixels turned black; the same seed gives the same picture.
    """
    rng = random.Random(seed)
    image = image.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(blur)).point(lambda value: 90 + value * 135 // 255)
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
    image.paste(0, mask=noise.point(lambda value: 255 if value < specks * 256 else 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as compressed:
        return compressed.convert("L")


def scanned_pdf(pages: Sequence[Sequence[str]], *, degrade: bool = False) -> bytes:
    """An image-only PDF: every page is a picture of text, with no text layer at all."""
    pdf = _new_pdf()
    for lines in pages:
        pdf.add_page()
        image = page_image(lines)
        pdf.image(degraded(image) if degrade else image, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def image_file(pages: Sequence[Sequence[str]], image_format: str = "PNG", *, degrade: bool = False) -> bytes:
    """A scan saved as a picture (PNG, JPEG, or TIFF, which holds several pages)."""
    images = [degraded(page_image(lines)) if degrade else page_image(lines) for lines in pages]
    buffer = io.BytesIO()
    pages_after = {"save_all": True, "append_images": images[1:], "compression": "tiff_deflate"}
    images[0].save(buffer, image_format, dpi=(150, 150), **(pages_after if image_format == "TIFF" else {}))
    return buffer.getvalue()


def docx_document(
    paragraphs: Sequence[str],
    *,
    table: Sequence[Sequence[str]] = (),
    header: str = "",
    footer: str = "",
    page_break_before: Sequence[int] = (),
    title: str = "",
) -> bytes:
    """A DOCX with body paragraphs, an optional table after them, header, footer and page breaks.

    `page_break_before` holds indexes of paragraphs that start a new page.
    """
    document = DocxDocument()
    if title:
        document.core_properties.title = title
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    for index, text in enumerate(paragraphs):
        if index in page_break_before:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for row_cells, row in zip(grid.rows, table, strict=True):
            for cell, text in zip(row_cells.cells, row, strict=False):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return _without_timestamps(buffer.getvalue())


def _without_timestamps(package: bytes) -> bytes:
    """Rewrite a ZIP with fixed member dates: python-docx stamps each member with the time of saving."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(item.filename))
    return buffer.getvalue()
