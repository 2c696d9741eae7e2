"""API fixtures: tokens made through the domain for the conftest's users, and a client that presents them."""

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


MakeToken = Callable[..., str]


@pytest.fixture
def make_token(engine: Engine, world: World) -> MakeToken:
    """`make_token("operator", scope="write", org="badung", days=30)`: a live token's secret."""

    def make(who: str, scope: str = "write", org: str | None = None, days: int = 30) -> str:
        with db.session_scope(engine) as session:
            user = accounts.find_by_email(session, world.emails.get(who, who))
            organisation = organisations.get_by_code(session, org) if org else None
            _token, secret = tokens.create(session, user, f"uji {who}", scope, days, max_days=365,  # type: ignore[arg-type]
                                           organisation=organisation, actor_id=user.id)  # type: ignore[union-attr]
        return secret

    return make


@pytest.fixture
def api_as(client: FlaskClient, make_token: MakeToken) -> Callable[..., Api]:
    """`api_as("coordinator")`: a client with a fresh read-write token of that user."""

    def client_for(who: str | None, **options: Any) -> Api:
        return Api(client, make_token(who, **options) if who else None)

    return client_for
