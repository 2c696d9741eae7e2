"""The document pipeline, in order. Each stage is a module of its own; this is the diagram.

    detect type → extract text (pdf, docx, images) → OCR of scanned pages → legal
    metadata (+ validity findings) → indicator suggestions → (store in the database)
    → search index

`analyse` runs the stages that only read the file; `ingest` stores the result and
records it in one transaction (document, pages, legal fields, suggestions, audit event).
OCR is the slow stage: `analyse(..., ocr=True)` runs it before the legal metadata (the
command line and bulk ingest do); a web upload is recorded without it and `scans`
finishes it in the background, reading the legal metadata and suggestions again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import tagging
from ..config import Settings
from ..extract import (
    Extraction,
    ExtractionError,
    FileType,
    Limits,
    OcrOptions,
    apply_ocr,
    detect_type,
    extract_file,
    ocr_unavailable_reason,
    recognise_pages,
)
from ..extract.sniff import EMPTY
from ..frameworks import DEFAULT_FRAMEWORK
from ..frameworks.registry import framework_by_code
from ..legal import FieldValue, LegalMetadata, read_legal, rules
from ..legal.rules import Finding
from ..tagging import Suggestion
from ..tagging.coverage import Source, coverage, elements_of
from .filenames import title_from_name

if TYPE_CHECKING:  # the models bring the database layer, which bulk-ingest workers never need (`intake`)
    from ..models import ExtractionStatus

LOW_CONFIDENCE = 0.6
_JUNK_TITLE = re.compile(r"^(microsoft word|untitled|draf|file:|[a-z]:\\)|\.(docx?|rtf|pdf|odt)$", re.IGNORECASE)


@dataclass(frozen=True)
class Analysis:
    """What the read-only stages learned about one file."""

    file_type: FileType
    extraction: Extraction | None = None
    error: ExtractionError | None = None
    metadata: LegalMetadata = field(default_factory=LegalMetadata)
    indicator_suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        """Findings from the document alone (its organisation and relations are not known here)."""
        has_text = self.extraction is not None and self.extraction.text_chars > 0
        return rules.evaluate(rules.Facts(values=self.metadata_values, has_text=has_text))

    @property
    def metadata_values(self) -> dict[str, str | None]:
        return {name: value.value for name, value in self.metadata.fields.items()}

    @property
    def status(self) -> ExtractionStatus:
        from ..models import ExtractionStatus

        if self.error is not None:
            return ExtractionStatus.FAILED
        assert self.extraction is not None
        return reading_status(self.extraction)

    @property
    def message(self) -> str:
        """What the user is told about the extraction, in Bahasa Indonesia."""
        if self.error is not None:
            return self.error.message
        assert self.extraction is not None
        return extraction_message(self.extraction)


def reading_status(extraction: Extraction) -> ExtractionStatus:
    """OK only when text was read: pages waiting for OCR need it; pages that gave nothing, even
    to OCR (an image too small, blurred or blank), failed to be read."""
    from ..models import ExtractionStatus

    if extraction.needs_ocr:
        return ExtractionStatus.NEEDS_OCR
    return ExtractionStatus.OK if extraction.text_chars > 0 else ExtractionStatus.FAILED


NO_TEXT = ("Berkas tersimpan, tetapi tidak ada teks yang terbaca{ocr}: gambarnya mungkin terlalu kecil, buram "
           "atau kosong. Pindai ulang dengan resolusi minimal 200 dpi (atau unggah PDF yang memiliki teks), lalu "
           "unggah ulang.")


def extraction_message(extraction: Extraction) -> str:
    """The reading status of a document's pages, with OCR's part, in Bahasa Indonesia."""
    notes = []
    if not extraction.needs_ocr and extraction.text_chars == 0:
        ocr = any(page.ocr_applied for page in extraction.pages)
        return " ".join([NO_TEXT.format(ocr=", juga dengan OCR" if ocr else ""), *extraction.warnings])
    read = [page for page in extraction.pages if page.ocr_applied]
    if read:
        confidence = extraction.ocr_confidence
        note = (f"Teks {len(read)} halaman pindaian dibaca dengan OCR "
                f"(halaman {page_list(page.number for page in read)}")
        note += f"; keyakinan rata-rata {confidence:.0%})." if confidence is not None else ")."
        if confidence is not None and confidence < LOW_CONFIDENCE:
            note += " Hasilnya kurang meyakinkan: cocokkan teksnya dengan berkas asli."
        notes.append(note)
    if extraction.needs_ocr:
        waiting = extraction.waiting_pages
        notes.append(f"Perlu OCR: {len(waiting)} dari {extraction.page_count} halaman berupa gambar pindaian "
                     f"tanpa teks (halaman {page_list(waiting)}).")
    return " ".join(notes + list(extraction.warnings))


def page_list(numbers: Iterable[int], shown: int = 20) -> str:
    """"1, 2, 5" — the first `shown` page numbers, then "dan lainnya"."""
    numbers = list(numbers)
    more = " dan lainnya" if len(numbers) > shown else ""
    return ", ".join(str(number) for number in numbers[:shown]) + more


def limits_from(settings: Settings) -> Limits:
    return Limits(
        max_pages=settings.get("extract", "max_pages"),
        timeout_seconds=settings.get("extract", "timeout_seconds"),
        max_memory_mb=settings.get("extract", "max_memory_mb"),
        isolate=settings.get("extract", "isolate"),
        min_page_chars=settings.get("extract", "min_page_chars"),
        docx_max_uncompressed_bytes=settings.get("extract", "docx_max_uncompressed_bytes"),
        docx_max_ratio=settings.get("extract", "docx_max_ratio"),
    )


def ocr_options_from(settings: Settings) -> OcrOptions:
    return OcrOptions(
        enabled=settings.get("ocr", "enabled"),
        language=settings.get("ocr", "language"),
        tesseract_cmd=settings.get("ocr", "tesseract_cmd"),
        dpi=settings.get("ocr", "dpi"),
        page_timeout_seconds=settings.get("ocr", "page_timeout_seconds"),
        preprocess=settings.get("ocr", "preprocess"),
    )


def analyse(path: Path, settings: Settings, framework: str = DEFAULT_FRAMEWORK, *, ocr: bool = False) -> Analysis:
    """Run the read-only stages over one file, in order; failures become a clear error.

    With `ocr`, scanned pages are read by OCR before the legal metadata is; without it
    they stay marked for OCR (a web upload leaves them to the background worker).
    """
    file_type = detect_type(path)
    try:
        extraction = extract_text(path, file_type, settings)
    except ExtractionError as error:
        return Analysis(file_type=file_type, error=error)
    if ocr:
        extraction = recognise_scans(path, file_type, extraction, settings)
    pages = [page.text for page in extraction.pages]
    metadata = picture_kind(read_legal(pages), file_type)
    suggestions = suggest_indicators(metadata, pages, framework, fallback_title=extraction.title or path.name)
    return Analysis(file_type=file_type, extraction=extraction, metadata=metadata, indicator_suggestions=suggestions)


IMAGES = {"jpeg", "png", "tiff"}


def picture_kind(metadata: LegalMetadata, file_type: FileType) -> LegalMetadata:
    """An image upload the text does not name is a screenshot or photo: documentation (dokumentasi)."""
    if file_type.name not in IMAGES or metadata.value("jenis"):
        return metadata
    guessed = FieldValue("dokumentasi", matched=f"berkas gambar ({file_type.name})", confidence=0.5)
    return replace(metadata, fields={**metadata.fields, "jenis": guessed})


def suggest_indicators(metadata: LegalMetadata, pages: list[str], framework: str,
                       fallback_title: str = "") -> list[Suggestion]:
    """Stage: indicator suggestions from the title, subject and text (never links anything)."""
    if not any(page.strip() for page in pages):
        return []
    values = {name: value.value for name, value in metadata.fields.items()}
    return tagging.suggest(framework_by_code(framework), title=values.get("judul") or fallback_title,
                           about=values.get("tentang") or "", pages=pages, kind=values.get("jenis"))


def extract_text(path: Path, file_type: FileType, settings: Settings) -> Extraction:
    """Stage: check the type against what this vault accepts, then read the text."""
    if file_type is EMPTY:
        raise ExtractionError.empty()
    allowed = settings.get("upload", "allowed_types")
    if file_type.extractable and file_type.name not in allowed:
        raise ExtractionError.not_allowed(file_type, allowed)
    return extract_file(path, file_type, limits_from(settings))


def recognise_scans(path: Path, file_type: FileType, extraction: Extraction, settings: Settings) -> Extraction:
    """Stage: OCR of the scanned pages; when OCR cannot run they stay marked, with the reason noted."""
    if not extraction.waiting_pages:
        return extraction
    options = ocr_options_from(settings)
    reason = ocr_unavailable_reason(options)
    if reason:
        return replace(extraction, warnings=[*extraction.warnings, reason])
    found = recognise_pages(path, file_type, extraction.waiting_pages, limits_from(settings), options)
    return apply_ocr(extraction, found)


def document_title(analysis: Analysis, filename: str) -> str:
    """The embedded title when it is meaningful, else one made from the file name."""
    embedded = analysis.extraction.title.strip() if analysis.extraction else ""
    if len(embedded) >= 4 and not _JUNK_TITLE.search(embedded):
        return embedded
    return title_from_name(filename)


def report(path: Path, analysis: Analysis) -> dict[str, Any]:
    """The `inspect --json` object; keys are only ever added, never renamed."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    extraction = analysis.extraction
    return {
        "file": str(path),
        "sha256": digest.hexdigest(),
        "mime": analysis.file_type.mime,
        "file_type": analysis.file_type.name,
        "pages": extraction.page_count if extraction else 0,
        "text_chars": extraction.text_chars if extraction else 0,
        "needs_ocr": extraction.needs_ocr if extraction else False,
        "ocr_pages": extraction.ocr_pages if extraction else [],
        "ocr_applied": extraction.ocr_applied if extraction else False,
        "ocr_confidence": extraction.ocr_confidence if extraction else None,
        "title": document_title(analysis, path.name),
        "error": {"code": analysis.error.code, "message": analysis.error.message} if analysis.error else None,
        "legal": analysis.metadata.as_dict() if analysis.metadata.fields else {},
        "indicator_suggestions": [suggestion.to_dict() for suggestion in analysis.indicator_suggestions],
        "findings": [finding.as_dict() for finding in analysis.findings],
        "coverage": coverage_report(analysis),
    }


def coverage_report(analysis: Analysis) -> list[dict[str, Any]]:
    """Per suggested indicator with content elements: what this document regulates, and where."""
    if analysis.extraction is None:
        return []
    pages = [page.text for page in analysis.extraction.pages]
    found = []
    for suggestion in analysis.indicator_suggestions:
        elements = elements_of(framework_by_code(suggestion.framework).indicator(suggestion.indicator))
        if not elements:
            continue
        statuses = coverage(elements, [Source(0, pages)])
        found.append({
            "framework": suggestion.framework, "indicator": suggestion.indicator,
            "found": [{"element": s.element.label, "level": s.element.level, "page": s.hit.page, "pasal": s.hit.pasal,
                       "ayat": s.hit.ayat, "quote": s.hit.quote} for s in statuses if s.hit],
            "missing": [s.element.label for s in statuses if not s.hit],
        })
    return found
