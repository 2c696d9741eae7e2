"""The web app through Flask's test client: login, upload, list, detail, download, trash."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.demo import samples
from evidence_vault.models import Document, Event

from .. import files, legal_texts
from ..conftest import PASSWORD, Auth, csrf_token
from ..uploads import post_upload, rows


def upload(client: FlaskClient, auth: Auth, named_files: list[tuple[str, bytes]], organisation: int | None = None):
    """Through the form, then the worker reads the files; the upload's page."""
    return post_upload(client, named_files, organisation)


def stored(engine) -> list[Document]:
    with Session(engine) as session:
        return list(session.exec(select(Document).order_by(Document.id)))


def test_pages_need_login(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_login_and_logout(client: FlaskClient, auth: Auth, engine) -> None:
    assert auth.login("operator").status_code == 302
    assert client.get("/").status_code == 200
    token = auth.token("/")
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/").status_code == 302


def test_wrong_password_is_refused_and_recorded(client: FlaskClient, auth: Auth, engine) -> None:
    response = auth.login("operator", password="salah-sekali-123")
    assert response.status_code == 200
    assert "Email atau kata sandi salah" in response.text
    with Session(engine) as session:
        assert session.exec(select(Event).where(Event.action == "login.failed")).one()


def test_login_without_csrf_token_is_rejected(client: FlaskClient, world) -> None:
    response = client.post("/login", data={"email": world.emails["operator"], "password": PASSWORD})
    assert response.status_code == 400
    assert "Formulir kedaluwarsa" in response.text


def test_upload_of_mixed_files_shows_a_result_per_file(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    perbup = samples.pdf_document(["PERATURAN BUPATI BADUNG NOMOR 18 TAHUN 2014"])
    response = upload(client, auth, [
        ("perbup.pdf", perbup),
        ("sop.docx", samples.docx_document(["SOP pengelolaan data"])),
        ("scan.pdf", samples.scanned_pdf([["SK"]])),
        ("terkunci.pdf", files.encrypted_pdf("rahasia")),
        ("lama.doc", files.OLE_DOC),
        ("kosong.pdf", b""),
        ("perbup-lagi.pdf", perbup),
    ])
    assert response.status_code == 200
    assert rows(response.text) == ["done", "done", "reading", "failed", "failed", "failed", "duplicate"]
    assert "Halaman pindaian sedang dibaca dengan OCR: 0 dari 1 halaman selesai" in response.text
    assert "dikunci dengan kata sandi" in response.text
    assert "Berkas kosong" in response.text
    assert "DOCX atau PDF" in response.text
    assert len(stored(engine)) == 6


def test_oversized_file_is_rejected_and_not_stored(client: FlaskClient, auth: Auth, engine, monkeypatch) -> None:
    auth.login("operator")
    client.application.extensions["evidence_vault"]["settings"].values["upload"]["max_bytes"] = 1024
    response = upload(client, auth, [("besar.pdf", samples.pdf_document(["x" * 3000]))])
    assert rows(response.text) == ["failed"] and "tidak disimpan" in response.text
    assert stored(engine) == []


def test_request_over_the_limit_is_refused_before_reading(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    client.application.config["MAX_CONTENT_LENGTH"] = 1000
    response = upload(client, auth, [("besar.pdf", b"%PDF-" + b"x" * 5000)])
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.text


def test_document_page_shows_metadata_and_text_per_page(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    upload(client, auth, [("perbup.pdf", samples.pdf_document(["Isi halaman pertama", "Isi halaman kedua"]))])
    document = stored(engine)[0]
    page = client.get(f"/documents/{document.id}")
    assert page.status_code == 200
    assert "Halaman 1" in page.text and "Isi halaman pertama" in page.text
    assert "Halaman 2" in page.text and "Isi halaman kedua" in page.text
    assert document.sha256 in page.text


def test_download_returns_the_original_bytes_as_attachment(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    content = samples.docx_document(["SOP"])
    upload(client, auth, [("SOP Layanan.docx", content)])
    document = stored(engine)[0]
    with client.get(f"/documents/{document.id}/download") as response:
        assert response.data == content
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert "SOP Layanan.docx" in response.headers["Content-Disposition"]
        assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_hostile_file_name_is_kept_safe_and_shown_escaped(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    hostile = "..\\..\\etc/<img src=x onerror=alert(1)>laporan\u202efdp.exe"
    response = upload(client, auth, [(hostile, samples.pdf_document(["isi"]))])
    document = stored(engine)[0]
    assert document.original_filename == "<img src=x onerror=alert(1)>laporanfdp.exe"
    for page in (response.text, client.get("/").text, client.get(f"/documents/{document.id}").text):
        assert "<img src=x" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_listing_pages_and_sorts(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    upload(client, auth, [(f"dok-{i:02}.pdf", samples.pdf_document([f"dokumen nomor {i}"])) for i in range(30)])
    first = client.get("/?sort=filename&order=asc")
    assert "30 dokumen" in first.text and "halaman 1 dari 2" in first.text
    names = re.findall(r'<td class="filename[^"]*">(dok-\d+\.pdf)</td>', first.text)
    assert names[:3] == ["dok-00.pdf", "dok-01.pdf", "dok-02.pdf"] and len(names) == 25
    second = client.get("/?sort=filename&order=asc&page=2")
    names = re.findall(r'<td class="filename[^"]*">(dok-\d+\.pdf)</td>', second.text)
    assert names == [f"dok-{i}.pdf" for i in range(25, 30)]


def test_other_organisation_cannot_see_or_fetch(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    upload(client, auth, [("rahasia-badung.pdf", samples.pdf_document(["milik Badung"]))])
    document = stored(engine)[0]
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("other_operator")
    assert "rahasia-badung.pdf" not in client.get("/").text
    for path in (f"/documents/{document.id}", f"/documents/{document.id}/download"):
        assert client.get(path).status_code == 404
    token = auth.token("/")
    assert client.post(f"/documents/{document.id}/delete", data={"csrf_token": token}).status_code == 404
    assert stored(engine)[0].deleted_at is None


def test_viewer_cannot_upload(client: FlaskClient, auth: Auth) -> None:
    auth.login("viewer")
    assert client.get("/upload").status_code == 403


def test_admin_uploads_into_a_chosen_organisation(client: FlaskClient, auth: Auth, engine, world) -> None:
    auth.login("admin")
    response = upload(client, auth, [("denpasar.pdf", samples.pdf_document(["Kota Denpasar"]))],
                      organisation=world.other.id)
    assert response.status_code == 200
    assert stored(engine)[0].organisation_id == world.other.id


def test_operator_uploads_only_into_own_organisation(client: FlaskClient, auth: Auth, engine, world) -> None:
    auth.login("operator")
    upload(client, auth, [("x.pdf", samples.pdf_document(["x"]))], organisation=world.other.id)
    assert [d.organisation_id for d in stored(engine)] == [world.home.id]


def test_delete_moves_to_trash_and_coordinator_restores(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    upload(client, auth, [("perbup.pdf", samples.pdf_document(["isi"]))])
    document = stored(engine)[0]
    client.post(f"/documents/{document.id}/delete", data={"csrf_token": auth.token("/")})
    assert stored(engine)[0].deleted_at is not None
    assert "perbup.pdf" not in client.get("/").text
    assert client.get("/trash").status_code == 403, "operators cannot open the trash"
    client.post("/logout", data={"csrf_token": auth.token("/")})

    auth.login("coordinator")
    assert "perbup.pdf" in client.get("/trash").text
    response = client.post(f"/documents/{document.id}/restore", data={"csrf_token": auth.token("/trash")})
    assert response.status_code == 302
    assert stored(engine)[0].deleted_at is None
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(Event).where(Event.object_id == document.id,
                                                                      Event.object_type == "document"))]
    assert actions == ["document.upload", "document.delete", "document.restore"]


def test_reupload_of_a_trashed_document_points_to_the_trash(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    content = samples.pdf_document(["isi"])
    upload(client, auth, [("a.pdf", content)])
    client.post(f"/documents/{stored(engine)[0].id}/delete", data={"csrf_token": auth.token("/")})
    response = upload(client, auth, [("a.pdf", content)])
    assert "Tempat Sampah" in response.text and rows(response.text) == ["duplicate"]


def test_security_headers(client: FlaskClient) -> None:
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_session_cookie_flags(client: FlaskClient, auth: Auth) -> None:
    response = auth.login("operator")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_password_change_ends_other_sessions(client: FlaskClient, auth: Auth, engine, app) -> None:
    from evidence_vault.records import accounts

    auth.login("operator")
    assert client.get("/").status_code == 200
    with Session(engine) as session:
        user = accounts.find_by_email(session, "operator@badung.go.id")
        accounts.set_password(session, user, "kata-sandi-baru-456")
        session.commit()
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/documents/1"])
def test_login_redirect_stays_on_site(client: FlaskClient, world, target: str) -> None:
    token = csrf_token(client.get("/login").text)
    response = client.post(f"/login?next={target}", data={"csrf_token": token, "email": world.emails["operator"],
                                                           "password": PASSWORD})
    location = response.headers["Location"]
    assert location == (target if target == "/documents/1" else "/")


_ID = re.compile(r'\sid="([^"]+)"')


def repeated_ids(html: str) -> list[str]:
    """Ids used more than once on a page, hidden inputs included (a label would name the wrong element)."""
    found = _ID.findall(html)
    return sorted({name for name in found if found.count(name) > 1})


def test_document_page_repeats_no_id_and_its_forms_still_carry_csrf(client: FlaskClient, auth: Auth,
                                                                     engine) -> None:
    auth.login("coordinator")
    upload(client, auth, [("perbup.pdf", samples.pdf_document(legal_texts.perbup(
        "12", 2023, "KEBIJAKAN INTERNAL MANAJEMEN DATA",
        body="Manajemen data meliputi arsitektur data, data induk dan interoperabilitas data.")))])
    document = stored(engine)[0]
    page = client.get(f"/documents/{document.id}").text
    assert page.count('name="csrf_token"') >= 4, "publish, delete, metadata, links and logout forms"
    assert repeated_ids(page) == []
    # The token of the delete form (not the first one on the page) is accepted.
    delete_form = page[page.index(f'action="/documents/{document.id}/delete"'):]
    response = client.post(f"/documents/{document.id}/delete", data={"csrf_token": csrf_token(delete_form)})
    assert response.status_code == 302 and stored(engine)[0].deleted_at is not None
    upload(client, auth, [("lain.pdf", samples.pdf_document(["dokumen lain"]))])
    client.post(f"/documents/{stored(engine)[1].id}/delete", data={"csrf_token": auth.token("/")})
    trash = client.get("/trash").text
    assert trash.count("Pulihkan</button>") == 2 and repeated_ids(trash) == []
    restore_form = trash[trash.index(f'action="/documents/{document.id}/restore"'):]
    response = client.post(f"/documents/{document.id}/restore", data={"csrf_token": csrf_token(restore_form)})
    assert response.status_code == 302 and stored(engine)[0].deleted_at is None


def test_document_history_link_sits_with_the_heading_not_among_the_buttons(client: FlaskClient, auth: Auth,
                                                                           engine) -> None:
    auth.login("coordinator")
    upload(client, auth, [("perbup.pdf", samples.pdf_document(["isi"]))])
    document = stored(engine)[0]
    page = client.get(f"/documents/{document.id}").text
    start = page.index('<div class="actions">')
    actions = page[start:page.index("</div>", start)]
    history = f'href="/documents/{document.id}/riwayat"'
    assert history not in actions, "a navigation link does not belong among the state-changing buttons"
    meta = re.search(r'<p class="page-meta">(.*?)</p>', page, re.S)
    assert meta and history in meta.group(1) and "Riwayat dokumen" in meta.group(1)
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("viewer")
    assert "/riwayat" not in client.get(f"/documents/{document.id}").text, "viewers do not read history"


def test_people_page_repeats_no_id(client: FlaskClient, auth: Auth, engine, world) -> None:
    from evidence_vault.records import accounts

    with Session(engine) as session:
        reviewer = accounts.find_by_email(session, world.emails["reviewer"])
        accounts.assign_reviewer(session, reviewer, world.other, actor_id=None)
        session.commit()
        reviewer_id = reviewer.id
    auth.login("admin")
    page = client.get(f"/pengguna/{reviewer_id}").text
    assert "Cabut</button>" in page and repeated_ids(page) == []


def test_document_list_marks_secondary_columns_for_phones(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    upload(client, auth, [("perbup.pdf", samples.pdf_document(["isi"]))])
    page = client.get("/").text
    table = page[page.index('<table class="documents">'):page.index("</table>")]
    header = re.findall(r"<th([^>]*)>(.*?)</th>", table, re.S)
    row = re.findall(r"<td([^>]*)>", table[table.index("<tbody>"):])
    kept = {re.sub(r"<[^>]+>|[▲▼]", "", label).strip() for attributes, label in header
            if "col-secondary" not in attributes}
    assert kept == {"Judul", "Keabsahan", "Status"}
    assert [("col-secondary" in attributes) for attributes in row] == [
        "col-secondary" in attributes for attributes, _label in header], "each cell as its column"
    with client.get("/static/css/app.css") as response:
        css = response.text
    phone = re.search(r"@media screen and \(max-width: 700px\) \{(.*?)\n\}", css, re.S)
    assert phone and re.search(r"\.col-secondary \{ display: none; \}", phone.group(1))


def test_upload_results_start_with_a_summary(client: FlaskClient, auth: Auth, engine, monkeypatch) -> None:
    auth.login("operator")
    perbup = samples.pdf_document(["PERATURAN BUPATI BADUNG NOMOR 18 TAHUN 2014"])
    response = upload(client, auth, [
        ("perbup.pdf", perbup),
        ("sop.docx", samples.docx_document(["SOP pengelolaan data"])),
        ("kosong.pdf", b""),
        ("perbup-lagi.pdf", perbup),
    ])
    summary = re.search(r'<p class="summary"[^>]*>(.*?)</p>', response.text, re.S)
    assert summary and response.text.index('class="summary"') < response.text.index('<table class="results')
    assert " ".join(summary.group(1).split()) == "4 berkas: 2 selesai, 1 sudah ada, 1 gagal."
    client.application.extensions["evidence_vault"]["settings"].values["upload"]["max_bytes"] = 1024
    response = upload(client, auth, [("besar.pdf", samples.pdf_document(["x" * 3000]))])
    assert "1 berkas: 1 gagal." in response.text
    waiting = post_upload(client, [("baru.pdf", samples.pdf_document(["dokumen baru"]))], read=False)
    assert "1 berkas: 1 masih diproses." in waiting.text


def test_audit_as_of_another_day_and_the_period_date_moved(client, auth, engine) -> None:
    from evidence_vault.models import AssessmentPeriod

    auth.login("coordinator")
    catalogue = client.get("/indikator").text
    client.post("/periode", data={"csrf_token": csrf_token(catalogue), "year": "2025", "framework": "spbe-2020"})
    page = client.get("/audit").text
    assert "dinilai per <strong>30 Juni 2025</strong>" in page
    elsewhere = client.get("/audit?tahun=2025&per=2025-03-01").text
    assert "dinilai per <strong>1 Maret 2025</strong>" in elsewhere and "Kembali ke tanggal periode" in elsewhere
    assert "per=2025-03-01" in elsewhere, "exports from that view are as of that day too"
    assert "tidak dikenali" in client.get("/audit?per=kemarin", follow_redirects=True).text
    csv_text = client.get("/audit/ekspor.csv?tahun=2025&per=2025-03-01").text
    assert "Dinilai per tanggal" in csv_text.splitlines()[0] and "01/03/2025" in csv_text.splitlines()[1]

    response = client.post("/audit/tanggal?tahun=2025", data={"csrf_token": csrf_token(page), "as_of": "2025-09-15"},
                           follow_redirects=True)
    assert "dinilai per <strong>15 September 2025</strong>" in response.text
    refused = client.post("/audit/tanggal?tahun=2025", data={"csrf_token": csrf_token(page), "as_of": "2031-01-01"},
                          follow_redirects=True)
    assert "tidak sesuai dengan periode 2025" in refused.text
    with Session(engine) as session:
        assert session.exec(select(AssessmentPeriod)).one().as_of.isoformat() == "2025-09-15"


def test_form_messages_are_indonesian(client, auth, world) -> None:
    """WTForms' own "Not a valid choice." reached people who read no English."""
    auth.login("admin")
    page = client.get("/pengguna").text
    response = client.post("/pengguna", data={"csrf_token": csrf_token(page), "email": "baru@badung.go.id",
                                              "role": "operator", "organisation": "999999"})
    assert "Not a valid choice" not in response.text and "Pilihan tidak tersedia" in response.text


def test_a_long_justification_is_reported_as_too_long(client, auth) -> None:
    auth.login("coordinator")
    client.post("/periode", data={"csrf_token": auth.token("/indikator"), "year": "2026", "framework": "spbe-2020"})
    response = client.post("/indikator/spbe-2020/3/klaim", follow_redirects=True, data={
        "csrf_token": auth.token("/indikator"), "level": "3", "justification": "x" * 5001})
    assert "Pilih tingkat yang diklaim" not in response.text
    assert "Penjelasan untuk penilai: paling banyak 5000 karakter" in response.text


def test_the_csv_export_names_its_charset_once(client, auth) -> None:
    auth.login("coordinator")
    client.post("/periode", data={"csrf_token": auth.token("/indikator"), "year": "2026", "framework": "spbe-2020"})
    with client.get("/audit/ekspor.csv") as response:
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
