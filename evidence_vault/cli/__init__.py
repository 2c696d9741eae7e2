"""The `evidence-vault` command: a thin shell over the domain, one module per area.

`admin` (setting up and looking after a vault), `pipeline` (importing and reading
documents), `search`, `audit` and `serve`. Every command honours `--config` and the
EVIDENCE_VAULT_* environment, so scripts and tests can point it at a throwaway storage
folder. `docs/cli.md` is generated from the commands' own help (`scripts/cli_reference.py`).
"""

from __future__ import annotations

import click

from . import admin, audit, pipeline, search, serve
from .runtime import Runtime


@click.group(help="Evidence Vault: data dukung SPBE / Pemerintah Digital yang tertata dan sah.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="EVIDENCE_VAULT_CONFIG",
              help="Berkas TOML berisi pengaturan yang menggantikan bawaan (lihat docs/configuration.md).")
@click.version_option(package_name="evidence-vault", message="%(prog)s %(version)s")
@click.pass_context
def main(context: click.Context, config_path: str | None) -> None:
    context.obj = Runtime(config_path)
    context.call_on_close(context.obj.close)


for _area in (admin, pipeline, search, audit, serve):
    for _command in _area.COMMANDS:
        main.add_command(_command)
