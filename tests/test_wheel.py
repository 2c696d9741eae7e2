"""The product is the wheel: built from the sdist, installed in a clean venv outside the checkout, it runs.

This is what a server gets from `pip install evidence-vault-*.whl`: the package must carry its
templates, static files, default settings, migrations and framework data, and find them
through `importlib.resources`, never through the source folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from evidence_vault.demo import samples

from .conftest import PASSWORD, PROJECT_ROOT
from .servers import free_port, wait_until_up

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv outside the checkout with only the built wheel (and its dependencies) installed."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(root / "dist"), str(PROJECT_ROOT)],
                   check=True, capture_output=True)
    wheel = next((root / "dist").glob("evidence_vault-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
    subprocess.run([str(root / "venv" / "bin" / "pip"), "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("EVIDENCE_VAULT_", "PYTHON"))}
    env.update(EVIDENCE_VAULT_ADMIN_EMAIL="admin@vault.go.id", EVIDENCE_VAULT_ADMIN_PASSWORD=PASSWORD)
    return subprocess.run([str(root / "venv" / "bin" / "evidence-vault"), *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_wheel_carries_templates_static_files_and_default_settings(installed: Path) -> None:
    wheel = next((installed / "dist").glob("evidence_vault-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("evidence_vault/config.toml", "evidence_vault/templates/base.html",
                   "evidence_vault/static/css/app.css", "evidence_vault/migrations/env.py",
                   "evidence_vault/frameworks/data/spbe-2020.toml"):
        assert needed in names


def test_the_installed_vault_sets_up_loads_the_demo_reads_a_file_and_serves(installed: Path) -> None:
    where = subprocess.run([str(installed / "venv" / "bin" / "python"), "-c",
                            "import evidence_vault; print(evidence_vault.__file__)"],
                           cwd=installed, capture_output=True, text=True, check=True).stdout
    assert str(installed / "venv") in where and str(PROJECT_ROOT) not in where
    assert _run(installed, "init").returncode == 0
    assert (installed / "storage" / "vault.db").exists(), "the default storage folder is where the vault runs"
    demo = _run(installed, "demo")
    assert demo.returncode == 0, demo.stderr
    sample = installed / "perbup.pdf"
    sample.write_bytes(samples.pdf_document(["BUPATI CONTOH\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2024\nTENTANG\n"
                                             "ARSITEKTUR SPBE\nBUPATI CONTOH,"]))
    inspected = _run(installed, "inspect", "--json", str(sample))
    assert inspected.returncode == 0, inspected.stderr
    assert json.loads(inspected.stdout)["legal"]["jenis"]["value"] == "perbup"
    port = free_port()
    log = installed / "serve.log"
    with log.open("wb") as output:
        env = {key: value for key, value in os.environ.items() if not key.startswith("EVIDENCE_VAULT_")}
        server = subprocess.Popen([str(installed / "venv" / "bin" / "evidence-vault"), "serve", "--no-worker",
                                   "--port", str(port)], cwd=installed, env=env, stdout=output,
                                  stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/login", server, log)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login") as page:
            assert "Masuk" in page.read().decode("utf-8")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/app.css") as css:
            assert css.status == 200
    finally:
        server.terminate()
        server.wait(timeout=60)
