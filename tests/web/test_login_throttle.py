"""Limits on failed logins: per (address, email) and per address, kept in the database for every app process.

An office behind one NAT address is not shut out by a colleague's failures: a correct
password for an account that is not locked still gets in. `X-Forwarded-For` is believed
only from the trusted proxies (`server.trusted_proxies`).
"""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select

from evidence_vault.app import create_app
from evidence_vault.config import load_settings
from evidence_vault.models import Event, LoginFailure
from evidence_vault.records import accounts, login_limits
from evidence_vault.web.addresses import client_address, networks

from ..conftest import PASSWORD, World, csrf_token


def _login(client: FlaskClient, email: str, password: str, forwarded_for: str | None = None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    token = csrf_token(client.get("/login").text)
    return client.post("/login", data={"csrf_token": token, "email": email, "password": password}, headers=headers)


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rules with thresholds a test can reach quickly."""
    monkeypatch.setattr(login_limits, "PER_ACCOUNT", 7)
    monkeypatch.setattr(login_limits, "PER_ADDRESS", 12)


def test_a_whole_office_is_not_locked_out_by_failures_from_its_address(
        small_limits, client: FlaskClient, world: World) -> None:
    for number in range(login_limits.PER_ADDRESS):
        _login(client, f"tidak-ada-{number}@badung.go.id", "salah-salah-salah")
    wrong = _login(client, world.emails["operator"], "salah-salah-salah")
    assert wrong.status_code == 429 and "Terlalu banyak percobaan masuk yang gagal dari alamat ini" in wrong.text
    right = _login(client, world.emails["operator"], PASSWORD)
    assert right.status_code == 302, "a correct password of an account that is not locked gets through"


def test_one_address_trying_one_account_is_stopped_without_stopping_others(
        small_limits, client: FlaskClient, world: World, engine) -> None:
    for _ in range(login_limits.PER_ACCOUNT):
        _login(client, "siapa@badung.go.id", "salah-salah-salah")
    refused = _login(client, "siapa@badung.go.id", "salah-salah-salah")
    assert refused.status_code == 429 and "untuk email ini dari alamat Anda" in refused.text
    assert _login(client, world.emails["operator"], PASSWORD).status_code == 302, "another account is not affected"
    with Session(engine) as session:
        throttled = session.exec(select(Event).where(Event.action == "login.throttle")).all()
    assert len(throttled) == 1 and throttled[0].detail["address"] == "127.0.0.1"


def test_the_limits_are_shared_by_every_app_process(small_limits, app: Flask, settings, world: World) -> None:
    """Two app processes over one database count the same failures (nothing lives in one process's memory)."""
    first, second = app.test_client(), create_app(settings, testing=True).test_client()
    for number in range(login_limits.PER_ADDRESS):
        _login(first if number % 2 else second, f"tidak-ada-{number}@badung.go.id", "salah-salah-salah")
    assert _login(second, world.emails["viewer"], "salah-salah-salah").status_code == 429


def test_forwarded_for_counts_only_behind_a_trusted_proxy(
        small_limits, monkeypatch: pytest.MonkeyPatch, engine, world: World) -> None:
    spoofer = create_app(load_settings(), testing=True).test_client()
    for number in range(login_limits.PER_ADDRESS):  # each request claims another address: not believed
        _login(spoofer, f"tidak-ada-{number}@badung.go.id", "salah-salah-salah", forwarded_for=f"198.51.100.{number}")
    assert _login(spoofer, world.emails["viewer"], "salah-salah-salah", forwarded_for="198.51.100.99").status_code \
        == 429

    monkeypatch.setenv("EVIDENCE_VAULT_SERVER_TRUSTED_PROXIES", "127.0.0.1")
    behind_proxy = create_app(load_settings(), testing=True).test_client()
    for number in range(login_limits.PER_ADDRESS):
        _login(behind_proxy, f"lain-{number}@badung.go.id", "salah-salah-salah", forwarded_for="203.0.113.5")
    assert _login(behind_proxy, world.emails["viewer"], "salah-salah-salah",
                  forwarded_for="203.0.113.5").status_code == 429
    assert _login(behind_proxy, world.emails["viewer"], "salah-salah-salah",
                  forwarded_for="203.0.113.6").status_code == 200, "another client behind the same proxy"
    with Session(engine) as session:
        addresses = set(session.exec(select(LoginFailure.address)).all())
    assert "203.0.113.5" in addresses and "198.51.100.1" not in addresses


@pytest.mark.parametrize(("remote", "forwarded", "trusted", "expected"), [
    ("198.51.100.7", None, [], "198.51.100.7"),
    ("198.51.100.7", "203.0.113.5", [], "198.51.100.7"),  # no trusted proxy: the header is ignored
    ("10.0.0.2", "203.0.113.5", ["10.0.0.0/8"], "203.0.113.5"),
    ("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.9", ["10.0.0.0/8"], "203.0.113.5"),  # the client wrote "1.2.3.4"
    ("198.51.100.7", "203.0.113.5", ["10.0.0.0/8"], "198.51.100.7"),  # not from the proxy: not believed
    ("::1", "2001:db8::5", ["::1"], "2001:db8::5"),
])
def test_client_address(remote, forwarded, trusted, expected) -> None:
    assert client_address(remote, forwarded, networks(tuple(trusted))) == expected


def test_old_failures_leave_the_window(engine, world: World) -> None:
    from datetime import timedelta

    from evidence_vault.models import utcnow

    with Session(engine) as session:
        long_ago = utcnow() - login_limits.WINDOW - timedelta(seconds=1)
        for _ in range(3):
            login_limits.record_failure(session, "10.0.0.1", "a@b.go.id", long_ago)
        login_limits.record_failure(session, "10.0.0.2", "a@b.go.id")
        session.commit()
        assert session.exec(select(LoginFailure.address)).all() == ["10.0.0.2"]
        assert accounts.MAX_FAILED_LOGINS < login_limits.PER_ACCOUNT < login_limits.PER_ADDRESS
