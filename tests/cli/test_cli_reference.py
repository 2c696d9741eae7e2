"""docs/cli.md is the commands' own help: a change to a command without regenerating it fails here."""

from __future__ import annotations

from ..conftest import PROJECT_ROOT, load_script


def test_the_cli_reference_is_generated_from_the_current_help() -> None:
    generator = load_script("cli_reference")
    written = (PROJECT_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == generator.reference(), "docs/cli.md is stale: run .venv/bin/python scripts/cli_reference.py"


def test_the_reference_covers_every_command_and_sub_command() -> None:
    text = load_script("cli_reference").reference()
    for path in ("evidence-vault ingest", "evidence-vault legal refresh", "evidence-vault user reset-password",
                 "evidence-vault frameworks load", "evidence-vault serve"):
        assert f"## {path}\n" in text
    assert "Berkas TOML berisi pengaturan" in text  # the help is the commands' own, in Indonesian
