"""Indicators through the web: suggestions on upload, linking, review, self-assessment, periods."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.demo import samples
from evidence_vault.models import AssessmentPeriod, Document, Event, IndicatorLink, SelfAssessment

from .. import legal_texts
from ..conftest import Auth, csrf_token
from ..uploads import post_upload

DATA_POLICY = legal_texts.perbup(
    "12", 2023, "KEBIJAKAN INTERNAL MANAJEMEN DATA",
    body="Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan "
         "interoperabilitas data, dalam kerangka Satu Data Indonesia.")


def upload(client: FlaskClient, auth: Auth, pages: list[str], name: str = "perbup.pdf") -> Document:
    post_upload(client, [(name, samples.pdf_document(pages))])
    with Session(client.application.extensions["evidence_vault"]["engine"]) as session:
        return session.exec(select(Document).order_by(Document.id.desc())).first()


def links_of(engine, document_id: int) -> dict[str, IndicatorLink]:
    with Session(engine) as session:
        return {link.indicator: link for link in session.exec(select(IndicatorLink)
                                                              .where(IndicatorLink.document_id == document_id))}


def test_suggestions_wait_for_a_person_then_link_review_and_reopen(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    document = upload(client, auth, DATA_POLICY)
    suggested = links_of(engine, document.id)
    assert "3" in suggested and suggested["3"].state == "suggested", "data-management policy suggested for 3"
    page = client.get(f"/documents/{document.id}").text
    assert "Saran" in page and "manajemen data" in page

    token = csrf_token(page)
    response = client.post(f"/documents/{document.id}/tautan", data={
        "csrf_token": token, "indicator": "spbe-2020:3", "level": "3", "pasal": "Pasal 1", "page": "1",
        "note": "Mengatur seluruh proses manajemen data"})
    assert response.status_code == 302
    link = links_of(engine, document.id)["3"]
    assert (link.state, link.level, link.pasal, link.page) == ("confirmed", 3, "Pasal 1", 1)
    other = next(code for code, item in links_of(engine, document.id).items() if item.state == "suggested")
    client.post(f"/documents/{document.id}/tautan/{links_of(engine, document.id)[other].id}/tolak",
                data={"csrf_token": token, "reason": "Bukan tentang indikator ini"})
    assert links_of(engine, document.id)[other].state == "rejected"
    client.post("/logout", data={"csrf_token": token})

    auth.login("reviewer")
    page = client.get(f"/documents/{document.id}").text
    assert "Verifikasi" in page and "Tautkan ke indikator" not in page
    client.post(f"/documents/{document.id}/tautan/{link.id}/tolak-tinjauan",
                data={"csrf_token": csrf_token(page), "reason": "x"})
    assert links_of(engine, document.id)["3"].state == "confirmed", "a reason of 1 character is refused"
    client.post(f"/documents/{document.id}/tautan/{link.id}/tolak-tinjauan",
                data={"csrf_token": csrf_token(page), "reason": "Belum memuat kualitas data secara rinci"})
    assert links_of(engine, document.id)["3"].state == "rejected"
    client.post("/logout", data={"csrf_token": csrf_token(page)})

    auth.login("operator")
    page = client.get(f"/documents/{document.id}").text
    assert "Belum memuat kualitas data secara rinci" in page, "the operator sees the reviewer's reason"
    form_page = client.get(f"/documents/{document.id}").text
    form = form_page[form_page.index('class="grid-form"'):]
    client.post(f"/documents/{document.id}/metadata", data={
        "csrf_token": csrf_token(form), "jenis": "perbup", "nomor": "12 TAHUN 2023", "tahun": "2023",
        "tentang": "KEBIJAKAN INTERNAL MANAJEMEN DATA (PERUBAHAN NASKAH)", "bahasa": "id"})
    assert links_of(engine, document.id)["3"].state == "confirmed", "reopened after the document changed"
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(Event).where(Event.action.startswith("link.")))]
    assert actions == ["link.confirm", "link.reject", "link.reject", "link.reopen"]


def test_picker_searches_indicators(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    document = upload(client, auth, ["LAPORAN KEGIATAN\nisi"], "laporan.pdf")
    page = client.get(f"/documents/{document.id}?cari=keamanan").text
    options = re.findall(r'<option value="spbe-2020:(\d+)"', page)
    assert options and "8" in options and "3" not in options


def test_unknown_indicator_is_refused(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    document = upload(client, auth, ["LAPORAN\nisi"], "laporan.pdf")
    response = client.post(f"/documents/{document.id}/tautan", data={
        "csrf_token": auth.token("/"), "indicator": "spbe-2020:99"}, follow_redirects=True)
    assert "tidak ada dalam" in response.text and links_of(engine, document.id) == {}


def test_catalogue_period_and_self_assessment(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("coordinator")
    catalogue = client.get("/indikator").text
    assert "Belum ada periode penilaian" in catalogue and "Kebijakan Internal Manajemen Data" in catalogue
    client.post("/periode", data={"csrf_token": csrf_token(catalogue), "year": "2025", "framework": "spbe-2020",
                                  "label": "Evaluasi SPBE 2025"})
    with Session(engine) as session:
        period = session.exec(select(AssessmentPeriod)).one()
    assert (period.year, period.framework, period.is_current) == (2025, "spbe-2020", True)
    page = client.get("/indikator/spbe-2020/3").text
    assert "Rintisan" in page and "Terdefinisi" in page
    client.post("/indikator/spbe-2020/3/klaim", data={"csrf_token": csrf_token(page), "level": "4",
                                                      "justification": "Perbup 12/2023 dan notulen reviu 2025."})
    with Session(engine) as session:
        claim = session.exec(select(SelfAssessment)).one()
    assert (claim.indicator, claim.level) == ("3", 4)
    assert "Perbup 12/2023 dan notulen reviu 2025." in client.get("/indikator/spbe-2020/3").text
    row = re.search(r"Kebijakan Internal Manajemen Data</a></td>(.*?)</tr>", client.get("/indikator").text, re.S)
    assert row and re.findall(r'<td class="num">([^<]*)</td>', row.group(1))[-1] == "4"


def test_operator_cannot_claim(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    assert "Simpan penilaian mandiri" not in client.get("/indikator/spbe-2020/3").text
    response = client.post("/indikator/spbe-2020/3/klaim", data={"csrf_token": auth.token("/"), "level": "5"})
    assert response.status_code == 403


def test_crosswalk_shows_evidence_under_the_other_framework(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    document = upload(client, auth, DATA_POLICY)
    client.post(f"/documents/{document.id}/tautan", data={"csrf_token": auth.token("/"), "indicator": "spbe-2020:3"})
    spbe = client.get("/indikator/spbe-2020/3").text
    counterpart = re.search(r'href="/indikator/pemdi-2026/(\d+)', spbe).group(1)
    pemdi = client.get(f"/indikator/pemdi-2026/{counterpart}").text
    assert "ditautkan ke Evaluasi SPBE 2020 indikator 3" in pemdi and document.title[:20] in pemdi


def test_indicator_page_shows_the_content_checklist(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    document = upload(client, auth, DATA_POLICY)
    client.post(f"/documents/{document.id}/tautan", data={"csrf_token": auth.token("/"), "indicator": "spbe-2020:3"})
    page = client.get("/indikator/spbe-2020/3").text
    assert "Muatan yang diatur" in page
    row = re.search(r"kualitas data</td>(.*?)</tr>", page, re.S).group(1)
    assert "Pasal 1, hlm. 1" in row and "kualitas data" in row
    assert re.search(r"integrasi</td>.*?Belum diatur", page, re.S)


def test_whole_levels_only_where_the_framework_gives_whole_levels(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("coordinator")
    catalogue = client.get("/indikator").text
    client.post("/periode", data={"csrf_token": csrf_token(catalogue), "year": "2025", "framework": "spbe-2020"})
    page = client.get("/indikator/spbe-2020/3").text
    response = client.post("/indikator/spbe-2020/3/klaim", data={"csrf_token": csrf_token(page), "level": "2,5"},
                           follow_redirects=True)
    assert "hanya menerima tingkat bulat" in response.text
    client.post("/indikator/spbe-2020/3/klaim", data={"csrf_token": csrf_token(page), "level": "3"})
    with Session(engine) as session:
        assert session.exec(select(SelfAssessment)).one().level == 3
    page = client.get("/indikator/spbe-2020/3").text
    assert re.search(r'<option value="3" selected>3 – Terdefinisi</option>', page), "the saved claim is preselected"


def test_indicator_page_shows_the_rule_the_audit_applies_and_its_verdict(client: FlaskClient, auth: Auth) -> None:
    auth.login("coordinator")
    catalogue = client.get("/indikator").text
    client.post("/periode", data={"csrf_token": csrf_token(catalogue), "year": "2025", "framework": "spbe-2020"})
    page = client.get("/indikator/spbe-2020/3").text
    criteria = page[page.index('id="kriteria"'):page.index("</section>", page.index('id="kriteria"'))]
    assert "kumulatif" in criteria and "Tidak dihitung bila" in criteria and "masih rancangan" in criteria
    document = upload(client, auth, DATA_POLICY)
    client.post(f"/documents/{document.id}/tautan", data={"csrf_token": auth.token("/"), "indicator": "spbe-2020:3"})
    page = client.get("/indikator/spbe-2020/3").text
    verdict = page[page.index('id="hasil-audit"'):page.index("</section>", page.index('id="hasil-audit"'))]
    assert "Hasil audit per 30 Juni 2025" in verdict
    assert "Didukung sampai tingkat" in verdict or "Belum" in verdict


def test_values_from_other_agencies_indices_and_fractional_claims_under_pemdi(client: FlaskClient, auth: Auth,
                                                                             engine) -> None:
    auth.login("coordinator")
    catalogue = client.get("/indikator").text
    client.post("/periode", data={"csrf_token": csrf_token(catalogue), "year": "2026"})
    with Session(engine) as session:
        assert session.exec(select(AssessmentPeriod)).one().framework == "pemdi-2026", "2026 defaults to Pemdi"
    page = client.get("/indikator/pemdi-2026/5").text
    assert "Indeks Satu Data Indonesia" in page and "Simpan penilaian mandiri" not in page
    token = csrf_token(page)
    refused = client.post("/indikator/pemdi-2026/5/nilai-indeks", data={"csrf_token": token, "value": "120"},
                          follow_redirects=True)
    assert "harus antara 0 dan 100" in refused.text
    client.post("/indikator/pemdi-2026/5/nilai-indeks", data={"csrf_token": token, "value": "68,75",
                                                             "note": "Surat Bappenas Oktober 2026"})
    page = client.get("/indikator/pemdi-2026/5").text
    assert "Nilai tercatat: <strong>68,75</strong> = tingkat 3,75" in page
    audit_page = client.get("/audit").text
    assert "Nilai dari indeks instansi lain" in audit_page and "SDI 68,75" in audit_page
    claim = client.post("/indikator/pemdi-2026/5/klaim", data={"csrf_token": token, "level": "3"},
                        follow_redirects=True)
    assert "bukan dari penilaian mandiri" in claim.text

    page = client.get("/indikator/pemdi-2026/1").text
    assert 'inputmode="decimal"' in page and "boleh pecahan" in page
    client.post("/indikator/pemdi-2026/1/klaim", data={"csrf_token": csrf_token(page), "level": "2,5"})
    assert "Tingkat yang diklaim: <strong>2,5 – Berkembang</strong>" in client.get("/indikator/pemdi-2026/1").text
    client.post("/indikator/pemdi-2026/5/nilai-indeks", data={"csrf_token": token, "hapus": "1"})
    assert "Nilai tercatat" not in client.get("/indikator/pemdi-2026/5").text
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(Event).where(Event.action.startswith("external.")))]
    assert actions == ["external.set", "external.remove"]
