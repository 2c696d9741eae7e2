"""The assessment from the command line: periods and the pre-assessment audit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .runtime import CommandFailed, Runtime, explained, pass_runtime


@click.group()
def period() -> None:
    """Periode penilaian (kerangka mana, tahun berapa)."""


@period.command("add")
@click.option("--org", "org_code", required=True, help="Kode organisasi.")
@click.option("--year", type=int, required=True, help="Tahun evaluasi.")
@click.option("--framework", "framework_code",
              help="Kode kerangka penilaian (bawaan: yang berlaku untuk tahun itu: spbe-2020 sampai 2025, "
                   "pemdi-2026 sejak 2026).")
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]),
              help="Tanggal penilaian TTTT-BB-HH (bawaan: akhir unggah bukti evaluasi nasional tahun itu).")
@click.option("--label", default="", help="Nama periode, misalnya 'Evaluasi SPBE 2025'.")
@pass_runtime
@explained
def period_add(runtime: Runtime, org_code: str, year: int, framework_code: str | None, as_of: datetime | None,
               label: str) -> None:
    """Membuka periode penilaian untuk organisasi dan menjadikannya periode aktif."""
    from .. import db
    from ..records import organisations, periods

    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        created = periods.create_period(session, organisation, year, framework_code, label,
                                        as_of=as_of.date() if as_of else None)
        click.echo(f"Periode {created.label} ({created.framework}, tanggal penilaian {created.as_of.isoformat()}) "
                   f"dibuka untuk {organisation.name}.")


@period.command("as-of")
@click.option("--org", "org_code", required=True, help="Kode organisasi.")
@click.option("--year", type=int, required=True, help="Tahun periode.")
@click.argument("day", type=click.DateTime(["%Y-%m-%d"]))
@pass_runtime
@explained
def period_as_of(runtime: Runtime, org_code: str, year: int, day: datetime) -> None:
    """Mengubah tanggal penilaian periode (TTTT-BB-HH): tingkat, temuan dan umur dokumen dinilai pada tanggal itu."""
    from .. import audit, db
    from ..records import organisations, periods

    with db.session_scope(runtime.current_engine()) as session:
        organisation = organisations.get_by_code(session, org_code)
        found = audit.period_for(session, organisation, year)
        if found is None:
            raise CommandFailed(f"{organisation.name} tidak memiliki periode {year}.")
        periods.set_as_of(session, found, day.date(), actor_id=None)
    click.echo(f"Tanggal penilaian periode {year} menjadi {day.date().isoformat()}.")


@click.command("audit")
@click.option("--org", "org_code", required=True, help="Kode organisasi.")
@click.option("--period", "year", type=int, help="Tahun periode penilaian (bawaan: periode aktif).")
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]),
              help="Nilai per tanggal ini (TTTT-BB-HH; bawaan: tanggal penilaian periode).")
@click.option("--format", "kind", type=click.Choice(["table", "json", "xlsx", "csv", "zip"]), default="table",
              show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Tulis ke berkas ini (wajib untuk xlsx dan zip).")
@click.option("--csv-internasional", "international_csv", is_flag=True,
              help="CSV dengan pemisah koma, titik desimal dan tanggal TTTT-BB-HH (bawaan: titik koma, koma "
                   "desimal dan tanggal HH/BB/TTTT, seperti Excel berbahasa Indonesia).")
@pass_runtime
@explained
def audit_command(runtime: Runtime, org_code: str, year: int | None, as_of: datetime | None, kind: str,
                  output: str | None, international_csv: bool) -> None:
    """Audit pra-penilaian: tingkat yang didukung per indikator, temuan, dan perkiraan indeks."""
    from sqlmodel import Session

    from .. import audit, db
    from ..records import organisations
    from ..reports import exports
    from ..storage import FileStore

    if kind in ("xlsx", "zip") and not output:
        raise CommandFailed(f"format {kind} perlu --output BERKAS.")
    engine = runtime.current_engine()
    with Session(engine) as session:  # reading only: a long export must not hold the write lock
        organisation = organisations.get_by_code(session, org_code)
        result = audit.run_audit(session, organisation, year, as_of.date() if as_of else None)
        produced = exports.export(session, FileStore.of(runtime.settings), result, kind, organisation.code,
                                  international_csv=international_csv)
    with db.session_scope(engine) as session:
        exports.record_export(session, produced, result, organisation.id, actor_id=None)
    if output:
        Path(output).write_bytes(produced.content)
        click.echo(f"Audit ditulis ke {output} ({len(produced.content)} byte).")
    else:
        click.echo(produced.content.decode("utf-8"), nl=False)


COMMANDS = [period, audit_command]
