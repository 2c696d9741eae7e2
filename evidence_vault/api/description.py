"""The OpenAPI 3.1 description, built from the declared operations and their pydantic models.

Nothing here is written twice: paths, parameters, bodies, answers and the permission each
route needs come from `operations.OPERATIONS`; schemas from the same models that parse the
requests and serialise the answers. `tests/api/test_description.py` checks the result
against the OpenAPI 3.1 schema and against Flask's real routes.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import version
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import paths
from .errors import CODES
from .operations import OPERATIONS, Operation, blueprint, operation
from .shapes import Error

REF = "#/components/schemas/{model}"
_CONVERTER = re.compile(r"<(?:(?P<converter>\w+)(?:\((?P<arguments>[^)]*)\))?:)?(?P<name>\w+)>")
# Statuses every route with a token may answer, and those only some do.
_ALWAYS = (401, 403, 404, 429)
DESCRIPTION = (
    "API Evidence Vault: data dukung SPBE / Pemerintah Digital. Setiap permintaan membawa token akses pribadi "
    "(`Authorization: Bearer evt_...`) yang dibuat di menu Akun \u203a Token API atau dengan `evidence-vault token "
    "add`. Token bertindak sebagai penggunanya, tidak pernah melebihi peran dan organisasinya, dan dapat dibatasi "
    "ke satu organisasi serta ke cakupan baca saja. Setiap penolakan memakai satu bentuk: `{\"error\": {\"code\", "
    "\"message\", \"details\"}}`; `code` tetap, `message` berbahasa Indonesia."
)


def openapi_path(rule: str) -> str:
    """Flask's `/documents/<id:document_id>` as OpenAPI's `/api/v1/documents/{document_id}`."""
    return blueprint.url_prefix + _CONVERTER.sub(lambda match: "{" + match["name"] + "}", rule)  # type: ignore[operator]


def _path_parameters(rule: str) -> list[dict[str, Any]]:
    parameters = []
    for match in _CONVERTER.finditer(rule):
        if match["converter"] == paths.NAME:
            schema: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
        elif match["converter"] == "any":
            schema = {"type": "string", "enum": [item.strip() for item in match["arguments"].split(",")]}
        else:
            schema = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[^/]+$"}
        parameters.append({"name": match["name"], "in": "path", "required": True, "schema": schema})
    return parameters


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A query parameter left out is None: `anyOf [X, null]` is simply X (a query string has no null)."""
    options = [item for item in schema.get("anyOf", []) if item.get("type") != "null"]
    if len(options) == 1 and "anyOf" in schema:
        rest = {key: value for key, value in schema.items() if key != "anyOf"}
        return {**options[0], **{key: value for key, value in rest.items() if key != "default" or value is not None}}
    return schema


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=REF)
    required = set(schema.get("required", []))
    parameters = []
    for name, field in schema.get("properties", {}).items():
        field = _without_null(field)
        description = field.pop("description", None)
        field.pop("title", None)
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": name in required, "schema": field}
        if description:
            parameter["description"] = description
        parameters.append(parameter)
    return parameters


def _error(status: int) -> dict[str, Any]:
    codes = sorted(code for code, (code_status, _message) in CODES.items() if code_status == status)
    return {"description": "Ditolak: " + ", ".join(f"`{code}`" for code in codes),
            "content": {"application/json": {"schema": {"$ref": REF.format(model="Error")}}}}


def _statuses(declared: Operation) -> list[int]:
    statuses = set(_ALWAYS) if declared.permission is not None else set()
    if declared.query is not None or declared.body is not None or declared.upload:
        statuses.add(400)
    if declared.body is not None:
        statuses |= {413, 415}
    if declared.upload:
        statuses.add(413)
    if declared.writes:
        statuses.add(422)
    statuses |= set(declared.extra_errors)
    return sorted(statuses)


def _success(declared: Operation, refs: dict[type[BaseModel], dict[str, str]]) -> dict[str, Any]:
    if declared.files:
        return {"description": "Berkas", "content": {media: {"schema": {"type": "string",
                                                                         "contentMediaType": media}}
                                                     for media in declared.files}}
    if declared.response is None:
        return {"description": "Selesai, tanpa isi"}
    schema = declared.response if isinstance(declared.response, dict) else refs[declared.response]
    return {"description": "Berhasil", "content": {"application/json": {"schema": schema}}}


def _operation(declared: Operation, refs: dict[type[BaseModel], dict[str, str]]) -> dict[str, Any]:
    described: dict[str, Any] = {"operationId": declared.endpoint, "summary": declared.summary, "tags": [declared.tag]}
    if declared.description:
        described["description"] = declared.description
    if declared.permission is None:
        described["security"] = []
    else:
        scope = "read" if not declared.writes else "write"
        described["x-permission"] = declared.permission.value
        described["x-token-scope"] = scope
    parameters = _path_parameters(declared.rule) + (_query_parameters(declared.query) if declared.query else [])
    if parameters:
        described["parameters"] = parameters
    if declared.body is not None:
        described["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": refs[declared.body]}}}
    if declared.upload:
        described["requestBody"] = {"required": True, "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "minItems": 1,
                                     "items": {"type": "string", "contentMediaType": "application/octet-stream"}}},
        }}}}
    responses = {str(declared.status if declared.response is not None or declared.files else 204):
                 _success(declared, refs)}
    responses.update({str(status): _error(status) for status in _statuses(declared)})
    described["responses"] = responses
    return described


def _schemas() -> tuple[dict[type[BaseModel], dict[str, str]], dict[str, Any]]:
    """Every body and answer model's schema, and the reference to each (pydantic names them, once)."""
    models: dict[type[BaseModel], Any] = {Error: "serialization"}
    for declared in OPERATIONS.values():
        if declared.body is not None:
            models[declared.body] = "validation"
        if isinstance(declared.response, type):
            models[declared.response] = "serialization"
    keys, schema = models_json_schema(list(models.items()), ref_template=REF)
    return {model: reference for (model, _mode), reference in keys.items()}, schema.get("$defs", {})


@cache
def document() -> dict[str, Any]:
    """The whole description (built once per process: the operations are fixed at import)."""
    refs, schemas = _schemas()
    paths: dict[str, dict[str, Any]] = {}
    for declared in OPERATIONS.values():
        paths.setdefault(openapi_path(declared.rule), {})[declared.method.lower()] = _operation(declared, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Evidence Vault API", "version": version("evidence-vault"), "description": DESCRIPTION},
        "servers": [{"url": "/"}],
        "security": [{"token": []}],
        "tags": [{"name": tag} for tag in sorted({declared.tag for declared in OPERATIONS.values()})],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": schemas,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "bearerFormat": "evt_...",
                                          "description": "Token akses pribadi (Akun \u203a Token API)."}},
        },
    }


@operation("GET", "/openapi.json", summary="Deskripsi OpenAPI 3.1 API ini (tanpa token)", tag="Deskripsi",
           permission=None, response={"type": "object"})
def openapi() -> dict[str, Any]:
    return document()
