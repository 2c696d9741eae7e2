"""User accounts: `user`, and the password prompt `init` shares."""

from __future__ import annotations

import sys

import click

from .. import db
from ..models import Role
from ..records import accounts, organisations
from .runtime import CommandFailed, Runtime, explained, pass_runtime


def ask_password() -> str:
    """A new password typed twice at the terminal (never echoed)."""
    if not sys.stdin.isatty():
        raise CommandFailed(
            "kata sandi tidak diberikan: set EVIDENCE_VAULT_ADMIN_PASSWORD atau jalankan dari terminal."
        )
    return click.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")


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


COMMANDS = [user]


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
