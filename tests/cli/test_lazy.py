"""The CLI imports a command's module only when the command runs (issue 23).

`--help` used to import the database layer, the search engine and the demo's PDF writer:
1.8 s before anything was printed. These tests check what gets imported, not how long it
takes (timings are in `bench/cli_bench.py`), and that the table `--help` is written from
agrees with the commands themselves.
"""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest

from evidence_vault.cli import AREAS, COMMANDS
from evidence_vault.cli.runtime import DOMAIN_ERRORS

# Imported by a run of `evidence_vault.cli.main(ARGS)`, written to the file named by the first argument.
IMPORTED_BY = textwrap.dedent("""\
    import json, sys
    from evidence_vault.cli import main
    try:
        main(sys.argv[2:], standalone_mode=False)
    finally:
        with open(sys.argv[1], "w") as out:
            json.dump(sorted(sys.modules), out)
""")

ENGINES = ["sqlalchemy", "sqlmodel", "alembic", "whoosh", "fpdf", "pypdf", "docx", "openpyxl", "huey", "flask",
           "PIL", "pytesseract", "pypdfium2"]
THE_VAULT = ["evidence_vault.db", "evidence_vault.models", "evidence_vault.records", "evidence_vault.pipeline",
             "evidence_vault.search", "evidence_vault.demo", "evidence_vault.backup", "evidence_vault.audit",
             "evidence_vault.reports", "evidence_vault.extract", "evidence_vault.web"]


def _imported(tmp_path: Path, *args: str) -> set[str]:
    record = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", IMPORTED_BY, str(record), *args], check=True, capture_output=True,
                   timeout=120)
    return set(json.loads(record.read_text()))


DATABASE = ["sqlalchemy", "sqlmodel", "alembic", "evidence_vault.db", "evidence_vault.models",
            "evidence_vault.records"]


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_imports_neither_an_engine_nor_the_vault(tmp_path: Path, args: list[str]) -> None:
    """Help (and the version) load click and the command table, no command module."""
    imported = _imported(tmp_path, *args)
    assert not imported & {*ENGINES, *THE_VAULT}, sorted(imported & {*ENGINES, *THE_VAULT})
    assert not [name for name in imported if name.startswith("evidence_vault.cli.") and
                name not in ("evidence_vault.cli.lazy",)]


def _every_command() -> list[list[str]]:
    """The path to every command and sub-command: ["org"], ["org", "add"], ..."""
    from evidence_vault.cli import main

    found = []
    context = click.Context(main)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        found.append([name])
        if isinstance(command, click.Group):
            found += [[name, sub] for sub in command.list_commands(click.Context(command, parent=context))]
    return found


@pytest.mark.parametrize("args", _every_command(), ids=" ".join)
def test_a_commands_help_imports_no_database_code(tmp_path: Path, args: list[str]) -> None:
    """A command's `--help` loads its own module and nothing of the database, the engines or the domain."""
    imported = _imported(tmp_path, *args, "--help")
    assert not imported & {*ENGINES, *THE_VAULT, *DATABASE}, sorted(imported & {*ENGINES, *THE_VAULT, *DATABASE})


def test_ocr_help_names_the_failures_the_pipeline_allows() -> None:
    from evidence_vault.cli import pipeline
    from evidence_vault.pipeline import scans

    assert pipeline.MAX_OCR_FAILURES == scans.MAX_OCR_FAILURES


@pytest.mark.usefixtures("initialised")
def test_org_list_imports_the_database_and_nothing_it_does_not_use(tmp_path: Path) -> None:
    imported = _imported(tmp_path, "org", "list")
    assert {"sqlmodel", "evidence_vault.records.organisations", "evidence_vault.cli.organisations"} <= imported
    unused = {"whoosh", "fpdf", "pypdf", "docx", "openpyxl", "huey", "flask", "PIL", "pytesseract", "babel",
              "evidence_vault.search", "evidence_vault.demo", "evidence_vault.backup", "evidence_vault.audit",
              "evidence_vault.pipeline", "evidence_vault.reports", "evidence_vault.extract", "evidence_vault.legal",
              "evidence_vault.frameworks", "evidence_vault.records.accounts", "evidence_vault.cli.admin",
              "evidence_vault.cli.pipeline", "alembic"}
    assert not imported & unused, sorted(imported & unused)


@pytest.mark.usefixtures("initialised")
def test_a_custom_framework_is_known_to_a_command_that_did_not_import_the_registry_first(
        cli, tmp_path: Path) -> None:
    """The registry is pointed at storage only when there is a custom framework or it is imported already
    (`runtime.use_custom_frameworks`): a fresh process that opens a period on a custom framework finds it."""
    from evidence_vault.frameworks import DATA_DIR

    text = (DATA_DIR / "pemdi-2026.toml").read_text(encoding="utf-8")
    custom = tmp_path / "daerah.toml"
    custom.write_text(text.replace('code = "pemdi-2026"', 'code = "bali-2026"', 1), encoding="utf-8")
    assert cli("frameworks", "load", str(custom)).exit_code == 0
    done = subprocess.run([sys.executable, "-m", "evidence_vault", "period", "add", "--org", "badung", "--year",
                           "2026", "--framework", "bali-2026"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "bali-2026" in done.stdout


def _area_commands() -> list[tuple[str, str, click.Command]]:
    """(area, attribute, command) for every command each area module lists in its own COMMANDS."""
    found = []
    for area in AREAS:
        module = importlib.import_module(f"evidence_vault.cli.{area}")
        for command in module.COMMANDS:
            attribute = next(name for name, value in vars(module).items() if value is command)
            found.append((area, attribute, command))
    return found


def test_the_table_lists_every_command_of_every_area_with_its_own_help() -> None:
    listed = {command.name: (f"{area}:{attribute}", command) for area, attribute, command in _area_commands()}
    assert set(listed) == set(COMMANDS), "evidence_vault/cli/__init__.py: COMMANDS and the areas' COMMANDS differ"
    for name, (where, command) in listed.items():
        assert COMMANDS[name].where == where, name
        assert COMMANDS[name].summary == inspect.cleandoc(command.help or "").split("\n\n")[0], (
            f"the summary of `{name}` in evidence_vault/cli/__init__.py differs from its help")


def test_help_from_the_table_reads_as_help_from_the_commands_themselves() -> None:
    """The list `--help` writes without importing a command is the one click writes from the loaded commands."""
    both = textwrap.dedent("""\
        import json
        import click
        from click.testing import CliRunner
        from evidence_vault.cli import main
        from_table = CliRunner().invoke(main, ["--help"]).output
        context = click.Context(main)
        for name in main.list_commands(context):
            main.get_command(context, name)  # loads every command
        print(json.dumps([from_table, CliRunner().invoke(main, ["--help"]).output]))
    """)
    done = subprocess.run([sys.executable, "-c", both], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    from_table, from_commands = json.loads(done.stdout)
    assert "Akun pengguna." in from_table
    assert from_table == from_commands


@pytest.mark.parametrize(("module", "name"), sorted(DOMAIN_ERRORS.items()))
def test_every_domain_error_named_exists(module: str, name: str) -> None:
    assert issubclass(getattr(importlib.import_module(module), name), Exception)


@pytest.mark.usefixtures("initialised")
def test_a_domain_error_is_still_a_clean_message(cli) -> None:
    result = cli("org", "add", "Kabupaten Badung", "--kind", "regency", "--code", "badung")
    assert result.exit_code == 1
    assert result.output.startswith("Gagal: ")
    assert "Traceback" not in result.output
