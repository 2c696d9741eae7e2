"""Web uploads answered at once: the files stored, one status row per file in the database, read later
by the worker; the upload's page and its JSON twin, the no-script refresh link, the home page's list
of files in progress, and the accepted types said and offered."""

from __future__ import annotations

import io

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault import indonesian
from evidence_vault.demo import samples
from evidence_vault.models import Document, Organisation, Upload, UploadFile

from ..conftest import Auth
from ..uploads import post_upload, rows, run_reading_tasks

REPORT = samples.pdf_document(["LAPORAN KEGIATAN PUSAT DATA 2025\nisi laporan"])
SOP = samples.docx_document(["STANDAR OPERASIONAL PROSEDUR", "Layanan pusat data"])


def test_the_upload_page_says_and_offers_every_accepted_type(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    page = client.get("/upload").text
    assert "PDF, DOCX (Word), dan gambar pindaian JPEG, PNG atau TIFF" in page
    accept = page.split('accept="', 1)[1].split('"', 1)[0]
    for offered in (".pdf", ".docx", ".jpg", ".jpeg", ".png", ".tif", ".tiff", "image/jpeg", "image/png",
                    "image/tiff", "application/pdf"):
        assert offered in accept.split(","), offered


def test_the_answer_comes_before_any_file_is_read(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    data = {"csrf_token": auth.token(), "files": [(io.BytesIO(REPORT), "laporan.pdf"), (io.BytesIO(SOP), "sop.docx"),
                                                  (io.BytesIO(REPORT), "laporan-salinan.pdf")]}
    answer = client.post("/upload", data=data, content_type="multipart/form-data")
    assert answer.status_code == 303 and answer.headers["Location"].startswith("/unggah/")
    with Session(engine) as session:
        assert session.exec(select(Document)).all() == [], "nothing is read in the request"
        assert [row.status for row in session.exec(select(UploadFile))] == ["received"] * 3
    page = client.get(answer.headers["Location"]).text
    assert rows(page) == ["received"] * 3 and page.count("Diterima") >= 3
    assert "3 berkas: 3 masih diproses." in page
    assert "Muat ulang untuk melihat kemajuan" in page and "upload-status.js" in page  # without script: a link
    news = client.get(answer.headers["Location"] + ".json").get_json()
    assert news["finished"] is False and [item["label"] for item in news["files"]] == ["Diterima"] * 3
    home = client.get("/").text
    assert "Sedang diproses (3 berkas)" in home and "laporan-salinan.pdf" in home

    assert run_reading_tasks(client) == 3
    news = client.get(answer.headers["Location"] + ".json").get_json()
    assert news["finished"] is True and news["summary"] == "3 berkas: 2 selesai, 1 sudah ada."
    assert [item["label"] for item in news["files"]] == ["Selesai", "Selesai", "Sudah ada"]
    assert news["files"][0]["document_url"].startswith("/documents/")
    assert "laporan.pdf" in news["files"][2]["message"], "the duplicate names the document it repeats"
    page = client.get(answer.headers["Location"]).text
    assert 'id="upload-refresh" hidden' in page, "nothing left to wait for"
    assert "Sedang diproses (" not in client.get("/").text


def test_a_colleague_sees_the_same_progress_and_another_body_sees_nothing(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    page = post_upload(client, [("laporan.pdf", REPORT)], read=False)
    address = page.request.path
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("viewer")
    assert rows(client.get(address).text) == ["received"]
    assert "Sedang diproses (1 berkas)" in client.get("/").text
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("other_operator")
    assert client.get(address).status_code == 404 and client.get(address + ".json").status_code == 404
    assert "laporan.pdf" not in client.get("/").text


def test_times_are_shown_in_the_bodys_own_zone(client: FlaskClient, auth: Auth, engine, cli) -> None:
    """Badung is in Bali (WITA): its upload's time reads an hour ahead of Jakarta's."""
    made = cli("org", "add", "Pemerintah Kabupaten Gianyar", "--kind", "regency", "--code", "gianyar",
               "--region", "Bali")
    assert made.exit_code == 0 and "zona waktu WITA" in made.output
    papua = cli("org", "add", "Pemerintah Kota Jayapura", "--kind", "city", "--code", "jayapura", "--zona", "wit")
    assert "zona waktu WIT" in papua.output
    with Session(engine) as session:
        badung = session.exec(select(Organisation).where(Organisation.code == "badung")).one()
        badung.time_zone = "WITA"
        session.add(badung)
        session.commit()
    auth.login("operator")
    page = post_upload(client, [("laporan.pdf", REPORT)], read=False).text
    with Session(engine) as session:
        created = session.exec(select(Upload)).one().created_at
    assert f"Diunggah {indonesian.local_time(created, 'WITA')}" in page and " WIB" not in page
