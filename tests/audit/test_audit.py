"""The pre-assessment audit, built through the paths users take and checked exactly."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime

import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlmodel import Session, select

from evidence_vault.audit import Evidence, Received, compute
from evidence_vault.demo import samples
from evidence_vault.frameworks import builtin_framework
from evidence_vault.models import Document

from .. import legal_texts
from ..conftest import Auth, csrf_token
from ..uploads import post_upload

CONTENT = ("Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan "
           "interoperabilitas data.")
INTEGRATION = " Pengelolaan data diintegrasikan antar instansi melalui Satu Data Indonesia."


def review_minutes(day: str) -> list[str]:
    return [f"NOTULEN RAPAT REVIU KEBIJAKAN MANAJEMEN DATA\nHari/tanggal : Kamis, {day}\n"
            "Hasil reviu: Peraturan Bupati Badung Nomor 3 Tahun 2023 tentang manajemen data telah dievaluasi "
            "dan dilaksanakan."]


class Vault:
    """An organisation built through the web, the way its operator and coordinator would."""

    def __init__(self, client: FlaskClient, auth: Auth) -> None:
        self.client, self.auth = client, auth

    def upload(self, name: str, pages: list[str]) -> int:
        post_upload(self.client, [(name, samples.pdf_document(pages))])
        engine = self.client.application.extensions["evidence_vault"]["engine"]
        with Session(engine) as session:
            return session.exec(select(Document).order_by(Document.id.desc())).first().id

    def link(self, document_id: int, indicator: str, level: str = "") -> None:
        response = self.client.post(f"/documents/{document_id}/tautan", data={
            "csrf_token": self.auth.token("/"), "indicator": f"spbe-2020:{indicator}", "level": level})
        assert response.status_code == 302

    def claim(self, indicator: str, level: int) -> None:
        self.client.post(f"/indikator/spbe-2020/{indicator}/klaim",
                         data={"csrf_token": self.auth.token("/indikator"), "level": str(level)})


@pytest.fixture
def vault(client: FlaskClient, auth: Auth) -> Vault:
    auth.login("coordinator")
    client.post("/periode", data={"csrf_token": auth.token("/indikator"), "year": "2026", "framework": "spbe-2020"})
    return Vault(client, auth)


def audit_json(cli) -> dict:
    result = cli("audit", "--org", "badung", "--format", "json")
    assert result.exit_code == 0, result.output
    return {item["code"]: item for item in json.loads(result.output)["indicators"]} | {
        "_": json.loads(result.output)}


def findings(item: dict) -> list[str]:
    return [finding["code"] for finding in item["findings"]]


def test_scenarios(vault: Vault, cli) -> None:
    # 1: only a draft, with the drafting meeting's invitation: level 1, "only drafts".
    draft = vault.upload("rancangan.pdf", legal_texts.perbup("1", 2026, "ARSITEKTUR SPBE", draft=True))
    invitation = vault.upload("undangan.pdf", ["UNDANGAN RAPAT PENYUSUNAN ARSITEKTUR SPBE\n3 Maret 2026"])
    vault.link(draft, "1")
    vault.link(invitation, "1")
    # 2: established, numbered, signed Perbup without the full content: level 2; with it: level 3.
    partial = vault.upload("peta.pdf", legal_texts.perbup("2", 2024, "PETA RENCANA SPBE",
                                                          body="Peta rencana memuat tata kelola SPBE."))
    vault.link(partial, "2")
    full = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA",
                                                       body=CONTENT + INTEGRATION))
    vault.link(full, "3")
    # 3: level 4 claimed on indicator 3, but the review is three years old.
    old_review = vault.upload("reviu-lama.pdf", review_minutes("7 Agustus 2023"))
    vault.link(old_review, "3")
    vault.claim("3", 4)
    # 4: a repealed Perbup on indicator 4.
    repealed = vault.upload("aplikasi-lama.pdf", legal_texts.perbup("4", 2019, "PEMBANGUNAN APLIKASI",
                                                                   enacted="1 Juli 2019", promulgated="1 Juli 2019"))
    vault.link(repealed, "4")
    vault.upload("aplikasi-baru.pdf", legal_texts.perbup(
        "9", 2025, "PEMBANGUNAN APLIKASI SPBE", enacted="2 Juni 2025", promulgated="2 Juni 2025",
        repeals="Peraturan Bupati Badung Nomor 4 Tahun 2019 tentang Pembangunan Aplikasi"))
    # 5: indicator 5 has no evidence at all, but a level is claimed.
    vault.claim("5", 2)

    audit = audit_json(cli)
    assert (audit["1"]["supported"], findings(audit["1"])) == (1, ["only_drafts", "machine_only"])
    assert audit["2"]["supported"] == 2
    assert "mengatur seluruh muatan" in audit["2"]["next_level_missing"]
    assert audit["3"]["supported"] == 3 and audit["3"]["claimed"] == 4 and audit["3"]["gap"] == 1
    assert {"claim_above_support", "review_too_old"} <= set(findings(audit["3"]))
    assert "reviu" in audit["3"]["next_level_missing"]
    assert audit["4"]["supported"] == 0 and "evidence_invalidated" in findings(audit["4"])
    assert audit["5"]["supported"] == 0 and findings(audit["5"]) == ["no_evidence", "claim_above_support"]
    summary = audit["_"]["index"]
    expected_supported = 1.3 * (1 + 2 + 3) / 100
    assert summary["supported"] == round(expected_supported, 3)
    assert summary["claimed"] == round(1.3 * (4 + 2) / 100, 3)
    assert summary["supported_band"] == "Kurang"
    assert audit["_"]["top_gaps"][0]["indicator"] in {"3", "5"}

    # A fresh review lifts indicator 3 to the claimed level 4.
    fresh = vault.upload("reviu-baru.pdf", review_minutes("10 Juni 2026"))  # before the assessment date
    vault.link(fresh, "3")
    audit = audit_json(cli)
    assert audit["3"]["supported"] == 4 and "claim_above_support" not in findings(audit["3"])


def test_strict_review_counts_only_verified_links(vault: Vault, cli, client: FlaskClient, auth: Auth) -> None:
    document = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA", body=CONTENT))
    vault.link(document, "3")
    assert audit_json(cli)["3"]["supported"] == 3
    client.post("/organisasi/tinjauan-ketat", data={"csrf_token": auth.token("/indikator")})
    strict = audit_json(cli)
    assert strict["3"]["supported"] == 0 and "menunggu verifikasi" in strict["3"]["findings"][0]["message"]


def test_exports_read_back(vault: Vault, client: FlaskClient, tmp_path) -> None:
    document = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA", body=CONTENT))
    vault.link(document, "3")
    vault.claim("3", 3)
    with client.get("/audit/ekspor.xlsx") as response:
        book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["Ringkasan", "Indikator", "Muatan kebijakan", "Data dukung"]
    for sheet in book:  # a filter on every sheet, its header row frozen
        assert sheet.auto_filter.ref and sheet.freeze_panes == "A2", sheet.title
    assert isinstance(book["Ringkasan"]["B4"].value, datetime) and book["Ringkasan"]["A4"].value == "Tanggal audit"
    checklist = [row for row in book["Muatan kebijakan"].iter_rows(min_row=2, values_only=True) if row[0] == 3]
    assert [row[3] for row in checklist].count("ya") == 6 and checklist[0][4] == document
    rows = {row[0]: row for row in book["Indikator"].iter_rows(min_row=2, values_only=True)}
    assert rows[3][3:6] == (3, 3, 0) and isinstance(rows[3][10], datetime), "numbers as numbers, dates as dates"
    header = [cell.value for cell in book["Data dukung"][1]]
    evidence = [dict(zip(header, row, strict=True))
                for row in book["Data dukung"].iter_rows(min_row=2, values_only=True)]
    assert evidence[0]["Indikator"] == 3 and evidence[0]["ID dokumen"] == document
    assert (evidence[0]["Jenis"], evidence[0]["Nomor"], evidence[0]["Keberlakuan"], evidence[0]["Status tautan"],
            evidence[0]["Dapat dihitung"]) == ("Peraturan Bupati", "3 Tahun 2023", "Berlaku", "Diajukan", "ya")
    assert isinstance(evidence[0]["Tanggal penetapan"], datetime)
    assert book["Data dukung"].cell(row=2, column=header.index("Tanggal penetapan") + 1).number_format == "DD/MM/YYYY"
    with client.get("/audit/ekspor.zip") as response:
        package = zipfile.ZipFile(io.BytesIO(response.data))
    names = package.namelist()
    assert "index.html" in names and "manifest.json" in names
    assert "03 Tingkat Kematangan Kebijakan Internal Manajemen Data/Perbup 3 2023.pdf" in names
    assert package.read("03 Tingkat Kematangan Kebijakan Internal Manajemen Data/Perbup 3 2023.pdf").startswith(b"%PDF")
    manifest = json.loads(package.read("manifest.json"))
    assert manifest["indicators"][2]["files"][0]["document_id"] == document
    index = package.read("index.html").decode()
    assert "Perbup%203%202023.pdf" in index and "Organisasi: <strong>Kabupaten Badung</strong>" in index
    assert "dinilai per <strong>" in index and "Nomor 3 Tahun 2023" in index and "Berlaku" in index
    assert "Tingkat diklaim: 3 · didukung: 3" in index
    with client.get("/audit/ekspor.csv") as response:  # for Excel set to Indonesian
        table = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    row = next(row for row in table if row[0] == "3")
    assert table[0][:2] == ["Indikator", "Nama"] and re.fullmatch(r"\d\d/\d\d/20\d\d", row[-1])
    assert any("," in value for row in table[1:] for value in row[2:3]), "weights with a decimal comma"
    with client.get("/audit/ekspor.csv?csv=internasional") as response:
        table = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    row = next(row for row in table if row[0] == "3")
    assert table[0][:2] == ["Indikator", "Nama"] and re.fullmatch(r"20\d\d-\d\d-\d\d", row[-1])
    page = client.get("/audit").text
    assert "Indeks prediksi" in page and 'class="cell status-ok"' in page
    trail = client.get("/riwayat?aksi=export").text
    assert trail.count("<td>Mengekspor</td>") == 4


def test_formula_injection_is_neutralised(vault: Vault, client: FlaskClient) -> None:
    document = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA", body=CONTENT))
    page = client.get(f"/documents/{document}").text
    form = page[page.index('class="grid-form"'):]
    client.post(f"/documents/{document}/metadata", data={"csrf_token": csrf_token(form), "jenis": "perbup",
                                                          "judul": "=HYPERLINK(\"http://x\")", "bahasa": "id"})
    vault.link(document, "3")
    with client.get("/audit/ekspor.xlsx") as response:
        book = load_workbook(io.BytesIO(response.data))
    titles = [row[2] for row in book["Data dukung"].iter_rows(min_row=2, values_only=True)]
    assert titles == ["'=HYPERLINK(\"http://x\")"]


def test_audit_needs_a_period(client: FlaskClient, auth: Auth, cli) -> None:
    auth.login("coordinator")
    response = client.get("/audit")
    assert response.status_code == 200, "an empty state, not a redirect"
    empty = response.text[response.text.index('class="empty'):]
    assert "Kabupaten Badung belum memiliki periode penilaian" in empty
    assert 'href="/indikator?org=badung"' in empty and "Buka periode penilaian" in empty
    assert "Indeks prediksi" not in response.text
    result = cli("audit", "--org", "badung")
    assert result.exit_code == 1 and "period add" in result.output


@pytest.mark.parametrize("role", ["operator", "reviewer", "viewer"])
def test_audit_without_a_period_tells_others_to_ask_their_coordinator(client: FlaskClient, auth: Auth,
                                                                       role: str) -> None:
    auth.login(role)
    response = client.get("/audit")
    assert response.status_code == 200
    empty = response.text[response.text.index('class="empty'):]
    assert "Minta koordinator organisasi Anda" in empty and "Buka periode penilaian" not in empty


def test_audit_of_a_year_without_a_period_offers_the_existing_ones(vault: Vault, client: FlaskClient) -> None:
    response = client.get("/audit?tahun=2019")
    assert response.status_code == 200
    assert "belum memiliki periode penilaian tahun 2019" in response.text
    assert 'href="/audit?org=badung&amp;tahun=2026"' in response.text


def test_evidence_without_a_claim_is_not_said_to_match_the_claim(vault: Vault, client: FlaskClient, cli) -> None:
    document = vault.upload("data.pdf", legal_texts.perbup("3", 2023, "KEBIJAKAN MANAJEMEN DATA", body=CONTENT))
    vault.link(document, "3")
    vault.link(document, "6")
    vault.claim("6", 1)
    audit = audit_json(cli)
    assert (audit["3"]["status"], audit["3"]["claimed"]) == ("unclaimed", None)
    assert audit["6"]["status"] == "ok"
    page = client.get("/audit").text
    cell = re.search(r'<a class="cell status-(\w+)"[^>]*aria-label="Indikator 3: ([^,"]+)', page)
    assert cell and cell.groups() == ("unclaimed", "Belum ada klaim")
    assert re.search(r'<a class="cell status-ok"[^>]*aria-label="Indikator 6: Sesuai klaim', page)
    row = re.search(r'<tr class="row-(\w+)">\s*<td>3</td>.*?<td class="status-word"[^>]*>([^<]*)</td>', page, re.S)
    assert row and row.groups() == ("unclaimed", "Belum ada klaim")
    assert "Belum ada klaim" in page[page.index('class="legend"'):page.index('class="matrix"')]
    with client.get("/audit/ekspor.xlsx") as response:
        book = load_workbook(io.BytesIO(response.data))
    rows = {row[0]: row for row in book["Indikator"].iter_rows(min_row=2, values_only=True)}
    assert rows[3][6] == "Belum ada klaim" and rows[6][6] == "Sesuai klaim"


def test_index_and_bands_by_hand() -> None:
    """Pemdi 2026: aspect weights 10/10/15/15/10/15/25; all at level 3 except two.

    The seven external-index indicators (5, 6, 7, 10, 11, 12, 18) take their value from the index
    received, not from a claim: they are given values that convert to level 3 (SDI 50 = 1 + 50/25).
    """
    framework = builtin_framework("pemdi-2026")
    evidence: dict[str, list[Evidence]] = {}
    claims = {indicator.code: 3 for indicator in framework.indicators if indicator.index is None}
    received = {indicator.code: Received(50.0 if indicator.index.maximum == 100 else 3.0)
                for indicator in framework.indicators if indicator.index is not None}
    external_weight = sum(indicator.weight for indicator in framework.indicators if indicator.index is not None)
    assert external_weight == 25
    result = compute(framework, evidence, claims, organisation="Uji", period="2026", year=2026,
                     assessed_on=date(2026, 11, 28), received=received)
    assert result.claimed_index == pytest.approx(3.0) and result.claimed_band == "Baik"
    # no documents: only the values received support anything (3 × 25% = 0.75)
    assert result.supported_index == pytest.approx(3 * external_weight / 100) and result.supported_band == "Kurang"
    first, second = framework.indicators[0], framework.indicators[1]
    claims[first.code], claims[second.code] = 5, 1
    result = compute(framework, evidence, claims, organisation="Uji", period="2026", year=2026,
                     assessed_on=date(2026, 11, 28), received=received)
    assert result.claimed_index == pytest.approx(3.0 + (2 * first.weight - 2 * second.weight) / 100)


def test_an_indicator_with_a_ladder_and_an_index_is_estimated_until_its_value_is_recorded() -> None:
    """Pemdi 11 (cryptography) has a ladder and takes its official value from IKASANDI."""
    framework = builtin_framework("pemdi-2026")
    claims = {indicator.code: 3 for indicator in framework.indicators if indicator.criteria}

    def audit_with(received: dict[str, Received]):
        result = compute(framework, {}, claims, organisation="Uji", period="2026", year=2026,
                         assessed_on=date(2026, 9, 15), received=received)
        return result, next(item for item in result.indicators if item.code == "11")

    result, crypto = audit_with({})
    assert crypto.estimated and crypto.external is None and crypto.supported == 0
    assert "Perkiraan dari dokumen sampai nilai IKASANDI dari BSSN dicatat" in crypto.explanation
    assert "11" not in dict(result.top_gaps), "documents cannot raise the official value: never a priority"
    result, crypto = audit_with({"11": Received(4.2)})
    assert not crypto.estimated and crypto.status == "external" and crypto.supported == 4.2
    assert crypto.claimed == 4.2 and "IKASANDI 4,2" in crypto.explanation
