"""Commands of the OCR and background stages: `ocr --pending`, `worker`, and the worker beside `serve`.

`register(main)` (the last lines of `cli.py`) adds them to the `evidence-vault` group. It
also gives `serve` a `--worker/--no-worker` option: by default the web server starts
`evidence-vault worker` as a child process, which dies with it.

This module does not import `cli` (which imports it): under `python -m evidence_vault.cli`
that would load a second copy of `cli`. What both share (the invocation's `Runtime`, the
"Gagal: ..." message for domain errors) is in `cli_runtime`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import wraps
from typing import Any

import click
from sqlmodel import Session

from . import organisations, pipeline, scans, worker
from .cli_runtime import CommandFailed, Runtime, explained
from .extract import OcrPage, ocr_unavailable_reason
from .extract.isolation import die_with_parent
from .models import Document

WORKER_STOP_SECONDS = 10


def register(main: click.Group) -> None:
    """Add the pipeline commands to the `evidence-vault` group and the worker to `serve`."""
    main.add_command(ocr_command)
    main.add_command(worker_command)
    if "serve" in main.commands:
        _start_worker_beside(main.commands["serve"])


@click.command("ocr")
@click.option("--pending", is_flag=True, help="Every document whose scanned pages still wait for OCR.")
@click.option("--org", "org_code", help="Only this organisation (default: all).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Documents read at once (default: worker.concurrency; 0 there means one per core).")
@click.option("--retry-failed", is_flag=True,
              help=f"Also try pages OCR has failed on {scans.MAX_OCR_FAILURES} times (say, after a better scan).")
@click.pass_obj
@explained
def ocr_command(runtime: Runtime, pending: bool, org_code: str | None, workers: int | None,
                retry_failed: bool) -> None:
    """Read scanned pages left waiting (Tesseract was missing, OCR was off, a worker stopped).

    Their legal metadata and indicator suggestions are then read again; values and links
    people decided on are kept. Exit code 1 when pages still wait afterwards.
    """
    if not pending:
        raise click.UsageError("sebutkan dokumen mana: --pending (semua yang menunggu OCR).")
    settings, engine = runtime.settings, runtime.current_engine()
    reason = ocr_unavailable_reason(pipeline.ocr_options_from(settings))
    if reason:
        raise CommandFailed(reason)
    with Session(engine) as session:
        organisation_id = organisations.get_by_code(session, org_code).id if org_code else None
        waiting = scans.pending_documents(session, organisation_id)
        pages = sum(session.get(Document, document_id).ocr_waiting for document_id in waiting)  # type: ignore[union-attr]
    if not waiting:
        click.echo("Tidak ada dokumen yang menunggu OCR.")
        return
    threads = worker.parallelism(settings, "worker", "concurrency", workers)
    stop = threading.Event()
    results: list[scans.ScanResult] = []
    with click.progressbar(length=max(pages, 1), label=f"OCR {len(waiting)} dokumen ({threads} sekaligus)",
                           file=sys.stderr) as bar:
        progress = _thread_safe(lambda _page: bar.update(1))
        try:
            with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ocr") as pool:
                try:
                    for found in pool.map(lambda document_id: scans.complete(
                            engine, settings, document_id, progress, stop, retry_failed=retry_failed), waiting):
                        if found is not None:
                            results.append(found)
                except KeyboardInterrupt:  # before leaving the block, which waits for the documents being read
                    stop.set()  # each ends after its current page
                    pool.shutdown(wait=False, cancel_futures=True)  # the others do not start
                    raise
        except KeyboardInterrupt:
            click.echo(f"Dihentikan: {len(results)} dari {len(waiting)} dokumen selesai. Halaman yang sudah "
                       "terbaca tersimpan; jalankan perintah yang sama untuk melanjutkan.", err=True)
            sys.exit(130)
    elsewhere = [result for result in results if result.elsewhere]
    done = [result for result in results if not result.elsewhere]
    read = sum(result.pages_read for result in done)
    left = [result for result in done if result.pages_waiting]
    click.echo(f"Selesai: {len(done)} dokumen · {read} halaman terbaca dengan OCR · "
               f"{len(left)} dokumen masih perlu OCR")
    for result in left:
        click.echo(f"  dokumen #{result.document_id}: {result.message}")
    if elsewhere:
        numbers = ", ".join(f"#{result.document_id}" for result in elsewhere)
        click.echo(f"Dilewati: {len(elsewhere)} dokumen ({numbers}) sedang dibaca oleh proses lain (worker atau "
                   "`ocr --pending` yang lain) dan diselesaikan di sana.")
    if left:
        sys.exit(1)


def _thread_safe(update: Callable[[OcrPage], None]) -> Callable[[OcrPage], None]:
    lock = threading.Lock()

    def locked(page: OcrPage) -> None:
        with lock:
            update(page)

    return locked


@click.command("worker")
@click.option("--once", is_flag=True, help="Run what is queued, then stop (for a scheduler such as cron).")
@click.option("--concurrency", type=click.IntRange(min=1),
              help="Documents read at once (default: worker.concurrency; 0 there means one per core).")
@click.pass_obj
@explained
def worker_command(runtime: Runtime, once: bool, concurrency: int | None) -> None:
    """Run the background queue: OCR of scanned web uploads (`serve` starts it; it also runs alone)."""
    settings = runtime.settings
    runtime.current_engine()  # refuses a database that `init` has not upgraded
    if settings.get("worker", "immediate"):
        raise CommandFailed("worker.immediate menyala: tugas dijalankan langsung saat unggah, tidak ada antrean.")
    threads = worker.parallelism(settings, "worker", "concurrency", concurrency)
    reason = ocr_unavailable_reason(pipeline.ocr_options_from(settings))
    if reason:
        click.echo(f"Peringatan: {reason}", err=True)
    if once:
        ran = worker.drain(settings, threads)
        click.echo(f"Antrean selesai: {ran} dokumen diproses.")
        return
    click.echo(f"Pekerja latar belakang berjalan dengan {threads} utas (Ctrl-C untuk berhenti).")
    worker.run(settings, threads)


def _start_worker_beside(serve: click.Command) -> None:
    """Give `serve` the `--worker/--no-worker` option; with it, the worker runs as a child process."""
    original = serve.callback
    assert original is not None
    serve.params.append(click.Option(["--worker/--no-worker"], default=True, show_default=True,
                                     help="Also run the background worker (OCR of uploads) in its own process."))

    @wraps(original)
    def serve_with_worker(*args: Any, worker: bool = True, **kwargs: Any) -> Any:
        # Flask's reloader runs this command twice; only the outer process starts the worker.
        child = _spawn_worker() if worker and os.environ.get("WERKZEUG_RUN_MAIN") != "true" else None
        try:
            return original(*args, **kwargs)
        finally:
            if child is not None:
                _stop_worker(child)

    serve.callback = serve_with_worker


def _spawn_worker() -> subprocess.Popen[bytes]:
    config = click.get_current_context().find_root().params.get("config_path")
    command = [sys.executable, "-m", "evidence_vault.cli", *(["--config", config] if config else []), "worker"]
    return subprocess.Popen(command, preexec_fn=die_with_parent)  # the worker dies with serve, however it ends


def _stop_worker(child: subprocess.Popen[bytes]) -> None:
    child.terminate()
    try:
        child.wait(WORKER_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
