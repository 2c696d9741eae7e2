"""The `evidence-vault` command: a thin shell over the domain modules.

Every command honours `--config` and the EVIDENCE_VAULT_* environment, so scripts and
tests can point it at a throwaway storage folder.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import click
from sqlmodel import Session

from . import (
    accounts,
    audit,
    backup,
    bulk,
    db,
    demo,
    indexing,
    ingest,
    organisations,
    periods,
    pipeline,
    search,
    suggestions,
    worker,
)
from .cli_pipeline import register
from .cli_runtime import CommandFailed, Runtime, explained, pass_runtime
from .frameworks import FrameworkError, registry
from .legal import jdihn
from .legal import reread as legal_reread
from .models import OrganisationKind, Role
from .reports import exports


@click.group(help="Evidence Vault: data dukung SPBE yang tertata dan sah.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="EVIDENCE_VAULT_CONFIG",
              help="A TOML file with settings that override config.toml.")
@click.version_option(package_name="evidence-vault")
@click.pass_context
def main(context: click.Context, config_path: str | None) -> None:
    context.obj = Runtime(config_path)
    context.call_on_close(context.obj.close)


@main.command()
@click.option("--admin-email", envvar="EVIDENCE_VAULT_ADMIN_EMAIL", help="Email of the first admin account.")
@pass_runtime
@explained
def init(runtime: Runtime, admin_email: str | None) -> None:
    """Create or upgrade the database, and create the first admin account if there is none."""
    db.upgrade(runtime.engine)
    click.echo(f"Basis data siap (skema {db.current_revision(runtime.engine)}).")
    if indexing.index_for(runtime.settings).needs_rebuild:
        report = indexing.rebuild(runtime.settings, runtime.engine)
        click.echo(f"Indeks pencarian dibangun ulang: {report.documents} dokumen.")
    leftovers = ingest.store_for(runtime.settings).sweep_temporary()
    if leftovers:
        click.echo(f"{leftovers} berkas sementara dari unggahan yang terputus dibersihkan.")
    with Session(runtime.engine) as session:
        if accounts.count_admins(session):
            return
    if not admin_email:  # asked outside the write transaction, which would block the worker meanwhile
        if not sys.stdin.isatty():
            raise CommandFailed(
                "belum ada admin: jalankan ulang dengan EVIDENCE_VAULT_ADMIN_EMAIL dan "
                "EVIDENCE_VAULT_ADMIN_PASSWORD, atau dari terminal agar ditanya."
            )
        admin_email = click.prompt("Email admin")
    password = os.environ.get("EVIDENCE_VAULT_ADMIN_PASSWORD") or _ask_password()
    with db.session_scope(runtime.engine) as session:
        accounts.create_user(session, admin_email, password, Role.ADMIN, None, full_name="Admin")
    click.echo(f"Akun admin {accounts.normalise_email(admin_email)} dibuat.")


def _ask_password() -> str:
    if not sys.stdin.isatty():
        raise CommandFailed(
            "kata sandi tidak diberikan: set EVIDENCE_VAULT_ADMIN_PASSWORD atau jalankan dari terminal."
        )
    return click.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")


@main.group()
def org() -> None:
    """Organisations (government bodies)."""


@org.command("add")
@click.argument("name")
@click.option("--kind", required=True, type=click.Choice([k.value for k in OrganisationKind]))
@click.option("--code", help="Short slug used by --org everywhere (default: made from the name).")
@click.option("--region", default="", help="Region, e.g. the province of a regency.")
@pass_runtime
@explained
def org_add(runtime: Runtime, name: str, kind: str, code: str | None, region: str) -> None:
    """Create an organisation."""
    with db.session_scope(runtime.current_engine()) as session:
        created = organisations.create_organisation(session, name, kind, code=code, region=region)
        click.echo(f"Organisasi {created.name} dibuat dengan kode {created.code}.")


@org.command("list")
@pass_runtime
@explained
def org_list(runtime: Runtime) -> None:
    """List organisations."""
    with db.session_scope(runtime.current_engine()) as session:
        for item in organisations.all_organisations(session):
            click.echo(f"{item.code}\t{item.kind}\t{item.name}")


@main.group()
def user() -> None:
    """User accounts."""


@user.command("add")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--org", "org_code", help="Organisation code (all roles except admin).")
@click.option("--name", "full_name", default="", help="Full name shown in the app.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@pass_runtime
@explained
def user_add(runtime: Runtime, email: str, role: str, org_code: str | None, full_name: str,
             password_stdin: bool) -> None:
    """Create a user account."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else _ask_password()
    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code) if org_code else None
        created = accounts.create_user(session, email, password, role, organisation, full_name=full_name)
        click.echo(f"Pengguna {created.email} ({created.role}) dibuat.")


@user.command("list")
@click.option("--org", "org_code", help="Only this organisation.")
@pass_runtime
@explained
def user_list(runtime: Runtime, org_code: str | None) -> None:
    """List accounts: email, role, organisation, status."""
    with db.session_scope(runtime.current_engine()) as session:
        scope = [organisations.get_by_code(session, org_code).id] if org_code else None
        codes = {item.id: item.code for item in organisations.all_organisations(session)}
        for person in accounts.users_of(session, scope):
            status = "aktif" if person.is_active else "nonaktif"
            click.echo(f"{person.email}\t{person.role}\t{codes.get(person.organisation_id, '-')}\t{status}")


@user.command("assign")
@click.argument("email")
@click.option("--org", "org_code", required=True, help="Organisation the reviewer may review.")
@click.option("--remove", is_flag=True, help="Withdraw the assignment instead.")
@pass_runtime
@explained
def user_assign(runtime: Runtime, email: str, org_code: str, remove: bool) -> None:
    """Let a reviewer (internal assessor) read and review another organisation's evidence."""
    with db.session_scope(runtime.current_engine()) as session:
        person = accounts.find_by_email(session, email)
        if person is None:
            raise CommandFailed(f"pengguna {email} tidak ditemukan.")
        organisation = organisations.get_by_code(session, org_code)
        if remove:
            accounts.unassign_reviewer(session, person, organisation, actor_id=None)
        else:
            accounts.assign_reviewer(session, person, organisation, actor_id=None)
    click.echo(f"Penugasan {email} untuk {organisation.name} {'dicabut' if remove else 'disimpan'}.")


@user.command("reset-password")
@click.argument("email")
@pass_runtime
@explained
def user_reset_password(runtime: Runtime, email: str) -> None:
    """Give an account a new random password (printed once) and lift any lockout."""
    with db.session_scope(runtime.current_engine()) as session:
        person = accounts.find_by_email(session, email)
        if person is None:
            raise CommandFailed(f"pengguna {email} tidak ditemukan.")
        password = accounts.reset_password(session, person, actor_id=None)
    click.echo(f"Kata sandi baru untuk {email}: {password}")


@main.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@pass_runtime
@explained
def backup_command(runtime: Runtime, target: str) -> None:
    """Write a consistent archive (database, files, settings without secrets) while the app runs."""
    summary = backup.create_backup(runtime.current_engine(), runtime.settings, Path(target))
    click.echo(f"Cadangan ditulis ke {summary.path}: {summary.documents} dokumen, {summary.files} berkas, "
               f"{summary.rows} baris (skema {summary.revision}).")


@main.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@pass_runtime
@explained
def restore_command(runtime: Runtime, source: str) -> None:
    """Bring a backup back into an empty vault (a new storage folder), checking every file."""
    summary = backup.restore_backup(runtime.engine, runtime.settings, Path(source))
    indexing.rebuild(runtime.settings, runtime.engine)
    click.echo(f"Cadangan dipulihkan: {summary.documents} dokumen, {summary.files} berkas diperiksa checksum-nya.")


@main.command()
@click.option("--host", help="Address to listen on (default from config).")
@click.option("--port", type=int, help="Port to listen on (default from config).")
@click.option("--debug", is_flag=True, help="Flask's development server with reloading; never in production.")
@pass_runtime
@explained
def serve(runtime: Runtime, host: str | None, port: int | None, debug: bool) -> None:
    """Start the web application (waitress, a production-grade server)."""
    from .app import create_app

    settings = runtime.settings
    host = host or settings.get("server", "host")
    port = port or settings.get("server", "port")
    app = create_app(settings)
    threading.Thread(target=indexing.index_for(settings).warm, name="search-warm", daemon=True).start()
    click.echo(f"Evidence Vault berjalan di http://{host}:{port}/  (Ctrl-C untuk berhenti)")
    if debug:
        app.run(host=host, port=port, debug=True)
        return
    from waitress import serve as waitress_serve

    waitress_serve(app, host=host, port=port, threads=settings.get("server", "threads"), ident="evidence-vault")


@main.command("demo")
@pass_runtime
@explained
def demo_command(runtime: Runtime) -> None:
    """Load a demo organisation with generated documents, and print its login."""
    db.upgrade(runtime.engine)
    login = demo.load_demo(runtime.engine, runtime.settings)
    click.echo(f"Data demo siap untuk {login.organisation}.")
    click.echo(f"  Email      : {login.email}")
    click.echo(f"  Kata sandi : {login.password}   (baru setiap kali `demo` dijalankan)")


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
    if result.outcome in (ingest.Outcome.FAILED, ingest.Outcome.REJECTED):
        return True
    return result.outcome is ingest.Outcome.DUPLICATE and result.extraction_status == "failed"


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--org", "org_code", required=True, help="Organisation code the documents belong to.")
@click.option("--recursive", "-r", is_flag=True, help="Also take files in sub-folders.")
@click.option("--as", "as_email", help="Record the upload as this user (default: the system).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Processes reading files at once (default: ingest.workers; 0 there means one per core).")
@pass_runtime
@explained
def ingest_command(runtime: Runtime, paths: tuple[str, ...], org_code: str, recursive: bool,
                   as_email: str | None, workers: int | None) -> None:
    """Import files and folders on all cores, OCR included; run it again to resume after a stop."""
    engine = runtime.current_engine()
    with db.session_scope(engine) as session:
        organisation_id = organisations.get_by_code(session, org_code).id
        uploader = accounts.find_by_email(session, as_email) if as_email else None
        if as_email and uploader is None:
            raise CommandFailed(f"pengguna {as_email} tidak ditemukan.")
    files = list(_candidates(paths, recursive))
    workers = worker.parallelism(runtime.settings, "ingest", "workers", workers)
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
    counts = Counter(result.outcome for _path, result in done)
    click.echo(
        f"Selesai: {len(done)} berkas · {counts[ingest.Outcome.ADDED]} ditambahkan · "
        f"{counts[ingest.Outcome.DUPLICATE]} duplikat · "
        f"{counts[ingest.Outcome.FAILED] + counts[ingest.Outcome.REJECTED]} gagal"
    )
    for path, result in done:
        if result.outcome is not ingest.Outcome.ADDED or result.extraction_status == "needs_ocr":
            click.echo(f"  [{result.outcome.value}] {path}: {result.message}")


@main.group()
def legal() -> None:
    """Legal metadata: re-reading it, and the JDIHN feed."""


@legal.command("refresh")
@click.option("--org", "org_code", help="Only this organisation (default: all).")
@pass_runtime
@explained
def legal_refresh(runtime: Runtime, org_code: str | None) -> None:
    """Re-read legal metadata from the stored text; values people entered or confirmed are kept."""
    with db.session_scope(runtime.current_engine()) as session:
        organisation_id = organisations.get_by_code(session, org_code).id if org_code else None
        count = legal_reread.reread_all(session, organisation_id)
    indexing.rebuild(runtime.settings, runtime.engine)
    click.echo(f"Metadata hukum {count} dokumen dibaca ulang.")


@legal.command("feed")
@click.option("--org", "org_code", required=True, help="Organisation code.")
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True,
              help="Address of the vault, for the links in the feed.")
@pass_runtime
@explained
def legal_feed(runtime: Runtime, org_code: str, base_url: str) -> None:
    """Print the organisation's JDIHN-compatible feed (JSON) for a JDIH site."""
    base = base_url.rstrip("/")
    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        records = jdihn.feed(session, organisation.id, lambda document, which: (
            f"{base}/documents/{document.id}/download" if which == "download" else f"{base}/documents/{document.id}"))
    click.echo(json.dumps(records, ensure_ascii=False, indent=2))


@main.group(invoke_without_command=True)
@click.pass_context
def frameworks(context: click.Context) -> None:
    """Assessment frameworks: list them (no sub-command), or load a custom one."""
    if context.invoked_subcommand is None:
        context.obj.settings  # noqa: B018 - loads custom frameworks from storage
        for item in registry.all_frameworks():
            click.echo(f"{item.code}\t{len(item.indicators)} indikator\t{item.name}")


@frameworks.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_runtime
def frameworks_load(runtime: Runtime, file: str) -> None:
    """Validate a framework file and add it to this vault (admins)."""
    runtime.settings  # noqa: B018 - points the registry at storage
    try:
        loaded = registry.install(Path(file))
    except FrameworkError as error:
        raise CommandFailed(f"kerangka tidak valid:\n{error}") from None
    click.echo(f"Kerangka {loaded.code} ({loaded.name}) dimuat: {len(loaded.indicators)} indikator.")


@main.group()
def period() -> None:
    """Assessment periods (which framework, which year)."""


@period.command("add")
@click.option("--org", "org_code", required=True)
@click.option("--year", type=int, required=True)
@click.option("--framework", "framework_code", default="spbe-2020", show_default=True)
@click.option("--label", default="", help="A name, e.g. 'Evaluasi SPBE 2025'.")
@pass_runtime
@explained
def period_add(runtime: Runtime, org_code: str, year: int, framework_code: str, label: str) -> None:
    """Open an assessment period for an organisation and make it the current one."""
    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        created = periods.create_period(session, organisation, year, framework_code, label)
        click.echo(f"Periode {created.label} ({created.framework}) dibuka untuk {organisation.name}.")


@main.command("retag")
@click.option("--org", "org_code", help="Only this organisation (default: all).")
@pass_runtime
@explained
def retag(runtime: Runtime, org_code: str | None) -> None:
    """Suggest indicators again for stored documents; links people decided on are kept."""
    with db.session_scope(runtime.current_engine()) as session:
        organisation_id = organisations.get_by_code(session, org_code).id if org_code else None
        added = suggestions.resuggest_all(session, organisation_id)
    click.echo(f"{added} saran indikator baru.")


@main.command("audit")
@click.option("--org", "org_code", required=True, help="Organisation code.")
@click.option("--period", "year", type=int, help="Year of the assessment period (default: the current one).")
@click.option("--format", "kind", type=click.Choice(["table", "json", "xlsx", "csv", "zip"]), default="table",
              show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file (required for xlsx and zip).")
@pass_runtime
@explained
def audit_command(runtime: Runtime, org_code: str, year: int | None, kind: str, output: str | None) -> None:
    """The pre-assessment audit: supported level per indicator, findings, predicted index."""
    if kind in ("xlsx", "zip") and not output:
        raise CommandFailed(f"format {kind} perlu --output BERKAS.")
    engine = runtime.current_engine()
    with Session(engine) as session:  # reading only: a long export must not hold the write lock
        organisation = organisations.get_by_code(session, org_code)
        result = audit.run_audit(session, organisation, year)
        produced = exports.export(session, ingest.store_for(runtime.settings), result, kind, organisation.code)
    with db.session_scope(engine) as session:
        exports.record_export(session, produced, result, organisation.id, actor_id=None)
    if output:
        Path(output).write_bytes(produced.content)
        click.echo(f"Audit ditulis ke {output} ({len(produced.content)} byte).")
    else:
        click.echo(produced.content.decode("utf-8"), nl=False)


@main.command("search")
@click.argument("query")
@click.option("--org", "org_code", required=True, help="Organisation code.")
@click.option("--indicator", help="Only evidence linked to this indicator, e.g. 3 or spbe-2020:3.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: hits with document id, title, page, score, snippet.")
@click.option("--limit", default=20, show_default=True, help="Hits to show.")
@pass_runtime
@explained
def search_command(runtime: Runtime, query: str, org_code: str, indicator: str | None, as_json: bool,
                   limit: int) -> None:
    """Full-text search in Indonesian (inflections, phrases, citations like 'Perbup 12/2023')."""
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


@main.command("reindex")
@click.option("--check", "only_check", is_flag=True, help="Only compare the index with the database.")
@pass_runtime
@explained
def reindex_command(runtime: Runtime, only_check: bool) -> None:
    """Rebuild the search index from the database (searches keep working meanwhile)."""
    engine = runtime.current_engine()
    if only_check:
        _print_check(indexing.check(runtime.settings, engine))
        return
    report = indexing.rebuild(runtime.settings, engine)
    click.echo(f"Indeks pencarian dibangun ulang: {report.documents} dokumen dalam {report.seconds:.1f} detik.")


@main.command("check")
@click.option("--fix", is_flag=True, help="Index missing documents and drop entries without a document.")
@pass_runtime
@explained
def check_command(runtime: Runtime, fix: bool) -> None:
    """Compare the search index with the database (after a crash, say); exit code 1 when they differ."""
    report = indexing.check(runtime.settings, runtime.current_engine(), fix=fix)
    _print_check(report)
    if not report.clean and not fix:
        sys.exit(1)
    if fix and not report.clean:
        click.echo("Diperbaiki.")


def _print_check(report: indexing.CheckReport) -> None:
    if report.needs_rebuild:
        click.echo(f"Indeks perlu dibangun ulang ({report.needs_rebuild}).")
    click.echo(f"Hilang dari indeks: {len(report.missing)} {report.missing[:20]}")
    click.echo(f"Di indeks tanpa dokumen: {len(report.orphaned)} {report.orphaned[:20]}")


@main.command("inspect")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (stable contract).")
@pass_runtime
def inspect_command(runtime: Runtime, file: str, as_json: bool) -> None:
    """Extract one file without storing it; exit code 1 when it cannot be read."""
    path = Path(file)
    analysis = pipeline.analyse(path, runtime.settings)
    report = pipeline.report(path, analysis)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{report['file']}: {report['mime']}, {report['pages']} halaman, "
                   f"{report['text_chars']} karakter teks")
        if report["needs_ocr"]:
            click.echo(f"  perlu OCR: halaman {', '.join(map(str, report['ocr_pages']))}")
        if report["error"]:
            click.echo(f"  gagal: {report['error']['message']}")
    if analysis.error:
        sys.exit(1)


register(main)  # the commands of the OCR and background stages

if __name__ == "__main__":
    main()
