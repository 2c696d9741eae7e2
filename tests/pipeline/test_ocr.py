"""OCR of scanned pages: a degraded scanned decree read in Indonesian, images, cleaning, and a missing Tesseract.

Tests that need Tesseract fail in CI when it is missing (`make test` installs it) and
are skipped on a machine without it.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.config import Settings, load_settings
from evidence_vault.demo import samples
from evidence_vault.extract import ExtractionError, Limits, OcrOptions, detect_type, extract_file, ocr
from evidence_vault.models import Document, DocumentPage, Event, IndicatorLink, LegalField
from evidence_vault.pipeline import stages

DECREE = [
    "KEPUTUSAN BUPATI BADUNG",
    "NOMOR 188.45/123/HK/2023",
    "TENTANG",
    "PEMBENTUKAN TIM KOORDINASI",
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
    "",
    "BUPATI BADUNG,",
    "Menimbang : a. bahwa untuk melaksanakan Peraturan Presiden Nomor 95",
    "Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
    "MEMUTUSKAN:",
    "Menetapkan : KEPUTUSAN BUPATI TENTANG PEMBENTUKAN TIM KOORDINASI",
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.",
    "Ditetapkan di Mangupura",
    "pada tanggal 14 Maret 2023",
    "BUPATI BADUNG,",
    "I NYOMAN GIRI PRASTA",
]
TITLE = "PEMBENTUKAN TIM KOORDINASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
NUMBER = "188.45/123/HK/2023"
MISSING_TESSERACT = "/tidak/ada/tesseract"


def require_tesseract(settings: Settings) -> None:
    """Tesseract with the Indonesian data: a failure in CI, a skip elsewhere."""
    reason = ocr.unavailable_reason(stages.ocr_options_from(settings))
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"OCR tests need Tesseract in CI (`make test` installs it): {reason}")
    pytest.skip(reason)


def accuracy(expected: str, found: str) -> float:
    """Character accuracy: 1 - edit distance / length, over text with spaces normalised."""
    expected, found = " ".join(expected.split()), " ".join(found.split())
    previous = list(range(len(found) + 1))
    for i, wanted in enumerate(expected, 1):
        current = [i]
        for j, got in enumerate(found, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (wanted != got)))
        previous = current
    return max(0.0, 1 - previous[-1] / len(expected))


def test_a_degraded_scanned_decree_is_read_with_its_number_and_title(settings: Settings, tmp_path: Path) -> None:
    """Rotated 1.5°, blurred, grey, speckled, JPEG-compressed, 150 dpi, inside a PDF with no text layer."""
    require_tesseract(settings)
    path = tmp_path / "sk-pindaian.pdf"
    path.write_bytes(samples.scanned_pdf([DECREE], degrade=True))
    analysis = stages.analyse(path, settings, ocr=True)
    page = analysis.extraction.pages[0]  # type: ignore[union-attr]
    assert page.ocr_applied and page.ocr_confidence is not None and page.ocr_confidence > 0.6
    values = analysis.metadata_values
    assert values["nomor"] == NUMBER
    assert values["tentang"] == TITLE
    assert values["jenis"] == "kepbup" and values["tanggal_penetapan"] == "2023-03-14"
    assert analysis.status.value == "ok"
    assert "dibaca dengan OCR (halaman 1" in analysis.message
    report = stages.report(path, analysis)
    assert report["ocr_applied"] is True and report["needs_ocr"] is False and report["ocr_pages"] == [1]


def test_cleaning_turns_an_unreadable_scan_into_text(settings: Settings, tmp_path: Path) -> None:
    """The measured case of docs/benchmarks.md: the same degraded scan with and without `clean_scan`."""
    require_tesseract(settings)
    path = tmp_path / "pindaian.png"
    samples.degraded(samples.page_image(DECREE[:9]), specks=0.05, blur=1.0).save(path)
    expected = "\n".join(DECREE[:9])
    raw = ocr.recognise_page(path, "png", 1, OcrOptions(preprocess=False))
    cleaned = ocr.recognise_page(path, "png", 1, OcrOptions(preprocess=True))
    assert accuracy(expected, cleaned.text) > 0.9
    assert accuracy(expected, cleaned.text) > accuracy(expected, raw.text) + 0.3


@pytest.mark.parametrize(("options", "expected"), [
    (OcrOptions(enabled=False), "ocr.enabled"),
    (OcrOptions(tesseract_cmd=MISSING_TESSERACT), "apt-get install tesseract-ocr tesseract-ocr-ind"),
])
def test_why_ocr_cannot_run_is_explained(options: OcrOptions, expected: str) -> None:
    reason = ocr.unavailable_reason(options)
    assert reason is not None and expected in reason and "evidence-vault ocr --pending" in reason


def test_missing_language_data_names_its_package(settings: Settings) -> None:
    require_tesseract(settings)
    reason = ocr.unavailable_reason(OcrOptions(language="ind+xyz"))
    assert reason is not None and "apt-get install tesseract-ocr-xyz" in reason


def test_missing_tesseract_marks_needs_ocr_and_ocr_pending_finishes_later(
        cli, initialised, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app works without Tesseract; the admin installs it and runs `ocr --pending`."""
    require_tesseract(settings)
    scan = tmp_path / "sk-walidata.pdf"
    scan.write_bytes(samples.scanned_pdf([DECREE]))
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", MISSING_TESSERACT)

    imported = cli("ingest", str(scan), "--org", "badung")
    assert imported.exit_code == 0, imported.output
    assert "Perlu OCR" in imported.output and "apt-get install tesseract-ocr tesseract-ocr-ind" in imported.output
    document = _only_document()
    assert (document.extraction_status, document.ocr_waiting, document.kind) == ("needs_ocr", 1, None)
    still_missing = cli("ocr", "--pending")
    assert still_missing.exit_code == 1 and "Tesseract (program OCR) tidak ditemukan" in still_missing.output

    monkeypatch.delenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD")  # "installed"
    finished = cli("ocr", "--pending")
    assert finished.exit_code == 0, finished.output
    assert "1 dokumen · 1 halaman terbaca dengan OCR · 0 dokumen masih perlu OCR" in finished.output
    document = _only_document()
    assert (document.extraction_status, document.ocr_page_count, document.ocr_waiting) == ("ok", 1, 0)
    assert document.kind == "kepbup" and document.title.startswith("Keputusan Bupati Badung Nomor 188.45")
    with Session(db.make_engine(load_settings())) as session:
        page = session.exec(select(DocumentPage)).one()
        fields = {field.name: field.value for field in session.exec(select(LegalField))}
        suggested = session.exec(select(IndicatorLink)).all()
        actions = [event.action for event in session.exec(select(Event).where(Event.object_type == "document"))]
    assert page.source == "ocr" and not page.needs_ocr and NUMBER in page.text
    assert fields["nomor"] == NUMBER and fields["tentang"] == TITLE
    assert suggested, "the SPBE team decree is suggested for an indicator once its text is known"
    assert actions == ["document.upload", "document.ocr"]
    assert cli("ocr", "--pending").output.startswith("Tidak ada dokumen")


def _only_document() -> Document:
    with Session(db.make_engine(load_settings())) as session:
        return session.exec(select(Document)).one()


# --- image files, without Tesseract --------------------------------------------------------


def test_a_multi_page_tiff_counts_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "pindaian"
    path.write_bytes(samples.image_file([["SATU"], ["DUA"], ["TIGA"]], "TIFF"))
    result = extract_file(path, detect_type(path), Limits(isolate=False))
    assert result.page_count == 3 and result.ocr_pages == [1, 2, 3] and result.needs_ocr


@pytest.mark.parametrize(("image_format", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg"),
                                                     ("TIFF", "image/tiff")])
def test_image_types_are_read_from_their_bytes(tmp_path: Path, image_format: str, mime: str) -> None:
    path = tmp_path / "tanpa-akhiran"
    path.write_bytes(samples.image_file([["SURAT"]], image_format))
    assert detect_type(path).mime == mime and detect_type(path).extractable


def _image_over_the_pixel_limit() -> bytes:
    """A small PNG that declares 30,000 × 30,000 pixels: a decompression bomb."""
    buffer = io.BytesIO()
    Image.new("1", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = (30_000).to_bytes(4, "big") * 2  # width and height in the IHDR chunk, then its checksum
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    return bytes(data)


@pytest.mark.parametrize(("data", "code"), [
    (_image_over_the_pixel_limit(), "memory"),
    (samples.image_file([["A"]], "PNG")[:200], "corrupt"),
], ids=["pixel-bomb", "truncated"])
def test_hostile_images_fail_with_the_reason(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "gambar"
    path.write_bytes(data)
    with pytest.raises(ExtractionError) as raised:
        extract_file(path, detect_type(path), Limits(isolate=True, timeout_seconds=30))
    assert raised.value.code == code


def test_image_types_can_be_refused_by_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_UPLOAD_ALLOWED_TYPES", "pdf,docx")
    path = tmp_path / "foto.png"
    path.write_bytes(samples.image_file([["SURAT"]], "PNG"))
    analysis = stages.analyse(path, load_settings())
    assert analysis.error is not None and analysis.error.code == "type_not_allowed"


# --- cleaning and reading Tesseract's output, without Tesseract ------------------------------


def test_specks_tell_a_speckled_scan_from_print() -> None:
    clean = samples.page_image(DECREE)
    speckled = samples.degraded(clean, specks=0.03)
    ratios = [ocr.speck_ratio(image, ocr.otsu_threshold(image.histogram())) for image in (clean, speckled)]
    assert ratios[0] < ocr.SPECKLED < ratios[1]
    assert ocr.clean_scan(speckled).mode == "1" and ocr.clean_scan(speckled).width == 2 * speckled.width


def test_tesseract_words_become_lines_blocks_and_a_confidence() -> None:
    data = {
        "text": ["", "KEPUTUSAN", "BUPATI", "NOMOR", "5", "", "Menimbang"],
        "block_num": [1, 1, 1, 1, 1, 2, 2],
        "par_num": [1, 1, 1, 1, 1, 1, 1],
        "line_num": [1, 1, 1, 2, 2, 1, 1],
        "conf": [-1, 90, 80, 70, 60, -1, 100],
    }
    assert ocr.text_and_confidence(data) == ("KEPUTUSAN BUPATI\nNOMOR 5\n\nMenimbang", 0.8)
    assert ocr.text_and_confidence({"text": []}) == ("", None)


def _wrapped_tesseract(folder: Path, name: str, on_page: str) -> Path:
    """The real Tesseract, running the shell lines `on_page` first on every page (its checks answer at once)."""
    real = shutil.which("tesseract")
    assert real is not None
    script = folder / name
    script.write_text(f'#!/bin/sh\ncase "$1" in --*) exec {real} "$@" ;; esac\n{on_page}\nexec {real} "$@"\n')
    script.chmod(0o755)
    return script


def _slow_tesseract(folder: Path, seconds: float) -> Path:
    """Tesseract that takes `seconds` longer over every page."""
    return _wrapped_tesseract(folder, "tesseract-lambat", f"sleep {seconds}")


def _waiting_for_ocr(cli, monkeypatch: pytest.MonkeyPatch, folder: Path,  # noqa: ANN001 - the CLI runner
                     documents: int, pages: int) -> None:
    """Scanned documents imported while Tesseract was missing: every page waits for `ocr --pending`."""
    folder.mkdir()
    for number in range(documents):
        (folder / f"sk-{number}.pdf").write_bytes(samples.scanned_pdf([[*DECREE, f"Salinan {number} lampiran {page}"]
                                                                         for page in range(pages)]))
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", MISSING_TESSERACT)
    assert cli("ingest", str(folder), "--org", "badung").exit_code == 0
    monkeypatch.delenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD")
    assert _pages_read() == [(0, pages)] * documents


def _pages_read() -> list[tuple[int, int]]:
    with Session(db.make_engine(load_settings())) as session:
        return [(document.ocr_page_count, document.ocr_waiting)
                for document in session.exec(select(Document).order_by(Document.id))]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_stops_ocr_pending_after_the_current_page(cli, initialised, settings: Settings, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    require_tesseract(settings)
    _waiting_for_ocr(cli, monkeypatch, tmp_path / "pindaian", documents=2, pages=4)
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", str(_slow_tesseract(tmp_path, 1.5)))
    process = subprocess.Popen([sys.executable, "-m", "evidence_vault", "ocr", "--pending", "--workers", "1"],
                               env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 90
    while _pages_read()[0][0] < 1:
        assert process.poll() is None and time.monotonic() < deadline, "no page read in time"
        time.sleep(0.05)
    time.sleep(0.7)  # in the middle of the next page
    read_before = _pages_read()[0][0]
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends to the whole foreground group
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()[-2000:]
    (first_read, first_waiting), second = _pages_read()
    assert first_read <= read_before + 1 and first_waiting > 0, "stopped after the page being read"
    assert second == (0, 4), "the next document was not started"
    assert "Dihentikan:" in err.decode() and "dari 2 dokumen selesai" in err.decode(), err.decode()[-2000:]
    assert "jalankan perintah yang sama" in err.decode()

    monkeypatch.delenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD")
    resumed = cli("ocr", "--pending")
    assert resumed.exit_code == 0, resumed.output
    assert _pages_read() == [(4, 0), (4, 0)]


def _ocr_events() -> list[int]:
    with Session(db.make_engine(load_settings())) as session:
        events = session.exec(select(Event).where(Event.action == "document.ocr"))
        return sorted(int(event.object_id) for event in events)


def _claim(document_id: int, until: int | None) -> None:
    with db.session_scope(db.make_engine(load_settings())) as session:
        document = session.get(Document, document_id)
        assert document is not None
        document.ocr_claim, document.ocr_claimed_until = ("a" * 32 if until else None), until
        session.add(document)


def test_two_ocr_runs_at_once_read_each_document_once(cli, initialised, settings: Settings, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An admin's `ocr --pending` beside another (or the worker): each document is read by one of them."""
    require_tesseract(settings)
    _waiting_for_ocr(cli, monkeypatch, tmp_path / "pindaian", documents=2, pages=2)
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", str(_slow_tesseract(tmp_path, 0.5)))
    runs = [subprocess.Popen([sys.executable, "-m", "evidence_vault", "ocr", "--pending", "--workers", "1"],
                             env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _run in range(2)]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err.decode()[-2000:] for _out, err in outputs]
    assert _pages_read() == [(2, 0), (2, 0)]
    assert _ocr_events() == [1, 2], "each document was read, and recorded, once"
    assert any(b"Dilewati: 1 dokumen" in out for out, _err in outputs), [out.decode() for out, _err in outputs]


def test_a_document_another_run_reads_is_left_to_it_until_its_claim_runs_out(
        cli, initialised, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_tesseract(settings)
    _waiting_for_ocr(cli, monkeypatch, tmp_path / "pindaian", documents=1, pages=1)
    document_id = _only_document().id
    assert document_id is not None

    _claim(document_id, int(time.time()) + 300)  # another run, alive
    skipped = cli("ocr", "--pending")
    assert skipped.exit_code == 0, skipped.output
    assert f"Dilewati: 1 dokumen (#{document_id}) sedang dibaca oleh proses lain" in skipped.output
    assert _pages_read() == [(0, 1)] and _ocr_events() == []

    _claim(document_id, int(time.time()) - 1)  # a run that died: its claim ran out
    taken_over = cli("ocr", "--pending")
    assert taken_over.exit_code == 0, taken_over.output
    assert _pages_read() == [(1, 0)] and _ocr_events() == [document_id]
    document = _only_document()
    assert (document.ocr_claim, document.ocr_claimed_until) == (None, None), "let go when done"


def _failing_tesseract(folder: Path) -> tuple[Path, Path]:
    """Tesseract that fails on every page, and the file counting its tries."""
    tries = folder / "percobaan.txt"
    script = _wrapped_tesseract(folder, "tesseract-gagal",
                                f"echo halaman >> {tries}\necho 'Error during processing.' >&2\nexit 1")
    return script, tries


def test_a_page_that_keeps_failing_is_left_after_three_runs_until_asked_again(
        cli, initialised, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cron job running `ocr --pending` must not spend a minute on the same hopeless page every time."""
    require_tesseract(settings)
    _waiting_for_ocr(cli, monkeypatch, tmp_path / "pindaian", documents=1, pages=1)
    failing, tries = _failing_tesseract(tmp_path)
    monkeypatch.setenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD", str(failing))

    def attempts() -> int:
        return len(tries.read_text().splitlines()) if tries.exists() else 0

    for run in range(1, 4):
        failed = cli("ocr", "--pending")
        assert failed.exit_code == 1 and attempts() == run, failed.output
    assert "sudah 3 kali gagal dibaca OCR" in _only_document().extraction_message
    left = cli("ocr", "--pending")
    assert left.exit_code == 1 and attempts() == 3, "not tried a fourth time"
    assert "Halaman 1 sudah 3 kali gagal dibaca OCR" in left.output and "--retry-failed" in left.output
    assert _ocr_events() == [1, 1, 1], "a run that tries nothing records nothing"

    monkeypatch.delenv("EVIDENCE_VAULT_OCR_TESSERACT_CMD")  # a better scan, or Tesseract mended
    assert cli("ocr", "--pending").exit_code == 1, "still left without --retry-failed"
    retried = cli("ocr", "--pending", "--retry-failed")
    assert retried.exit_code == 0, retried.output
    assert _pages_read() == [(1, 0)] and _only_document().extraction_status == "ok"


# --- what a page that OCR could not read tells the user ----------------------------------


def test_a_missing_tesseract_on_a_page_says_what_to_install_and_run(tmp_path: Path) -> None:
    path = tmp_path / "pindaian.png"
    path.write_bytes(samples.image_file([["SATU"]], "PNG"))
    with pytest.raises(ExtractionError) as raised:
        ocr.recognise_page(path, "png", 1, OcrOptions(tesseract_cmd=MISSING_TESSERACT, preprocess=False))
    assert raised.value.code == "ocr_unavailable"
    assert "apt-get install tesseract-ocr tesseract-ocr-ind" in raised.value.message
    assert "evidence-vault ocr --pending" in raised.value.message


def test_a_page_tesseract_fails_on_says_what_to_do(tmp_path: Path) -> None:
    failing = tmp_path / "tesseract"
    failing.write_text("#!/bin/sh\n[ \"$1\" = --version ] && { echo 'tesseract 5.3.0'; exit 0; }\n"
                       "echo 'Error during processing.' >&2\nexit 1\n")
    failing.chmod(0o755)
    path = tmp_path / "pindaian.png"
    path.write_bytes(samples.image_file([["SATU"]], "PNG"))
    with pytest.raises(ExtractionError) as raised:
        ocr.recognise_page(path, "png", 1, OcrOptions(tesseract_cmd=str(failing), preprocess=False))
    assert raised.value.code == "ocr_failed"
    assert "halaman 1" in raised.value.message and "Pindai ulang" in raised.value.message
    assert "admin" in raised.value.message


def test_an_ocr_timeout_advises_rescanning_not_printing_to_pdf() -> None:
    message = ExtractionError.ocr_timeout(60).message
    assert "60 detik" in message and "200–300 dpi" in message and "pisahkan" in message
    assert "Print to PDF" not in message




def _tiny_image_pdf() -> bytes:
    """A page whose only content is a 16×16-pixel picture: nothing any OCR can read."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("L", (16, 16), 200), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def test_a_scan_that_gives_no_text_even_to_ocr_is_not_called_readable(cli, initialised, settings: Settings,
                                                                      tmp_path: Path) -> None:
    require_tesseract(settings)
    tiny = tmp_path / "kecil.pdf"
    tiny.write_bytes(_tiny_image_pdf())
    assert cli("ingest", str(tiny), "--org", "badung").exit_code == 0
    with Session(db.make_engine(load_settings())) as session:
        document = session.exec(select(Document)).one()
    assert document.extraction_status == "failed", "'Teks terbaca' only when text was read"
    assert "tidak ada teks yang terbaca, juga dengan OCR" in document.extraction_message
    assert "resolusi minimal 200 dpi" in document.extraction_message


def test_inspect_with_ocr_shows_what_ingest_reads(cli, initialised, tmp_path: Path, settings: Settings) -> None:
    require_tesseract(settings)
    scan = tmp_path / "sk.pdf"
    scan.write_bytes(samples.scanned_pdf([DECREE]))
    without = cli("inspect", str(scan))
    assert "perlu OCR: halaman 1 (tambahkan --ocr)" in without.output
    read = cli("inspect", "--ocr", str(scan))
    assert read.exit_code == 0 and "dibaca dengan OCR: halaman 1" in read.output
    assert "Jenis/bentuk: kepbup" in read.output and "Nomor (sesuai naskah): 188.45/123/HK/2023" in read.output
