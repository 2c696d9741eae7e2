"""The assessment from the command line: periods and the pre-assessment audit."""

from __future__ import annotations

from pathlib import Path

import click
from sqlmodel import Session

from .. import audit, db
from ..pipeline import ingest
from ..records import organisations, periods
from ..reports import exports
from .runtime import CommandFailed, Runtime, explained, pass_runtime


@click.group()
def period() -> None:
    """Periode penilaian (kerangka mana, tahun berapa)."""


@period.command("add")
@click.option("--org", "org_code", required=True)
@click.option("--year", type=int, required=True)
@click.option("--framework", "framework_code", default="spbe-2020", show_default=True)
@click.option("--label", default="", help="Nama periode, misalnya 'Evaluasi SPBE 2025'.")
@pass_runtime
@explained
def period_add(runtime: Runtime, org_code: str, year: int, framework_code: str, label: str) -> None:
    """Membuka periode penilaian untuk organisasi dan menjadikannya periode aktif."""
    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        created = periods.create_period(session, organisation, year, framework_code, label)
        click.echo(f"Periode {created.label} ({created.framework}) dibuka untuk {organisation.name}.")


@click.command("audit")
@click.option("--org", "org_code", required=True, help="Kode organisasi.")
@click.option("--period", "year", type=int, help="Tahun periode penilaian (bawaan: periode aktif).")
@click.option("--format", "kind", type=click.Choice(["table", "json", "xlsx", "csv", "zip"]), default="table",
              show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Tulis ke berkas ini (wajib untuk xlsx dan zip).")
@pass_runtime
@explained
def audit_command(runtime: Runtime, org_code: str, year: int | None, kind: str, output: str | None) -> None:
    """Audit pra-penilaian: tingkat yang didukung per indikator, temuan, dan perkiraan indeks."""
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


COMMANDS = [period, audit_command]
