"""Organisations (government bodies): `org`.

Like every command module, it imports the database layer and the domain inside the commands,
not at the top: `evidence-vault org --help` then imports neither (issue 23).
"""

from __future__ import annotations

import click

from ..vocabulary import OrganisationKind
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
@click.option("--zona", "time_zone", type=click.Choice(["WIB", "WITA", "WIT"], case_sensitive=False),
              help="Zona waktu semua jam dan tanggal organisasi ini (bawaan: dari wilayah atau nama; Bali WITA, "
                   "Papua dan Maluku WIT, selainnya WIB).")
@pass_runtime
@explained
def org_add(runtime: Runtime, name: str, kind: str, code: str | None, region: str, time_zone: str | None) -> None:
    """Membuat organisasi baru."""
    from .. import db
    from ..records import organisations

    with db.session_scope(runtime.current_engine()) as session:
        created = organisations.create_organisation(session, name, kind, code=code, region=region,
                                                    time_zone=time_zone)
        click.echo(f"Organisasi {created.name} dibuat dengan kode {created.code}, zona waktu {created.time_zone}.")


@org.command("list")
@pass_runtime
@explained
def org_list(runtime: Runtime) -> None:
    """Daftar organisasi: kode, jenis, nama."""
    from .. import db
    from ..records import organisations

    with db.session_scope(runtime.current_engine()) as session:
        for item in organisations.all_organisations(session):
            click.echo(f"{item.code}\t{item.kind}\t{item.name}")


COMMANDS = [org]
