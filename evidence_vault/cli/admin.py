"""Setting a vault up and looking after it: `init`, organisations, accounts, backups, the demo, frameworks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from sqlmodel import Session

from .. import backup, db, demo
from ..frameworks import FrameworkError, registry
from ..models import OrganisationKind, Role
from ..pipeline import indexing, ingest, stored_files
from ..records import accounts, organisations
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
    db.upgrade(runtime.engine)
    click.echo(f"Basis data siap (skema {db.current_revision(runtime.engine)}).")
    if indexing.index_for(runtime.settings).needs_rebuild:
        report = indexing.rebuild(runtime.settings, runtime.engine)
        click.echo(f"Indeks pencarian dibangun ulang: {report.documents} dokumen.")
    leftovers = ingest.store_for(runtime.settings).sweep_temporary()
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


def ask_password() -> str:
    """A new password typed twice at the terminal (never echoed)."""
    if not sys.stdin.isatty():
        raise CommandFailed(
            "kata sandi tidak diberikan: set EVIDENCE_VAULT_ADMIN_PASSWORD atau jalankan dari terminal."
        )
    return click.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")


@click.group()
def org() -> None:
    """Organisasi (instansi pemerintah) di vault ini."""


@org.command("add")
@click.argument("name")
@click.option("--kind", required=True, type=click.Choice([k.value for k in OrganisationKind]),
              help="Jenis instansi: province (provinsi), regency (kabupaten), city (kota), agency (lembaga).")
@click.option("--code", help="Kode singkat untuk --org di semua perintah (bawaan: dibuat dari nama).")
@click.option("--region", default="", help="Wilayah, misalnya provinsi dari sebuah kabupaten.")
@pass_runtime
@explained
def org_add(runtime: Runtime, name: str, kind: str, code: str | None, region: str) -> None:
    """Membuat organisasi baru."""
    with db.session_scope(runtime.current_engine()) as session:
        created = organisations.create_organisation(session, name, kind, code=code, region=region)
        click.echo(f"Organisasi {created.name} dibuat dengan kode {created.code}.")


@org.command("list")
@pass_runtime
@explained
def org_list(runtime: Runtime) -> None:
    """Daftar organisasi: kode, jenis, nama."""
    with db.session_scope(runtime.current_engine()) as session:
        for item in organisations.all_organisations(session):
            click.echo(f"{item.code}\t{item.kind}\t{item.name}")


@click.group()
def user() -> None:
    """Akun pengguna."""


@user.command("add")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]),
              help="Peran: admin, coordinator (koordinator), operator, reviewer (penilai internal), viewer (pembaca).")
@click.option("--org", "org_code", help="Kode organisasi (semua peran kecuali admin).")
@click.option("--name", "full_name", default="", help="Nama lengkap yang tampil di aplikasi.")
@click.option("--password-stdin", is_flag=True, help="Baca kata sandi dari standard input.")
@pass_runtime
@explained
def user_add(runtime: Runtime, email: str, role: str, org_code: str | None, full_name: str,
             password_stdin: bool) -> None:
    """Membuat akun pengguna."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else ask_password()
    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code) if org_code else None
        created = accounts.create_user(session, email, password, role, organisation, full_name=full_name)
        click.echo(f"Pengguna {created.email} ({created.role}) dibuat.")


@user.command("list")
@click.option("--org", "org_code", help="Hanya organisasi ini.")
@pass_runtime
@explained
def user_list(runtime: Runtime, org_code: str | None) -> None:
    """Daftar akun: email, peran, organisasi, status."""
    with db.session_scope(runtime.current_engine()) as session:
        scope = [organisations.get_by_code(session, org_code).id] if org_code else None
        codes = {item.id: item.code for item in organisations.all_organisations(session)}
        for person in accounts.users_of(session, scope):
            status = "aktif" if person.is_active else "nonaktif"
            click.echo(f"{person.email}\t{person.role}\t{codes.get(person.organisation_id, '-')}\t{status}")


@user.command("assign")
@click.argument("email")
@click.option("--org", "org_code", required=True, help="Organisasi yang boleh ditinjau penilai ini.")
@click.option("--remove", is_flag=True, help="Cabut penugasannya.")
@pass_runtime
@explained
def user_assign(runtime: Runtime, email: str, org_code: str, remove: bool) -> None:
    """Mengizinkan penilai internal membaca dan meninjau data dukung organisasi lain."""
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
    """Memberi akun kata sandi acak baru (dicetak sekali) dan membuka kunciannya."""
    with db.session_scope(runtime.current_engine()) as session:
        person = accounts.find_by_email(session, email)
        if person is None:
            raise CommandFailed(f"pengguna {email} tidak ditemukan.")
        password = accounts.reset_password(session, person, actor_id=None)
    click.echo(f"Kata sandi baru untuk {email}: {password}")


@user.command("end-sessions")
@click.argument("email", required=False)
@click.option("--all", "everyone", is_flag=True, help="Akhiri sesi semua akun (misalnya setelah dugaan kebocoran).")
@pass_runtime
@explained
def user_end_sessions(runtime: Runtime, email: str | None, everyone: bool) -> None:
    """Mengakhiri semua sesi masuk sebuah akun (atau semua akun dengan --all); mereka harus masuk lagi."""
    if bool(email) == everyone:
        raise click.UsageError("sebutkan satu EMAIL, atau --all untuk semua akun.")
    with db.session_scope(runtime.current_engine()) as session:
        if everyone:
            ended = accounts.end_all_sessions(session, actor_id=None)
            click.echo(f"{ended} sesi diakhiri; semua pengguna harus masuk lagi.")
            return
        person = accounts.find_by_email(session, email)  # type: ignore[arg-type]
        if person is None:
            raise CommandFailed(f"pengguna {email} tidak ditemukan.")
        ended = accounts.end_sessions(session, person, actor_id=None)
    click.echo(f"{ended} sesi {person.email} diakhiri; ia harus masuk lagi di setiap perangkat.")


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@pass_runtime
@explained
def backup_command(runtime: Runtime, target: str) -> None:
    """Menulis arsip cadangan yang konsisten (basis data, berkas, pengaturan tanpa rahasia) selagi aplikasi berjalan."""
    summary = backup.create_backup(runtime.current_engine(), runtime.settings, Path(target))
    click.echo(f"Cadangan ditulis ke {summary.path}: {summary.documents} dokumen, {summary.files} berkas, "
               f"{summary.rows} baris (skema {summary.revision}).")


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@pass_runtime
@explained
def restore_command(runtime: Runtime, source: str) -> None:
    """Memulihkan cadangan ke vault kosong (folder penyimpanan baru), dengan memeriksa setiap berkas."""
    summary = backup.restore_backup(runtime.engine, runtime.settings, Path(source))
    indexing.rebuild(runtime.settings, runtime.engine)
    click.echo(f"Cadangan dipulihkan: {summary.documents} dokumen, {summary.files} berkas diperiksa checksum-nya.")


@click.command("demo")
@pass_runtime
@explained
def demo_command(runtime: Runtime) -> None:
    """Memuat organisasi demo dengan dokumen contoh, lalu mencetak akun masuknya."""
    db.upgrade(runtime.engine)
    login = demo.load_demo(runtime.engine, runtime.settings)
    click.echo(f"Data demo siap untuk {login.organisation}.")
    click.echo(f"  Email      : {login.email}")
    click.echo(f"  Kata sandi : {login.password}   (baru setiap kali `demo` dijalankan)")


@click.group(invoke_without_command=True)
@click.pass_context
def frameworks(context: click.Context) -> None:
    """Kerangka penilaian: tanpa sub-perintah, daftar kerangka yang tersedia."""
    if context.invoked_subcommand is None:
        context.obj.settings  # noqa: B018 - loads custom frameworks from storage
        for item in registry.all_frameworks():
            click.echo(f"{item.code}\t{len(item.indicators)} indikator\t{item.name}")


@frameworks.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_runtime
def frameworks_load(runtime: Runtime, file: str) -> None:
    """Memeriksa berkas kerangka penilaian lalu menambahkannya ke vault ini (admin)."""
    runtime.settings  # noqa: B018 - points the registry at storage
    try:
        loaded = registry.install(Path(file))
    except FrameworkError as error:
        raise CommandFailed(f"kerangka tidak valid:\n{error}") from None
    click.echo(f"Kerangka {loaded.code} ({loaded.name}) dimuat: {len(loaded.indicators)} indikator.")


COMMANDS = [init, org, user, backup_command, restore_command, demo_command, frameworks]
