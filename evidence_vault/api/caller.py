"""Who is calling: the bearer token, checked and counted once per request, and the actor it stands for.

Only the `Authorization: Bearer` header counts. A browser's session cookie is ignored, so
no page of another site can make a logged-in browser call the API (the API takes no CSRF
token). The token is looked up, its request counted against the per-minute limit and its
last use noted in one short unit of work of its own, before the request's own session.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, request

from .. import db
from ..models import ApiToken, User
from ..records import tokens
from ..records.access import Actor, actor_for_token
from ..web.auth import address
from ..web.context import engine, settings
from .errors import ApiError


@dataclass(frozen=True)
class Caller:
    """The token of this request, its user, the actor it stands for, and where it stands in its minute."""

    token: ApiToken
    user: User
    actor: Actor
    rate: tokens.RateCount

    def rate_headers(self) -> dict[str, str]:
        return {"X-RateLimit-Limit": str(self.rate.limit), "X-RateLimit-Remaining": str(self.rate.remaining),
                "X-RateLimit-Reset": str(self.rate.reset_seconds)}


def bearer() -> str | None:
    """The token in `Authorization: Bearer <token>`, or None."""
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def authenticate() -> Caller:
    """The request's caller; 401 without a live token, 429 past the token's limit for this minute."""
    secret = bearer()
    if secret is None:
        raise ApiError("token_missing", headers={"WWW-Authenticate": 'Bearer realm="evidence-vault"'})
    limit = settings().get("api", "requests_per_minute")
    with db.session_scope(engine()) as writer:
        presented = tokens.authenticate(writer, secret)
        if presented.token is None or presented.user is None:
            code = "token_expired" if presented.refusal is tokens.Refusal.EXPIRED else "token_invalid"
            raise ApiError(code, headers={"WWW-Authenticate": 'Bearer realm="evidence-vault", error="invalid_token"'})
        rate = tokens.count_request(writer, presented.token.id, limit, address())  # type: ignore[arg-type]
        actor = actor_for_token(writer, presented.user, presented.token)
    found = Caller(presented.token, presented.user, actor, rate)
    if not rate.allowed:
        raise ApiError("rate_limited", headers={**found.rate_headers(), "Retry-After": str(rate.reset_seconds)})
    g.api_caller = found
    return found


def caller() -> Caller:
    """The authenticated caller of this request (set by `authenticate`)."""
    return g.api_caller


def actor() -> Actor:
    return caller().actor
