"""Login sessions kept on the server: logging out, a password change, deactivation and an admin end them for good."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.models import LoginSession, User
from evidence_vault.records import accounts

from ..conftest import PASSWORD, Auth, World, csrf_token

COOKIE = "evidence_vault_session"


def _logged_in(app: Flask, email: str, agent: str = "Peramban-Uji/1.0") -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = agent
    token = csrf_token(client.get("/login").text)
    assert client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD}).status_code == 302
    return client


def _copy(app: Flask, client: FlaskClient, agent: str = "Peramban-Uji/1.0") -> FlaskClient:
    """Another browser holding a copy of the client's session cookie."""
    thief = app.test_client()
    thief.environ_base["HTTP_USER_AGENT"] = agent
    thief.set_cookie(COOKIE, client.get_cookie(COOKIE).value)
    return thief


def _in(client: FlaskClient) -> bool:
    return client.get("/").status_code == 200


def test_logout_ends_the_session_even_for_a_copy_of_its_cookie(app: Flask, world: World, engine) -> None:
    browser = _logged_in(app, world.emails["operator"])
    copy = _copy(app, browser)
    assert _in(copy)
    browser.post("/logout", data={"csrf_token": csrf_token(browser.get("/").text)})
    assert not _in(browser) and not _in(copy), "the copied cookie stopped working at logout"
    with Session(engine) as session:
        (record,) = session.exec(select(LoginSession)).all()
    assert record.ended_reason == "logout" and record.ended_at is not None and record.created_at is not None
    assert record.last_seen_at >= record.created_at


def test_a_copied_cookie_does_not_work_in_another_browser(app: Flask, world: World) -> None:
    browser = _logged_in(app, world.emails["operator"])
    assert not _in(_copy(app, browser, agent="Peramban-Lain/2.0"))
    assert _in(browser), "the owner stays logged in"


def test_a_password_change_ends_every_session_of_the_account(app: Flask, world: World) -> None:
    browser = _logged_in(app, world.emails["operator"])
    other = _logged_in(app, world.emails["operator"])
    copy = _copy(app, browser)
    form = {"csrf_token": csrf_token(browser.get("/akun/kata-sandi").text), "current": PASSWORD,
            "new": "kata-sandi-baru-99", "repeat": "kata-sandi-baru-99"}
    assert browser.post("/akun/kata-sandi", data=form).status_code == 302
    assert not _in(browser) and not _in(other) and not _in(copy)


def test_deactivation_ends_sessions_and_reactivation_does_not_revive_them(
        app: Flask, client: FlaskClient, auth: Auth, world: World, engine) -> None:
    viewer = _logged_in(app, world.emails["viewer"])
    with Session(engine) as session:
        viewer_id = accounts.find_by_email(session, world.emails["viewer"]).id
    auth.login("coordinator")
    client.post(f"/pengguna/{viewer_id}", data={"csrf_token": auth.token("/pengguna"), "full_name": "",
                                                "role": "viewer"})  # no "active": deactivated
    assert not _in(viewer)
    client.post(f"/pengguna/{viewer_id}", data={"csrf_token": auth.token("/pengguna"), "full_name": "",
                                                "role": "viewer", "active": "y"})
    with Session(engine) as session:
        assert session.get(User, viewer_id).is_active
    assert not _in(viewer), "the old cookie stays dead after reactivation"
    assert _in(_logged_in(app, world.emails["viewer"])), "a new login works"


def test_an_admin_ends_every_session_of_an_account(app: Flask, client: FlaskClient, auth: Auth, world: World,
                                                   engine) -> None:
    operator = _logged_in(app, world.emails["operator"])
    elsewhere = _logged_in(app, world.emails["operator"], agent="Ponsel/1.0")
    with Session(engine) as session:
        operator_id = accounts.find_by_email(session, world.emails["operator"]).id
    auth.login("admin")
    assert "2 sesi aktif" in client.get(f"/pengguna/{operator_id}").text
    response = client.post(f"/pengguna/{operator_id}/sesi/akhiri", data={"csrf_token": auth.token("/pengguna")},
                           follow_redirects=True)
    assert "2 sesi operator@badung.go.id diakhiri" in response.text and "Tidak ada sesi aktif" in response.text
    assert not _in(operator) and not _in(elsewhere)
    assert _in(client), "the admin's own session goes on"


def test_the_cli_ends_sessions_of_one_account_or_of_everyone(app: Flask, world: World, cli) -> None:
    operator = _logged_in(app, world.emails["operator"])
    viewer = _logged_in(app, world.emails["viewer"])
    ended = cli("user", "end-sessions", world.emails["operator"])
    assert ended.exit_code == 0 and "1 sesi" in ended.output
    assert not _in(operator) and _in(viewer)
    everyone = cli("user", "end-sessions", "--all")
    assert everyone.exit_code == 0 and not _in(viewer)


def test_a_session_ends_after_its_lifetime_whatever_the_cookie_says(app: Flask, world: World, engine,
                                                                    settings) -> None:
    browser = _logged_in(app, world.emails["operator"])
    lifetime = timedelta(minutes=settings.get("session", "lifetime_minutes"))
    with db.session_scope(engine) as session:
        for record in session.exec(select(LoginSession)):
            record.created_at -= lifetime
            session.add(record)
    assert not _in(browser)


def test_a_locked_account_and_an_unknown_email_are_answered_alike(client: FlaskClient, auth: Auth) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        auth.login("operator", password="salah-salah-salah")
    locked = auth.login("operator")  # the right password, but locked
    unknown = auth.login("tidak-ada@badung.go.id", password="salah-salah-salah")
    assert locked.status_code == unknown.status_code == 200
    strip = lambda html: html.replace(csrf_token(html), "")  # noqa: E731 - the token differs per page
    assert strip(locked.text).replace("operator@badung.go.id", "") == \
        strip(unknown.text).replace("tidak-ada@badung.go.id", "")
    assert "dikunci" in locked.text and "Coba lagi setelah" not in locked.text


def test_password_change_guesses_are_limited_and_recorded(app: Flask, world: World, engine) -> None:
    browser = _logged_in(app, world.emails["operator"])
    for attempt in range(accounts.MAX_FAILED_LOGINS):
        form = {"csrf_token": csrf_token(browser.get("/akun/kata-sandi").text), "current": f"tebakan-{attempt}-xx",
                "new": "kata-sandi-baru-99", "repeat": "kata-sandi-baru-99"}
        response = browser.post("/akun/kata-sandi", data=form, follow_redirects=True)
    assert "dikunci sementara" in response.text and "Masuk" in response.text
    assert not _in(browser), "the session that guessed is ended"
    again = _logged_in_or_none(app, world.emails["operator"])
    assert again is None, "the account is locked for logins too"
    with Session(engine) as session:
        from evidence_vault.models import Event

        actions = [event.action for event in session.exec(select(Event).order_by(Event.id))]
    assert actions.count("password.change_failed") == accounts.MAX_FAILED_LOGINS and "login.lockout" in actions


def _logged_in_or_none(app: Flask, email: str) -> FlaskClient | None:
    client = app.test_client()
    token = csrf_token(client.get("/login").text)
    ok = client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD}).status_code == 302
    return client if ok else None
