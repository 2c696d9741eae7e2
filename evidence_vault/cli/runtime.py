"""What every `evidence-vault` command shares: its settings and engine, and how failures are told.

Every command module of this package builds on it, so a domain error becomes the same
"Gagal: ..." line and exit code 1 everywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from .. import logs
from ..config import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

REGISTRY = "evidence_vault.frameworks.registry"


class CommandFailed(click.ClickException):
    """A failure explained to the user; shown without a traceback."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Gagal: {self.format_message()}", err=True)


# The domain's errors whose message is for the user, by module. Named rather than imported, so
# that a command imports only the modules it uses (`lazy`): an error whose module was never
# imported cannot have been raised.
DOMAIN_ERRORS = {
    "evidence_vault.records.accounts": "AccountError",
    "evidence_vault.records.organisations": "OrganisationError",
    "evidence_vault.config": "ConfigError",
    "evidence_vault.db": "SchemaOutOfDate",
    "evidence_vault.backup": "BackupError",
    "evidence_vault.records.periods": "PeriodError",
    "evidence_vault.records.tokens": "TokenError",
    "evidence_vault.audit": "AuditError",
}


def is_domain_error(error: BaseException) -> bool:
    """Whether `error` is one of `DOMAIN_ERRORS`."""
    return any(module in sys.modules and isinstance(error, getattr(sys.modules[module], name))
               for module, name in DOMAIN_ERRORS.items())


def explained(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the domain's errors into a clean message and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except Exception as error:
            if is_domain_error(error):
                raise CommandFailed(str(error)) from None
            raise

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
            use_custom_frameworks(self._settings.frameworks_dir)
        return self._settings

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from .. import db  # here: a command's `--help` imports no database code

            self._engine = db.make_engine(self.settings)
        return self._engine

    def close(self) -> None:
        """Return the database connections when the command ends."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def current_engine(self) -> Engine:
        """The engine, after checking the schema is up to date."""
        from .. import db

        db.require_current_schema(self.engine)
        return self.engine


def use_custom_frameworks(folder: Path) -> None:
    """Point the framework registry at this vault's custom frameworks, when there is anything to point it at.

    Importing the registry imports the frameworks and the legal reader (0.1 s), which `org list`
    or `user list` never use. A vault with no custom framework file, in a process that has not
    imported the registry, leaves it alone: the registry then knows the built-in frameworks
    only, which is all there is. Every command that may load or install a framework imports
    the registry before it asks for the settings (`admin.frameworks_load`).
    """
    if REGISTRY in sys.modules or (folder.is_dir() and any(folder.glob("*.toml"))):
        from ..frameworks import registry

        registry.use_storage(folder)


pass_runtime = click.make_pass_decorator(Runtime)
