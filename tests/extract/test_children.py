"""Child processes never run the asking program's main script again (issue 23).

multiprocessing rebuilds `__main__` in each child by running the main script once more;
for the console script that was the whole CLI, in every isolated reader, bulk worker and
indexer. `extract.children` gives the forkserver an empty stand-in instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from evidence_vault.demo import samples

from ..commands import console_script

# A main program that writes down every process that runs it, then reads two files in isolated children
# and hands one to a forkserver pool worker, as `ingest` does.
MAIN_PROGRAM = textwrap.dedent("""\
    import os
    import sys
    from pathlib import Path

    with open(os.environ["RAN_MAIN_RECORD"], "a") as record:
        record.write(f"{os.getpid()}\\n")

    if __name__ == "__main__":
        from concurrent.futures import ProcessPoolExecutor

        from evidence_vault.extract import Limits, detect_type, extract_file
        from evidence_vault.extract.children import forkserver_context

        paths = [Path(name) for name in sys.argv[1:]]
        for path in paths:
            assert extract_file(path, detect_type(path), Limits()).pages
        with ProcessPoolExecutor(1, mp_context=forkserver_context()) as pool:
            assert pool.submit(detect_type, paths[0]).result().name == "pdf"
""")


@pytest.fixture
def two_pdfs(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "satu.pdf", tmp_path / "dua.pdf"]
    for number, path in enumerate(paths):
        path.write_bytes(samples.pdf_document([f"Keputusan nomor {number}"]))
    return paths


@pytest.mark.parametrize("started_as", ["script", "module"])
def test_children_do_not_run_the_main_program_again(tmp_path: Path, two_pdfs: list[Path], started_as: str) -> None:
    """`python program.py` and `python -m program`: only the program's own process runs it."""
    (tmp_path / "program.py").write_text(MAIN_PROGRAM)
    record = tmp_path / "ran-main.txt"
    command = ["program.py"] if started_as == "script" else ["-m", "program"]
    subprocess.run([sys.executable, *command, *map(str, two_pdfs)], cwd=tmp_path, check=True, timeout=120,
                   env={**os.environ, "RAN_MAIN_RECORD": str(record), "PYTHONPATH": str(tmp_path)})
    assert len(record.read_text().split()) == 1, f"the main program ran in {record.read_text().split()}"


@pytest.mark.usefixtures("initialised")
def test_the_console_script_imports_the_cli_once_however_many_children_it_starts(tmp_path: Path) -> None:
    """`evidence-vault ingest` with two workers: the CLI is imported by the command's process alone."""
    folder = tmp_path / "arsip"
    folder.mkdir()
    for number in range(4):
        (folder / f"laporan-{number}.pdf").write_bytes(samples.pdf_document([f"Laporan kegiatan {number}"] * 2))
    done = subprocess.run([console_script(), "ingest", str(folder), "--org", "badung", "--workers", "2"],
                          capture_output=True, text=True, timeout=180,
                          env={**os.environ, "EVIDENCE_VAULT_OCR_ENABLED": "false", "PYTHONPROFILEIMPORTTIME": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "4 ditambahkan" in done.stdout
    cli_imports = [line for line in done.stderr.splitlines() if line.rstrip().endswith("| evidence_vault.cli")]
    assert len(cli_imports) == 1, cli_imports
