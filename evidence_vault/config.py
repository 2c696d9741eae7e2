"""Settings: `config.toml` defaults, an optional override file, then the environment.

Settings are loaded explicitly (never at import time) and passed to whatever needs
them, so tests and scripts can point a whole run at a throwaway storage folder.

The defaults travel inside the installed package (`evidence_vault/config.toml`, read
through `importlib.resources`); a deployment's own file comes through `--config` or
EVIDENCE_VAULT_CONFIG and holds only what it changes. Relative paths in the defaults and
in the environment are relative to the current working directory (so `storage/` sits
where the vault is run); in an override file, relative to that file's folder.

Every value is checked when the settings are loaded (`_check`), and so is every
EVIDENCE_VAULT_* variable's name: a bad value or a misspelt variable stops the command
before it starts, with a message naming the setting, instead of a server that answers
every page with an error or silently ignores what the admin meant to set.
"""

from __future__ import annotations

import difflib
import os
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .setting_checks import CHECKS, combined_problems

DEFAULT_CONFIG: Traversable = files(__package__) / "config.toml"
ENV_PREFIX = "EVIDENCE_VAULT_"
SECRET_KEY_FILE = "secret_key"
# Variables of ours that are not settings (docs/configuration.md, "Other environment variables").
OTHER_VARIABLES = frozenset({"CONFIG", "SECRET_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "E2E_CHROMIUM"})


class ConfigError(ValueError):
    """A setting is missing, unknown, of the wrong type or out of range; the message (Indonesian) names it."""


@dataclass(frozen=True)
class Settings:
    """All settings of one run, by section, with paths already resolved."""

    values: Mapping[str, Mapping[str, Any]]

    def get(self, section: str, key: str) -> Any:
        """Return one setting; unknown names are a programming error."""
        try:
            return self.values[section][key]
        except KeyError:
            raise ConfigError(f"pengaturan {section}.{key} tidak dikenal") from None

    @property
    def storage_dir(self) -> Path:
        return Path(self.get("storage", "dir"))

    @property
    def files_dir(self) -> Path:
        return self.storage_dir / "files"

    @property
    def tmp_dir(self) -> Path:
        return self.storage_dir / "tmp"

    @property
    def frameworks_dir(self) -> Path:
        """Custom frameworks an admin loaded (`evidence-vault frameworks load`)."""
        return self.storage_dir / "frameworks"

    @property
    def log_dir(self) -> Path:
        return self.storage_dir / "logs"

    @property
    def index_dir(self) -> Path:
        configured = self.get("search", "index_dir")
        return Path(configured) if configured else self.storage_dir / "index"

    @property
    def database_url(self) -> str:
        configured = self.get("database", "url")
        if configured:
            return configured
        return f"sqlite:///{self.storage_dir / 'vault.db'}"


def load_settings(
    config_path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Merge the defaults, an optional override file and the environment."""
    environ = os.environ if environ is None else environ
    values = _read_toml(DEFAULT_CONFIG)
    _resolve_paths(values, Path.cwd())
    config_path = config_path or environ.get(ENV_PREFIX + "CONFIG")
    if config_path:
        override = _read_toml(Path(config_path))
        _resolve_paths(override, Path(config_path).resolve().parent)
        _merge(values, override, source=str(config_path))
    _refuse_unknown_variables(values, environ)
    _merge(values, _from_environment(values, environ), source="lingkungan")
    _check(values)
    return Settings(values=values)


def _read_toml(path: Path | Traversable) -> dict[str, dict[str, Any]]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"berkas pengaturan {path} tidak ditemukan") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"berkas pengaturan {path} bukan TOML yang sah: {error}") from None


_PATH_SETTINGS = {("storage", "dir"), ("search", "index_dir")}


def _resolve_paths(values: dict[str, dict[str, Any]], base: Path) -> None:
    """Make path settings absolute against the folder of the file that set them."""
    for section, key in _PATH_SETTINGS:
        raw = values.get(section, {}).get(key)
        if raw:
            values[section][key] = str((base / raw).resolve())


def _merge(values: dict[str, dict[str, Any]], override: Mapping[str, Any], source: str) -> None:
    for section, entries in override.items():
        if section not in values or not isinstance(entries, Mapping):
            raise ConfigError(f"{source}: bagian [{section}] tidak dikenal (lihat docs/configuration.md)")
        for key, value in entries.items():
            if key not in values[section]:
                raise ConfigError(f"{source}: pengaturan {section}.{key} tidak dikenal (lihat docs/configuration.md)")
            values[section][key] = _coerce(value, values[section][key], f"{section}.{key}")


def _from_environment(
    values: Mapping[str, Mapping[str, Any]], environ: Mapping[str, str]
) -> dict[str, dict[str, Any]]:
    """Collect EVIDENCE_VAULT_<SECTION>_<KEY> variables for known settings."""
    found: dict[str, dict[str, Any]] = {}
    for section, entries in values.items():
        for key in entries:
            name = f"{ENV_PREFIX}{section}_{key}".upper()
            if name in environ:
                raw = environ[name]
                if (section, key) in _PATH_SETTINGS and raw:
                    raw = str(Path(raw).resolve())
                found.setdefault(section, {})[key] = raw
    return found


def _coerce(value: Any, default: Any, name: str) -> Any:
    """Give an override the type of its default; environment values arrive as text."""
    if isinstance(value, str) and not isinstance(default, str):
        return _from_text(value, default, name)
    if isinstance(default, bool) and not isinstance(value, bool):
        raise ConfigError(f"{name} harus true atau false, bukan {value!r}")
    if isinstance(default, int) and not isinstance(default, bool) and (isinstance(value, bool)
                                                                        or not isinstance(value, int)):
        raise ConfigError(f"{name} harus bilangan bulat, bukan {value!r}")
    if isinstance(default, list) and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ConfigError(f"{name} harus daftar teks, misalnya [\"a\", \"b\"], bukan {value!r}")
    if isinstance(default, str) and not isinstance(value, str):
        raise ConfigError(f"{name} harus teks dalam tanda kutip, bukan {value!r}")
    return value


def _from_text(value: str, default: Any, name: str) -> Any:
    """An environment variable's text as the type of the setting's default."""
    text = value.strip()
    if isinstance(default, bool):
        if text.lower() in {"1", "true", "yes", "on"}:
            return True
        if text.lower() in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{name} harus true atau false, bukan {value!r}")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ConfigError(f"{name} harus bilangan bulat, bukan {value!r}") from None
    if isinstance(default, list):
        return [item.strip() for item in text.split(",") if item.strip()]
    return value


def _refuse_unknown_variables(values: Mapping[str, Mapping[str, Any]], environ: Mapping[str, str]) -> None:
    """An EVIDENCE_VAULT_* variable that names no setting is a typo that would be silently ignored."""
    known = {f"{ENV_PREFIX}{section}_{key}".upper() for section, entries in values.items() for key in entries}
    known |= {ENV_PREFIX + name for name in OTHER_VARIABLES}
    for name in sorted(environ):
        if name.startswith(ENV_PREFIX) and name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f" (maksudnya {close[0]}?)" if close else ""
            raise ConfigError(f"variabel lingkungan {name} tidak dikenal{hint}. Perbaiki atau hapus variabel itu; "
                              "daftar pengaturan ada di docs/configuration.md.")


def _check(values: Mapping[str, Mapping[str, Any]]) -> None:
    """Every setting's value within what the vault can run with (`setting_checks.CHECKS`)."""
    for (section, key), check in CHECKS.items():
        problem = check(values[section][key])
        if problem:
            variable = f"{ENV_PREFIX}{section}_{key}".upper()
            raise ConfigError(f"pengaturan {section}.{key} {problem}, bukan {values[section][key]!r}. Perbaiki di "
                              f"berkas pengaturan atau variabel {variable}; lihat docs/configuration.md.")
    for section, key, problem in combined_problems(values):
        variable = f"{ENV_PREFIX}{section}_{key}".upper()
        raise ConfigError(f"pengaturan {section}.{key} {problem}. Perbaiki di berkas pengaturan atau variabel "
                          f"{variable}; lihat docs/configuration.md.")


def parallelism(settings: Settings, section: str, key: str, requested: int | None = None) -> int:
    """Processes or threads to run: asked for, else the setting (`section.key`), else one per CPU core."""
    chosen = requested or settings.get(section, key)
    return chosen if chosen and chosen > 0 else cpu_count()


def cpu_count() -> int:
    """Cores this process may use (respects CPU affinity and container limits where the OS says so)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def secret_key(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """Return the session signing key: from the environment, else from storage.

    The key never lives in the repository: on first start a random key is written to
    the storage folder, readable by the owner only.
    """
    environ = os.environ if environ is None else environ
    if environ.get(ENV_PREFIX + "SECRET_KEY"):
        return environ[ENV_PREFIX + "SECRET_KEY"]
    path = settings.storage_dir / SECRET_KEY_FILE
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    temporary = path.with_name(f".{SECRET_KEY_FILE}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, path)  # atomic and never overwrites a key another process made
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    finally:
        temporary.unlink()
    return key
