"""The API through HTTP: errors, limits, the trail's API mark, uploads, cursors, and a coordinator's day."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.routing import IntegerConverter
from werkzeug.test import encode_multipart

from evidence_vault.demo import samples
from evidence_vault.models import Event, Upload
from evidence_vault.records import accounts

from ..conftest import Auth, World
from .conftest import Api, MakeToken, read_upload


def _pdf(text: str) -> tuple[io.BytesIO, str]:
    return io.BytesIO(samples.pdf_document([text])), f"{text[:20]}.pdf"


def _upload(api: Api, *files: tuple[io.BytesIO, str], org: str = "badung"):
    """POST the files as one multipart body built in memory (the test client's own spills a large body into a
    temporary file it never closes)."""
    boundary, body = encode_multipart(MultiDict([("files", FileStorage(stream, name)) for stream, name in files]))
    return api("POST", f"/documents?org={org}", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def _added(api: Api, *files: tuple[io.BytesIO, str]) -> list[int]:
    """Upload, follow the upload until read, and return each file's document id."""
    return [item["document_id"] for item in read_upload(api, _upload(api, *files))["files"]]


@pytest.fixture
def coordinator(app: Flask, make_token: MakeToken) -> Api:
    return Api(app.test_client(), make_token("coordinator"))


def test_errors_have_one_shape_with_a_code_and_indonesian_words(coordinator: Api) -> None:
    cases = [
        (("GET", "/tidak-ada"), 404, "not_found"),
        (("DELETE", "/organisations"), 405, "method_not_allowed"),
        (("GET", "/documents/999999"), 404, "not_found"),
        (("GET", "/documents/99999999999999"), 404, "not_found"),
        (("GET", "/documents?limit=0&sort=warna"), 400, "invalid_request"),
        (("GET", "/documents?cursor=bukan-kursor"), 400, "invalid_request"),
    ]
    for (method, path), status, code in cases:
        answer = coordinator(method, path)
        assert answer.status_code == status and answer.json["error"]["code"] == code, (path, answer.json)
        assert answer.json["error"]["message"] and answer.is_json
    fields = coordinator("GET", "/documents?limit=0&sort=warna").json["error"]["details"]
    assert {item["field"]: item["message"] for item in fields} == {
        "limit": "paling kecil 1",
        "sort": "harus salah satu dari: 'uploaded', 'title', 'filename', 'size', 'pages', 'status', 'year' or "
                "'findings'"}
    assert "GET" in coordinator("DELETE", "/organisations").headers["Allow"]


def _paths_with(app: Flask, number: str) -> list[tuple[str, str]]:
    """Every (method, path) the API serves with a whole number in its path, that number put in every such place."""
    found = []
    for rule in app.url_map.iter_rules():
        def value(match: re.Match[str]) -> str:
            converter = app.url_map.converters.get(match["converter"] or "default")
            if converter is not None and issubclass(converter, IntegerConverter):
                return number
            return {"kind": "csv"}.get(match["name"], "badung")

        path = re.sub(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>", value, rule.rule)
        if rule.endpoint.startswith("api.") and number in path:
            found += [(method, path.removeprefix("/api/v1"))
                      for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})]
    assert len(found) > 20, "the API's routes with ids were not found"
    return found


@pytest.mark.parametrize("number", [str(2**63), str(10**30), str(2**31)])
def test_huge_numbers_are_not_found_or_refused_never_a_server_error(app: Flask, make_token: MakeToken,
                                                                     number: str) -> None:
    """Ids past what the database holds answer 404 for every method the route has; query numbers past range 400.

    Such an id once answered 405 for DELETE, PATCH or POST when the same path had a route for
    another method (Werkzeug's router compared methods before the id failed to convert), and
    404 without a token where an id in range answers 401. An admin's token: every permission, so
    nothing is refused before the id is looked at.
    """
    admin = Api(app.test_client(), make_token("admin"))
    wrong = []
    for method, path in _paths_with(app, number):
        answer = admin(method, path, json={}) if method != "GET" else admin(method, path)
        if (answer.status_code, answer.is_json and answer.json["error"]["code"]) != (404, "not_found"):
            wrong.append(f"{method} {path} → {answer.status_code}")
        anonymous = app.test_client().open("/api/v1" + path, method=method)
        if anonymous.status_code != 401:
            wrong.append(f"{method} {path} without a token → {anonymous.status_code}")
    for query in ("limit", "page", "year", "per_page"):
        for path in ("/documents", "/search", "/history", "/organisations/badung/audit"):
            answer = admin("GET", f"{path}?{query}={number}")
            if answer.status_code == 500 or (answer.status_code == 400 and not answer.json["error"]["details"]):
                wrong.append(f"GET {path}?{query}={number} → {answer.status_code}")
    assert wrong == []


def test_a_body_is_checked_field_by_field(coordinator: Api) -> None:
    typo = coordinator("POST", "/organisations/badung/periods", json={"year": 2026, "tahun": 2026})
    assert typo.status_code == 400
    assert typo.json["error"]["details"] == [{"field": "tahun", "in": "body",
                                              "message": "tidak dikenal; hapus isian ini"}]
    not_json = coordinator("POST", "/organisations/badung/periods", data="year=2026",
                           content_type="application/x-www-form-urlencoded")
    assert not_json.status_code == 415 and not_json.json["error"]["code"] == "unsupported_media_type"
    broken = coordinator("POST", "/organisations/badung/periods", data="{year:", content_type="application/json")
    assert broken.status_code == 400 and "bukan JSON yang sah" in broken.json["error"]["message"]


def test_the_domain_refuses_in_its_own_words(coordinator: Api) -> None:
    answer = coordinator("GET", "/organisations/badung/audit")
    assert answer.status_code == 422 and answer.json["error"]["code"] == "refused"
    assert "belum memiliki periode" in answer.json["error"]["message"]


@pytest.fixture
def small_limits(storage: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_API_REQUESTS_PER_MINUTE", "3")
    monkeypatch.setenv("EVIDENCE_VAULT_API_MAX_JSON_BYTES", "1024")


@pytest.mark.usefixtures("small_limits")
def test_each_token_has_its_own_rate_and_size_limits(app: Flask, make_token: MakeToken) -> None:
    first, second = Api(app.test_client(), make_token("coordinator")), Api(app.test_client(), make_token("operator"))
    answers = [first("GET", "/organisations") for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [answer.headers["X-RateLimit-Remaining"] for answer in answers] == ["2", "1", "0", "0"]
    refused = answers[-1]
    assert refused.json["error"]["code"] == "rate_limited" and 1 <= int(refused.headers["Retry-After"]) <= 60
    assert second("GET", "/organisations").status_code == 200  # another token counts on its own

    big = second("PATCH", "/documents/1/metadata", json={"fields": {"tentang": "x" * 2000}})
    assert big.status_code == 413 and big.json["error"]["code"] == "too_large"


def test_a_token_may_carry_its_own_lower_size_limit(app: Flask, make_token: MakeToken, engine: Engine) -> None:
    """A JDIH's token limited to 1 MiB a request: a larger upload is refused before anything is kept, naming whose
    limit it was; the same file goes through another token of the same person; JSON keeps the vault's lower limit."""
    narrow = Api(app.test_client(), make_token("coordinator", max_mib=1))
    wide = Api(app.test_client(), make_token("coordinator"))
    scan = samples.pdf_document(["Peraturan Bupati dengan lampiran besar"]) + b"%" + b"x" * (2 * 1024 * 1024)

    refused = _upload(narrow, (io.BytesIO(scan), "besar.pdf"))
    assert refused.status_code == 413 and refused.json["error"]["code"] == "too_large"
    assert "batas token ini, 1 MiB" in refused.json["error"]["message"]
    assert refused.json["error"]["details"] == [{"field": "Content-Length", "in": "header",
                                                 "message": f"paling besar {1024 * 1024} byte"}]
    assert refused.headers["X-RateLimit-Remaining"]  # counted like every answer
    with Session(engine) as session:
        assert session.exec(select(Upload)).first() is None  # nothing received, nothing stored

    assert _upload(wide, (io.BytesIO(scan), "besar.pdf")).status_code == 202
    assert _upload(narrow, _pdf("Surat Edaran kecil")).status_code == 202

    json_body = {"fields": {"tentang": "x" * (300 * 1024)}}  # past the vault's 256 KiB for JSON, under the token's
    for api in (narrow, wide):
        big = api("PATCH", "/documents/1/metadata", json=json_body)
        assert big.status_code == 413 and "batas vault, 256 KiB" in big.json["error"]["message"]


@pytest.fixture
def roomy_json(storage: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_API_MAX_JSON_BYTES", str(4 * 1024 * 1024))


@pytest.mark.usefixtures("roomy_json")
def test_a_body_without_its_length_is_cut_at_the_tokens_limit(app: Flask, make_token: MakeToken) -> None:
    """Sent in chunks (no Content-Length), the body is refused where it passes the token's limit, in the same shape.

    A JSON body, with the vault's JSON limit raised above the token's, so the token's is the one that cuts; it
    was once cut silently there and answered 400 "not valid JSON".
    """
    narrow = Api(app.test_client(), make_token("coordinator", max_mib=1))
    body = json.dumps({"fields": {"tentang": "x" * (2 * 1024 * 1024)}}).encode()
    refused = narrow("PATCH", "/documents/1/metadata", input_stream=io.BytesIO(body), content_type="application/json",
                     headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})
    assert refused.request.content_length is None  # the premise: the server learns the size only as it reads
    assert refused.status_code == 413 and "batas token ini, 1 MiB" in refused.json["error"]["message"]


def test_every_api_change_is_in_the_trail_under_the_user_marked_api(coordinator: Api, engine: Engine, auth: Auth,
                                                                    client: FlaskClient, world: World) -> None:
    assert coordinator("POST", "/organisations/badung/periods", json={"year": 2026}).status_code == 201
    with Session(engine) as session:
        event = session.exec(select(Event).where(Event.action == "period.create")).one()
        user = accounts.find_by_email(session, world.emails["coordinator"])
    assert event.actor_id == user.id and event.detail["via"] == "api" and event.detail["token_id"]
    trail = coordinator("GET", "/history?action=period.create").json["items"]
    assert [(item["actor"], item["via"]) for item in trail] == [(world.emails["coordinator"], "api")]
    auth.login("coordinator")
    page = client.get("/riwayat?aksi=period.create").text
    assert "Dilakukan melalui API dengan token" in page and "token_id" not in page


def test_upload_answers_at_once_with_each_files_status_and_the_worker_reads_them(coordinator: Api, app: Flask,
                                                                                 engine: Engine) -> None:
    """As the web upload: received at once (nothing read in the request), followed through `status_url`."""
    answer = _upload(coordinator, _pdf("Peraturan Bupati satu"), _pdf("Peraturan Bupati satu"),
                     (io.BytesIO(b"MZ\x90\x00 bukan dokumen"), "program.exe"))
    assert answer.status_code == 202, answer.json
    assert answer.headers["Location"] == answer.json["status_url"]
    assert answer.json["organisation"] == "badung" and answer.json["finished"] is False
    assert [(item["status"], item["label"], item["document_id"]) for item in answer.json["files"]] == [
        ("received", "Diterima", None)] * 3
    with Session(engine) as session:
        assert session.exec(select(Event).where(Event.action == "document.upload")).first() is None

    done = read_upload(coordinator, answer)
    assert [(item["status"], item["document_id"] is not None) for item in done["files"]] == [
        ("done", True), ("duplicate", True), ("failed", True)]  # kept, as on the web: nothing lost
    assert done["summary"] == "3 berkas: 1 selesai, 1 sudah ada, 1 gagal."
    document_url = done["files"][0]["document_url"]
    assert coordinator.follow(document_url).json["id"] == done["files"][0]["document_id"]
    assert coordinator.follow(document_url + "/status").json["done"] is True
    downloaded = coordinator.follow(document_url + "/file")
    assert downloaded.data.startswith(b"%PDF") and "attachment" in downloaded.headers["Content-Disposition"]
    with Session(engine) as session:  # read by the worker, in the trail as the API's all the same
        uploaded = session.exec(select(Event).where(Event.action == "document.upload")).all()
    assert len(uploaded) == 2 and all(event.detail["via"] == "api" and event.detail["token_id"] for event in uploaded)

    empty = coordinator("POST", "/documents?org=badung", data={}, content_type="multipart/form-data")
    assert empty.status_code == 400 and "files" in empty.json["error"]["message"]


def test_an_upload_is_followed_only_within_the_tokens_reach(app: Flask, coordinator: Api,
                                                           make_token: MakeToken) -> None:
    accepted = _upload(coordinator, _pdf("Surat Edaran satu"))
    status_url = accepted.json["status_url"]
    assert Api(app.test_client(), make_token("viewer", scope="read")).follow(status_url).status_code == 200
    other = Api(app.test_client(), make_token("other_operator"))
    refused = other.follow(status_url)
    assert refused.status_code == 404 and refused.json["error"]["code"] == "not_found"
    assert Api(app.test_client(), None).follow(status_url).status_code == 401


def test_cursor_pages_neither_skip_nor_repeat_when_documents_arrive(coordinator: Api) -> None:
    for number in range(5):
        _added(coordinator, _pdf(f"Dokumen nomor {number}"))
    seen: list[int] = []
    page = coordinator("GET", "/documents?limit=2&sort=title&order=asc").json
    seen += [item["id"] for item in page["items"]]
    _added(coordinator, _pdf("AAA dokumen baru di depan"))  # sorts before the cursor: not part of this walk
    while page["next_cursor"]:
        page = coordinator("GET", f"/documents?limit=2&sort=title&order=asc&cursor={page['next_cursor']}").json
        seen += [item["id"] for item in page["items"]]
    assert len(seen) == len(set(seen)) == 5
    other_order = coordinator("GET", "/documents?limit=2&sort=title&order=asc").json["next_cursor"]
    assert coordinator("GET", f"/documents?sort=size&cursor={other_order}").status_code == 400


def test_the_default_order_pages_newest_first_by_cursor(coordinator: Api) -> None:
    added = [_added(coordinator, _pdf(f"Surat nomor {number}"))[0] for number in range(3)]
    first = coordinator("GET", "/documents?limit=2").json
    second = coordinator("GET", f"/documents?limit=2&cursor={first['next_cursor']}").json
    assert [item["id"] for item in first["items"] + second["items"]] == added[::-1]
    assert second["next_cursor"] is None


def test_a_coordinators_day_through_the_api(coordinator: Api, engine: Engine) -> None:
    """Everything a coordinator does in the browser for the organisation, with a token."""
    assert coordinator("POST", "/organisations/badung/periods", json={"year": 2026}).status_code == 201
    [document_id] = _added(coordinator, _pdf("Keputusan Bupati Badung Nomor 5 Tahun 2025 tentang Tim Koordinasi "
                                             "SPBE"))
    metadata = coordinator("PATCH", f"/documents/{document_id}/metadata",
                           json={"fields": {"jenis": "kepbup", "nomor": "5", "tahun": "2025"}, "confirm": True})
    assert metadata.status_code == 200 and metadata.json["confirmed"] is True
    values = {item["name"]: item for item in metadata.json["fields"]}
    assert values["nomor"]["value"] == "5" and values["nomor"]["source"] == "manual"
    linked = coordinator("POST", f"/documents/{document_id}/links", json={"framework": "pemdi-2026", "indicator": "2",
                                                                          "level": 2})
    assert linked.status_code == 201 and linked.json["state"] == "confirmed"
    claim = coordinator("PUT", "/organisations/badung/periods/2026/claims/2", json={"level": 2.5})
    assert claim.status_code == 200 and claim.json["level"] == 2.5
    audit = coordinator("GET", "/organisations/badung/audit").json
    assert audit["organisation"] and audit["year"] == 2026
    for kind, start in (("xlsx", b"PK"), ("zip", b"PK"), ("csv", b"\xef\xbb\xbf")):
        exported = coordinator("GET", f"/organisations/badung/audit/exports/{kind}")
        assert exported.status_code == 200 and exported.data.startswith(start), kind
    evidence = coordinator("GET", "/organisations/badung/evidence?framework=pemdi-2026&indicator=2").json
    assert [item["link"]["document_id"] for item in evidence["items"]] == [document_id]
    assert coordinator("POST", f"/documents/{document_id}/trash").json["trashed_at"]
    assert coordinator("GET", "/documents?trash=true").json["items"][0]["id"] == document_id
    assert coordinator("POST", f"/documents/{document_id}/restore").json["trashed_at"] is None
    found = coordinator("GET", "/search?q=koordinasi").json
    assert [hit["document_id"] for hit in found["hits"]] == [document_id]
    with Session(engine) as session:
        marks = set(session.exec(select(Event.action).where(col(Event.detail)["via"].as_string() == "api")))
    assert {"period.create", "document.upload", "metadata.change", "metadata.confirm", "link.add", "claim.set",
            "export", "document.delete", "document.restore"} <= marks
