"""Search as users meet it: the page, the JSON, the CLI, keeping the index in step, and repair."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from evidence_vault.config import load_settings
from evidence_vault.demo import samples

from .. import legal_texts
from ..conftest import Auth
from ..uploads import post_upload

DATA_POLICY = legal_texts.perbup("12", 2023, "KEBIJAKAN INTERNAL MANAJEMEN DATA",
                                 body="Pengelolaan data dilaksanakan oleh seluruh perangkat daerah.")


def upload(client: FlaskClient, auth: Auth, name: str, pages: list[str]) -> None:
    post_upload(client, [(name, samples.pdf_document(pages))])


def test_inflections_citations_pages_and_facets(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    upload(client, auth, "perbup.pdf", DATA_POLICY)
    upload(client, auth, "laporan.pdf", ["LAPORAN KINERJA\nData dikelola dengan baik.", "Halaman dua tentang pajak."])
    page = client.get("/cari?q=kelola").text
    assert "2 dokumen" in page and "<mark>" in page
    assert "Peraturan Bupati Badung Nomor 12 Tahun 2023" in page
    citation = client.get("/cari?q=Perbup+12/2023").text
    assert "peraturan yang dikutip" in citation
    facet = client.get("/cari?q=kelola&jenis=perbup").text
    assert "1 dokumen" in facet and "laporan.pdf" not in facet
    second_page = client.get("/cari?q=pajak").text
    assert "halaman 2" in second_page and "#halaman-2" in second_page
    data = client.get("/cari.json?q=ditetapkan").get_json()
    assert data["total"] >= 1 and data["hits"][0]["page"] is not None


def test_other_organisation_never_appears(client: FlaskClient, auth: Auth) -> None:
    auth.login("other_operator")
    upload(client, auth, "rahasia.pdf", ["Rahasia kota Denpasar tentang pengelolaan data"])
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("operator")
    assert client.get("/cari.json?q=pengelolaan").get_json()["total"] == 0
    assert "Denpasar" not in client.get("/cari?q=rahasia").text


def test_malformed_query_is_explained_not_an_error(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    upload(client, auth, "perbup.pdf", DATA_POLICY)
    for query in ['"data', "AND OR", "*", "x" * 3000, "data)))(("]:
        response = client.get("/cari", query_string={"q": query})
        assert response.status_code == 200


def test_index_follows_metadata_trash_and_restore(client: FlaskClient, auth: Auth) -> None:
    auth.login("coordinator")
    upload(client, auth, "perbup.pdf", DATA_POLICY)
    document_id = client.get("/cari.json?q=kelola").get_json()["hits"][0]["document_id"]
    client.post(f"/documents/{document_id}/delete", data={"csrf_token": auth.token("/")})
    assert client.get("/cari.json?q=kelola").get_json()["total"] == 0
    client.post(f"/documents/{document_id}/restore", data={"csrf_token": auth.token("/trash")})
    assert client.get("/cari.json?q=kelola").get_json()["total"] == 1
    client.post(f"/documents/{document_id}/tautan", data={"csrf_token": auth.token("/"), "indicator": "spbe-2020:3"})
    assert client.get("/cari.json?indikator=spbe-2020:3").get_json()["total"] == 1


@pytest.mark.sqlite_only  # removes the Whoosh index folder (PostgreSQL: tests/test_postgres.py)
def test_cli_search_reindex_and_check_repairs(cli, initialised, tmp_path: Path) -> None:
    folder = tmp_path / "impor"
    folder.mkdir()
    for number in range(3):
        (folder / f"perbup-{number}.pdf").write_bytes(samples.pdf_document(
            legal_texts.perbup(str(number + 1), 2023, f"PENGELOLAAN ARSIP NOMOR {number}")))
    cli("ingest", str(folder), "--org", "badung")
    result = json.loads(cli("search", "kelola arsip", "--org", "badung", "--json").output)
    assert result["total"] == 3 and result["hits"][0]["snippet"]
    assert cli("check").exit_code == 0

    index_dir = load_settings().index_dir
    shutil.rmtree(index_dir)  # lost or damaged index
    broken = cli("check")
    assert broken.exit_code == 1 and "dibangun ulang" in broken.output
    assert cli("check", "--fix").exit_code == 0
    assert cli("check").exit_code == 0
    assert json.loads(cli("search", "arsip", "--org", "badung", "--json").output)["total"] == 3


def test_concurrent_ingest_processes_index_every_document(cli, initialised, tmp_path: Path) -> None:
    """Three processes importing at once: every committed document ends up in the index."""
    folders = []
    for worker in range(3):
        folder = tmp_path / f"impor-{worker}"
        folder.mkdir()
        for number in range(6):
            (folder / f"d{number}.pdf").write_bytes(samples.pdf_document([f"Laporan arsip {worker} {number}"]))
        folders.append(folder)
    command = [sys.executable, "-m", "evidence_vault", "ingest"]
    processes = [subprocess.Popen([*command, str(folder), "--org", "badung"], env=dict(os.environ),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for folder in folders]
    for process in processes:
        _out, errors = process.communicate(timeout=240)  # also closes the pipes
        assert process.returncode == 0, errors.decode()[-2000:]
    result = json.loads(cli("search", "laporan arsip", "--org", "badung", "--json", "--limit", "50").output)
    assert result["total"] == 18
    assert cli("check").exit_code == 0


def test_killed_ingest_leaves_a_state_check_repairs(cli, initialised, tmp_path: Path) -> None:
    """SIGKILL an import midway: nothing half-stored, `check --fix` and a second run finish the job."""
    import signal
    import time

    folder = tmp_path / "impor"
    folder.mkdir()
    for number in range(40):
        (folder / f"d{number:02}.pdf").write_bytes(samples.pdf_document([f"Laporan kearsipan nomor {number}"]))
    process = subprocess.Popen([sys.executable, "-m", "evidence_vault", "ingest", str(folder), "--org", "badung"],
                               env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    files = load_settings().files_dir
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if files.is_dir() and sum(1 for path in files.rglob("*") if path.is_file()) >= 5:
            break  # midway: some documents stored, most not
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    cli("check", "--fix")
    assert cli("check").exit_code == 0
    assert cli("ingest", str(folder), "--org", "badung").exit_code == 0
    assert cli("check").exit_code == 0
    result = json.loads(cli("search", "kearsipan", "--org", "badung", "--json", "--limit", "100").output)
    assert result["total"] == 40
