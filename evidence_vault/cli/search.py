"""Search from the command line, and keeping the search index and the stored files in step: `search`, `reindex`,
`check`."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from .runtime import Runtime, explained, pass_runtime

if TYPE_CHECKING:
    from ..pipeline import indexing, stored_files


@click.command("search")
@click.argument("query")
@click.option("--org", "org_code", required=True, help="Kode organisasi.")
@click.option("--indicator", help="Hanya data dukung yang ditautkan ke indikator ini, misalnya 3 atau spbe-2020:3.")
@click.option("--json", "as_json", is_flag=True, help="Cetak JSON: id dokumen, judul, halaman, skor, cuplikan.")
@click.option("--limit", default=20, show_default=True, help="Banyaknya hasil yang ditampilkan.")
@pass_runtime
@explained
def search_command(runtime: Runtime, query: str, org_code: str, indicator: str | None, as_json: bool,
                   limit: int) -> None:
    """Pencarian teks lengkap berbahasa Indonesia (imbuhan, frasa, sitasi seperti 'Perbup 12/2023')."""
    from .. import db, search
    from ..pipeline import indexing
    from ..records import organisations, periods

    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        if indicator and ":" not in indicator:
            indicator = f"{periods.framework_code_for(session, organisation.id)}:{indicator}"
    results = indexing.index_for(runtime.settings).search(search.SearchQuery(
        text=query, organisation_ids=[organisation.id], indicator=indicator, per_page=min(max(limit, 1), 100)))
    if as_json:
        click.echo(json.dumps({"total": results.total, "note": results.query_note, "hits": [
            {"document_id": hit.document_id, "title": hit.title, "page": hit.best_page,
             "score": round(hit.score, 3) if hit.score is not None else None,
             "snippet": hit.pages[0].snippet.text() if hit.pages else ""} for hit in results.hits]},
            ensure_ascii=False, indent=2))
        return
    if results.query_note:
        click.echo(f"Catatan: {results.query_note}")
    click.echo(f"{results.total} dokumen")
    for hit in results.hits:
        page = f" (hlm. {hit.best_page})" if hit.best_page else ""
        click.echo(f"#{hit.document_id}{page} {hit.title}")
        if hit.pages:
            click.echo(f"    {hit.pages[0].snippet.text()[:200]}")


@click.command("reindex")
@click.option("--check", "only_check", is_flag=True, help="Hanya bandingkan indeks dengan basis data.")
@pass_runtime
@explained
def reindex_command(runtime: Runtime, only_check: bool) -> None:
    """Membangun ulang indeks pencarian dari basis data (pencarian tetap berjalan selama itu)."""
    from ..pipeline import indexing

    engine = runtime.current_engine()
    if only_check:
        _print_check(indexing.check(runtime.settings, engine))
        return
    report = indexing.rebuild(runtime.settings, engine)
    click.echo(f"Indeks pencarian dibangun ulang: {report.documents} dokumen dalam {report.seconds:.1f} detik.")


@click.command("check")
@click.option("--fix", is_flag=True, help="Masukkan dokumen yang hilang ke indeks, buang entri tanpa dokumen, dan "
                                          "hapus berkas tersimpan tanpa dokumen yang lewat masa tunggu.")
@pass_runtime
@explained
def check_command(runtime: Runtime, fix: bool) -> None:
    """Membandingkan indeks pencarian dan berkas tersimpan dengan basis data (misalnya setelah crash).

    Kode keluar 1 bila berbeda. Berkas tanpa dokumen yang lebih muda dari satu jam hanya
    dilaporkan: mungkin unggahan yang sedang dicatat.
    """
    from ..pipeline import indexing, stored_files

    engine = runtime.current_engine()
    report = indexing.check(runtime.settings, engine, fix=fix)
    _print_check(report)
    files = stored_files.check(runtime.settings, engine, fix=fix)
    _print_files(files, fix)
    if not (report.clean and files.clean) and not fix:
        sys.exit(1)
    if fix and not report.clean:
        click.echo("Indeks diperbaiki.")


def _print_files(report: stored_files.FilesReport, fix: bool) -> None:
    from ..pipeline import stored_files

    hours = int(stored_files.GRACE.total_seconds() // 3600)
    if fix and report.removed:
        click.echo(f"{len(report.removed)} berkas tanpa dokumen dihapus (sisa unggahan yang terputus).")
    elif not fix:
        click.echo(f"Berkas tersimpan tanpa dokumen: {len(report.orphaned)} {report.orphaned[:5]}")
    if report.waiting:
        click.echo(f"{len(report.waiting)} berkas tanpa dokumen masih dalam masa tunggu ({hours} jam sejak disimpan; "
                   "mungkin unggahan yang sedang dicatat) dan tidak dihapus.")


def _print_check(report: indexing.CheckReport) -> None:
    if report.needs_rebuild:
        click.echo(f"Indeks perlu dibangun ulang ({report.needs_rebuild}).")
    click.echo(f"Hilang dari indeks: {len(report.missing)} {report.missing[:20]}")
    click.echo(f"Di indeks tanpa dokumen: {len(report.orphaned)} {report.orphaned[:20]}")


COMMANDS = [search_command, reindex_command, check_command]
