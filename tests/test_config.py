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
    with pytest.raises(ConfigError, match="upload.max_bytes harus bilangan bulat"):
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
    with pytest.raises(ConfigError, match="upload.max_file tidak dikenal"):
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


@pytest.mark.parametrize(("variable", "raw", "named"), [
    ("EVIDENCE_VAULT_SESSION_COOKIE_SAMESITE", "bogus", "session.cookie_samesite"),
    ("EVIDENCE_VAULT_SERVER_PORT", "70000", "server.port"),
    ("EVIDENCE_VAULT_SERVER_PORT", "0", "server.port"),
    ("EVIDENCE_VAULT_SERVER_THREADS", "0", "server.threads"),
    ("EVIDENCE_VAULT_UPLOAD_MAX_BYTES", "0", "upload.max_bytes"),
    ("EVIDENCE_VAULT_UPLOAD_MAX_FILES", "-3", "upload.max_files"),
    ("EVIDENCE_VAULT_UPLOAD_ALLOWED_TYPES", "pdf,exe", "upload.allowed_types"),
    ("EVIDENCE_VAULT_UPLOAD_ALLOWED_TYPES", "", "upload.allowed_types"),
    ("EVIDENCE_VAULT_EXTRACT_TIMEOUT_SECONDS", "0", "extract.timeout_seconds"),
    ("EVIDENCE_VAULT_EXTRACT_MAX_MEMORY_MB", "10", "extract.max_memory_mb"),
    ("EVIDENCE_VAULT_OCR_DPI", "5", "ocr.dpi"),
    ("EVIDENCE_VAULT_OCR_PAGE_TIMEOUT_SECONDS", "0", "ocr.page_timeout_seconds"),
    ("EVIDENCE_VAULT_OCR_LANGUAGE", "ind; rm -rf", "ocr.language"),
    ("EVIDENCE_VAULT_OCR_TESSERACT_CMD", " ", "ocr.tesseract_cmd"),
    ("EVIDENCE_VAULT_INGEST_WORKERS", "-1", "ingest.workers"),
    ("EVIDENCE_VAULT_WORKER_CONCURRENCY", "-2", "worker.concurrency"),
    ("EVIDENCE_VAULT_SESSION_LIFETIME_MINUTES", "0", "session.lifetime_minutes"),
    ("EVIDENCE_VAULT_SERVER_TRUSTED_PROXIES", "10.0.0.1,bukan-alamat", "server.trusted_proxies"),
    ("EVIDENCE_VAULT_DATABASE_URL", "bukan url", "database.url"),
])
def test_invalid_values_are_refused_naming_the_setting(variable: str, raw: str, named: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_settings(environ={variable: raw})


@pytest.mark.parametrize(("text", "named"), [
    ("[server]\nport = 80.5\n", "server.port"),
    ('[server]\nthreads = "banyak"\n', "server.threads"),
    ("[upload]\nallowed_types = [1]\n", "upload.allowed_types"),
    ("[session]\ncookie_samesite = 1\n", "session.cookie_samesite"),
])
def test_values_of_the_wrong_type_in_a_file_are_refused(tmp_path: Path, text: str, named: str) -> None:
    override = tmp_path / "site.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(named)):
        load_settings(override, environ={})


def test_an_unknown_variable_of_ours_is_refused_with_the_closest_name() -> None:
    expected = "EVIDENCE_VAULT_UPLOAD_MAXBYTES tidak dikenal.*EVIDENCE_VAULT_UPLOAD_MAX_BYTES"
    with pytest.raises(ConfigError, match=expected):
        load_settings(environ={"EVIDENCE_VAULT_UPLOAD_MAXBYTES": "1024"})
    for known in ("EVIDENCE_VAULT_SECRET_KEY", "EVIDENCE_VAULT_ADMIN_EMAIL", "EVIDENCE_VAULT_ADMIN_PASSWORD",
                  "EVIDENCE_VAULT_E2E_CHROMIUM"):
        load_settings(environ={known: "x"})  # ours, but not settings: accepted


def test_the_accepted_file_types_are_the_readable_ones() -> None:
    from evidence_vault.extract import sniff
    from evidence_vault.setting_checks import READABLE_TYPES

    readable = {value.name for value in vars(sniff).values() if isinstance(value, sniff.FileType) and value.extractable}
    assert set(READABLE_TYPES) == readable


def test_serve_refuses_to_start_with_a_bad_setting(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """`session.cookie_samesite = "bogus"` once made every page 500; now the server does not start."""
    monkeypatch.setenv("EVIDENCE_VAULT_SESSION_COOKIE_SAMESITE", "bogus")
    result = cli("serve", "--no-worker")
    assert result.exit_code == 1 and "Gagal:" in result.output and "session.cookie_samesite" in result.output
    monkeypatch.delenv("EVIDENCE_VAULT_SESSION_COOKIE_SAMESITE")
    monkeypatch.setenv("EVIDENCE_VAULT_SERVER_THRAEDS", "4")
    result = cli("serve", "--no-worker")
    assert result.exit_code == 1 and "EVIDENCE_VAULT_SERVER_THRAEDS" in result.output
