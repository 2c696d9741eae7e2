"""Organisations (government bodies): `org`."""

from __future__ import annotations

import click

from .. import db
from ..models import OrganisationKind
from ..records import organisations
from .runtime import Runtime, explained, pass_runtime


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


COMMANDS = [org]
