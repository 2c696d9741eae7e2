"""docs/cli.md is the commands' own help: a change to a command without regenerating it fails here."""

from __future__ import annotations

import importlib.util

from ..conftest import PROJECT_ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("cli_reference", PROJECT_ROOT / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cli_reference_is_generated_from_the_current_help() -> None:
    generator = _generator()
    written = (PROJECT_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == generator.reference(), "docs/cli.md is stale: run .venv/bin/python scripts/cli_reference.py"


def test_the_reference_covers_every_command_and_sub_command() -> None:
    text = _generator().reference()
    for path in ("evidence-vault ingest", "evidence-vault legal refresh", "evidence-vault user reset-password",
                 "evidence-vault frameworks load", "evidence-vault serve"):
        assert f"## {path}\n" in text
    assert "Berkas TOML berisi pengaturan" in text  # the help is the commands' own, in Indonesian
