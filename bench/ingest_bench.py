"""Bulk ingest against raw pypdf, one worker against all cores, and OCR's cost per page.

Run with `make bench` (or `python bench/ingest_bench.py [--skip-generated]`). Over the 28
real regulations of `../shared/corpus/regulations` and a generated corpus (text PDFs,
DOCX, scanned PDFs and TIFF/PNG scans), it prints in one run:

- raw pypdf: `PdfReader(...).pages[i].extract_text()` for every page, one process (the
  floor for a pure-Python pipeline);
- our ingest (`bulk.ingest_files`: store, extract in an isolated child, legal metadata,
  suggestions, database, search index) with one worker and with every core, OCR off
  (the same work as raw pypdf) and on; the ratio of each to raw, pages per second, and
  the peak memory of the whole process tree (PSS, so shared pages count once);
- OCR: seconds per page on one core, pages per second on all, and the character accuracy
  of a degraded 150 dpi scan with and without cleaning;
- the entry points: the same regulations through `evidence-vault ingest` (the console
  script, one worker and every core) and `python -m evidence_vault ingest`, each timed
  whole as a user sees it, start-up included, against raw pypdf run as a script of its own.
  The targets hold here: one worker at most 1.2× raw, two workers at least 1.8× faster than one.

Each function-level measurement runs in a fresh interpreter with its own throwaway vault;
the time counted starts after imports and setup. Each entry-point measurement gets a fresh
vault set up through the CLI (not timed). The machine should be otherwise idle.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from entrypoints import Vault, console_script, load

HERE = Path(__file__).resolve()
DOCUMENTS = {".pdf", ".docx", ".png", ".jpg", ".tif", ".tiff"}
CORPUS = HERE.parents[2] / "shared" / "corpus" / "regulations"
DECREE = [
    "KEPUTUSAN BUPATI BADUNG", "NOMOR 188.45/123/HK/2023", "TENTANG", "PEMBENTUKAN TIM KOORDINASI",
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "", "BUPATI BADUNG,",
    "Menimbang : a. bahwa untuk melaksanakan Peraturan Presiden Nomor 95",
    "Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;",
    "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a,",
    "perlu menetapkan Keputusan Bupati tentang Pembentukan Tim Koordinasi;",
    "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
    "2. Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE;",
    "MEMUTUSKAN:", "Menetapkan : KEPUTUSAN BUPATI TENTANG PEMBENTUKAN TIM KOORDINASI",
    "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK.", "Ditetapkan di Mangupura", "pada tanggal 14 Maret 2023",
    "BUPATI BADUNG,", "I NYOMAN GIRI PRASTA",
]


# --- measurements, each in its own interpreter ----------------------------------------------


class PeakMemory:
    """Samples the proportional set size (PSS) of this process and its descendants."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(os.getpid())))

    @property
    def megabytes(self) -> float:
        return self.peak / 1024


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _pss(pid: int) -> int:
    """kB of proportional set size (RSS where smaps_rollup is not readable)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class NoIndex:
    """Stands in for `bulk.Indexer` when the search stage is left out of a measurement."""

    def __init__(self, *_args: object) -> None:
        pass

    def add(self, _document_id: int) -> None:
        pass

    def add_known(self, _document_id: int) -> None:
        pass

    def close(self, wait_seconds: float | None = None) -> bool:
        return True


def measure_raw(paths: list[Path]) -> dict[str, float]:
    from pypdf import PdfReader

    pages = 0
    with PeakMemory() as memory:
        started = time.perf_counter()
        for path in paths:
            if path.suffix != ".pdf":
                continue
            reader = PdfReader(path, strict=False)
            for page in reader.pages:
                page.extract_text()
                pages += 1
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "pages": pages, "peak_mb": memory.megabytes}


def measure_ingest(paths: list[Path], workers: int, ocr: bool, index: bool) -> dict[str, float]:
    storage = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    os.environ["EVIDENCE_VAULT_STORAGE_DIR"] = str(storage)
    os.environ["EVIDENCE_VAULT_OCR_ENABLED"] = "true" if ocr else "false"
    from sqlmodel import Session, func, select

    from evidence_vault import db
    from evidence_vault.config import load_settings
    from evidence_vault.models import Document, OrganisationKind
    from evidence_vault.pipeline import bulk
    from evidence_vault.records import organisations

    if not index:  # measure the pipeline without the search stage
        bulk.Indexer = NoIndex  # type: ignore[misc, assignment]
    settings = load_settings()
    engine = db.make_engine(settings)
    db.upgrade(engine)
    with db.session_scope(engine) as session:
        organisation_id = organisations.create_organisation(
            session, "Kabupaten Badung", OrganisationKind.REGENCY, code="badung").id
    with PeakMemory() as memory:
        started = time.perf_counter()
        results = list(bulk.ingest_files(engine, settings, paths, organisation_id, None, workers))
        seconds = time.perf_counter() - started
    with Session(engine) as session:
        pages = session.exec(select(func.sum(Document.page_count))).one() or 0
        ocr_pages = session.exec(select(func.sum(Document.ocr_page_count))).one() or 0
    failed = sum(1 for _path, result in results if result.outcome.value in {"failed", "rejected"})
    return {"seconds": seconds, "pages": pages, "ocr_pages": ocr_pages, "failed": failed, "peak_mb": memory.megabytes}


def measure_ocr_accuracy() -> dict[str, float]:
    """The README's cleaning figure: one degraded scan, read raw and cleaned."""
    from evidence_vault.demo import samples
    from evidence_vault.extract import ocr

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the measure is shared with the tests
    from tests.reading_accuracy import character_accuracy as accuracy

    found = {}
    folder = Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    for label, specks, blur in (("light", 0.03, 0.8), ("heavy", 0.05, 1.0)):
        path = folder / f"{label}.png"
        samples.degraded(samples.page_image(DECREE), specks=specks, blur=blur).save(path)
        for cleaned in (False, True):
            page = ocr.recognise_page(path, "png", 1, ocr.OcrOptions(preprocess=cleaned))
            found[f"{label}_{'clean' if cleaned else 'raw'}"] = accuracy("\n".join(DECREE), page.text)
    return found


def _child(args: argparse.Namespace) -> None:
    if args.measure == "accuracy":
        print(json.dumps(measure_ocr_accuracy()))
        return
    paths = sorted(p for p in Path(args.corpus).iterdir() if p.suffix.lower() in DOCUMENTS)
    if args.measure == "raw":
        result = measure_raw(paths)
    else:
        result = measure_ingest(paths, args.workers, args.ocr, not args.no_index)
    print(json.dumps(result))


# --- the run ----------------------------------------------------------------------------------


def run(measure: str, corpus: Path | None = None, workers: int = 1, ocr: bool = False,
        index: bool = True) -> dict[str, float]:
    command = [sys.executable, str(HERE), "--measure", measure, "--workers", str(workers)]
    command += ["--corpus", str(corpus)] if corpus else []
    command += (["--ocr"] if ocr else []) + ([] if index else ["--no-index"])
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    if done.returncode != 0:
        raise SystemExit(f"{measure} failed:\n{done.stderr[-3000:]}")
    LOADS.append(os.getloadavg()[0])
    return json.loads(done.stdout.strip().splitlines()[-1])


def generated_corpus(folder: Path, scans: int) -> Path:
    """Text PDFs and DOCX of several pages, plus scanned PDFs and TIFF/PNG scans (some degraded)."""
    from evidence_vault.demo import samples

    body = ("Pasal {n}\n(1) Perangkat Daerah menyelenggarakan layanan berbasis elektronik secara terpadu. "
            "(2) Kepala Dinas melaporkan pelaksanaan SPBE setiap akhir tahun anggaran. ") * 12
    for number in range(60):
        pages = [f"PERATURAN BUPATI BADUNG NOMOR {number} TAHUN 2024\nTENTANG\nLAYANAN DATA {number}"]
        pages += [body.format(n=page) for page in range(1, 2 + number % 6)]
        (folder / f"perbup-{number:02}.pdf").write_bytes(samples.pdf_document(pages))
    for number in range(15):
        paragraphs = [f"STANDAR OPERASIONAL PROSEDUR {number}", *(body.format(n=i) for i in range(4))]
        (folder / f"sop-{number:02}.docx").write_bytes(samples.docx_document(paragraphs, page_break_before=[2]))
    for number in range(scans):
        lines = [*DECREE[:4], f"NOMOR URUT {number}", *DECREE[4:]]
        if number % 3 == 0:
            (folder / f"pindaian-{number:02}.pdf").write_bytes(samples.scanned_pdf([lines], degrade=number % 2 == 0))
        elif number % 3 == 1:
            (folder / f"pindaian-{number:02}.tif").write_bytes(samples.image_file([lines, lines[8:]], "TIFF"))
        else:
            (folder / f"pindaian-{number:02}.png").write_bytes(samples.image_file([lines], "PNG"))
    return folder


LOADS: list[float] = []  # the 1-minute load average after each measurement
CONFIGURATIONS = [  # what is measured: (OCR, search index), label
    ((False, False), "store, read, legal, tags, database"),
    ((False, True), "+ search index"),
    ((True, True), "+ OCR of scanned pages"),
]


def report(title: str, corpus: Path, cores: int, with_raw: bool) -> None:
    print(f"\n{title}")
    print(f"  {'ingest':<36}{'workers':>8}{'seconds':>9}{'× raw':>8}{'pages/s':>9}{'peak MB':>9}{'speed-up':>10}")
    raw = run("raw", corpus) if with_raw else None
    if raw:
        print(f"  {'raw pypdf (text layer only)':<36}{1:8}{raw['seconds']:9.1f}{1:8.2f}"
              f"{raw['pages'] / raw['seconds']:9.1f}{raw['peak_mb']:9.0f}")
    found: dict[tuple[int, bool, bool], dict[str, float]] = {}
    for (ocr, index), label in CONFIGURATIONS:
        for workers in sorted({1, cores}):
            result = found[workers, ocr, index] = run("ingest", corpus, workers, ocr, index)
            ratio = f"{result['seconds'] / raw['seconds']:8.2f}" if raw else f"{'':>8}"
            speedup = found[1, ocr, index]["seconds"] / result["seconds"]
            notes = [f"{int(result['ocr_pages'])} pages OCR'd"] if ocr else []
            notes += [f"{int(result['failed'])} failed"] if result["failed"] else []
            print(f"  {label if workers == 1 else '':<36}{workers:8}{result['seconds']:9.1f}{ratio}"
                  f"{result['pages'] / result['seconds']:9.1f}{result['peak_mb']:9.0f}{speedup:9.2f}×  "
                  f"{', '.join(notes)}")
    read = found[1, True, True]["ocr_pages"]
    if read:
        for workers in sorted({1, cores}):
            added = found[workers, True, True]["seconds"] - found[workers, False, True]["seconds"]
            print(f"  OCR with {workers} worker{'s' if workers > 1 else ''}: {added / read:.2f} s per page "
                  f"(time it adds to the ingest, {int(read)} pages)")


# --- the entry points users run -----------------------------------------------------------------

RAW_SCRIPT = """\
import sys
from pathlib import Path
from pypdf import PdfReader
pages = 0
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    for page in PdfReader(path, strict=False).pages:
        page.extract_text()
        pages += 1
print(pages)
"""
RATIO_TARGET = 1.2
SPEEDUP_TARGET = 1.8


def time_command(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall-clock seconds of a whole command, the CPU seconds of all its processes, and its standard output.

    The CPU time counts every process the command started, the forkserver's children (readers,
    workers, the indexer) included: this process adopts them when their parents end (Linux's
    child subreaper) and waits for each. A busy machine stretches the wall clock; the CPU time
    says how much work the command did, whatever else ran.
    """
    _adopt_orphans()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    _reap_adopted()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, done.stdout


def _adopt_orphans() -> None:
    """Become the parent of this process's orphaned descendants (PR_SET_CHILD_SUBREAPER), where Linux allows."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _reap_adopted() -> None:
    """Wait for every adopted process (the forkserver outlives the command by a moment)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def time_ingest(command: list[str], folder: Path, workers: int) -> tuple[float, float]:
    """`COMMAND ingest FOLDER --workers N` into a fresh vault (set up through the CLI, not timed), OCR off."""
    vault = Vault(ocr_enabled="false")
    try:
        seconds, cpu, _output = time_command(
            [*command, "ingest", str(folder), "--org", "badung", "--workers", str(workers)], vault.env)
        return seconds, cpu
    finally:
        vault.remove()


def report_entry_points(corpus: Path, cores: int, repeat: int) -> None:
    """The regulations through the commands users run, each timed whole; rounds interleaved to share the load."""
    print(f"\nEntry points ({corpus}, {len(list(corpus.glob('*.pdf')))} PDFs, OCR off, search index on; "
          f"wall clock of the whole command, start-up included; median of {repeat}; {load()} before)")
    script, module = [console_script()], [sys.executable, "-m", "evidence_vault"]
    rows = [("raw pypdf (a script of its own)", [], 0), ("evidence-vault ingest", script, 1),
            ("evidence-vault ingest", script, cores), ("python -m evidence_vault ingest", module, cores)]
    times: list[list[float]] = [[] for _row in rows]
    cpus: list[list[float]] = [[] for _row in rows]
    pages = 0
    with tempfile.TemporaryDirectory(prefix="entry-corpus-") as folder:
        only_pdfs = Path(folder)  # `ingest FOLDER` takes every file: leave the README and the ground truth out
        for path in corpus.glob("*.pdf"):
            (only_pdfs / path.name).symlink_to(path)
        for _round in range(repeat):
            for found, used, (_label, command, workers) in zip(times, cpus, rows, strict=True):
                if command:
                    seconds, cpu = time_ingest(command, only_pdfs, workers)
                else:
                    seconds, cpu, output = time_command([sys.executable, "-c", RAW_SCRIPT, str(only_pdfs)],
                                                        dict(os.environ))
                    pages = int(output)
                found.append(seconds)
                used.append(cpu)
    median = [statistics.median(found) for found in times]
    raw, one, many, by_module = median
    raw_cpu = statistics.median(cpus[0])
    print(f"  {'command':<36}{'workers':>8}{'seconds':>9}{'range':>11}{'× raw':>8}{'pages/s':>9}"
          f"{'CPU s':>8}{'× raw':>7}")
    for (label, _command, workers), found, used, seconds in zip(rows, times, cpus, median, strict=True):
        spread = f"{min(found):.1f}–{max(found):.1f}" if len(found) > 1 else ""
        cpu = statistics.median(used)
        print(f"  {label:<36}{workers or 1:8}{seconds:9.1f}{spread:>11}{seconds / raw:8.2f}{pages / seconds:9.1f}"
              f"{cpu:8.1f}{cpu / raw_cpu:7.2f}")
    ratio, speedup = one / raw, one / many
    print(f"  one worker: {ratio:.2f}× raw (target ≤ {RATIO_TARGET}×: {_verdict(ratio <= RATIO_TARGET)}); "
          f"{cores} workers: {speedup:.2f}× faster than one (target ≥ {SPEEDUP_TARGET}×: "
          f"{_verdict(speedup >= SPEEDUP_TARGET)})")
    print(f"  the console script takes {many / by_module:.2f}× the time of `python -m evidence_vault` "
          f"(target: within 5%) ({load()} after)")


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measure", choices=["raw", "ingest", "accuracy"])
    parser.add_argument("--corpus")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--ocr", action="store_true")
    parser.add_argument("--no-index", action="store_true")
    parser.add_argument("--skip-generated", action="store_true", help="Only the real regulations.")
    parser.add_argument("--scans", type=int, default=12, help="Scanned files in the generated corpus.")
    parser.add_argument("--entry-points-only", action="store_true", help="Only the commands users run.")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each entry-point command (median printed).")
    args = parser.parse_args()
    if args.measure:
        _child(args)
        return 0
    from evidence_vault.pipeline.worker import cpu_count

    cores = cpu_count()
    before = os.getloadavg()[0]
    print(f"Bulk ingest benchmark: {cores} cores, load average {before:.1f} before the run"
          f"{' (not idle: figures are pessimistic)' if before > 0.5 else ''}")
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    if args.entry_points_only:
        report_entry_points(CORPUS, cores, args.repeat)
        return 0
    report(f"Regulations ({CORPUS}, {len(list(CORPUS.glob('*.pdf')))} PDFs)", CORPUS, cores, with_raw=True)
    report_entry_points(CORPUS, cores, args.repeat)
    if not args.skip_generated:
        with tempfile.TemporaryDirectory(prefix="generated-corpus-") as folder:
            corpus = generated_corpus(Path(folder), args.scans)
            report(f"Generated corpus ({len(list(corpus.iterdir()))} files: 60 PDF, 15 DOCX, {args.scans} scans)",
                   corpus, cores, with_raw=False)
    print(f"\nLoad average after each measurement: {min(LOADS, default=0):.1f} to {max(LOADS, default=0):.1f} "
          "(above about 0.5, other work shared the cores)")
    accuracy = run("accuracy")
    print("\nOCR of a degraded 150 dpi scan (1.5° rotation, blur, grey paper, specks, JPEG), character accuracy:")
    for label in ("light", "heavy"):
        print(f"  {label} damage: {accuracy[label + '_raw']:.0%} without cleaning, "
              f"{accuracy[label + '_clean']:.0%} with `clean_scan`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
