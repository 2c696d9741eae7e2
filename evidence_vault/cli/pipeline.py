"""Commands that run the document pipeline: `ingest`, `inspect`, `ocr`, `worker`, `retag`, `legal`."""

from __future__ import annotations

import json
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..config import parallelism
from .runtime import CommandFailed, Runtime, explained, pass_runtime

if TYPE_CHECKING:
    from ..extract import OcrPage
    from ..pipeline import ingest

MAX_OCR_FAILURES = 3  # `pipeline.scans.MAX_OCR_FAILURES`, named in `ocr --help` (tests/cli/test_lazy.py compares)


def _candidates(paths: tuple[str, ...], recursive: bool) -> Iterator[Path]:
    """Files named directly, and the files inside named folders (all levels with --recursive)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = path.rglob("*") if recursive else path.iterdir()
            yield from sorted(p for p in found if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def _is_unusable(result: ingest.IngestResult) -> bool:
    from ..pipeline import ingest

    if result.outcome in (ingest.Outcome.FAILED, ingest.Outcome.REJECTED):
        return True
    return result.outcome is ingest.Outcome.DUPLICATE and result.extraction_status == "failed"


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--org", "org_code", required=True, help="Kode organisasi pemilik dokumen.")
@click.option("--recursive", "-r", is_flag=True, help="Ambil juga berkas di sub-folder.")
@click.option("--as", "as_email", help="Catat unggahan atas nama pengguna ini (bawaan: sistem).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Proses yang membaca berkas sekaligus (bawaan: ingest.workers; 0 di sana: satu per inti CPU).")
@pass_runtime
@explained
def ingest_command(runtime: Runtime, paths: tuple[str, ...], org_code: str, recursive: bool,
                   as_email: str | None, workers: int | None) -> None:
    """Mengimpor berkas dan folder dengan semua inti CPU, termasuk OCR.

    Jalankan perintah yang sama lagi untuk melanjutkan setelah berhenti: berkas yang sudah
    tersimpan tidak diulang.
    """
    from .. import db
    from ..pipeline import bulk
    from ..records import organisations

    engine = runtime.current_engine()
    with db.session_scope(engine) as session:
        organisation_id = organisations.get_by_code(session, org_code).id
        uploader = None
        if as_email:
            from ..records import accounts  # only here: importing it prepares the password hashing (0.1 s)

            uploader = accounts.find_by_email(session, as_email)
            if uploader is None:
                raise CommandFailed(f"pengguna {as_email} tidak ditemukan.")
    files = list(_candidates(paths, recursive))
    workers = parallelism(runtime.settings, "ingest", "workers", workers)
    done: list[tuple[Path, ingest.IngestResult]] = []
    batch = bulk.ingest_files(engine, runtime.settings, files, organisation_id, uploader.id if uploader else None,
                              workers)
    bar = click.progressbar(length=len(files), label=f"Mengimpor ({workers} proses)", file=sys.stderr,
                            item_show_func=lambda p: p.name[:40] if p else "")
    try:
        with closing(batch), bar:
            for path, result in batch:
                done.append((path, result))
                bar.update(1, path)
    except KeyboardInterrupt:
        click.echo(f"Dihentikan: {len(done)} dari {len(files)} berkas selesai. Jalankan perintah yang sama untuk "
                   "melanjutkan; berkas yang sudah tersimpan tidak diulang.", err=True)
        if not batch.index_complete:
            click.echo("Sebagian dokumen yang sudah tersimpan mungkin belum masuk indeks pencarian: perintah yang "
                       "sama memasukkannya, atau jalankan `evidence-vault check --fix`.", err=True)
        sys.exit(130)
    order = {path: index for index, path in reversed(list(enumerate(files)))}
    done.sort(key=lambda item: order[item[0]])
    _print_summary(done)
    if any(_is_unusable(result) for _path, result in done):
        sys.exit(1)


def _print_summary(done: list[tuple[Path, ingest.IngestResult]]) -> None:
    from ..pipeline import ingest

    counts = Counter(result.outcome for _path, result in done)
    click.echo(
        f"Selesai: {len(done)} berkas · {counts[ingest.Outcome.ADDED]} ditambahkan · "
        f"{counts[ingest.Outcome.DUPLICATE]} duplikat · "
        f"{counts[ingest.Outcome.FAILED] + counts[ingest.Outcome.REJECTED]} gagal"
    )
    for path, result in done:
        if result.outcome is not ingest.Outcome.ADDED or result.extraction_status == "needs_ocr":
            click.echo(f"  [{result.outcome.value}] {path}: {result.message}")


@click.command("inspect")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Cetak satu objek JSON (kontrak stabil).")
@click.option("--ocr", "with_ocr", is_flag=True,
              help="Baca halaman pindaian dengan OCR lebih dulu, seperti `ingest`, agar hasilnya sama dengan yang "
                   "didapat pengguna.")
@pass_runtime
def inspect_command(runtime: Runtime, file: str, as_json: bool, with_ocr: bool) -> None:
    """Membaca satu berkas tanpa menyimpannya; kode keluar 1 bila tidak terbaca."""
    from ..legal.fields import LABELS as FIELD_LABELS
    from ..pipeline import stages

    path = Path(file)
    analysis = stages.analyse(path, runtime.settings, ocr=with_ocr)
    report = stages.report(path, analysis)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{report['file']}: {report['mime']}, {report['pages']} halaman, "
                   f"{report['text_chars']} karakter teks")
        if report["ocr_applied"]:
            click.echo(f"  dibaca dengan OCR: halaman {', '.join(map(str, report['ocr_pages']))}")
        elif report["needs_ocr"]:
            click.echo(f"  perlu OCR: halaman {', '.join(map(str, report['ocr_pages']))} (tambahkan --ocr)")
        if report["error"]:
            click.echo(f"  gagal: {report['error']['message']}")
        for name, value in analysis.metadata_values.items():
            if value:
                click.echo(f"  {FIELD_LABELS.get(name, name)}: {value}")
        for finding in analysis.findings:
            click.echo(f"  temuan: {finding.message}")
    if analysis.error:
        sys.exit(1)


@click.command("retag")
@click.option("--org", "org_code", help="Hanya organisasi ini (bawaan: semua).")
@pass_runtime
@explained
def retag(runtime: Runtime, org_code: str | None) -> None:
    """Membaca ulang metadata hukum dan saran indikator semua dokumen; tautan yang sudah diputuskan orang tetap."""
    _rederive(runtime, org_code)


@click.group()
def legal() -> None:
    """Metadata hukum: membacanya ulang, dan umpan JDIHN."""


@legal.command("refresh")
@click.option("--org", "org_code", help="Hanya organisasi ini (bawaan: semua).")
@pass_runtime
@explained
def legal_refresh(runtime: Runtime, org_code: str | None) -> None:
    """Membaca ulang metadata hukum (dan saran indikator) dari teks tersimpan; isian dan konfirmasi orang tetap."""
    _rederive(runtime, org_code)


def _rederive(runtime: Runtime, org_code: str | None) -> None:
    """`retag` and `legal refresh` are one operation: the tail of the pipeline over stored text."""
    from .. import db
    from ..pipeline import indexing, rederive
    from ..records import organisations

    engine = runtime.current_engine()
    with db.session_scope(engine) as session:
        organisation_id = organisations.get_by_code(session, org_code).id if org_code else None
        ids, added = rederive.rederive_all(session, organisation_id)
    indexing.sync(runtime.settings, engine, ids, with_related=False)
    click.echo(f"{len(ids)} dokumen dibaca ulang: metadata hukum diperbarui, {added} saran indikator baru.")


@legal.command("feed")
@click.option("--org", "org_code", required=True, help="Kode organisasi.")
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True,
              help="Alamat vault, untuk tautan di dalam umpan.")
@pass_runtime
@explained
def legal_feed(runtime: Runtime, org_code: str, base_url: str) -> None:
    """Mencetak umpan JDIHN (JSON) produk hukum organisasi untuk situs JDIH."""
    from .. import db
    from ..records import jdihn, organisations

    base = base_url.rstrip("/")
    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        records = jdihn.feed(session, organisation.id, lambda document, which: (
            f"{base}/documents/{document.id}/download" if which == "download" else f"{base}/documents/{document.id}"))
    click.echo(json.dumps(records, ensure_ascii=False, indent=2))


@click.command("ocr")
@click.option("--pending", is_flag=True, help="Semua dokumen yang halaman pindaiannya masih menunggu OCR.")
@click.option("--org", "org_code", help="Hanya organisasi ini (bawaan: semua).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Berkas atau dokumen yang dibaca sekaligus (bawaan: worker.concurrency; 0 di sana berarti satu per "
                   "inti CPU).")
@click.option("--retry-failed", is_flag=True,
              help=f"Coba juga halaman yang sudah {MAX_OCR_FAILURES} kali gagal dibaca OCR "
                   "(misalnya setelah dipindai ulang).")
@click.pass_obj
@explained
def ocr_command(runtime: Runtime, pending: bool, org_code: str | None, workers: int | None,
                retry_failed: bool) -> None:
    """Membaca halaman pindaian yang masih menunggu OCR (Tesseract belum ada, OCR mati, worker berhenti).

    Metadata hukum dan saran indikatornya lalu dibaca ulang; nilai dan tautan yang sudah
    diputuskan orang tetap. Kode keluar 1 bila masih ada halaman yang menunggu.
    """
    from sqlmodel import Session

    from ..extract import ocr_unavailable_reason
    from ..models import Document
    from ..pipeline import scans, stages
    from ..records import organisations

    if not pending:
        raise click.UsageError("sebutkan dokumen mana: --pending (semua yang menunggu OCR).")
    settings, engine = runtime.settings, runtime.current_engine()
    reason = ocr_unavailable_reason(stages.ocr_options_from(settings))
    if reason:
        raise CommandFailed(reason)
    with Session(engine) as session:
        organisation_id = organisations.get_by_code(session, org_code).id if org_code else None
        waiting = scans.pending_documents(session, organisation_id)
        pages = sum(session.get(Document, document_id).ocr_waiting for document_id in waiting)  # type: ignore[union-attr]
    if not waiting:
        click.echo("Tidak ada dokumen yang menunggu OCR.")
        return
    threads = parallelism(settings, "worker", "concurrency", workers)
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
@click.option("--once", is_flag=True, help="Jalankan isi antrean lalu berhenti (untuk penjadwal seperti cron).")
@click.option("--concurrency", type=click.IntRange(min=1),
              help="Berkas atau dokumen yang dibaca sekaligus (bawaan: worker.concurrency; 0 di sana berarti satu per "
                   "inti CPU).")
@click.pass_obj
@explained
def worker_command(runtime: Runtime, once: bool, concurrency: int | None) -> None:
    """Menjalankan antrean latar belakang: membaca unggahan web dan OCR pindaian (`serve` menjalankannya)."""
    from ..extract import ocr_unavailable_reason
    from ..pipeline import stages, worker

    settings = runtime.settings
    runtime.current_engine()  # refuses a database that `init` has not upgraded
    if settings.get("worker", "immediate"):
        raise CommandFailed("worker.immediate menyala: tugas dijalankan langsung saat unggah, tidak ada antrean.")
    threads = parallelism(settings, "worker", "concurrency", concurrency)
    reason = ocr_unavailable_reason(stages.ocr_options_from(settings))
    if reason:
        click.echo(f"Peringatan: {reason}", err=True)
    if once:
        ran = worker.drain(settings, threads)
        click.echo(f"Antrean selesai: {ran} tugas dijalankan (berkas unggahan dibaca, halaman pindaian di-OCR).")
        return
    click.echo(f"Pekerja latar belakang berjalan dengan {threads} utas (Ctrl-C untuk berhenti).")
    worker.run(settings, threads)


COMMANDS = [ingest_command, inspect_command, ocr_command, worker_command, retag, legal]
