"""User accounts: `user`, their API tokens (`token`), and the password prompt `init` shares."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..vocabulary import READ, WRITE, Role
from .runtime import CommandFailed, Runtime, explained, pass_runtime

if TYPE_CHECKING:
    from sqlmodel import Session

    from ..models import User


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
    from .. import db
    from ..records import accounts, organisations

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
    from .. import db
    from ..records import accounts, organisations

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
    from .. import db
    from ..records import accounts, organisations

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
    from .. import db
    from ..records import accounts

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
    from .. import db
    from ..records import accounts

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


@click.group()
def token() -> None:
    """Token API pribadi: membuat, melihat, mencabut.

    Token bertindak sebagai penggunanya lewat /api/v1 (docs/api.md), tidak pernah melebihi
    peran dan organisasi akunnya. Vault hanya menyimpan sidiknya: token ditampilkan sekali.
    """


@token.command("add")
@click.argument("email")
@click.option("--name", required=True, help="Nama untuk mengenali token, misalnya \"Dasbor provinsi\".")
@click.option("--scope", type=click.Choice([READ, WRITE]), default=READ, show_default=True,
              help="read: hanya membaca; write: membaca dan mengubah (sebatas peran akun).")
@click.option("--days", type=int, default=90, show_default=True, help="Masa berlaku dalam hari.")
@click.option("--org", "org_code", help="Batasi token ke satu organisasi akun ini (kode).")
@click.option("--max-mb", "max_mib", type=int, default=None,
              help="Batas ukuran satu permintaan token ini, dalam MiB, di bawah batas vault (misalnya 10 untuk JDIH "
                   "yang mengirim satu per satu). Tanpa ini: batas vault.")
@pass_runtime
@explained
def token_add(runtime: Runtime, email: str, name: str, scope: str, days: int, org_code: str | None,
              max_mib: int | None) -> None:
    """Membuat token API untuk akun; token dicetak sekali ini saja."""
    from .. import db
    from ..pipeline.uploads import largest_request
    from ..records import organisations, tokens

    with db.session_scope(runtime.current_engine()) as session:
        person = _account(session, email)
        organisation = organisations.get_by_code(session, org_code) if org_code else None
        created, secret = tokens.create(session, person, name, scope, days,
                                        max_days=runtime.settings.get("api", "token_max_days"),
                                        organisation=organisation, actor_id=None, max_request_mib=max_mib,
                                        largest_mib=-(-largest_request(runtime.settings) // tokens.MIB))
        expires = created.expires_at.date().isoformat()
    click.echo(f"Token \u201c{name}\u201d untuk {email} dibuat, berlaku sampai {expires}. Simpan sekarang; token "
               "tidak akan ditampilkan lagi:", err=True)
    click.echo(secret)


@token.command("list")
@click.argument("email", required=False)
@pass_runtime
@explained
def token_list(runtime: Runtime, email: str | None) -> None:
    """Daftar token (semua akun, atau satu): nomor, awalan, akun, nama, cakupan, akhir berlaku, status, batas ukuran."""
    from .. import db
    from ..records import accounts, tokens

    with db.session_scope(runtime.current_engine()) as session:
        owner = _account(session, email) if email else None
        emails = {person.id: person.email for person in accounts.users_of(session, None)}
        for item in tokens.tokens_of(session, owner.id if owner else None):
            status = "dicabut" if item.revoked_at else "aktif" if tokens.is_live(item) else "kedaluwarsa"
            limit = f"{item.max_request_bytes // tokens.MIB} MiB" if item.max_request_bytes else "batas vault"
            click.echo(f"{item.id}\t{item.prefix}\t{emails.get(item.user_id, '-')}\t{item.name}\t{item.scope}\t"
                       f"{item.expires_at.date().isoformat()}\t{status}\t{limit}")


@token.command("revoke")
@click.argument("token_id", type=int)
@pass_runtime
@explained
def token_revoke(runtime: Runtime, token_id: int) -> None:
    """Mencabut token (nomornya dari `token list`) untuk selamanya."""
    from .. import db
    from ..records import tokens

    with db.session_scope(runtime.current_engine()) as session:
        found = tokens.find(session, token_id)
        if found is None:
            raise CommandFailed(f"token {token_id} tidak ditemukan; lihat `evidence-vault token list`.")
        tokens.revoke(session, found, actor_id=None)
    click.echo(f"Token {token_id} ({found.prefix}) dicabut.")


def _account(session: Session, email: str) -> User:
    """The account with this email, or the command fails saying so."""
    from ..records import accounts

    person = accounts.find_by_email(session, email)
    if person is None:
        raise CommandFailed(f"pengguna {email} tidak ditemukan.")
    return person


COMMANDS = [user, token]
