"""Frameworks, periods and re-tagging from the command line."""

from __future__ import annotations

from pathlib import Path

from evidence_vault.frameworks import DATA_DIR


def test_list_builtin_frameworks(cli, initialised) -> None:
    result = cli("frameworks")
    assert "spbe-2020\t47 indikator" in result.output and "pemdi-2026\t20 indikator" in result.output


def test_load_custom_framework_and_refuse_a_broken_one(cli, initialised, tmp_path: Path) -> None:
    text = (DATA_DIR / "pemdi-2026.toml").read_text(encoding="utf-8")
    custom = tmp_path / "daerah.toml"
    custom.write_text(text.replace('code = "pemdi-2026"', 'code = "bali-2026"', 1), encoding="utf-8")
    loaded = cli("frameworks", "load", str(custom))
    assert loaded.exit_code == 0, loaded.output
    assert "bali-2026" in cli("frameworks").output
    broken = tmp_path / "rusak.toml"
    broken.write_text(text.replace('code = "pemdi-2026"', 'code = "rusak"', 1).replace("weight = 5", "weight = 6", 1),
                      encoding="utf-8")
    result = cli("frameworks", "load", str(broken))
    assert result.exit_code == 1 and "rusak.toml" in result.output and "weight" in result.output
    assert "rusak" not in cli("frameworks").output


def test_period_and_retag(cli, initialised, tmp_path: Path) -> None:
    assert cli("period", "add", "--org", "badung", "--year", "2025").exit_code == 0
    again = cli("period", "add", "--org", "badung", "--year", "2025")
    assert again.exit_code == 1 and "sudah ada" in again.output
    unknown = cli("period", "add", "--org", "badung", "--year", "2026", "--framework", "tidak-ada")
    assert unknown.exit_code == 1 and "tidak dikenal" in unknown.output
    assert "0 saran indikator baru" in cli("retag").output
