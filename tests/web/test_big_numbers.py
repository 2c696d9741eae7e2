"""Numbers too big for the database in paths and query strings: "not found" or a clear 400, never a 500.

Ids of 2⁶³ and more once reached SQLite (OverflowError) and `?page=` offsets overflowed,
answering 500 on 17 routes. Every route is tried here, as the admin (who may see everything).
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from ..conftest import PASSWORD, World, csrf_token

HUGE = [str(2**63), str(10**30), str(2**31)]  # 2³¹: past PostgreSQL's integer ids
STRING_PARTS = {"framework_code": "spbe-2020", "code": "3", "kind": "csv", "filename": "css/app.css"}
QUERY = ("page", "tahun", "halaman", "q")


def _paths(app: Flask, number: str) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("api."):  # the API's: tests/api/test_api.py
            continue
        path = re.sub(r"<int:\w+>", number, rule.rule)
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: STRING_PARTS[match.group(1)], path)
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            found.append((method, path))
    return found


@pytest.fixture
def admin(app: Flask, world: World) -> FlaskClient:
    client = app.test_client()
    token = csrf_token(client.get("/login").text)
    client.post("/login", data={"csrf_token": token, "email": world.emails["admin"], "password": PASSWORD})
    return client


@pytest.mark.parametrize("number", HUGE)
def test_huge_ids_in_paths_are_not_found(app: Flask, admin: FlaskClient, number: str) -> None:
    token = csrf_token(admin.get("/akun/kata-sandi").text)
    wrong = []
    for method, path in _paths(app, number):
        if number not in path:
            continue
        response = admin.get(path) if method == "GET" else admin.post(path, data={"csrf_token": token})
        if response.status_code != 404 or "Tidak ditemukan" not in response.text:
            wrong.append(f"{method} {path} → {response.status_code}")
    assert wrong == []


@pytest.mark.parametrize("number", [*HUGE, str(2**62)])  # 2⁶²: a page number whose offset overflows
def test_huge_numbers_in_query_strings_are_refused_in_indonesian(app: Flask, admin: FlaskClient,
                                                                 number: str) -> None:
    wrong = []
    for method, path in _paths(app, "1"):
        if method != "GET" or path in ("/logout",):
            continue
        for name in QUERY:
            response = admin.get(f"{path}?{name}={number}")
            if response.status_code == 500 or (response.status_code == 400 and "terlalu besar" not in response.text):
                wrong.append(f"GET {path}?{name}={number} → {response.status_code}")
    assert wrong == []
