"""Each API route declared once, with everything the shell and the description need to know about it.

`@operation(...)` registers the Flask route and an `Operation` record: the permission it
needs, its query and body models, its answer. The same records drive the dispatch below
(token, limits, parsing, errors, the audit trail's API mark) and the OpenAPI description
(`spec.py`), so the description cannot promise what the code does not do. A view receives
its path values and its parsed `query` and `body`, calls the domain and returns a model.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, jsonify, request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import RequestEntityTooLarge

from .. import audit
from ..pipeline import uploads
from ..records import claims, documents, events, external, legal_fields, links, periods, tokens
from ..records.access import READ, SCOPE_PERMISSIONS, Permission
from ..web.context import settings
from . import caller, limits, paths
from .errors import ApiError, invalid, response

log = logging.getLogger(__name__)
blueprint = Blueprint("api", __name__, url_prefix="/api/v1")

# The domain's refusals, whose messages are written for people: answered 422 `refused` with that message.
REFUSALS: tuple[type[Exception], ...] = (
    audit.AuditError, claims.ClaimError, documents.DocumentError, external.ExternalValueError,
    legal_fields.MetadataError, links.LinkError, periods.PeriodError, tokens.TokenError,
)


@dataclass(frozen=True)
class Operation:
    """One route of the API as the description tells it."""

    method: str
    rule: str  # Flask's rule under /api/v1
    endpoint: str
    summary: str
    tag: str
    permission: Permission | None  # None: anyone, without a token (the description itself)
    description: str = ""
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    upload: bool = False  # multipart/form-data with files
    response: type[BaseModel] | dict[str, Any] | None = None  # a model, a JSON Schema by hand, or no content
    files: tuple[str, ...] = ()  # media types of a file answer
    status: int = 200
    extra_errors: tuple[int, ...] = field(default=())

    @property
    def writes(self) -> bool:
        return self.method not in ("GET", "HEAD")


OPERATIONS: dict[str, Operation] = {}


def operation(method: str, rule: str, *, summary: str, tag: str, permission: Permission | None,
              **details: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a view as an API route (see the module's docstring)."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        declared = Operation(method, rule, view.__name__, summary, tag, permission, **details)
        if declared.endpoint in OPERATIONS:
            raise ValueError(f"two API views named {declared.endpoint}")
        OPERATIONS[declared.endpoint] = declared

        def handle(**path: Any) -> Response:
            return dispatch(declared, view, path)

        handle.__name__ = view.__name__
        blueprint.add_url_rule(rule, declared.endpoint, handle, methods=[method])
        return view

    return decorator


def dispatch(declared: Operation, view: Callable[..., Any], path: dict[str, Any]) -> Response:
    """Token, permission, limits and input, then the view, inside the audit trail's API mark."""
    found = None
    try:
        request.max_content_length = _body_limit(declared)
        if declared.permission is not None:
            found = caller.authenticate()
            _check_permission(found, declared.permission)
            limits.apply(found.token, _body_limit(declared))  # before any of the body is read
        paths.in_range(path)
        arguments = dict(path)
        if declared.query is not None:
            arguments["query"] = _parse(declared.query, request.args.to_dict(), "query")
        if declared.body is not None:
            arguments["body"] = _parse(declared.body, _json_body(), "body")
        mark = events.acting_through("api", token_id=found.token.id) if found else nullcontext()
        with mark:
            try:
                result = view(**arguments)
            except REFUSALS as error:
                raise ApiError("refused", str(error)) from None
        answer = _render(declared, result)
    except ApiError as error:
        answer = response(error)
    except RequestEntityTooLarge:  # a body sent without its length, cut where it passed the limit as it was read
        answer = response(limits.too_large())
    if found is not None:
        answer.headers.update(found.rate_headers())
    return answer


def _body_limit(declared: Operation) -> int:
    """The largest body the vault takes on this route: uploads as the web's, everything else `api.max_json_bytes`."""
    return uploads.largest_request(settings()) if declared.upload else settings().get("api", "max_json_bytes")


def _check_permission(found: caller.Caller, permission: Permission) -> None:
    if found.actor.can_anywhere(permission):
        return
    if found.actor.role_allows(permission) and permission not in SCOPE_PERMISSIONS[READ]:
        raise ApiError("read_only_token")
    raise ApiError("forbidden")


def _parse(model: type[BaseModel], values: Any, where: str) -> BaseModel:
    try:
        return model.model_validate(values)
    except ValidationError as error:
        raise invalid(error, where) from None


def _json_body() -> Any:
    if not request.is_json:
        raise ApiError("unsupported_media_type")
    raw = request.get_data(cache=True)
    if request.content_length is None and len(raw) >= (request.max_content_length or len(raw) + 1):
        # Sent without its length, the body is read up to the limit and silently cut there (Werkzeug raises only
        # on a read after that): what was cut is refused as too large, not parsed and called broken JSON.
        raise limits.too_large()
    try:
        return json.loads(raw) if raw.strip() else {}
    except (ValueError, UnicodeDecodeError):
        raise ApiError("invalid_request", "Isi permintaan bukan JSON yang sah. Periksa tanda kutip dan koma, lalu "
                                          "kirim lagi.") from None


def _render(declared: Operation, result: Any) -> Response:
    if isinstance(result, Response):
        return result
    if result is None:
        return Response(status=204)
    body = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
    answer = jsonify(body)
    answer.status_code = declared.status
    return answer
