"""Personal access tokens: made in the UI and the CLI, kept as a hash, shown once, never more than their user."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.models import ApiToken, Event, Role, utcnow
from evidence_vault.records import accounts, organisations, tokens

from ..conftest import Auth, Cli, World, csrf_token
from .conftest import Api, MakeToken

_SECRET = re.compile(r'value="(evt_[A-Za-z0-9_-]+)"')


def _user(engine: Engine, email: str):
    with Session(engine) as session:
        return accounts.find_by_email(session, email)


def test_only_the_hash_is_kept_and_the_token_works(engine: Engine, app: Flask, make_token: MakeToken) -> None:
    secret = make_token("coordinator", scope="read")
    with Session(engine) as session:
        stored = session.exec(select(ApiToken)).one()
    assert stored.token_hash == tokens.digest(secret) and secret not in repr(stored.model_dump())
    assert stored.prefix == secret[:12]
    assert Api(app.test_client(), secret)("GET", "/organisations").status_code == 200


@pytest.mark.parametrize(("who", "org", "problem"), [
    ("coordinator", "denpasar", "tidak dapat mengakses Kota Denpasar"),
    ("coordinator", None, None),
    ("admin", "denpasar", None),
])
def test_a_token_never_reaches_beyond_its_users_organisations(engine: Engine, world: World, who: str,
                                                               org: str | None, problem: str | None) -> None:
    with db.session_scope(engine) as session:
        user = accounts.find_by_email(session, world.emails[who])
        organisation = organisations.get_by_code(session, org) if org else None
        if problem:
            with pytest.raises(tokens.TokenError, match=problem):
                tokens.create(session, user, "dasbor", "read", 30, max_days=365, organisation=organisation)
        else:
            tokens.create(session, user, "dasbor", "read", 30, max_days=365, organisation=organisation)


@pytest.mark.parametrize(("name", "scope", "days", "problem"), [
    ("", "read", 30, "Beri token nama"), ("dasbor", "admin", 30, "Cakupan token"),
    ("dasbor", "read", 0, "antara 1 dan 365"), ("dasbor", "read", 366, "antara 1 dan 365"),
])
def test_a_token_needs_a_name_a_scope_and_an_expiry(engine: Engine, world: World, name: str, scope: str, days: int,
                                                    problem: str) -> None:
    with db.session_scope(engine) as session:
        user = accounts.find_by_email(session, world.emails["operator"])
        with pytest.raises(tokens.TokenError, match=problem):
            tokens.create(session, user, name, scope, days, max_days=365)


def test_an_expired_token_is_refused_as_expired(engine: Engine, app: Flask, world: World) -> None:
    with db.session_scope(engine) as session:
        user = accounts.find_by_email(session, world.emails["operator"])
        _token, secret = tokens.create(session, user, "lama", "read", 1, max_days=365,
                                       now=utcnow() - timedelta(days=2))
    answer = Api(app.test_client(), secret)("GET", "/documents")
    assert answer.status_code == 401 and answer.json["error"]["code"] == "token_expired"


def test_what_the_user_loses_the_token_loses(engine: Engine, app: Flask, world: World, make_token: MakeToken) -> None:
    """Role, deactivation and "end all sessions" act on tokens made before them."""
    api = Api(app.test_client(), make_token("operator"))
    assert api("POST", "/organisations/badung/periods", json={"year": 2026}).status_code == 403
    with db.session_scope(engine) as session:
        accounts.update_account(session, accounts.find_by_email(session, world.emails["operator"]), role=Role.VIEWER,
                                actor_id=None)
    assert api("POST", "/documents/1/trash").json["error"]["code"] == "forbidden"
    with db.session_scope(engine) as session:
        accounts.update_account(session, accounts.find_by_email(session, world.emails["operator"]), active=False,
                                actor_id=None)
    assert api("GET", "/documents").json["error"]["code"] == "token_invalid"
    with db.session_scope(engine) as session:  # reactivating does not revive it
        accounts.update_account(session, accounts.find_by_email(session, world.emails["operator"]), active=True,
                                actor_id=None)
    assert api("GET", "/documents").status_code == 401

    coordinator = Api(app.test_client(), make_token("coordinator"))
    with db.session_scope(engine) as session:
        accounts.end_sessions(session, accounts.find_by_email(session, world.emails["coordinator"]), actor_id=None)
    assert coordinator("GET", "/documents").status_code == 401


def test_tokens_page_creates_shows_once_and_revokes(auth: Auth, client: FlaskClient, engine: Engine) -> None:
    auth.login("coordinator")
    page = client.get("/akun/token")
    assert page.status_code == 200 and "Belum ada token" in page.text
    made = client.post("/akun/token", data={"csrf_token": csrf_token(page.text), "name": "Dasbor provinsi",
                                            "scope": "read", "days": "30", "organisation": "0"})
    assert made.status_code == 200 and "hanya ditampilkan sekali" in made.text
    secret = _SECRET.search(made.text).group(1)  # type: ignore[union-attr]
    again = client.get("/akun/token")
    assert secret not in again.text and secret[:12] in again.text and "aktif" in again.text
    assert Api(client.application.test_client(), secret)("GET", "/organisations").status_code == 200

    with Session(engine) as session:
        token_id = session.exec(select(ApiToken.id)).one()
    assert client.post(f"/akun/token/{token_id}/cabut").status_code == 400  # no CSRF token: refused
    revoked = client.post(f"/akun/token/{token_id}/cabut", data={"csrf_token": csrf_token(again.text)},
                          follow_redirects=True)
    assert "dicabut" in revoked.text
    assert Api(client.application.test_client(), secret)("GET", "/organisations").status_code == 401
    with Session(engine) as session:
        actions = list(session.exec(select(Event.action).where(Event.object_type == "token")))
    assert actions == ["token.create", "token.revoke"]


def test_tokens_page_refuses_what_the_account_may_not(auth: Auth, client: FlaskClient, world: World) -> None:
    auth.login("coordinator")
    page = client.get("/akun/token")
    assert f'value="{world.other.id}"' not in page.text  # Denpasar is not offered
    refused = client.post("/akun/token", data={"csrf_token": csrf_token(page.text), "name": "x", "scope": "read",
                                               "days": "5000", "organisation": "0"})
    assert "antara 1 dan 365" in refused.text and "evt_" not in refused.text


def test_tokens_page_gives_a_token_its_own_size_limit_within_the_vaults(auth: Auth, client: FlaskClient,
                                                                          engine: Engine) -> None:
    auth.login("coordinator")
    page = client.get("/akun/token")
    assert "Batas ukuran per permintaan (MiB)" in page.text
    for typed in ("0", "99999", "lima"):
        refused = client.post("/akun/token", data={"csrf_token": csrf_token(page.text), "name": "JDIH",
                                                   "scope": "write", "days": "30", "organisation": "0",
                                                   "max_mib": typed})
        assert "Batas ukuran token harus antara 1 dan" in refused.text and "evt_" not in refused.text, typed
    made = client.post("/akun/token", data={"csrf_token": csrf_token(page.text), "name": "JDIH", "scope": "write",
                                            "days": "30", "organisation": "0", "max_mib": "5"})
    assert "hanya ditampilkan sekali" in made.text and "<td>5 MiB</td>" in made.text
    with Session(engine) as session:
        assert session.exec(select(ApiToken.max_request_bytes)).one() == 5 * 1024 * 1024


def test_someone_elses_token_cannot_be_revoked_from_the_page(auth: Auth, client: FlaskClient, engine: Engine,
                                                             make_token: MakeToken) -> None:
    make_token("other_operator")
    auth.login("coordinator")
    with Session(engine) as session:
        token_id = session.exec(select(ApiToken.id)).one()
    assert client.post(f"/akun/token/{token_id}/cabut", data={"csrf_token": auth.token("/akun/token")}
                       ).status_code == 404


@pytest.mark.usefixtures("initialised")
def test_token_commands(cli: Cli, app_for_cli) -> None:
    assert cli("user", "add", "koordinator@badung.go.id", "--role", "coordinator", "--org", "badung",
               "--password-stdin", input="kata-sandi-uji-123\n").exit_code == 0
    made = cli("token", "add", "koordinator@badung.go.id", "--name", "JDIH", "--scope", "write", "--days", "30")
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[-1]
    assert secret.startswith("evt_")
    assert Api(app_for_cli().test_client(), secret)("GET", "/organisations").json["items"][0]["code"] == "badung"
    listed = cli("token", "list")
    assert "JDIH" in listed.output and "aktif" in listed.output and secret not in listed.output
    token_id = listed.output.split("\t")[0]
    assert cli("token", "revoke", token_id).exit_code == 0
    assert "dicabut" in cli("token", "list", "koordinator@badung.go.id").output
    again = cli("token", "revoke", token_id)
    assert again.exit_code == 1 and "sudah dicabut" in again.output
    assert cli("token", "add", "tidak@ada.go.id", "--name", "x").exit_code == 1
    narrow = cli("token", "add", "koordinator@badung.go.id", "--name", "JDIH kecil", "--scope", "write",
                 "--max-mb", "10")
    assert narrow.exit_code == 0, narrow.output
    assert "JDIH kecil" in (row := cli("token", "list").output.splitlines()[0]) and row.endswith("\t10 MiB"), row
    too_big = cli("token", "add", "koordinator@badung.go.id", "--name", "x", "--max-mb", "999999")
    assert too_big.exit_code == 1 and "Batas ukuran token harus antara 1 dan" in too_big.output


@pytest.fixture
def app_for_cli():
    from evidence_vault.app import create_app
    from evidence_vault.config import load_settings

    return lambda: create_app(load_settings(), testing=True)
