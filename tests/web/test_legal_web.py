"""Legal metadata through the browser's paths: read on upload, corrected and confirmed, repealed later."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.demo import samples
from evidence_vault.models import Document, Event

from .. import legal_texts
from ..conftest import Auth, csrf_token
from ..uploads import post_upload


def upload(client: FlaskClient, auth: Auth, name: str, pages: list[str]) -> Document:
    post_upload(client, [(name, samples.pdf_document(pages))])
    return latest(client)


def latest(client: FlaskClient) -> Document:
    engine = client.application.extensions["evidence_vault"]["engine"]
    with Session(engine) as session:
        return session.exec(select(Document).order_by(Document.id.desc())).first()


def document(client: FlaskClient, document_id: int) -> Document:
    engine = client.application.extensions["evidence_vault"]["engine"]
    with Session(engine) as session:
        return session.get(Document, document_id)


def metadata_form(client: FlaskClient, document_id: int) -> dict[str, str]:
    """The edit form as the browser would submit it, pre-filled with the current values."""
    page = client.get(f"/documents/{document_id}").text
    form = page[page.index('class="grid-form"'):]
    form = form[:form.index("</form>")]
    data = {"csrf_token": csrf_token(form)}
    for name, value in re.findall(r'<input [^>]*name="(\w+)"[^>]*value="([^"]*)"', form):
        data.setdefault(name, value)
    for name in re.findall(r'<input [^>]*name="(\w+)"', form):
        data.setdefault(name, "")
    for name, body in re.findall(r'<select [^>]*name="(\w+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option selected value="([^"]*)"', body) or re.search(
            r'<option value="([^"]*)" selected', body)
        data[name] = chosen.group(1) if chosen else ""
    for name, body in re.findall(r'<textarea [^>]*name="(\w+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[name] = body.strip()
    data.pop("confirm", None)
    return data


def test_upload_confirm_then_repeal(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    old = upload(client, auth, "perbup-18-2014.pdf", legal_texts.perbup())
    assert (old.kind, old.legal_year, old.legal_status, old.in_force) == ("perbup", 2014, "diundangkan", "berlaku")
    page = client.get(f"/documents/{old.id}").text
    assert "Peraturan Bupati" in page and "I NYOMAN GIRI PRASTA" in page and "Dibaca otomatis, hlm. 1" in page
    assert "belum diperiksa" in page  # the unconfirmed finding

    form = metadata_form(client, old.id)
    form["tempat_penetapan"] = "Mangupura, Badung"
    form["confirm"] = "y"
    response = client.post(f"/documents/{old.id}/metadata", data=form)
    assert response.status_code == 302
    page = client.get(f"/documents/{old.id}").text
    assert "Mangupura, Badung" in page and "Diisi manual" in page and "Dikonfirmasi" in page
    assert document(client, old.id).finding_count == 0 and document(client, old.id).metadata_confirmed
    with Session(engine) as session:
        change = session.exec(select(Event).where(Event.action == "metadata.change")).one()
    assert change.detail == {"field": "tempat_penetapan", "old": "Mangupura", "new": "Mangupura, Badung"}

    new = upload(client, auth, "perbup-7-2024.pdf", legal_texts.perbup(
        "7", 2024, "PENYELENGGARAAN REKLAME", enacted="5 Februari 2024", promulgated="5 Februari 2024",
        repeals="Peraturan Bupati Badung Nomor 18 Tahun 2014 tentang Penyelenggaraan Reklame di Kabupaten Badung "
                "(Berita Daerah Kabupaten Badung Tahun 2014 Nomor 18)"))
    assert document(client, old.id).in_force == "dicabut"
    page = client.get(f"/documents/{old.id}").text
    assert "Dicabut oleh" in page and "sudah dicabut" in page
    assert f'href="/documents/{new.id}"' in page
    listing = client.get("/?status=dicabut").text
    assert "perbup-18-2014.pdf" in listing and "perbup-7-2024.pdf" not in listing

    client.post(f"/documents/{new.id}/delete", data={"csrf_token": auth.token("/")})
    assert document(client, old.id).in_force == "berlaku", "a repeal in the trash no longer counts"


def test_repeal_uploaded_before_the_repealed_document(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    upload(client, auth, "baru.pdf", legal_texts.perbup(
        "7", 2024, "PENYELENGGARAAN REKLAME", repeals="Peraturan Bupati Badung Nomor 18 Tahun 2014 tentang Reklame"))
    old = upload(client, auth, "lama.pdf", legal_texts.perbup())
    assert old.in_force == "dicabut"


def test_draft_and_unpromulgated_documents_show_findings(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    draft = upload(client, auth, "rancangan.pdf", legal_texts.perbup(draft=True))
    assert "masih rancangan" in client.get(f"/documents/{draft.id}").text
    unpromulgated = upload(client, auth, "belum-diundangkan.pdf", legal_texts.perbup("3", 2020, promulgated=None))
    assert "belum tercatat diundangkan" in client.get(f"/documents/{unpromulgated.id}").text
    listing = client.get("/?temuan=ya&jenis=perbup").text
    assert "rancangan.pdf" in listing and "belum-diundangkan.pdf" in listing


def test_invalid_edit_is_refused_with_a_message(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    doc = upload(client, auth, "perbup.pdf", legal_texts.perbup())
    form = metadata_form(client, doc.id) | {"tahun": "dua ribu"}
    response = client.post(f"/documents/{doc.id}/metadata", data=form, follow_redirects=True)
    assert "Tahun harus berupa angka" in response.text
    assert document(client, doc.id).legal_year == 2014


def test_metadata_with_markup_is_rendered_inert(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    doc = upload(client, auth, "perbup.pdf", legal_texts.perbup())
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    form = metadata_form(client, doc.id) | {"tentang": payload, "judul": payload}
    client.post(f"/documents/{doc.id}/metadata", data=form)
    for path in (f"/documents/{doc.id}", "/"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_viewer_and_other_organisation_cannot_edit(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    doc = upload(client, auth, "perbup.pdf", legal_texts.perbup())
    form = metadata_form(client, doc.id) | {"tahun": "1999"}
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("viewer")
    assert "Perbaiki dan konfirmasi" not in client.get(f"/documents/{doc.id}").text
    form["csrf_token"] = auth.token("/")
    assert client.post(f"/documents/{doc.id}/metadata", data=form).status_code == 403
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("other_operator")
    form["csrf_token"] = auth.token("/")
    assert client.post(f"/documents/{doc.id}/metadata", data=form).status_code == 404
    assert document(client, doc.id).legal_year == 2014


def test_jdihn_feed(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    doc = upload(client, auth, "perbup.pdf", legal_texts.perbup())
    upload(client, auth, "rancangan.pdf", legal_texts.perbup("9", 2025, "HAL LAIN", draft=True))
    upload(client, auth, "notulen.pdf", legal_texts.notulen())
    records = client.get("/jdih.json").get_json()
    assert len(records) == 1, "only established legal instruments are published"
    record = records[0]
    assert record["idData"] == str(doc.id) and record["noPeraturan"] == "18" and record["singkatanJenis"] == "Perbup"
    assert record["tanggal_penetapan"] == "2014-03-12" and record["status"] == "Berlaku"
    assert record["urlDownload"].endswith(f"/documents/{doc.id}/download")
    for key in ("idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis", "noPeraturan",
                "judul", "noPanggil", "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber",
                "subjek", "isbn", "status", "bahasa", "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload",
                "urlDownload", "abstrak", "urlAbstrak", "urlDetailPeraturan", "operasi", "display"):
        assert key in record
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("other_operator")
    assert client.get("/jdih.json").get_json() == []


def test_jdihn_feed_leaves_out_other_bodies_regulations_and_library_copies(client: FlaskClient, auth: Auth,
                                                                           engine) -> None:
    """The feed says "we established this": a Perbup of Gianyar kept as reference, or a copy, is not ours."""
    from evidence_vault import db
    from evidence_vault.records import library

    auth.login("other_operator")
    published = upload(client, auth, "perbup-tabanan.pdf", legal_texts.perbup("4", 2020, "ARSIP", regent="TABANAN"))
    with db.session_scope(engine) as session:
        library.publish(session, session.get(Document, published.id), None)
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("operator")
    own = upload(client, auth, "perbup.pdf", legal_texts.perbup())
    upload(client, auth, "perbup-gianyar.pdf", legal_texts.perbup("7", 2019, "PARIWISATA", regent="GIANYAR"))
    client.post(f"/pustaka/{published.id}/salin", data={"csrf_token": auth.token("/pustaka")})
    assert latest(client).copied_from_id == published.id
    records = client.get("/jdih.json").get_json()
    assert [record["idData"] for record in records] == [str(own.id)]


def test_a_draft_is_not_shown_in_force_and_a_report_has_no_standing(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    draft = upload(client, auth, "rancangan.pdf", legal_texts.perbup(draft=True, promulgated=None))
    page = client.get(f"/documents/{draft.id}").text
    assert "Belum berlaku (rancangan)" in page and "Keberlakuan: <strong>Berlaku" not in page
    report = upload(client, auth, "laporan.pdf", legal_texts.notulen())
    assert "Keberlakuan" not in client.get(f"/documents/{report.id}").text
