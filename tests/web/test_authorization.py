"""The authorisation matrix: every route, as every role, on its own and another body's things.

The expected sets are written out by hand, not derived from `access.ROLE_PERMISSIONS`, so a
change to the rules shows up here. A route without a row fails the test.
"""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient

from evidence_vault import db
from evidence_vault.demo import samples
from evidence_vault.models import Document
from evidence_vault.pipeline import ingest, uploads
from evidence_vault.records import documents, library, links, periods, tokens

from ..conftest import PASSWORD, World, csrf_token

ALL = {"admin", "coordinator", "operator", "reviewer", "viewer"}
ORG_STAFF = {"coordinator", "operator", "reviewer", "viewer"}
WRITERS = {"admin", "coordinator", "operator"}
LEADS = {"admin", "coordinator"}
ADMIN = {"admin"}
REVIEWERS = {"admin", "reviewer"}
PUBLIC = {"static", "auth.login", "health.healthz"}

# endpoint: (method, path on own organisation's object, path on another organisation's object or None,
#            roles allowed on their own, roles allowed on the other's)
ROUTES: dict[str, tuple[str, str, str | None, set[str], set[str]]] = {
    "auth.logout": ("POST", "/logout", None, ALL, set()),
    "documents.index": ("GET", "/", None, ALL, set()),
    "documents.trash": ("GET", "/trash", None, LEADS, set()),
    "uploads.upload": ("GET", "/upload", None, WRITERS, set()),
    "uploads.status": ("GET", "/unggah/{home_upload}", "/unggah/{other_upload}", ALL, ADMIN),
    "uploads.status_json": ("GET", "/unggah/{home_upload}.json", "/unggah/{other_upload}.json", ALL, ADMIN),
    "documents.detail": ("GET", "/documents/{home}", "/documents/{other}", ALL, ADMIN),
    "documents.download": ("GET", "/documents/{home}/download", "/documents/{other}/download", ALL, ADMIN),
    "documents.delete": ("POST", "/documents/{victim}/delete", "/documents/{other_victim}/delete", WRITERS, ADMIN),
    "documents.restore": ("POST", "/documents/{trashed}/restore", "/documents/{other_trashed}/restore", LEADS, ADMIN),
    "legal.edit": ("POST", "/documents/{home}/metadata", "/documents/{other}/metadata", WRITERS, ADMIN),
    "legal.feed": ("GET", "/jdih.json?org=badung", "/jdih.json?org=denpasar", ALL, ADMIN),
    "library.index": ("GET", "/pustaka", None, ALL, set()),
    "library.detail": ("GET", "/pustaka/{shared}", None, ALL, set()),
    "library.download": ("GET", "/pustaka/{shared}/unduh", None, ALL, set()),
    "library.copy": ("POST", "/pustaka/{shared}/salin", None, {"coordinator", "operator"}, set()),
    "library.publish": ("POST", "/documents/{home}/terbitkan", "/documents/{other}/terbitkan", LEADS, ADMIN),
    "people.change_password": ("GET", "/akun/kata-sandi", None, ALL, set()),
    "people.users": ("GET", "/pengguna", None, LEADS, set()),
    "people.edit_user": ("GET", "/pengguna/{home_user}", "/pengguna/{other_user}", LEADS, ADMIN),
    "people.reset": ("POST", "/pengguna/{home_user}/reset", "/pengguna/{other_user}/reset", LEADS, ADMIN),
    "people.end_sessions": ("POST", "/pengguna/{home_user}/sesi/akhiri", "/pengguna/{other_user}/sesi/akhiri", LEADS,
                            ADMIN),
    "people.assign": ("POST", "/pengguna/{home_user}/tugas", None, ADMIN, set()),
    "people.unassign": ("POST", "/pengguna/{home_user}/tugas/{other_org}/hapus", None, ADMIN, set()),
    "links.add": ("POST", "/documents/{home}/tautan", "/documents/{other}/tautan", WRITERS, ADMIN),
    "links.reject_suggestion": ("POST", "/documents/{home}/tautan/{home_link}/tolak",
                                "/documents/{other}/tautan/{other_link}/tolak", WRITERS, ADMIN),
    "links.verify": ("POST", "/documents/{home}/tautan/{home_link}/verifikasi",
                     "/documents/{other}/tautan/{other_link}/verifikasi", REVIEWERS, ADMIN),
    "links.review_reject": ("POST", "/documents/{home}/tautan/{home_link}/tolak-tinjauan",
                            "/documents/{other}/tautan/{other_link}/tolak-tinjauan", REVIEWERS, ADMIN),
    "links.remove": ("POST", "/documents/{home}/tautan/{home_link}/hapus",
                     "/documents/{other}/tautan/{other_link}/hapus", WRITERS, ADMIN),
    "links.decide_suggestions": ("POST", "/indikator/spbe-2020/3/saran", "/indikator/spbe-2020/3/saran?org=denpasar",
                                 WRITERS, ADMIN),
    "indicators.catalogue": ("GET", "/indikator", "/indikator?org=denpasar", ALL, ADMIN),
    "indicators.detail": ("GET", "/indikator/spbe-2020/3", "/indikator/spbe-2020/3?org=denpasar", ALL, ADMIN),
    "indicators.claim": ("POST", "/indikator/spbe-2020/3/klaim", "/indikator/spbe-2020/3/klaim?org=denpasar",
                         LEADS, ADMIN),
    "indicators.external_value": ("POST", "/indikator/spbe-2020/3/nilai-indeks",
                                  "/indikator/spbe-2020/3/nilai-indeks?org=denpasar", LEADS, ADMIN),
    "indicators.open_period": ("POST", "/periode", "/periode?org=denpasar", LEADS, ADMIN),
    "indicators.toggle_strict": ("POST", "/organisasi/tinjauan-ketat", "/organisasi/tinjauan-ketat?org=denpasar",
                                 LEADS, ADMIN),
    "search.page": ("GET", "/cari?q=milik", None, ALL, set()),
    "search.json_results": ("GET", "/cari.json?q=milik", None, ALL, set()),
    "audit.dashboard": ("GET", "/audit", "/audit?org=denpasar", ALL, ADMIN),
    "audit.move_as_of": ("POST", "/audit/tanggal", "/audit/tanggal?org=denpasar", LEADS, ADMIN),
    "audit.download": ("GET", "/audit/ekspor.csv", "/audit/ekspor.csv?org=denpasar",
                       {"admin", "coordinator", "reviewer"}, ADMIN),
    "trail.document_history": ("GET", "/documents/{home}/riwayat", "/documents/{other}/riwayat",
                               {"admin", "coordinator", "operator", "reviewer"}, ADMIN),
    "trail.organisation_history": ("GET", "/riwayat", None, {"admin", "coordinator", "operator", "reviewer"}, set()),
    "tokens.index": ("GET", "/akun/token", None, ALL, set()),
    # Everyone revokes only their own tokens: this one is Denpasar's operator's, so nobody here may.
    "tokens.revoke": ("POST", "/akun/token/{someone_token}/cabut", None, set(), set()),
}

# Cases no single row above can hold. A reviewer of Badung whom the admin assigned to Denpasar
# too: Badung's coordinator manages Badung's accounts, but resetting this one's password would
# open Denpasar to them, so only the admin may manage it.
ASSIGNED_REVIEWER: list[tuple[str, str, set[str]]] = [
    ("GET", "/pengguna/{shared_reviewer}", ADMIN),
    ("POST", "/pengguna/{shared_reviewer}", ADMIN),
    ("POST", "/pengguna/{shared_reviewer}/reset", ADMIN),
    ("POST", "/pengguna/{shared_reviewer}/sesi/akhiri", ADMIN),
]


def test_every_route_has_a_rule(app: Flask) -> None:
    """Every page's route; the API's (`api.*`, bearer tokens only) have their matrix in tests/api/test_matrix.py."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if not rule.endpoint.startswith("api.")}
    assert endpoints - PUBLIC == set(ROUTES), "a route without an authorisation rule (or a stale rule)"


def _store(engine, settings, organisation_id: int, text: str) -> int:
    result = ingest.ingest_stream(engine, settings, io.BytesIO(samples.pdf_document([text])), f"{text}.pdf",
                                  organisation_id, None)
    return result.document_id  # type: ignore[return-value]


@pytest.fixture
def objects(engine, settings, world: World) -> dict[str, int]:
    home, other = world.home.id, world.other.id
    ids = {
        "home": _store(engine, settings, home, "milik badung"),
        "victim": _store(engine, settings, home, "akan dihapus badung"),
        "trashed": _store(engine, settings, home, "sampah badung"),
        "other": _store(engine, settings, other, "milik denpasar"),
        "other_victim": _store(engine, settings, other, "akan dihapus denpasar"),
        "other_trashed": _store(engine, settings, other, "sampah denpasar"),
        "shared": _store(engine, settings, other, "contoh perbup denpasar"),
    }
    with db.session_scope(engine) as session:
        for key in ("trashed", "other_trashed"):
            documents.move_to_trash(session, session.get(Document, ids[key]), None)
        library.publish(session, session.get(Document, ids["shared"]), None)
        from evidence_vault.records import accounts
        ids["home_user"] = accounts.find_by_email(session, world.emails["viewer"]).id
        for organisation in (world.home, world.other):
            periods.create_period(session, organisation, 2026, "spbe-2020")
        for key, document_key in (("home_link", "home"), ("other_link", "other")):
            document = session.get(Document, ids[document_key])
            ids[key] = links.link(session, document, "spbe-2020", "3", links.LinkDetails(), None).id
        ids["other_user"] = accounts.find_by_email(session, world.emails["other_operator"]).id
        shared = accounts.create_user(session, "penilai-bersama@badung.go.id", PASSWORD, "reviewer", world.home)
        accounts.assign_reviewer(session, shared, world.other, actor_id=None)
        ids["shared_reviewer"] = shared.id
        someone = accounts.find_by_email(session, world.emails["other_operator"])
        ids["someone_token"] = tokens.create(session, someone, "dasbor", "read", 30, max_days=365)[0].id
    ids["other_org"] = other
    for key, organisation_id in (("home_upload", home), ("other_upload", other)):
        ids[key], _waiting = uploads.receive(engine, settings, [(io.BytesIO(samples.pdf_document([key])), "a.pdf")],
                                             organisation_id, None)
    return ids


def _request(client: FlaskClient, method: str, path: str) -> int:
    if method == "GET":
        with client.get(path) as response:
            return response.status_code
    token = csrf_token(client.get("/akun/kata-sandi").text)
    return client.post(path, data={"csrf_token": token, "organisation": "0"}).status_code


def _login(client: FlaskClient, email: str) -> None:
    token = csrf_token(client.get("/login").text)
    response = client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD})
    assert response.status_code == 302, f"login failed for {email}"


@pytest.mark.parametrize("role", sorted(ALL))
def test_matrix(app: Flask, world: World, objects: dict[str, int], role: str) -> None:
    client = app.test_client()
    _login(client, world.emails[role])
    wrong = []
    for endpoint, (method, own, other, allowed_own, allowed_other) in ROUTES.items():
        if endpoint == "auth.logout":
            continue
        for path, allowed in ((own, allowed_own), (other, allowed_other)):
            if path is None:
                continue
            status = _request(client, method, path.format(**objects))
            permitted = status not in (302, 401, 403, 404) or (status == 302 and method == "POST")
            if status == 302 and method == "GET":
                permitted = False
            if permitted != (role in allowed):
                wrong.append(f"{role} {method} {path} → {status}")
    for method, path, allowed in ASSIGNED_REVIEWER:
        status = _request(client, method, path.format(**objects))
        if (status not in (302, 401, 403, 404) or (status == 302 and method == "POST")) != (role in allowed):
            wrong.append(f"{role} {method} {path} → {status}")
    assert wrong == []


def test_anonymous_is_sent_to_login_everywhere(client: FlaskClient, objects: dict[str, int]) -> None:
    for endpoint, (method, own, _other, _a, _b) in ROUTES.items():
        path = own.format(**objects)
        response = client.get(path) if method == "GET" else client.post(path)
        assert response.status_code in (302, 400), f"{endpoint} answered {response.status_code}"
        if response.status_code == 302:
            assert "/login" in response.headers["Location"]


def test_every_state_change_needs_a_csrf_token(app: Flask, world: World, objects: dict[str, int]) -> None:
    client = app.test_client()
    _login(client, world.emails["admin"])
    for endpoint, (method, own, _other, _a, _b) in ROUTES.items():
        if method == "POST":
            response = client.post(own.format(**objects), data={"organisation": "0"})
            assert response.status_code == 400 and "Formulir kedaluwarsa" in response.text, endpoint


def test_assigned_reviewer_reads_the_other_organisation(app: Flask, world: World, objects, engine) -> None:
    from evidence_vault.records import accounts

    with db.session_scope(engine) as session:
        reviewer = accounts.find_by_email(session, world.emails["reviewer"])
        accounts.assign_reviewer(session, reviewer, world.other, actor_id=None)
    client = app.test_client()
    _login(client, world.emails["reviewer"])
    assert client.get(f"/documents/{objects['other']}").status_code == 200
    assert "milik denpasar" in client.get("/").text
    assert client.get("/upload").status_code == 403
    token = csrf_token(client.get("/").text)
    assert client.post(f"/documents/{objects['other']}/metadata", data={"csrf_token": token}).status_code == 403
    assert "milik denpasar" in client.get("/riwayat").text
