"""Setting a vault up and looking after it: `init`, backups, the demo, frameworks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..vocabulary import Role
from .accounts import ask_password
from .runtime import CommandFailed, Runtime, explained, pass_runtime


@click.command()
@click.option("--admin-email", envvar="EVIDENCE_VAULT_ADMIN_EMAIL", help="Email akun admin pertama.")
@pass_runtime
@explained
def init(runtime: Runtime, admin_email: str | None) -> None:
    """Membuat atau memperbarui basis data, dan membuat akun admin pertama bila belum ada.

    Jalankan lagi setelah setiap pembaruan: migrasi baru diterapkan dan berkas sementara
    dari unggahan yang terputus dibersihkan.
    """
    from sqlmodel import Session

    from .. import db
    from ..pipeline import indexing, stored_files
    from ..records import accounts
    from ..storage import FileStore

    db.upgrade(runtime.engine)
    click.echo(f"Basis data siap (skema {db.current_revision(runtime.engine)}).")
    if indexing.index_for(runtime.settings).needs_rebuild:
        report = indexing.rebuild(runtime.settings, runtime.engine)
        click.echo(f"Indeks pencarian dibangun ulang: {report.documents} dokumen.")
    leftovers = FileStore.of(runtime.settings).sweep_temporary()
    if leftovers:
        click.echo(f"{leftovers} berkas sementara dari unggahan yang terputus dibersihkan.")
    orphaned = stored_files.check(runtime.settings, runtime.engine).orphaned
    if orphaned:
        click.echo(f"{len(orphaned)} berkas tersimpan tanpa dokumen (sisa unggahan yang terputus): jalankan "
                   "`evidence-vault check --fix` untuk menghapusnya.")
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
    password = os.environ.get("EVIDENCE_VAULT_ADMIN_PASSWORD") or ask_password()
    with db.session_scope(runtime.engine) as session:
        accounts.create_user(session, admin_email, password, Role.ADMIN, None, full_name="Admin")
    click.echo(f"Akun admin {accounts.normalise_email(admin_email)} dibuat.")


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@pass_runtime
@explained
def backup_command(runtime: Runtime, target: str) -> None:
    """Menulis arsip cadangan yang konsisten (basis data, berkas, pengaturan tanpa rahasia) selagi aplikasi berjalan."""
    from .. import backup

    summary = backup.create_backup(runtime.current_engine(), runtime.settings, Path(target))
    click.echo(f"Cadangan ditulis ke {summary.path}: {summary.documents} dokumen, {summary.files} berkas, "
               f"{summary.rows} baris (skema {summary.revision}).")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@pass_runtime
@explained
def restore_command(runtime: Runtime, source: str) -> None:
    """Memulihkan cadangan ke vault kosong (folder penyimpanan baru), dengan memeriksa setiap berkas."""
    from .. import backup
    from ..pipeline import indexing

    summary = backup.restore_backup(runtime.engine, runtime.settings, Path(source))
    indexing.rebuild(runtime.settings, runtime.engine)
    click.echo(f"Cadangan dipulihkan: {summary.documents} dokumen, {summary.files} berkas diperiksa checksum-nya.")


@click.command("demo")
@pass_runtime
@explained
def demo_command(runtime: Runtime) -> None:
    """Memuat organisasi demo dengan dokumen contoh, lalu mencetak akun masuknya."""
    from .. import db, demo

    db.upgrade(runtime.engine)
    login = demo.load_demo(runtime.engine, runtime.settings)
    click.echo(f"Data demo siap untuk {login.organisation}.")
    click.echo(f"  Email      : {login.email}")
    click.echo(f"  Kata sandi : {login.password}   (baru setiap kali `demo` dijalankan)")


@click.group(invoke_without_command=True)
@click.pass_context
def frameworks(context: click.Context) -> None:
    """Kerangka penilaian: tanpa sub-perintah, daftar kerangka yang tersedia."""
    from ..frameworks import registry

    if context.invoked_subcommand is None:
        context.obj.settings  # noqa: B018 - loads custom frameworks from storage
        for item in registry.all_frameworks():
            click.echo(f"{item.code}\t{len(item.indicators)} indikator\t{item.name}")


@frameworks.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_runtime
def frameworks_load(runtime: Runtime, file: str) -> None:
    """Memeriksa berkas kerangka penilaian lalu menambahkannya ke vault ini (admin)."""
    from ..frameworks import FrameworkError, registry

    runtime.settings  # noqa: B018 - points the registry at storage
    try:
        loaded = registry.install(Path(file))
    except FrameworkError as error:
        raise CommandFailed(f"kerangka tidak valid:\n{error}") from None
    click.echo(f"Kerangka {loaded.code} ({loaded.name}) dimuat: {len(loaded.indicators)} indikator.")


COMMANDS = [init, backup_command, restore_command, demo_command, frameworks]
