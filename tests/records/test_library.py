"""The shared library: publish, copy into another vault, and copies never count as evidence."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.demo import samples
from evidence_vault.models import Document

from .. import legal_texts
from ..conftest import Auth
from ..uploads import post_upload


def _documents(engine) -> list[Document]:
    with Session(engine) as session:
        return list(session.exec(select(Document).order_by(Document.id)))


def test_publish_copy_and_copy_is_not_evidence(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("other_operator")
    model_text = legal_texts.perbup("4", 2022, "PENGELOLAAN DATA", regent="DENPASAR")
    post_upload(client, [("perbup-model.pdf", samples.pdf_document(model_text))])
    model = _documents(engine)[0]
    client.post("/logout", data={"csrf_token": auth.token("/")})

    auth.login("coordinator")  # Badung's coordinator cannot publish Denpasar's document
    assert client.post(f"/documents/{model.id}/terbitkan", data={"csrf_token": auth.token("/")}).status_code == 404
    client.post("/logout", data={"csrf_token": auth.token("/")})

    auth.login("admin")
    client.post(f"/documents/{model.id}/terbitkan", data={"csrf_token": auth.token("/")})
    client.post("/logout", data={"csrf_token": auth.token("/")})

    auth.login("operator")
    assert "Peraturan" in client.get("/pustaka").text
    assert client.get(f"/documents/{model.id}").status_code == 404, "the library page, not the owner's vault"
    with client.get(f"/pustaka/{model.id}/unduh") as download:
        assert download.status_code == 200 and download.data.startswith(b"%PDF")
    response = client.post(f"/pustaka/{model.id}/salin", data={"csrf_token": auth.token("/pustaka")})
    assert response.status_code == 302
    copy = _documents(engine)[-1]
    assert copy.copied_from_id == model.id and copy.organisation_id != model.organisation_id
    page = client.get(f"/documents/{copy.id}").text
    assert "salinan dari pustaka bersama" in page.lower() and 'data-code="shared_copy"' in page
    assert copy.finding_count >= 1
    again = client.post(f"/pustaka/{model.id}/salin", data={"csrf_token": auth.token("/pustaka")},
                        follow_redirects=True)
    assert "sudah memiliki dokumen dengan isi yang sama" in again.text


def test_unpublished_documents_are_not_in_the_library(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("other_operator")
    post_upload(client, [("rahasia.pdf", samples.pdf_document(["rahasia denpasar"]))])
    document = _documents(engine)[0]
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("operator")
    assert "rahasia" not in client.get("/pustaka").text
    assert client.get(f"/pustaka/{document.id}").status_code == 404
    assert client.get(f"/pustaka/{document.id}/unduh").status_code == 404


def test_history_pages_show_the_trail(client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    post_upload(client, [("perbup.pdf", samples.pdf_document(legal_texts.perbup()))])
    document = _documents(engine)[0]
    client.post(f"/documents/{document.id}/delete", data={"csrf_token": auth.token("/")})
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("coordinator")
    client.post(f"/documents/{document.id}/restore", data={"csrf_token": auth.token("/trash")})
    trail = client.get(f"/documents/{document.id}/riwayat").text
    for label in ("Mengunggah dokumen", "Memindahkan ke Tempat Sampah", "Memulihkan dari Tempat Sampah"):
        assert label in trail
    assert "operator@badung.go.id" in trail and "koordinator@badung.go.id" in trail
    organisation = client.get("/riwayat?aksi=login").text
    assert "<td>Masuk</td>" in organisation and "<td>Mengunggah dokumen</td>" not in organisation
