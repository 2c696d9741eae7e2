"""The journeys people make through the vault, in a real browser against the real server.

Each test is one journey and ends on the screen the person would be looking at; that screen
is saved under test-output/e2e/. Journeys that need earlier work (a period, a link, a claim)
make sure of it themselves, so any one of them can run alone (`pytest -m e2e -k search`).
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import openpyxl
import pytest
from playwright.sync_api import Locator, Page, expect

from evidence_vault.demo import samples

from .. import legal_texts
from .conftest import DATA_POLICY, DATA_SOP, EMAILS, NAMES, PASSWORD, UNSIGNED, Journey, Vault, open_document

pytestmark = pytest.mark.e2e

PDF, DOCX = "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REGULATION = legal_texts.perbup("7", 2024, "RENCANA INDUK SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
                                enacted="3 Januari 2024", promulgated="3 Januari 2024")
SOP = ["STANDAR OPERASIONAL PROSEDUR", "LAYANAN PUSAT DATA DAERAH",
       "Nomor SOP: 800/45/DISKOMINFO/2024", "Tanggal pembuatan: 5 Februari 2024",
       "1. Operator menerima permintaan layanan pusat data melalui aplikasi layanan.",
       "2. Operator memeriksa kapasitas server dan jaringan.", "3. Kepala bidang menyetujui permintaan."]
SCANNED_DECREE = [["KEPUTUSAN BUPATI BADUNG", "NOMOR 100/055/HK/2024", "TENTANG", "TIM KOORDINASI SPBE",
                   "Ditetapkan di Mangupura", "pada tanggal 8 Januari 2024", "BUPATI BADUNG,", "ttd.",
                   "I NYOMAN GIRI PRASTA"]]


def flash(page: Page) -> Locator:
    return page.locator(".flash")


def ensure_period(vault: Vault) -> None:
    """The coordinator's period for 2025 (opened from the command line if no journey opened it yet)."""
    done = vault.cli("period", "add", "--org", "badung", "--year", "2025", "--label", "Evaluasi SPBE 2025",
                     check=False)
    assert done.returncode == 0 or "sudah ada" in done.stdout + done.stderr, done.stderr


def link_row(page: Page, indicator: str) -> Locator:
    """The row of an indicator in the "Indikator yang didukung" table of a document page."""
    name = re.compile(f"^{indicator}\\. ")
    return page.locator("#indikator tbody tr").filter(has=page.get_by_role("link", name=name))


def ensure_link(page: Page, vault: Vault, title: str, indicator: str, level: str) -> int:
    """The operator's submitted link of a document to an indicator; returns the document id."""
    document_id = open_document(page, vault, title)
    if link_row(page, indicator).filter(has_text="Diajukan").count():
        return document_id
    picker = page.locator("#indikator details.picker")
    picker.locator("summary").click()
    picker.get_by_label("Cari indikator").fill(indicator)
    picker.get_by_role("button", name="Cari").click()
    picker = page.locator("#indikator details.picker")
    picker.get_by_label("Indikator", exact=True).select_option(f"spbe-2020:{indicator}")
    picker.get_by_label("Tingkat yang didukung").select_option(level)
    picker.get_by_role("button", name="Tautkan dan ajukan").click()
    expect(flash(page)).to_contain_text(f"ditautkan ke indikator {indicator}")
    return document_id


def ensure_claim(page: Page, vault: Vault, indicator: str, level: str) -> None:
    page.goto(f"{vault.url}/indikator/spbe-2020/{indicator}")
    if page.get_by_text("Tingkat yang diklaim:").count():
        return
    page.get_by_label("Tingkat yang diklaim").select_option(level)
    page.get_by_label("Penjelasan untuk penilai").fill("Perbup 12/2023 mengatur seluruh manajemen data.")
    page.get_by_role("button", name="Simpan penilaian mandiri").click()
    expect(flash(page)).to_have_text("Penilaian mandiri disimpan.")


def test_log_in(journey: Journey, vault: Vault) -> None:
    page = journey.new_page("operator")
    page.goto(vault.url + "/")
    expect(page).to_have_url(re.compile(r"/login"))
    expect(flash(page)).to_have_text("Silakan masuk terlebih dahulu.")
    page.get_by_label("Email").fill(EMAILS["operator"])
    page.get_by_label("Kata sandi").fill("bukan-kata-sandinya")
    page.get_by_role("button", name="Masuk").click()
    expect(flash(page)).to_contain_text("Email atau kata sandi salah")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    header = page.get_by_role("banner")
    expect(header).to_contain_text(NAMES["operator"])
    expect(header).to_contain_text("Pemerintah Kabupaten Badung")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumen")
    expect(page.get_by_role("link", name=DATA_POLICY)).to_be_visible()


def test_upload_three_kinds_of_file_at_once(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("operator")
    page.goto(vault.url + "/")
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Unggah").click()
    expect(page.locator("#accepted-types")).to_contain_text("PDF, DOCX (Word), dan gambar pindaian JPEG, PNG atau TIFF")
    picker = page.get_by_label("Berkas")
    for offered in (".pdf", ".docx", ".jpg", ".png", ".tif", "image/jpeg", "image/png", "image/tiff"):
        expect(picker).to_have_attribute("accept", re.compile(re.escape(offered)))
    files = {
        "perbup-7-2024-rencana-induk-spbe.pdf": (PDF, samples.pdf_document(REGULATION)),
        "SOP Layanan Pusat Data.docx": (DOCX, samples.docx_document(SOP)),
        "pindaian-kepbup-100-055-2024.pdf": (PDF, samples.scanned_pdf(SCANNED_DECREE)),
    }
    picker.set_input_files([{"name": name, "mimeType": mime, "buffer": content}
                            for name, (mime, content) in files.items()])
    page.get_by_role("button", name="Unggah", exact=True).click()
    # The answer comes at once: every file is stored and listed before any is read.
    expect(page.get_by_role("heading", level=1)).to_have_text("Hasil unggah")
    rows = page.locator("table.results tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#upload-refresh")).to_be_hidden()  # the script follows the progress; no link needed
    journey.snapshot(page, "kemajuan")
    # Our script asks for news until every file is done; the page changes without a reload. OCR of the
    # scan takes longest on a busy machine: the wait is for the words, with a bound far above the need.
    expect(page.locator("p.summary")).to_have_text("3 berkas: 3 selesai.", timeout=300_000)
    for name in files:
        row = rows.filter(has_text=name)
        expect(row).to_contain_text("Selesai")
        expect(row.get_by_role("link", name=name)).to_be_visible()
    journey.snapshot(page, "hasil")
    rows.filter(has_text="pindaian").get_by_role("link").click()
    status = page.locator("dt", has_text="Status pembacaan teks").locator("xpath=following-sibling::dd[1]")
    expect(status).to_contain_text(re.compile("Teks terbaca|Perlu OCR"))


def test_correct_and_confirm_legal_metadata(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("operator")
    open_document(page, vault, UNSIGNED)
    findings = page.locator("#temuan")
    expect(findings.locator('[data-code="not_signed"]')).to_have_count(1)  # the code is for tests, not shown
    page.get_by_text("Perbaiki dan konfirmasi metadata").click()
    page.get_by_label("Nama penandatangan", exact=True).fill("I NYOMAN GIRI PRASTA")
    page.get_by_label("Tentang", exact=True).fill("PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK (SPBE)")
    page.get_by_label("Saya sudah mencocokkan").check()
    page.get_by_role("button", name="Simpan metadata").click()
    expect(flash(page)).to_have_text("Metadata disimpan dan dikonfirmasi.")
    metadata = page.locator("#metadata")
    expect(metadata).to_contain_text("Metadata sudah dikonfirmasi")
    signer = metadata.locator("tr").filter(has=page.get_by_role("rowheader", name="Nama penandatangan"))
    expect(signer).to_contain_text("I NYOMAN GIRI PRASTA")
    expect(signer).to_contain_text("Diisi manual")
    expect(signer).to_contain_text("Dikonfirmasi")
    expect(findings.locator('[data-code="not_signed"]')).to_have_count(0)
    expect(findings).not_to_contain_text("unconfirmed")
    # The document's history is a link beside its heading; the confirmation is there, in words.
    page.locator(".page-meta").get_by_role("link", name="Riwayat dokumen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Riwayat:")
    expect(page.locator("table.trail")).to_contain_text("Mengonfirmasi metadata")
    page.go_back()
    page.locator("#metadata").scroll_into_view_if_needed()


def test_link_from_a_suggestion_and_from_the_picker(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("operator")
    open_document(page, vault, DATA_POLICY)
    suggestion = link_row(page, "3")
    expect(suggestion).to_contain_text("Saran")
    suggestion.get_by_label("Tingkat yang didukung").select_option("3")
    suggestion.get_by_role("button", name="Ajukan").click()
    expect(flash(page)).to_contain_text("ditautkan ke indikator 3")
    expect(link_row(page, "3")).to_contain_text("Diajukan")

    picker = page.locator("#indikator details.picker")
    picker.locator("summary").click()
    picker.get_by_label("Cari indikator").fill("aplikasi")
    picker.get_by_role("button", name="Cari").click()
    picker = page.locator("#indikator details.picker")
    expect(picker).to_contain_text("indikator cocok")
    picker.get_by_label("Indikator", exact=True).select_option(label="4. Tingkat Kematangan Kebijakan Internal "
                                                                     "Pembangunan Aplikasi SPBE")
    picker.get_by_label("Tingkat yang didukung").select_option("2")
    picker.get_by_label("Pasal/bagian").fill("Pasal 1")
    picker.get_by_label("Halaman").fill("1")
    picker.get_by_label("Catatan").fill("Mengatur data aplikasi secara umum.")
    picker.get_by_role("button", name="Tautkan dan ajukan").click()
    expect(flash(page)).to_contain_text("ditautkan ke indikator 4")
    linked = link_row(page, "4")
    expect(linked).to_contain_text("Diajukan")
    expect(linked).to_contain_text("Pasal 1 hlm. 1")
    link_row(page, "3").scroll_into_view_if_needed()


def test_self_assessment_after_the_coordinator_opens_a_period(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("coordinator")
    expect(page.get_by_role("banner")).to_contain_text("Belum ada periode penilaian")
    # The audit has nothing to compare yet: it says so and leads to where a period is opened.
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Audit").click()
    expect(page.locator(".empty")).to_contain_text("belum memiliki periode penilaian")
    journey.snapshot(page, "audit-tanpa-periode")
    page.locator(".empty").get_by_role("link", name="Buka periode penilaian").click()
    expect(page).to_have_url(re.compile(r"/indikator\?org=badung$"))
    expect(page.locator(".next-steps")).to_contain_text("Mulai dengan membuka periode penilaian")
    page.get_by_label("Tahun").fill("2025")
    page.get_by_label("Kerangka penilaian").select_option("spbe-2020")
    page.get_by_label("Nama periode").fill("Evaluasi SPBE 2025")
    page.get_by_role("button", name="Buka periode").click()
    expect(flash(page)).to_have_text("Periode penilaian dibuka.")
    expect(page.get_by_role("banner")).to_contain_text("Periode: Evaluasi SPBE 2025")

    page.get_by_role("link", name="Tingkat Kematangan Kebijakan Internal Manajemen Data", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("3. Tingkat Kematangan Kebijakan Internal Manajemen Data")
    page.get_by_label("Tingkat yang diklaim").select_option(label="4 – Terpadu dan Terukur")
    page.get_by_label("Penjelasan untuk penilai").fill("Perbup 12/2023 mengatur manajemen data; reviu 2025 menyusul.")
    page.get_by_role("button", name="Simpan penilaian mandiri").click()
    expect(flash(page)).to_have_text("Penilaian mandiri disimpan.")
    expect(page.get_by_text("Tingkat yang diklaim:")).to_contain_text("4 – Terpadu dan Terukur")
    expect(page.locator("blockquote")).to_have_text("Perbup 12/2023 mengatur manajemen data; reviu 2025 menyusul.")
    page.locator("#penilaian-mandiri").scroll_into_view_if_needed()


def test_search_inflections_citations_and_facets(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("operator")
    page.goto(vault.url + "/")
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Cari").click()
    query = page.get_by_label("Kata kunci")
    query.fill("kelola")
    query.press("Enter")
    hits = page.locator("article.hit")
    expect(hits.filter(has_text=DATA_POLICY)).to_have_count(1)
    expect(hits.filter(has_text=DATA_SOP)).to_have_count(1)
    marked = {text.lower() for text in hits.locator("mark").all_inner_texts()}
    assert "pengelolaan" in marked, f"'kelola' finds its inflections: {marked}"

    query = page.get_by_label("Kata kunci")
    query.fill("Perbup 12/2023")
    query.press("Enter")
    expect(hits.first).to_contain_text(DATA_POLICY)
    expect(hits.first).to_contain_text("peraturan yang dikutip")

    query = page.get_by_label("Kata kunci")
    query.fill("pengelolaan data")
    query.press("Enter")
    facets = page.get_by_role("group", name="Saringan")  # beside the results on a wide screen, always open
    facets.get_by_role("link", name="Peraturan Bupati").click()
    expect(page).to_have_url(re.compile("jenis=perbup"))
    expect(hits.filter(has_text=DATA_SOP)).to_have_count(0)
    hit = hits.filter(has_text=DATA_POLICY)
    page_link = hit.get_by_role("link", name=re.compile(r"^halaman \d+$")).first
    number = page_link.inner_text().split()[-1]
    page_link.click()
    expect(page).to_have_url(re.compile(f"#halaman-{number}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(DATA_POLICY)
    expect(page.locator(f"#halaman-{number}")).to_be_in_viewport()


def test_audit_dashboard_from_a_gap_to_its_documents(journey: Journey, vault: Vault) -> None:
    operator = journey.as_user("operator")
    ensure_period(vault)
    ensure_link(operator, vault, DATA_POLICY, "3", "3")
    ensure_link(operator, vault, DATA_POLICY, "4", "2")
    page = journey.as_user("coordinator")
    ensure_claim(page, vault, "3", "4")
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit pra-penilaian")
    expect(page.locator(".scores")).to_contain_text("Indeks prediksi")
    gap = page.get_by_role("link", name=re.compile(r"^Indikator 3: Di bawah klaim, klaim 4"))
    expect(gap).to_have_count(1)
    # Evidence without a claim is not said to match a claim.
    unclaimed = page.get_by_role("link", name=re.compile(r"^Indikator 4: Belum ada klaim, klaim belum ada"))
    expect(unclaimed).to_have_count(1)
    row = page.locator("table.audit-table tr").filter(has=page.get_by_role("cell", name="3", exact=True))
    expect(row).to_contain_text("Di bawah klaim")
    gap.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("3. Tingkat Kematangan Kebijakan Internal Manajemen Data")
    evidence = page.locator("section").filter(has=page.get_by_role("heading", name="Data dukung"))
    evidence.get_by_role("link", name=DATA_POLICY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DATA_POLICY)
    expect(link_row(page, "3")).to_contain_text("Diajukan")
    link_row(page, "3").scroll_into_view_if_needed()


def test_download_the_workbook_and_the_evidence_package(journey: Journey, vault: Vault) -> None:
    page = journey.as_user("coordinator")
    ensure_period(vault)
    page.goto(vault.url + "/audit")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert {"Ringkasan", "Indikator", "Data dukung"} <= set(workbook.sheetnames)
    names = [row[1] for row in workbook["Indikator"].iter_rows(min_row=2, values_only=True)]
    assert "Tingkat Kematangan Kebijakan Internal Manajemen Data" in names
    with page.expect_download() as download:
        page.get_by_role("link", name="Paket data dukung (ZIP)").click()
    assert download.value.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(download.value.path()) as package:
        assert package.testzip() is None
        manifest = json.loads(package.read("manifest.json"))
        assert "index.html" in package.namelist()
        index_html = package.read("index.html").decode()
    assert manifest
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit pra-penilaian")
    # The package's own index, as the assessor opens it offline.
    index = journey.new_page("paket")
    index.set_content(index_html)
    expect(index.get_by_role("heading", level=1)).to_contain_text("Pemerintah Kabupaten Badung")
    expect(index.locator("body")).to_contain_text("dinilai per")
    expect(index.locator("body")).to_contain_text("Tingkat diklaim")
    journey.snapshot(index, "indeks-zip")


def test_reviewer_rejects_a_link_and_the_operator_sees_why(journey: Journey, vault: Vault) -> None:
    operator = journey.as_user("operator")
    ensure_link(operator, vault, DATA_SOP, "23", "2")
    reviewer = journey.as_user("reviewer")
    open_document(reviewer, vault, DATA_SOP)
    row = link_row(reviewer, "23")
    expect(row).to_contain_text("Diajukan")
    row.get_by_text("Tolak", exact=True).click()
    reason = "SOP ini berlaku sampai 31 Desember 2024; unggah versi yang berlaku."
    row.get_by_label("Alasan penolakan").fill(reason)
    row.get_by_role("button", name="Tolak tautan").click()
    expect(flash(reviewer)).to_contain_text("Tautan ditolak")
    expect(link_row(reviewer, "23")).to_contain_text("Ditolak")

    operator.reload()
    rejected = link_row(operator, "23")
    expect(rejected).to_contain_text("Ditolak penilai")
    expect(rejected).to_contain_text(reason)
    rejected.scroll_into_view_if_needed()


def test_another_organisation_reaches_nothing_by_url(journey: Journey, vault: Vault) -> None:
    insider = journey.as_user("operator")
    document_id = open_document(insider, vault, DATA_POLICY)
    outsider = journey.as_user("other_operator")
    expect(outsider.get_by_role("banner")).to_contain_text("Pemerintah Kota Denpasar")
    outsider.goto(vault.url + "/")
    expect(outsider.get_by_role("link", name=DATA_POLICY)).to_have_count(0)
    token = outsider.locator("input[name=csrf_token]").first.get_attribute("value")
    for path in [f"/documents/{document_id}", f"/documents/{document_id}/download",
                 f"/documents/{document_id}/riwayat", "/indikator/spbe-2020/3?org=badung", "/audit?org=badung",
                 "/audit/ekspor.xlsx?org=badung", "/audit/ekspor.zip?org=badung", "/jdih.json?org=badung",
                 "/riwayat?org=badung", "/cari.json?q=kelola&org=badung"]:
        response = outsider.request.get(vault.url + path)
        assert response.status in (403, 404) or DATA_POLICY not in response.text(), path
        assert "Kebijakan Internal Manajemen Data" not in response.text() or response.status >= 400, path
    for path, form in [(f"/documents/{document_id}/metadata", {"tentang": "diubah orang luar"}),
                       (f"/documents/{document_id}/tautan", {"indicator": "spbe-2020:3"}),
                       (f"/documents/{document_id}/delete", {})]:
        response = outsider.request.post(vault.url + path, form={"csrf_token": token, **form})
        assert response.status == 404, path
    found = outsider.request.get(vault.url + "/cari.json?q=kelola").json()
    assert DATA_POLICY not in [hit["title"] for hit in found["hits"]]
    outsider.goto(f"{vault.url}/documents/{document_id}")
    expect(outsider.get_by_role("heading", level=1)).to_have_text("Tidak ditemukan")
    expect(insider.get_by_role("heading", level=1)).to_have_text(DATA_POLICY)


DATA_BODY = ("Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan "
             "interoperabilitas data, dalam kerangka Satu Data Indonesia.")
MORE_POLICIES = {
    "perbup-21-2024-data-kependudukan.pdf": legal_texts.perbup("21", 2024, "MANAJEMEN DATA KEPENDUDUKAN",
                                                               body=DATA_BODY),
    "perbup-22-2024-data-statistik.pdf": legal_texts.perbup("22", 2024, "MANAJEMEN DATA STATISTIK SEKTORAL",
                                                            body=DATA_BODY),
    "perwal-denpasar-9-2023-data.pdf": legal_texts.perbup("9", 2023, "MANAJEMEN DATA KOTA", regent="DENPASAR",
                                                          body=DATA_BODY),
}


def test_link_many_suggestions_from_the_indicator_page(journey: Journey, vault: Vault, tmp_path) -> None:
    for name, pages in MORE_POLICIES.items():
        (tmp_path / name).write_bytes(samples.pdf_document(pages))
    vault.cli("ingest", str(tmp_path), "--org", "badung", "--as", EMAILS["operator"], check=False)
    page = journey.as_user("coordinator")
    page.goto(f"{vault.url}/indikator/spbe-2020/3")
    suggested = page.locator("#saran")
    expect(suggested.get_by_role("heading", level=2)).to_contain_text("Dokumen yang disarankan")
    rows = suggested.locator("tbody tr")
    kependudukan, statistik = rows.filter(has_text="Nomor 21 Tahun 2024"), rows.filter(has_text="Nomor 22 Tahun 2024")
    denpasar = rows.filter(has_text="Nomor 9 Tahun 2023")
    expect(denpasar).to_contain_text("Tidak dihitung:")  # another body's regulation: it will not count
    expect(kependudukan).not_to_contain_text("Tidak dihitung")
    for row in (kependudukan, statistik, denpasar):
        expect(row.get_by_role("button", name="Ajukan")).to_be_visible()
        expect(row.get_by_role("button", name="Tolak")).to_be_visible()
    journey.snapshot(page, "saran")
    kependudukan.get_by_role("checkbox").check()
    statistik.get_by_role("checkbox").check()
    suggested.get_by_role("button", name="Ajukan yang dipilih").click()
    expect(flash(page)).to_contain_text("2 dokumen diajukan sebagai data dukung indikator 3")
    page.locator("#saran tbody tr").filter(has_text="Nomor 9 Tahun 2023").get_by_role("button", name="Tolak").click()
    expect(flash(page)).to_contain_text("1 saran ditolak.")
    evidence = page.locator("section.card").filter(has=page.get_by_role("heading", name="Data dukung", exact=True))
    expect(evidence.locator("tr").filter(has_text="Nomor 21 Tahun 2024")).to_contain_text("Diajukan")
    expect(evidence.locator("tr").filter(has_text="Nomor 22 Tahun 2024")).to_contain_text("Diajukan")
