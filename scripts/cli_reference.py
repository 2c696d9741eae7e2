"""Write docs/cli.md from the commands' own help, so the reference cannot drift from the code.

    .venv/bin/python scripts/cli_reference.py            # rewrite docs/cli.md
    .venv/bin/python scripts/cli_reference.py --check    # exit 1 when docs/cli.md is stale

`tests/cli/test_cli_reference.py` runs the check in `make test`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from evidence_vault.cli import main

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
WIDTH = 100
HEADER = """# Referensi perintah `evidence-vault`

Dibuat otomatis dari bantuan (`--help`) setiap perintah oleh `scripts/cli_reference.py`;
jangan diubah dengan tangan. Pengaturan yang dipakai setiap perintah: [configuration.md](configuration.md).
"""


def commands(group: click.Group, context: click.Context) -> Iterator[tuple[click.Context, click.Command]]:
    """Every command under `group`, depth first, in alphabetical order, each with its context."""
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        if command is None or command.hidden:
            continue
        child = click.Context(command, info_name=name, parent=context, terminal_width=WIDTH, max_content_width=WIDTH)
        yield child, command
        if isinstance(command, click.Group):
            yield from commands(command, child)


def reference() -> str:
    """The whole of docs/cli.md."""
    root = click.Context(main, info_name="evidence-vault", terminal_width=WIDTH, max_content_width=WIDTH)
    sections = [HEADER, "## evidence-vault\n", "```text\n" + main.get_help(root) + "\n```\n"]
    for context, command in commands(main, root):
        sections.append(f"## {context.command_path}\n")
        sections.append("```text\n" + command.get_help(context) + "\n```\n")
    return "\n".join(sections)


def run(argv: list[str]) -> int:
    text = reference()
    if "--check" in argv:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run .venv/bin/python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
