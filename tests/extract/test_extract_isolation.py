"""The isolated OCR child leaves nothing behind: no Tesseract process, no temporary page image.

A fake `tesseract` (a shell script, as an admin's wrapper could be) records the files it
was given and the processes it runs, then sleeps: it stands for a page Tesseract takes
too long over. The sleep is a child of the script, so killing the script alone (what
pytesseract does on its timeout) is not enough.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_vault.demo import samples
from evidence_vault.extract import Limits, OcrOptions, detect_type, recognise_pages

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def fake_tesseract(folder: Path, *, hang_on_version: bool = False) -> Path:
    """A `tesseract` that answers `--list-langs` (and `--version`) and otherwise records its work and sleeps 30 s.

    pytesseract asks for the version, without a time limit, before it reads a page; with
    `hang_on_version` that question hangs too, so the isolated child itself runs out of time.
    """
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "tesseract"
    version = "" if hang_on_version else "if [ \"$1\" = --version ]; then echo 'tesseract 5.3.0'; exit 0; fi"
    script.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        if [ "$1" = "--list-langs" ]; then printf 'List of available languages (1):\\nind\\n'; exit 0; fi
        {version}
        printf '%s\\n%s\\n' "$1" "$2" >> "{folder}/files"
        sleep 30 &
        echo $! >> "{folder}/pids"
        echo $$ >> "{folder}/pids"
        wait
    """))
    script.chmod(0o755)
    return script


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie may wait for a reaper that never comes)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def leftovers(folder: Path) -> tuple[list[int], list[str]]:
    """The fake's processes still running and the temporary files it was given that still exist."""
    pids = [int(line) for line in (folder / "pids").read_text().split()] if (folder / "pids").exists() else []
    names = (folder / "files").read_text().split() if (folder / "files").exists() else []
    files = [name for name in names if name.startswith("/") for found in Path(name).parent.glob(Path(name).name + "*")]
    return [pid for pid in pids if running(pid)], files


def files_under(folder: Path, pattern: str) -> list[Path] | None:
    """`folder.rglob(pattern)`, or None while a folder inside is being removed (`rglob` fails on it)."""
    try:
        return list(folder.rglob(pattern))
    except FileNotFoundError:
        return None


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def scanned_page(tmp_path: Path) -> Path:
    path = tmp_path / "pindaian.png"
    path.write_bytes(samples.image_file([["SURAT KEPUTUSAN"]], "PNG"))
    return path


@pytest.mark.parametrize("hang_on_version", [False, True], ids=["pytesseract-timeout", "child-timeout"])
def test_an_ocr_page_that_times_out_leaves_no_tesseract_and_no_temporary_file(
        tmp_path: Path, hang_on_version: bool) -> None:
    fake = tmp_path / "fake"
    script = fake_tesseract(fake, hang_on_version=hang_on_version)
    options = OcrOptions(tesseract_cmd=str(script), page_timeout_seconds=2, preprocess=False)
    path = scanned_page(tmp_path)
    started = time.monotonic()
    [page] = recognise_pages(path, detect_type(path), [1], Limits(), options)
    assert time.monotonic() - started < 15
    assert (fake / "pids").exists(), "the fake tesseract did not run"
    assert wait_for(lambda: leftovers(fake) == ([], []), 3), leftovers(fake)
    assert page.error.startswith("Halaman 1 belum terbaca oleh OCR: "), page.error
    # The fake sleeps: it took no CPU, so the time ran out waiting, and the scan is not blamed.
    assert page.error_code == "busy" and "sibuk" in page.error and "terlalu berat" not in page.error, page.error


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """An empty folder with a short path, for TMPDIR: the asker's forkserver puts its socket there,
    and a Unix socket's path may not pass 107 bytes (pytest-xdist's tmp_path runs close)."""
    folder = Path(tempfile.mkdtemp(prefix="ev-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_killed_asker_takes_its_tesseract_and_temporary_files_along(tmp_path: Path, short_tmp: Path) -> None:
    """An import or worker killed with SIGKILL mid-page: its OCR child ends Tesseract and cleans up."""
    fake = tmp_path / "fake"
    script = fake_tesseract(fake)
    path = scanned_page(tmp_path)
    asker = textwrap.dedent(f"""\
        from pathlib import Path
        from evidence_vault.extract import Limits, OcrOptions, detect_type, recognise_pages
        path = Path({str(path)!r})
        options = OcrOptions(tesseract_cmd={str(script)!r}, page_timeout_seconds=60, preprocess=False)
        print(list(recognise_pages(path, detect_type(path), [1], Limits(), options)))
    """)
    temporary = short_tmp
    process = subprocess.Popen([sys.executable, "-c", asker], env={**os.environ, "TMPDIR": str(temporary)})
    try:
        assert wait_for(lambda: len(leftovers(fake)[0]) == 2, 30), "the fake tesseract did not start"
        assert leftovers(fake)[1], "the page image was not written"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    assert wait_for(lambda: leftovers(fake) == ([], []), 5), leftovers(fake)
    assert wait_for(lambda: files_under(temporary, "tess_*") == [], 1), files_under(temporary, "*")


def test_an_ocr_child_that_dies_takes_its_tesseract_along(tmp_path: Path) -> None:
    """The isolated child killed from outside (the kernel's OOM killer, an admin): its asker ends the rest."""
    fake = tmp_path / "fake"
    options = OcrOptions(tesseract_cmd=str(fake_tesseract(fake)), page_timeout_seconds=60, preprocess=False)
    path = scanned_page(tmp_path)

    def kill_the_child() -> None:
        assert wait_for(lambda: len(leftovers(fake)[0]) == 2, 30), "the fake tesseract did not start"
        script = int((fake / "pids").read_text().split()[1])
        child = int(Path(f"/proc/{script}/stat").read_text().rsplit(")", 1)[1].split()[1])
        os.kill(child, signal.SIGKILL)

    killer = threading.Thread(target=kill_the_child)
    killer.start()
    [page] = recognise_pages(path, detect_type(path), [1], Limits(), options)
    killer.join()
    assert "kesalahan tak terduga" in page.error, page.error
    assert wait_for(lambda: leftovers(fake) == ([], []), 3), leftovers(fake)
