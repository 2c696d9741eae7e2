"""What every `evidence-vault` command shares: its settings and engine, and how failures are told.

Every command module of this package builds on it, so a domain error becomes the same
"Gagal: ..." line and exit code 1 everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import IO, Any

import click
from sqlalchemy.engine import Engine

from .. import audit, backup, db, logs
from ..config import ConfigError, Settings, load_settings
from ..frameworks import registry
from ..records import accounts, organisations, periods


class CommandFailed(click.ClickException):
    """A failure explained to the user; shown without a traceback."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Gagal: {self.format_message()}", err=True)


DOMAIN_ERRORS = (
    accounts.AccountError,
    organisations.OrganisationError,
    ConfigError,
    db.SchemaOutOfDate,
    backup.BackupError,
    periods.PeriodError,
    audit.AuditError,
)


def explained(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the domain's errors into a clean message and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DOMAIN_ERRORS as error:
            raise CommandFailed(str(error)) from None

    return wrapper


class Runtime:
    """Settings and engine of one invocation, created on first use."""

    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._settings: Settings | None = None
        self._engine: Engine | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = load_settings(self.config_path)
            except ConfigError as error:
                raise CommandFailed(str(error)) from None
            logs.configure(self._settings)
            registry.use_storage(self._settings.frameworks_dir)
        return self._settings

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = db.make_engine(self.settings)
        return self._engine

    def close(self) -> None:
        """Return the database connections when the command ends."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def current_engine(self) -> Engine:
        """The engine, after checking the schema is up to date."""
        db.require_current_schema(self.engine)
        return self.engine


pass_runtime = click.make_pass_decorator(Runtime)
