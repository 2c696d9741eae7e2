"""A click group that imports a command's module only when that command runs (click's lazy-loading pattern).

Importing every command module up front cost every invocation 1.6 s (the database layer,
the search engine, the PDF writer of the demo...) before it did anything, `--help`
included (issue 23). The group instead holds a table of where each command lives and the
first paragraph of its help, so `--help` lists the commands without importing any of
them, and `evidence-vault org list` imports the organisation commands and nothing else.
`tests/cli/test_lazy.py` checks the table against the commands themselves.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import click


@dataclass(frozen=True)
class LazyCommand:
    """Where a command lives (`module:attribute` inside `evidence_vault.cli`) and its help's first paragraph."""

    where: str
    summary: str

    def load(self) -> click.Command:
        module_name, _, attribute = self.where.partition(":")
        command = getattr(importlib.import_module(f"evidence_vault.cli.{module_name}"), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"evidence_vault.cli.{self.where} is not a click command")
        return command


class LazyGroup(click.Group):
    """A group whose commands are imported on first use, from a table of `LazyCommand`s."""

    def __init__(self, *args: Any, lazy_commands: dict[str, LazyCommand], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            self.add_command(self.lazy_commands[cmd_name].load(), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands in `--help`, as click writes it, from the table's summaries: nothing is imported."""
        shown = [(name, command) for name in self.list_commands(ctx)
                 if not (command := self._placeholder(ctx, name)).hidden]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _command in shown)
        rows = [(name, command.get_short_help_str(limit)) for name, command in shown]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _placeholder(self, ctx: click.Context, name: str) -> click.Command:
        """A command standing for `name` in the list: the loaded one if any, else one carrying the summary."""
        if name in self.commands or name not in self.lazy_commands:
            return self.get_command(ctx, name) or click.Command(name)
        return click.Command(name, help=self.lazy_commands[name].summary)
