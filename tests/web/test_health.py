"""`GET /healthz`: what a load balancer asks of each app process, without an account."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask.testing import FlaskClient


def test_a_healthy_process_says_ok_for_every_part(client: FlaskClient, initialised) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"database": "ok", "queue": "ok", "storage": "ok", "index": "ok"}


def test_a_lost_storage_mount_fails_the_check_without_saying_where(client: FlaskClient, initialised,
                                                                  storage: Path) -> None:
    shutil.rmtree(storage)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["storage"] == "gagal" and str(storage) not in response.text
