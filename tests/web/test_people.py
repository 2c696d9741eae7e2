"""Accounts: lockout after repeated failures, password change and reset, managing users."""

from __future__ import annotations

import re
from datetime import timedelta

from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault import db
from evidence_vault.models import Event, User, utcnow
from evidence_vault.records import accounts

from ..conftest import PASSWORD, Auth, csrf_token


def _user(engine, email: str) -> User:
    with Session(engine) as session:
        return accounts.find_by_email(session, email)


def test_lockout_after_five_failures_and_it_is_logged(client: FlaskClient, auth: Auth, engine, world) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS):
        auth.login("operator", password="salah-salah-salah")
    response = auth.login("operator")  # right password, but locked
    assert response.status_code == 200 and "dikunci sementara" in response.text
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(Event).order_by(Event.id))]
    assert actions.count("login.failed") == 5 and "login.lockout" in actions and "login.locked" in actions


def test_lock_expires(engine, world) -> None:
    with Session(engine) as session:
        for _ in range(accounts.MAX_FAILED_LOGINS):
            accounts.authenticate(session, world.emails["operator"], "salah-salah-salah")
        later = utcnow() + accounts.LOCKOUT + timedelta(seconds=1)
        assert accounts.authenticate(session, world.emails["operator"], PASSWORD, now=later).user is not None


def test_password_change_and_old_sessions_end(app, client: FlaskClient, auth: Auth, engine) -> None:
    auth.login("operator")
    other_browser = app.test_client()
    token = csrf_token(other_browser.get("/login").text)
    other_browser.post("/login", data={"csrf_token": token, "email": "operator@badung.go.id", "password": PASSWORD})
    assert other_browser.get("/").status_code == 200
    form = {"csrf_token": auth.token("/akun/kata-sandi"), "current": PASSWORD, "new": "kata-sandi-baru-99",
            "repeat": "kata-sandi-baru-99"}
    assert client.post("/akun/kata-sandi", data=form).status_code == 302
    assert other_browser.get("/").status_code == 302, "the other session ended"
    assert auth.login("operator", password="kata-sandi-baru-99").status_code == 302


def test_password_change_rejects_wrong_current_and_short(client: FlaskClient, auth: Auth) -> None:
    auth.login("operator")
    wrong = client.post("/akun/kata-sandi", data={"csrf_token": auth.token("/akun/kata-sandi"), "current": "x" * 12,
                                                   "new": "kata-sandi-baru-99", "repeat": "kata-sandi-baru-99"})
    assert "Kata sandi lama salah" in wrong.text
    short = client.post("/akun/kata-sandi", data={"csrf_token": auth.token("/akun/kata-sandi"), "current": PASSWORD,
                                                   "new": "pendek", "repeat": "pendek"})
    assert "minimal 10" in short.text


def test_coordinator_creates_and_resets_users_of_own_body(client: FlaskClient, auth: Auth, engine, world) -> None:
    auth.login("coordinator")
    page = client.get("/pengguna").text
    assert "operator@denpasar.go.id" not in page, "only their own body's accounts"
    assert 'value="admin"' not in page, "coordinators cannot hand out the admin role"
    response = client.post("/pengguna", data={"csrf_token": csrf_token(page), "email": "Baru@Badung.go.id",
                                              "full_name": "Staf Baru", "role": "operator",
                                              "organisation": str(world.home.id)})
    password = re.search(r'<p class="password">([^<]+)</p>', response.text).group(1)
    created = _user(engine, "baru@badung.go.id")
    assert created.organisation_id == world.home.id and created.role == "operator"
    viewer = _user(engine, world.emails["viewer"])
    reset = client.post(f"/pengguna/{viewer.id}/reset", data={"csrf_token": auth.token("/pengguna")})
    new_password = re.search(r'<p class="password">([^<]+)</p>', reset.text).group(1)
    client.post("/logout", data={"csrf_token": auth.token("/")})
    assert auth.login("baru@badung.go.id", password=password).status_code == 302
    client.post("/logout", data={"csrf_token": auth.token("/")})
    assert auth.login("viewer", password=new_password).status_code == 302


def test_coordinator_cannot_create_users_elsewhere(client: FlaskClient, auth: Auth, engine, world) -> None:
    auth.login("coordinator")
    client.post("/pengguna", data={"csrf_token": auth.token("/pengguna"), "email": "x@denpasar.go.id",
                                   "role": "operator", "organisation": str(world.other.id)})
    assert _user(engine, "x@denpasar.go.id") is None


def test_deactivated_user_cannot_log_in_and_change_is_audited(client: FlaskClient, auth: Auth, engine, world) -> None:
    auth.login("coordinator")
    viewer = _user(engine, world.emails["viewer"])
    client.post(f"/pengguna/{viewer.id}", data={"csrf_token": auth.token("/pengguna"), "full_name": "Pembaca",
                                                "role": "viewer"})  # checkbox absent: inactive
    assert not _user(engine, world.emails["viewer"]).is_active
    with Session(engine) as session:
        change = session.exec(select(Event).where(Event.action == "user.change",
                                                  Event.object_id == viewer.id)).all()
    assert any(e.detail == {"field": "is_active", "old": True, "new": False} for e in change)
    client.post("/logout", data={"csrf_token": auth.token("/")})
    assert auth.login("viewer").status_code == 200


def test_cannot_demote_oneself(client: FlaskClient, auth: Auth, engine, world) -> None:
    auth.login("coordinator")
    me = _user(engine, world.emails["coordinator"])
    response = client.post(f"/pengguna/{me.id}", data={"csrf_token": auth.token("/pengguna"), "role": "viewer",
                                                       "active": "y"}, follow_redirects=True)
    assert "tidak dapat" in response.text and _user(engine, world.emails["coordinator"]).role == "coordinator"


def _shared_reviewer(engine, world) -> int:
    """A reviewer of Badung that the admin assigned to review Denpasar too."""
    with db.session_scope(engine) as session:
        reviewer = accounts.create_user(session, "penilai-bersama@badung.go.id", PASSWORD, "reviewer", world.home)
        accounts.assign_reviewer(session, reviewer, world.other, actor_id=None)
        return reviewer.id


def test_a_coordinator_cannot_take_over_a_reviewer_assigned_to_another_body(
        client: FlaskClient, auth: Auth, engine, world) -> None:
    """Resetting the password of a reviewer who also sees Denpasar would hand Badung's coordinator Denpasar."""
    reviewer_id = _shared_reviewer(engine, world)
    before = _user(engine, "penilai-bersama@badung.go.id").password_hash
    auth.login("coordinator")
    assert client.get(f"/pengguna/{reviewer_id}").status_code == 404
    reset = client.post(f"/pengguna/{reviewer_id}/reset", data={"csrf_token": auth.token("/pengguna")})
    assert reset.status_code == 404 and 'class="password"' not in reset.text
    edit = client.post(f"/pengguna/{reviewer_id}", data={"csrf_token": auth.token("/pengguna"), "role": "viewer"})
    assert edit.status_code == 404
    after = _user(engine, "penilai-bersama@badung.go.id")
    assert after.password_hash == before and after.role == "reviewer" and after.is_active
    listing = client.get("/pengguna").text
    assert "penilai-bersama@badung.go.id" in listing, "still listed in its own body"
    assert f'href="/pengguna/{reviewer_id}"' not in listing, "but not offered for managing"


def test_an_account_change_is_recorded_in_every_organisation_the_account_can_see(
        client: FlaskClient, auth: Auth, engine, world) -> None:
    reviewer_id = _shared_reviewer(engine, world)
    auth.login("admin")
    client.post(f"/pengguna/{reviewer_id}/reset", data={"csrf_token": auth.token("/pengguna")})
    with Session(engine) as session:
        resets = session.exec(select(Event).where(Event.action == "user.password_set",
                                                  Event.object_id == reviewer_id)).all()
        assigned = session.exec(select(Event).where(Event.action == "user.assign",
                                                    Event.object_id == reviewer_id)).all()
    assert {event.organisation_id for event in resets} == {world.home.id, world.other.id}
    assert {event.organisation_id for event in assigned} == {world.home.id, world.other.id}
    client.post("/logout", data={"csrf_token": auth.token("/")})
    auth.login("other_operator")
    assert "Mengganti kata sandi" in client.get("/riwayat").text, "Denpasar's history shows the reset"
