"""OCR of scanned pages with Tesseract (through pytesseract), in Bahasa Indonesia by default.

A page is turned into a picture first: a PDF page without a text layer is rendered with
PDFium (pypdfium2) at the resolution of the scan it holds, so the scanner's pixels reach
Tesseract unscaled; a frame of an image file is used as it is. Light cleaning follows
(`clean_scan`): grayscale, a 2× upscale of small scans, a 3×3 median filter, and for
speckled scans a threshold between ink and paper. `recognise_page` is what runs in the
isolated child process (see `isolation`), with `OMP_THREAD_LIMIT=1` so that parallel
workers do not fight over cores.

Whether OCR can run at all is asked once a minute (`unavailable_reason`): a missing
Tesseract or missing language data gives a message telling the admin what to install.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytesseract
from PIL import Image, ImageChops, ImageFilter, ImageOps

from .errors import ExtractionError
from .image import load_frame, open_image
from .isolation import CpuClock
from .result import Deadline, clean_text

log = logging.getLogger(__name__)

MIN_SCAN_DPI = 100
MAX_SCAN_DPI = 600
MAX_RENDER_PIXELS = 60_000_000
SCAN_COVERAGE = 0.6  # an image over this share of the page is "the scan"
UPSCALE_BELOW_WIDTH = 2000  # pixels: an A4 page scanned under about 170 dpi
INK_BIAS = 0.5  # threshold this far from the ink's mean towards Otsu's threshold: keeps thin strokes
SPECKLED = 0.02  # isolated dark pixels per dark pixel: print has under 0.002, a speckled scan over 0.1
CHECK_EVERY_SECONDS = 60
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-ind"
PENDING_HINT = "lalu jalankan `evidence-vault ocr --pending`"


@dataclass(frozen=True)
class OcrOptions:
    """How OCR runs; taken from the `[ocr]` settings."""

    enabled: bool = True
    language: str = "ind"
    tesseract_cmd: str = "tesseract"
    dpi: int = 300
    page_timeout_seconds: float = 60
    preprocess: bool = True


@dataclass(frozen=True)
class OcrPage:
    """What OCR read on one page; `error` (Indonesian) is set when it could not read it."""

    number: int
    text: str = ""
    confidence: float | None = None
    error: str = ""
    error_code: str = ""  # `ExtractionError.code`: "timeout" (a heavy page), "busy" (a busy server), ...


_checked: dict[tuple[str, str], tuple[float, str | None]] = {}
_checked_lock = threading.Lock()


def unavailable_reason(options: OcrOptions) -> str | None:
    """None when OCR can run; otherwise why not and what the admin should do (Indonesian)."""
    if not options.enabled:
        return ("OCR dimatikan di pengaturan (ocr.enabled). Admin dapat menyalakannya, "
                f"{PENDING_HINT}.")
    key = (options.tesseract_cmd, options.language)
    with _checked_lock:
        checked_at, reason = _checked.get(key, (0.0, None))
        if time.monotonic() - checked_at > CHECK_EVERY_SECONDS:
            reason = _probe(options)
            _checked[key] = (time.monotonic(), reason)
    return reason


def forget_checks() -> None:
    """Ask Tesseract again on the next check (after installing it, and in tests)."""
    with _checked_lock:
        _checked.clear()


def _probe(options: OcrOptions) -> str | None:
    command = shutil.which(options.tesseract_cmd)
    if command is None:
        return (f"Tesseract (program OCR) tidak ditemukan di server ({options.tesseract_cmd}), jadi halaman "
                f"pindaian belum dibaca. Admin: pasang dengan `{INSTALL_HINT}`, {PENDING_HINT}.")
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("cannot run %s: %r", command, error)
        return (f"Tesseract di {command} tidak dapat dijalankan ({error}). Admin: pasang ulang dengan "
                f"`{INSTALL_HINT}`, {PENDING_HINT}.")
    installed = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()[1:]}
    missing = [code for code in options.language.split("+") if code not in installed]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        return (f"Data bahasa Tesseract belum terpasang ({', '.join(missing)}), jadi halaman pindaian belum "
                f"dibaca. Admin: pasang dengan `apt-get install {packages}`, {PENDING_HINT}.")
    return None


def recognise_page(path: Path, type_name: str, number: int, options: OcrOptions) -> OcrPage:
    """Read one page (1-based) of a stored file with Tesseract; runs in the isolated child."""
    deadline, clock = Deadline(options.page_timeout_seconds), CpuClock()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        image = page_image(path, type_name, number, options.dpi)
        if options.preprocess:
            image = clean_scan(image)
    except MemoryError:
        raise ExtractionError.ocr_too_much_memory() from None
    if time.monotonic() > deadline.ends:
        raise _out_of_time(options.page_timeout_seconds, clock)
    pytesseract.pytesseract.tesseract_cmd = options.tesseract_cmd
    try:
        data = pytesseract.image_to_data(
            image, lang=options.language, config="--psm 3", output_type=pytesseract.Output.DICT,
            timeout=max(1.0, deadline.ends - time.monotonic()),
        )
    except pytesseract.TesseractNotFoundError:
        raise ExtractionError("ocr_unavailable", (
            f"Tesseract (program OCR) tidak ditemukan di server ({options.tesseract_cmd}), jadi halaman ini "
            f"belum dibaca. Admin: pasang dengan `{INSTALL_HINT}`, {PENDING_HINT}.")) from None
    except RuntimeError as error:  # pytesseract's timeout, and TesseractError
        if "timeout" in str(error).lower():
            raise _out_of_time(options.page_timeout_seconds, clock) from None
        log.warning("tesseract failed on page %d of %s: %s", number, path, error)
        raise ExtractionError.ocr_failed(number) from None
    text, confidence = text_and_confidence(data)
    return OcrPage(number=number, text=clean_text(text), confidence=confidence)


recognise_page.timeout_error = ExtractionError.ocr_timeout  # type: ignore[attr-defined]  # see call_isolated
recognise_page.busy_error = ExtractionError.ocr_busy  # type: ignore[attr-defined]


def _out_of_time(seconds: float, clock: CpuClock) -> ExtractionError:
    """Out of time: a busy server if the page hardly had the CPU, a page too heavy if it had it all along."""
    return ExtractionError.ocr_busy(seconds) if clock.starved() else ExtractionError.ocr_timeout(seconds)


def page_image(path: Path, type_name: str, number: int, dpi: int) -> Image.Image:
    """The page as an 8-bit grayscale picture."""
    if type_name == "pdf":
        return _render_pdf_page(path, number, dpi)
    with open_image(path) as image:
        return load_frame(image, path, number)


def _render_pdf_page(path: Path, number: int, dpi: int) -> Image.Image:
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        log.warning("PDFium cannot open %s: %r", path, error)
        raise ExtractionError.corrupt("PDF", "halaman tidak dapat digambar untuk OCR") from None
    try:
        page = document[number - 1]
        try:
            scale = _render_scale(page, dpi)
            bitmap = page.render(scale=scale, grayscale=True, no_smoothimage=True)
            return bitmap.to_pil().convert("L")
        finally:
            page.close()
    except pdfium.PdfiumError as error:
        log.warning("PDFium cannot render page %d of %s: %r", number, path, error)
        raise ExtractionError.corrupt("PDF", f"halaman {number} tidak dapat digambar untuk OCR") from None
    finally:
        document.close()


def _render_scale(page: pdfium.PdfPage, dpi: int) -> float:
    """Render at the resolution of the scan that fills the page (no resampling), else at `dpi`."""
    width, height = page.get_size()
    scale = dpi / 72
    best = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = image.get_bounds()
        area = (right - left) * (top - bottom)
        pixels_wide, pixels_high = image.get_px_size()
        if area > best and area >= SCAN_COVERAGE * width * height and right > left and top > bottom:
            best = area
            scale = max(pixels_wide, pixels_high) / max(right - left, top - bottom)
    scale = min(max(scale, MIN_SCAN_DPI / 72), MAX_SCAN_DPI / 72)
    if width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = (MAX_RENDER_PIXELS / (width * height)) ** 0.5
    return scale


def clean_scan(image: Image.Image) -> Image.Image:
    """Grayscale, enlarge small scans, and remove specks without eroding thin strokes.

    A speckled scan (many isolated dark pixels: dust, noise, a bad photocopy) is median
    filtered at its own resolution, enlarged and thresholded between ink and paper. Any
    other scan is enlarged first and only then median filtered, so that one-pixel strokes
    of a low-resolution scan survive; Tesseract binarises it itself.
    """
    gray = flatten_lighting(ImageOps.grayscale(image) if image.mode != "L" else image)
    histogram = gray.histogram()
    if speck_ratio(gray, otsu_threshold(histogram)) > SPECKLED:
        gray = _enlarge(gray.filter(ImageFilter.MedianFilter(3)))
        threshold = ink_threshold(gray.histogram())
        return gray.point(lambda value: 255 if value > threshold else 0, mode="1")
    return _enlarge(gray).filter(ImageFilter.MedianFilter(3))


def flatten_lighting(gray: Image.Image) -> Image.Image:
    """Even out a scan lit unevenly (a page darker at one edge, a photo's vignette).

    The paper's brightness is estimated on a small copy (the brightest nearby pixel, blurred)
    and the page is lifted to it: ink keeps its contrast with the paper around it. Without
    this, a global threshold takes a darker stretch of paper for ink and whole line starts
    disappear ("ICATE OF ACHIEVEMENT" for "CERTIFICATE OF ACHIEVEMENT").
    """
    small = gray.resize((max(1, gray.width // 8), max(1, gray.height // 8)), Image.Resampling.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(4))
    paper = paper.resize(gray.size, Image.Resampling.BILINEAR)
    return ImageChops.invert(ImageChops.subtract(paper, gray))


def _enlarge(gray: Image.Image) -> Image.Image:
    if gray.width >= UPSCALE_BELOW_WIDTH:
        return gray
    return gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.BICUBIC)


def speck_ratio(gray: Image.Image, threshold: int) -> float:
    """Share of dark pixels that have no dark neighbour: near 0 for print, high for speckled scans."""
    dark = gray.point(lambda value: 28 if value <= threshold else 0)  # 28 · 9 neighbours fit in a byte
    dark_count = dark.histogram()[28]
    if dark_count == 0:
        return 0.0
    sums = dark.filter(ImageFilter.Kernel((3, 3), [1] * 9, scale=1))
    isolated = Image.composite(sums, Image.new("L", gray.size, 0), dark.point(lambda value: 255 if value else 0))
    return isolated.histogram()[28] / dark_count


def otsu_threshold(histogram: list[int]) -> int:
    """The gray level that best separates ink from paper (Otsu's method)."""
    total = sum(histogram)
    weighted_total = sum(level * count for level, count in enumerate(histogram))
    below = weighted_below = 0
    best_level, best_spread = 127, -1.0
    for level, count in enumerate(histogram):
        below += count
        weighted_below += level * count
        above = total - below
        if below == 0 or above == 0:
            continue
        mean_below = weighted_below / below
        mean_above = (weighted_total - weighted_below) / above
        spread = below * above * (mean_below - mean_above) ** 2
        if spread > best_spread:
            best_level, best_spread = level, spread
    return best_level


def ink_threshold(histogram: list[int]) -> int:
    """Otsu's threshold pulled towards the mean of the ink, so thin and faint strokes survive."""
    otsu = otsu_threshold(histogram)
    ink = histogram[: otsu + 1]
    ink_mean = sum(level * count for level, count in enumerate(ink)) / max(1, sum(ink))
    return int(ink_mean + INK_BIAS * (otsu - ink_mean))


def text_and_confidence(data: dict[str, list]) -> tuple[str, float | None]:
    """Lines of words as Tesseract found them (a blank line between blocks), and the mean word confidence."""
    blocks: list[list[str]] = []
    lines: dict[tuple[int, int, int], list[str]] = {}
    scores: list[float] = []
    for index, word in enumerate(data.get("text", [])):
        word = (word or "").strip()
        if not word:
            continue
        key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        lines.setdefault(key, []).append(word)
        confidence = float(data["conf"][index])
        if confidence >= 0:
            scores.append(confidence)
    current: int | None = None
    for (block, _paragraph, _line), words in lines.items():
        if block != current:
            blocks.append([])
            current = block
        blocks[-1].append(" ".join(words))
    text = "\n\n".join("\n".join(block) for block in blocks)
    confidence = round(sum(scores) / len(scores) / 100, 3) if scores else None
    return text, confidence
