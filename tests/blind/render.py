"""Render blind test document specs into the files a user would upload (PDF, DOCX, scanned PDF, PNG, JPEG).

Why: blind documents are written as plain specs (see README.md) so they stay reviewable; this turns them
into real files, deterministically, so that the vault is tested on what it will really be given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import random
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from fpdf import FPDF
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from tests.blind.damage import LEVELS, Damager

KINDS = {"pdf": "pdf", "docx": "docx", "scan": "pdf", "png": "png", "jpeg": "jpg"}
FIXED_DATE = dt.datetime(2024, 1, 2, 8, 0, 0, tzinfo=dt.UTC)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DPI = 200
_CAPS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # to measure a typical (wide) character
# punctuation a Word-typed spec may hold, mapped to what the PDF core fonts can show
_ASCII = str.maketrans({"\u2026": "...", "\u2264": "<=", "\u2265": ">=", "\u00a0": " "})
_ASCII.update(str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u2212", "''\"\"----"))


@dataclass
class Line:  # one text line; align is "L", "C" or "R"
    text: str
    align: str = "L"


@dataclass
class Table:  # a drawn table: rows of cells
    rows: list[list[str]]


Block = Line | Table


@dataclass
class Spec:
    """A parsed document spec: front matter plus pages of blocks."""

    id: str
    render: str = "pdf"
    damage: str = "none"
    seed: int = 0
    filename: str | None = None
    pages: list[list[Block]] = field(default_factory=list)


def parse_body(text: str) -> list[list[Block]]:
    """Split spec body text into pages of lines and tables (markers: <<<PAGE>>>, <<<TABLE>>>/<<<END>>>, ^, >)."""
    pages: list[list[Block]] = [[]]
    table: Table | None = None
    for raw in text.rstrip("\n").split("\n"):
        marker = raw.strip()
        if table is not None:
            if marker == "<<<END>>>":
                pages[-1] += [table] if table.rows else []
                table = None
            elif marker:
                table.rows.append([c.strip() for c in re.split(r"\s*\|\s*", marker)])
        elif marker == "<<<PAGE>>>":
            pages.append([])
        elif marker == "<<<TABLE>>>":
            table = Table([])
        elif raw.startswith(("^", ">")):
            pages[-1].append(Line(raw[1:].strip(), "C" if raw[0] == "^" else "R"))
        else:
            pages[-1].append(Line(raw.rstrip()))
    if table is not None:
        raise ValueError("<<<TABLE>>> without <<<END>>>")
    return pages


def parse(spec_path: str | Path) -> Spec:
    """Read a spec file: an optional '---' front-matter block of `key: value  # comment` lines, then the body."""
    path = Path(spec_path)
    text = path.read_text(encoding="utf-8")
    spec = Spec(id=path.stem, seed=int(hashlib.sha256(path.stem.encode()).hexdigest()[:8], 16))
    if text.startswith("---"):
        head, _, text = text[3:].partition("\n---\n")
        for line in head.splitlines():
            key, _, value = (part.strip() for part in re.sub(r"\s+#.*$", "", line).partition(":"))
            if key == "seed":
                spec.seed = int(value)
            elif key in ("render", "damage", "filename"):
                setattr(spec, key, value)
    if spec.render not in KINDS or spec.damage not in LEVELS:
        raise ValueError(f"{path}: render must be one of {sorted(KINDS)} and damage one of {LEVELS}")
    spec.pages = parse_body(text)
    return spec


def _damaged(pages: list[list[Block]], level: str, seed: int) -> list[list[Block]]:
    """Apply OCR-style damage to every line and cell; a damaged line may split in two (hyphenated break)."""
    damager = Damager(level, seed)
    out: list[list[Block]] = []
    for page in pages:
        blocks: list[Block] = []
        for block in page:
            if isinstance(block, Table):
                blocks.append(Table([[damager.line(c).replace("-\n", "") for c in row] for row in block.rows]))
            else:
                blocks.extend(Line(part, block.align) for part in damager.line(block.text).split("\n"))
        out.append(blocks)
    return out


def _latin1(text: str) -> str:
    """Transliterate to Latin-1 for the PDF core fonts: known punctuation, stripped accents, else '?'."""
    out = []
    for ch in text.translate(_ASCII):
        if ch.encode("latin-1", "ignore").decode("latin-1") != ch:
            base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            ch = "".join(c for c in base if not unicodedata.combining(c)) or "?"
        out.append(ch)
    return "".join(out)


def _col_widths(rows: list[list[str]], total: float, char_w: float) -> list[float]:
    """Each column as wide as its longest word (words are not cut, as in Word), the rest shared by content length."""
    cols = [[r[i] if i < len(r) else "" for r in rows] for i in range(max(map(len, rows)))]
    need = [(max((len(w) for c in col for w in c.split()), default=1) + 2) * char_w for col in cols]
    extra = [max(0.0, (min(60, max(map(len, col))) + 2) * char_w - n) for col, n in zip(cols, need, strict=True)]
    spare = total - sum(need)
    if spare <= 0:
        return [total * n / sum(need) for n in need]
    return [n + spare * (e / sum(extra) if sum(extra) else 1 / len(need)) for n, e in zip(need, extra, strict=True)]


def _pdf(pages: list[list[Block]], out: Path) -> None:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_font("Times", size=12)
    for page in pages:
        pdf.add_page()
        for block in page:
            if isinstance(block, Table):
                ncols = max(len(r) for r in block.rows)
                widths = _col_widths(block.rows, pdf.epw, pdf.get_string_width(_CAPS) / len(_CAPS))
                pdf.ln(2)
                with pdf.table(
                    col_widths=widths, first_row_as_headings=False, line_height=6, align="LEFT", text_align="LEFT"
                ) as table:
                    for row in block.rows:
                        cells = table.row()
                        for cell in row + [""] * (ncols - len(row)):
                            cells.cell(_latin1(cell))
                pdf.ln(3)
            elif not block.text.strip():
                pdf.ln(6)
            else:
                pdf.multi_cell(0, 6, _latin1(block.text), align=block.align, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))


def _docx(pages: list[list[Block]], out: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = Mm(25)
    section.right_margin = section.top_margin = section.bottom_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    aligns = {"L": WD_ALIGN_PARAGRAPH.LEFT, "C": WD_ALIGN_PARAGRAPH.CENTER, "R": WD_ALIGN_PARAGRAPH.RIGHT}
    for n, page in enumerate(pages):
        if n:
            doc.add_page_break()
        for block in page:
            if isinstance(block, Table):
                ncols = max(len(r) for r in block.rows)
                table = doc.add_table(rows=len(block.rows), cols=ncols)
                table.style = "Table Grid"
                for r, row in enumerate(block.rows):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
                doc.add_paragraph()
            else:
                doc.add_paragraph(block.text).alignment = aligns[block.align]
    props = doc.core_properties
    props.author = props.last_modified_by = ""
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    buf = io.BytesIO()
    doc.save(buf)
    # python-docx stamps zip entries with the current time; rewrite them with a fixed one for byte-identical output.
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 2, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap by rendered width; over-long words are cut by characters."""
    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if font.getlength(trial) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width:
            cut = max(1, next(i for i in range(len(word), 0, -1) if font.getlength(word[:i]) <= width))
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    return lines + [current]


def _page_images(pages: list[list[Block]]) -> list[Image.Image]:
    """Lay the pages out as white A4 grayscale images at DPI with DejaVu Serif, breaking pages on overflow."""
    mm = DPI / 25.4
    size = (round(210 * mm), round(297 * mm))
    left, right, top, bottom = round(25 * mm), size[0] - round(20 * mm), round(20 * mm), size[1] - round(20 * mm)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), round(11.5 * DPI / 72))
    lh = round(font.size * 1.4)
    images: list[Image.Image] = []
    state: dict = {}

    def new_page() -> None:
        images.append(Image.new("L", size, 255))
        state.update(draw=ImageDraw.Draw(images[-1]), y=top)

    for page in pages:
        new_page()
        for block in page:
            if isinstance(block, Line):
                for text in _wrap(block.text, font, right - left) if block.text.strip() else [""]:
                    if state["y"] + lh > bottom:
                        new_page()
                    w = font.getlength(text)
                    x = {"L": left, "C": (left + right - w) / 2, "R": right - w}[block.align]
                    state["draw"].text((x, state["y"]), text, fill=0, font=font)
                    state["y"] += lh
                continue
            ncols = max(len(r) for r in block.rows)
            widths = _col_widths(block.rows, right - left, font.getlength(_CAPS) / len(_CAPS))
            for row in block.rows:
                cells = [_wrap(c, font, w - 16) for c, w in zip(row + [""] * (ncols - len(row)), widths, strict=True)]
                height = max(len(c) for c in cells) * lh + 12
                if state["y"] + height > bottom:
                    new_page()
                x = left
                for lines, w in zip(cells, widths, strict=True):
                    state["draw"].rectangle((x, state["y"], x + w, state["y"] + height), outline=0, width=2)
                    for i, text in enumerate(lines):
                        state["draw"].text((x + 8, state["y"] + 6 + i * lh), text, fill=0, font=font)
                    x += w
                state["y"] += height
            state["y"] += lh // 2
    return images


def _scanned(pages: list[list[Block]], seed: int) -> list[Image.Image]:
    """Page images made to look scanned: speckles, a tilt under 1 degree, slight blur, uneven lighting and ink."""
    rng, scans = random.Random(f"scan:{seed}"), []
    for img in _page_images(pages):
        draw = ImageDraw.Draw(img)
        for _ in range(rng.randint(150, 450)):
            x, y, r = rng.randrange(img.width), rng.randrange(img.height), rng.choice((1, 1, 1, 2, 3))
            draw.ellipse((x, y, x + r, y + r), fill=rng.randint(0, 140))
        img = img.rotate(rng.uniform(-0.9, 0.9), resample=Image.Resampling.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
        low, ink = rng.randint(200, 230), rng.randint(25, 70)
        shade = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize(img.size)
        ink_layer = img.point(lambda v, ink=ink: ink + v * (255 - ink) // 255)
        scans.append(ImageChops.multiply(ink_layer, shade.point(lambda v, low=low: low + v * (255 - low) // 255)))
    return scans


def _write(pages: list[list[Block]], kind: str, out: Path, damage: str, seed: int) -> Path:
    """Render pages of blocks as `kind` into out; damage applies to text-layer kinds only."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind in ("pdf", "docx"):
        if damage != "none":
            pages = _damaged(pages, damage, seed)
        (_pdf if kind == "pdf" else _docx)(pages, out)
    elif kind == "scan":
        pdf = FPDF(format="A4", unit="mm")
        pdf.set_creation_date(FIXED_DATE)
        pdf.set_image_filter("DCTDecode")
        for img in _scanned(pages, seed):
            pdf.add_page()
            pdf.image(img, x=0, y=0, w=210, h=297)
        pdf.output(str(out))
    elif kind in ("png", "jpeg"):
        first = _scanned(pages[:1], seed)[0]
        first.save(out, "PNG" if kind == "png" else "JPEG", **({} if kind == "png" else {"quality": 82}))
    else:
        raise ValueError(f"unknown render kind {kind!r}")
    return out


def render_text(text: str, kind: str, out_path: str | Path, *, damage: str = "none", seed: int = 0) -> Path:
    """Render plain text (spec-body markers allowed but optional) as `kind` to out_path."""
    return _write(parse_body(text), kind, Path(out_path), damage, seed)


def render(spec_path: str | Path, out_dir: str | Path) -> Path:
    """Render one spec file into out_dir, named by its `filename` or `<id>.<ext>`; returns the path."""
    spec = parse(spec_path)
    out = Path(out_dir) / (spec.filename or f"{spec.id}.{KINDS[spec.render]}")
    return _write(spec.pages, spec.render, out, spec.damage, spec.seed)


def main(argv: list[str] | None = None) -> None:
    """CLI: render every *.txt spec under SRC_DIR into OUT_DIR, keeping sub-folders."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("src_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    specs = sorted(args.src_dir.rglob("*.txt"))
    for spec in specs:
        print(render(spec, args.out_dir / spec.parent.relative_to(args.src_dir)))
    print(f"{len(specs)} documents rendered into {args.out_dir}")


if __name__ == "__main__":
    main()
