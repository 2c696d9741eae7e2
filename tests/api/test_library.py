"""The shared library through the API: publish, read across organisations, copy into one's own, withdraw.

The same rules as /pustaka on the web (tests/web/test_authorization.py and test_matrix.py
cover who may call what); here, what each call does and what the trail keeps of it.
"""

from __future__ import annotations

import io

import pytest
from flask import Flask
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault.config import Settings
from evidence_vault.demo import samples
from evidence_vault.models import Event
from evidence_vault.pipeline import ingest

from ..conftest import World
from .conftest import Api, MakeToken


def _document(engine: Engine, settings: Settings, organisation_id: int, text: str) -> int:
    stored = ingest.ingest_stream(engine, settings, io.BytesIO(samples.pdf_document([text])), f"{text[:24]}.pdf",
                                  organisation_id, None)
    return stored.document_id  # type: ignore[return-value]


@pytest.fixture
def badung(app: Flask, make_token: MakeToken) -> Api:
    return Api(app.test_client(), make_token("coordinator"))


@pytest.fixture
def denpasar(app: Flask, make_token: MakeToken) -> Api:
    return Api(app.test_client(), make_token("other_operator"))


def _events(engine: Engine, action: str) -> list[Event]:
    with Session(engine) as session:
        return list(session.exec(select(Event).where(Event.action == action)))


def test_published_read_by_another_body_copied_into_its_own_and_withdrawn(
        badung: Api, denpasar: Api, engine: Engine, settings: Settings, world: World) -> None:
    decree = _document(engine, settings, world.home.id, "Peraturan Bupati Badung tentang Tata Kelola SPBE")
    private = _document(engine, settings, world.home.id, "Nota dinas internal Badung")

    published = badung("POST", f"/documents/{decree}/publish")
    assert published.status_code == 200 and published.json["shared_at"]
    again = badung("POST", f"/documents/{decree}/publish")
    assert again.status_code == 422 and "sudah ada di pustaka" in again.json["error"]["message"]

    listed = denpasar("GET", "/library").json["items"]
    assert [(item["document"]["id"], item["publisher"]) for item in listed] == [(decree, "Kabupaten Badung")]
    detail = denpasar("GET", f"/library/{decree}").json
    assert detail["can_copy"] is True and "Tata Kelola SPBE" in detail["pages"][0]["text"]
    assert denpasar("GET", f"/library/{decree}/file").data.startswith(b"%PDF")
    for path in (f"/library/{private}", f"/library/{private}/file"):  # not published: as if it did not exist
        assert denpasar("GET", path).status_code == 404, path
    assert denpasar("POST", f"/library/{private}/copy").status_code == 404

    copied = denpasar("POST", f"/library/{decree}/copy")
    assert copied.status_code == 201, copied.json
    assert copied.json["organisation"] == "denpasar" and copied.json["copied_from_id"] == decree
    twice = denpasar("POST", f"/library/{decree}/copy")
    assert twice.status_code == 422 and "sudah memiliki dokumen dengan isi yang sama" in twice.json["error"]["message"]
    own = badung("POST", f"/library/{decree}/copy")
    assert own.status_code == 422 and "milik organisasi Anda sendiri" in own.json["error"]["message"]
    assert denpasar("POST", f"/documents/{copied.json['id']}/publish").status_code == 403  # an operator: no `share`

    withdrawn = badung("POST", f"/documents/{decree}/unpublish")
    assert withdrawn.status_code == 200 and withdrawn.json["shared_at"] is None
    assert denpasar("GET", "/library").json["items"] == []
    assert denpasar("GET", f"/library/{decree}").status_code == 404
    assert denpasar("GET", f"/documents/{copied.json['id']}").status_code == 200  # the copy stays theirs

    for action in ("document.share", "document.copy", "document.unshare"):
        [event] = _events(engine, action)
        assert event.detail["via"] == "api" and event.detail["token_id"], action


def test_the_library_pages_by_cursor_newest_first(badung: Api, denpasar: Api, engine: Engine, settings: Settings,
                                                  world: World) -> None:
    published = []
    for number in range(5):
        document_id = _document(engine, settings, world.home.id, f"Surat Edaran nomor {number}")
        assert badung("POST", f"/documents/{document_id}/publish").status_code == 200
        published.append(document_id)
    seen, page = [], denpasar("GET", "/library?limit=2").json
    seen += [item["document"]["id"] for item in page["items"]]
    while page["next_cursor"]:
        page = denpasar("GET", f"/library?limit=2&cursor={page['next_cursor']}").json
        seen += [item["document"]["id"] for item in page["items"]]
    assert seen == published[::-1]
    assert denpasar("GET", "/library?cursor=bukan-kursor").status_code == 400


def test_an_admin_without_an_organisation_cannot_copy(app: Flask, badung: Api, make_token: MakeToken,
                                                      engine: Engine, settings: Settings, world: World) -> None:
    """As on the web: a copy goes into the account's own organisation, and an admin's account has none."""
    decree = _document(engine, settings, world.home.id, "Keputusan Bupati Badung tentang Tim SPBE")
    badung("POST", f"/documents/{decree}/publish")
    admin = Api(app.test_client(), make_token("admin"))
    assert admin("GET", f"/library/{decree}").json["can_copy"] is False
    refused = admin("POST", f"/library/{decree}/copy")
    assert refused.status_code == 403 and "organisasi akun Anda" in refused.json["error"]["message"]
