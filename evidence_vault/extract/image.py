"""Image files (PNG, JPEG, TIFF, including multi-page TIFF): every frame is a scanned page.

Reading an image only counts and checks its pages; their text comes from OCR. Pillow's
decompression-bomb guard is turned into a clear refusal: a small file that claims
hundreds of megapixels would otherwise exhaust memory when decoded.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import ExtractionError
from .result import Extraction, Limits, PageText

log = logging.getLogger(__name__)


def read_image(path: Path, limits: Limits) -> Extraction:
    """Count the frames of an image file and check that the first one decodes."""
    with open_image(path) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > limits.max_pages:
            raise ExtractionError.too_many_pages(frames, limits.max_pages)
        load_frame(image, path, 1)
    return Extraction(pages=[PageText(number=index + 1, text="", needs_ocr=True) for index in range(frames)])


def open_image(path: Path) -> Image.Image:
    """Open an image file lazily, refusing decompression bombs and files Pillow cannot read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_large() from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        log.warning("cannot open %s as an image: %r", path, error)
        raise ExtractionError.corrupt("gambar", "isi gambar tidak terbaca") from None


def load_frame(image: Image.Image, path: Path, number: int) -> Image.Image:
    """Decode one frame (1-based) as 8-bit grayscale."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.seek(number - 1)
            if image.width * image.height > Image.MAX_IMAGE_PIXELS:
                raise too_large()
            image.load()
            if image.mode in {"RGBA", "LA", "PA", "P"}:
                image = image.convert("RGBA")
                flattened = Image.new("RGBA", image.size, "white")
                flattened.alpha_composite(image)
                image = flattened
            return image.convert("L")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_large() from None
    except (OSError, ValueError, EOFError, SyntaxError) as error:
        log.warning("frame %d of %s does not decode: %r", number, path, error)
        raise ExtractionError.corrupt("gambar", f"halaman {number} tidak dapat dibuka") from None


def too_large() -> ExtractionError:
    return ExtractionError(
        "memory",
        "Gambar ini terlalu besar untuk dibaca (lebih dari "
        f"{Image.MAX_IMAGE_PIXELS // 1_000_000} megapiksel per halaman). Pindai ulang dengan resolusi "
        "200 sampai 300 dpi, lalu unggah ulang.",
    )
