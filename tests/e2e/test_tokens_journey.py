"""The issue's "done when": a token made on the Token API page does, through `curl`, what a coordinator does
in the browser for the organisation, and nothing outside it."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from evidence_vault.demo import samples

from .. import legal_texts
from .conftest import Journey, Vault
from .test_journeys import ensure_period, flash

pytestmark = pytest.mark.e2e
UPLOAD_DEADLINE = 120  # seconds; generous, the machine is shared


def make_token(page: Page, vault: Vault, name: str, scope: str) -> str:
    """Fill the Token API form; the token is read from the page, the one time it is shown."""
    page.goto(vault.url + "/")
    page.get_by_role("link", name="Token API").click()
    page.get_by_label("Nama token").fill(name)
    page.get_by_label("Cakupan").select_option(scope)
    page.get_by_role("button", name="Buat token").click()
    expect(page.get_by_role("heading", name=f"Token \u201c{name}\u201d dibuat")).to_be_visible()
    return page.get_by_label("Token API baru").input_value()


class Curl:
    """`curl` against the served vault with one token, as docs/api.md shows it."""

    def __init__(self, vault: Vault, token: str) -> None:
        self.vault, self.token = vault, token

    def __call__(self, *args: str, path: str) -> tuple[int, bytes]:
        done = subprocess.run(["curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-H",
                               f"Authorization: Bearer {self.token}", *args, self.vault.url + "/api/v1" + path],
                              capture_output=True, timeout=120, check=True)
        body, _, status = done.stdout.rpartition(b"\n")
        return int(status), body

    def json(self, *args: str, path: str, expect_status: int = 200) -> dict:
        status, body = self(*args, path=path)
        assert status == expect_status, (path, status, body[:500])
        return json.loads(body)

    def follow_upload(self, status_url: str) -> dict:
        """Ask the upload's status until every file is finished (the served worker reads them), as docs/api.md does."""
        deadline = time.monotonic() + UPLOAD_DEADLINE
        while not (status := self.json(path=status_url.removeprefix("/api/v1")))["finished"]:
            assert time.monotonic() < deadline, f"not read within {UPLOAD_DEADLINE} s: {status}"
            time.sleep(0.2)
        return status


def test_a_token_from_the_page_does_a_coordinators_work_through_curl(journey: Journey, vault: Vault,
                                                                       tmp_path: Path) -> None:
    page = journey.as_user("coordinator")
    ensure_period(vault)
    curl = Curl(vault, make_token(page, vault, "JDIH Badung", "write"))
    decree = tmp_path / "kepbup-9-2025.pdf"
    decree.write_bytes(samples.pdf_document(legal_texts.perbup(
        "9", 2025, "TIM KOORDINASI PEMERINTAH DIGITAL", enacted="2 Juni 2025", promulgated="2 Juni 2025")))

    accepted = curl.json("-F", f"files=@{decree}", path="/documents?org=badung", expect_status=202)
    assert accepted["files"][0]["status"] == "received", accepted  # answered before the worker read it
    result = curl.follow_upload(accepted["status_url"])["files"][0]
    assert result["status"] in ("done", "duplicate"), result
    document_id = result["document_id"]
    assert curl.json(path=f"/documents/{document_id}/status")["done"] is True
    changed = curl.json("-X", "PATCH", "-H", "Content-Type: application/json", "-d",
                        json.dumps({"fields": {"nomor": "9", "tahun": "2025"}, "confirm": True}),
                        path=f"/documents/{document_id}/metadata")
    assert changed["confirmed"] is True
    linked = curl("-X", "POST", "-H", "Content-Type: application/json", "-d",
                  json.dumps({"framework": "spbe-2020", "indicator": "19", "level": 2}),
                  path=f"/documents/{document_id}/links")
    assert linked[0] in (201, 422), linked  # 422: an earlier run of this journey linked it already
    year = curl.json(path="/organisations/badung")["current_period"]["year"]
    claim = curl.json("-X", "PUT", "-H", "Content-Type: application/json", "-d", json.dumps({"level": 2}),
                      path=f"/organisations/badung/periods/{year}/claims/19")
    assert claim["level"] == 2
    audit = curl.json(path="/organisations/badung/audit")
    assert audit["year"] == year and any(item["code"] == "19" for item in audit["indicators"])
    status, workbook = curl(path="/organisations/badung/audit/exports/xlsx")
    assert status == 200 and workbook.startswith(b"PK")
    assert curl.json("-X", "POST", path=f"/documents/{document_id}/trash")["trashed_at"]
    assert curl.json("-X", "POST", path=f"/documents/{document_id}/restore")["trashed_at"] is None

    # Nothing outside the organisation, and nothing without the token
    for path in ("/organisations/denpasar", "/organisations/denpasar/audit", "/documents?org=denpasar"):
        assert curl(path=path)[0] == 404, path
    assert Curl(vault, "evt_salah")(path="/documents")[0] == 401

    # The trail shows the work under the coordinator, marked API
    page.goto(vault.url + "/riwayat")
    expect(page.get_by_title("Dilakukan melalui API dengan token").first).to_be_visible()
    journey.snapshot(page, "riwayat-api")


def test_a_read_token_is_refused_changes_and_can_be_revoked(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("coordinator")
    curl = Curl(vault, make_token(page, vault, "Dasbor provinsi", "read"))
    assert curl(path="/organisations")[0] == 200
    status, body = curl("-X", "PATCH", "-H", "Content-Type: application/json", "-d", '{"strict_review": true}',
                        path="/organisations/badung")
    assert status == 403 and json.loads(body)["error"]["code"] == "read_only_token"
    row = page.get_by_role("row").filter(has_text="Dasbor provinsi").first
    row.get_by_role("button", name="Cabut").click()
    expect(flash(page)).to_contain_text("dicabut")
    assert curl(path="/organisations")[0] == 401
    journey.snapshot(page, "token-api")
