"""The OpenAPI description: valid OpenAPI 3.1, served without a token, and exactly the routes Flask serves."""

from __future__ import annotations

from flask import Flask
from openapi_spec_validator import validate

from evidence_vault.api.description import document, openapi_path
from evidence_vault.api.operations import OPERATIONS


def test_the_served_description_is_valid_openapi_3_1(client) -> None:
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200 and served.json["openapi"] == "3.1.0"
    validate(served.json)
    assert served.json == document()


def test_the_description_lists_exactly_the_routes_flask_serves(app: Flask) -> None:
    served = {(openapi_path(rule.rule.removeprefix("/api/v1")), method.lower())
              for rule in app.url_map.iter_rules() if rule.endpoint.startswith("api.")
              for method in rule.methods - {"HEAD", "OPTIONS"}}  # type: ignore[operator]
    described = {(path, method) for path, item in document()["paths"].items() for method in item}
    assert served == described


def test_every_route_but_the_description_requires_a_token_and_says_which_permission() -> None:
    for path, item in document()["paths"].items():
        for method, described in item.items():
            if described["operationId"] == "openapi":
                assert described["security"] == []
            else:
                assert "security" not in described  # the document's default: the bearer token
                assert described["x-permission"] == OPERATIONS[described["operationId"]].permission.value
                assert "401" in described["responses"], (method, path)
