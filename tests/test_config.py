"""Settings: defaults, overrides, the secret key, and that every setting is documented."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path

import pytest

from evidence_vault.config import DEFAULT_CONFIG, ConfigError, load_settings, secret_key

from .conftest import PROJECT_ROOT


def test_defaults_put_everything_under_the_storage_folder(tmp_path: Path) -> None:
    settings = load_settings(environ={"EVIDENCE_VAULT_STORAGE_DIR": str(tmp_path)})
    assert settings.storage_dir == tmp_path
    assert settings.database_url == f"sqlite:///{tmp_path / 'vault.db'}"
    assert settings.index_dir == tmp_path / "index"
    assert settings.files_dir == tmp_path / "files"


def test_default_storage_is_relative_to_where_the_vault_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The defaults ship inside the installed package: its folder is no place for data."""
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}).storage_dir == tmp_path / "storage"


@pytest.mark.parametrize(
    ("variable", "raw", "section", "key", "expected"),
    [
        ("EVIDENCE_VAULT_UPLOAD_MAX_BYTES", "1024", "upload", "max_bytes", 1024),
        ("EVIDENCE_VAULT_OCR_ENABLED", "false", "ocr", "enabled", False),
        ("EVIDENCE_VAULT_OCR_ENABLED", "yes", "ocr", "enabled", True),
        ("EVIDENCE_VAULT_UPLOAD_ALLOWED_TYPES", "pdf, docx", "upload", "allowed_types", ["pdf", "docx"]),
        ("EVIDENCE_VAULT_DATABASE_URL", "postgresql+psycopg://u@h/db", "database", "url", "postgresql+psycopg://u@h/db"),
        ("EVIDENCE_VAULT_SESSION_COOKIE_SECURE", "1", "session", "cookie_secure", True),
    ],
)
def test_environment_overrides_take_the_default_type(variable, raw, section, key, expected) -> None:
    assert load_settings(environ={variable: raw}).get(section, key) == expected


def test_bad_environment_value_is_explained() -> None:
    with pytest.raises(ConfigError, match="upload.max_bytes must be a whole number"):
        load_settings(environ={"EVIDENCE_VAULT_UPLOAD_MAX_BYTES": "lima puluh"})


def test_config_file_overrides_and_resolves_paths_against_itself(tmp_path: Path) -> None:
    override = tmp_path / "site.toml"
    override.write_text('[storage]\ndir = "data"\n[upload]\nmax_files = 3\n', encoding="utf-8")
    settings = load_settings(override, environ={})
    assert settings.storage_dir == tmp_path / "data"
    assert settings.get("upload", "max_files") == 3


def test_environment_wins_over_config_file(tmp_path: Path) -> None:
    override = tmp_path / "site.toml"
    override.write_text("[upload]\nmax_files = 3\n", encoding="utf-8")
    settings = load_settings(override, environ={"EVIDENCE_VAULT_UPLOAD_MAX_FILES": "7"})
    assert settings.get("upload", "max_files") == 7


def test_unknown_setting_in_config_file_is_refused(tmp_path: Path) -> None:
    override = tmp_path / "site.toml"
    override.write_text("[upload]\nmax_file = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting upload.max_file"):
        load_settings(override, environ={})


def test_secret_key_is_generated_once_with_owner_only_permissions(tmp_path: Path) -> None:
    settings = load_settings(environ={"EVIDENCE_VAULT_STORAGE_DIR": str(tmp_path)})
    first = secret_key(settings, environ={})
    assert len(first) == 64
    assert secret_key(settings, environ={}) == first
    mode = stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode)
    assert mode == 0o600
    assert secret_key(settings, environ={"EVIDENCE_VAULT_SECRET_KEY": "dari-lingkungan"}) == "dari-lingkungan"


def test_every_setting_has_a_comment_and_an_entry_in_the_configuration_guide() -> None:
    """A setting nobody can find out about is a setting nobody can use."""
    lines = DEFAULT_CONFIG.read_text(encoding="utf-8").splitlines()
    readme = (PROJECT_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    values = tomllib.loads("\n".join(lines))
    for number, line in enumerate(lines):
        match = re.match(r"^(\w+)\s*=", line)
        if match:
            assert lines[number - 1].startswith("#"), f"config.toml: {match.group(1)} has no comment above it"
    for section, entries in values.items():
        for key in entries:
            variable = f"EVIDENCE_VAULT_{section}_{key}".upper()
            assert variable in readme, f"docs/configuration.md does not document {variable}"
