"""API fixtures: tokens made through the domain for the conftest's users, a client that presents them, and
uploads followed to their end as a client would (the worker's queued reading run in this process)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.engine import Engine
from werkzeug.test import TestResponse

from evidence_vault import db
from evidence_vault.records import accounts, organisations, tokens

from ..conftest import World
from ..uploads import run_reading_tasks


@dataclass
class Api:
    """The Flask test client speaking to /api/v1 with one bearer token."""

    client: FlaskClient
    secret: str | None

    def __call__(self, method: str, path: str, **options: Any) -> TestResponse:
        headers = dict(options.pop("headers", {}))
        if self.secret is not None:
            headers.setdefault("Authorization", f"Bearer {self.secret}")
        return self.client.open("/api/v1" + path, method=method, headers=headers, buffered=True, **options)

    def follow(self, url: str) -> TestResponse:
        """GET an address the API answered with (`status_url`, `document_url`: already under /api/v1)."""
        return self("GET", url.removeprefix("/api/v1"))


def read_upload(api: Api, accepted: TestResponse) -> dict[str, Any]:
    """Poll an upload's `status_url` until every file is finished, running the worker's queued reading meanwhile.

    Waits for the condition, not for a time: each round runs what the queue holds; a round
    that finds nothing to run while files still wait is a failure, not a reason to wait longer.
    """
    assert accepted.status_code == 202, accepted.json
    status = api.follow(accepted.json["status_url"]).json
    while not status["finished"]:
        ran = run_reading_tasks(api.client)
        status = api.follow(accepted.json["status_url"]).json
        assert ran or status["finished"], f"files wait but nothing is queued to read them: {status}"
    return status


MakeToken = Callable[..., str]


@pytest.fixture
def make_token(engine: Engine, world: World) -> MakeToken:
    """`make_token("operator", scope="write", org="badung", days=30, max_mib=10)`: a live token's secret."""

    def make(who: str, scope: str = "write", org: str | None = None, days: int = 30,
             max_mib: int | None = None) -> str:
        with db.session_scope(engine) as session:
            user = accounts.find_by_email(session, world.emails.get(who, who))
            organisation = organisations.get_by_code(session, org) if org else None
            _token, secret = tokens.create(session, user, f"uji {who}", scope, days, max_days=365,  # type: ignore[arg-type]
                                           organisation=organisation, actor_id=user.id,  # type: ignore[union-attr]
                                           max_request_mib=max_mib)
        return secret

    return make


@pytest.fixture
def api_as(client: FlaskClient, make_token: MakeToken) -> Callable[..., Api]:
    """`api_as("coordinator")`: a client with a fresh read-write token of that user."""

    def client_for(who: str | None, **options: Any) -> Api:
        return Api(client, make_token(who, **options) if who else None)

    return client_for
