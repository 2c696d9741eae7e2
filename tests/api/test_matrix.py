"""The API's authorisation matrix: every route, as every role, on its own and another body's things.

Like the web's matrix (tests/web/test_authorization.py) the allowed roles are written out by
hand, not derived from `access.ROLE_PERMISSIONS`, so a change to the rules shows up here; a
route declared in `api.operations` without a row here fails `test_every_route_has_a_rule`.
"Allowed" means the request got past authorisation: a 2xx, or a 422 (the domain refused
what was asked, as it would in the browser). Refused means 403, or 404 for another
organisation's things, answered exactly as for things that do not exist.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.engine import Engine

from evidence_vault import db
from evidence_vault.api.operations import OPERATIONS
from evidence_vault.demo import samples
from evidence_vault.models import AssessmentPeriod, Document
from evidence_vault.pipeline import ingest, uploads
from evidence_vault.records import documents, external, library, links, periods
from evidence_vault.tagging.suggestions import Suggestion

from ..conftest import World
from .conftest import Api, MakeToken

ALL = {"admin", "coordinator", "operator", "reviewer", "viewer"}
WRITERS = {"admin", "coordinator", "operator"}
LEADS = {"admin", "coordinator"}
ADMIN = {"admin"}
REVIEWERS = {"admin", "reviewer"}
HISTORY = {"admin", "coordinator", "operator", "reviewer"}
EXPORTERS = {"admin", "coordinator", "reviewer"}
COPIERS = {"coordinator", "operator"}  # `copy_shared`, into the account's own organisation: an admin has none
PUBLIC = {"openapi"}
ORG = "/organisations/{org}"
PERIOD = ORG + "/periods/2026"
DOC = "/documents/{doc}"
UPLOAD = "upload"  # stands for a multipart body with one small PDF

# endpoint: (method, path with {org} and object keys, JSON body, roles allowed on their own organisation's
#            things, roles allowed on the other's). A path without {org} or an object key is a listing: the other
#            case adds ?org= of the other organisation, and no listing may show the other organisation's things.
ROUTES: dict[str, tuple[str, str, Any, set[str], set[str]]] = {
    "list_organisations": ("GET", "/organisations", None, ALL, set()),
    "get_organisation": ("GET", ORG, None, ALL, ADMIN),
    "change_organisation": ("PATCH", ORG, {"strict_review": True}, LEADS, ADMIN),
    "list_periods": ("GET", ORG + "/periods", None, ALL, ADMIN),
    "open_period": ("POST", ORG + "/periods", {"year": 2027}, LEADS, ADMIN),
    "change_period": ("PATCH", PERIOD, {"as_of": "2026-10-01"}, LEADS, ADMIN),
    "list_claims": ("GET", PERIOD + "/claims", None, ALL, ADMIN),
    "set_claim": ("PUT", PERIOD + "/claims/3", {"level": 3, "justification": "SK tim"}, LEADS, ADMIN),
    "list_external_values": ("GET", PERIOD + "/external-values", None, ALL, ADMIN),
    "set_external_value": ("PUT", PERIOD + "/external-values/5", {"value": 68.75}, LEADS, ADMIN),
    "remove_external_value": ("DELETE", PERIOD + "/external-values/6", None, LEADS, ADMIN),
    "evidence": ("GET", ORG + "/evidence", None, ALL, ADMIN),
    "jdihn_feed": ("GET", ORG + "/jdihn", None, ALL, ADMIN),
    "get_audit": ("GET", ORG + "/audit", None, ALL, ADMIN),
    "export_audit": ("GET", ORG + "/audit/exports/csv", None, EXPORTERS, ADMIN),
    "list_documents": ("GET", "/documents", None, ALL, ADMIN),
    "upload": ("POST", "/documents?org={org}", UPLOAD, WRITERS, ADMIN),
    "upload_status": ("GET", "/uploads/{upload}", None, ALL, ADMIN),
    "get_document": ("GET", DOC, None, ALL, ADMIN),
    "status": ("GET", DOC + "/status", None, ALL, ADMIN),
    "download": ("GET", DOC + "/file", None, ALL, ADMIN),
    "pages": ("GET", DOC + "/pages", None, ALL, ADMIN),
    "trash": ("POST", "/documents/{victim}/trash", None, WRITERS, ADMIN),
    "restore": ("POST", "/documents/{trashed}/restore", None, LEADS, ADMIN),
    "get_metadata": ("GET", DOC + "/metadata", None, ALL, ADMIN),
    "change_metadata": ("PATCH", DOC + "/metadata", {"fields": {"tentang": "Tim Koordinasi"}}, WRITERS, ADMIN),
    "relations": ("GET", DOC + "/relations", None, ALL, ADMIN),
    "document_links": ("GET", DOC + "/links", None, ALL, ADMIN),
    "suggestions": ("GET", DOC + "/suggestions", None, ALL, ADMIN),
    "submit": ("POST", DOC + "/links", {"framework": "pemdi-2026", "indicator": "2", "level": 2}, WRITERS, ADMIN),
    "verify": ("POST", DOC + "/links/{to_verify}/verify", None, REVIEWERS, ADMIN),
    "reject": ("POST", DOC + "/links/{to_reject}/reject", {"reason": "Belum ditandatangani."}, REVIEWERS, ADMIN),
    "decline": ("POST", DOC + "/suggestions/{suggestion}/reject", {"reason": "Bukan dokumen ini."}, WRITERS, ADMIN),
    "remove": ("DELETE", DOC + "/links/{to_remove}", None, WRITERS, ADMIN),
    "document_history": ("GET", DOC + "/history", None, HISTORY, ADMIN),
    "organisation_history": ("GET", "/history", None, HISTORY, ADMIN),
    "run_search": ("GET", "/search?q=milik", None, ALL, ADMIN),
    "list_frameworks": ("GET", "/frameworks", None, ALL, set()),
    "get_framework": ("GET", "/frameworks/pemdi-2026", None, ALL, set()),
    # The shared library: reading it crosses organisations by design (as /pustaka on the web); a copy goes into the
    # account's own organisation (its own document's copy is refused, 422); publishing needs `share` on the document.
    "list_library": ("GET", "/library", None, ALL, set()),
    "library_document": ("GET", "/library/{shared}", None, ALL, ALL),
    "library_file": ("GET", "/library/{shared}/file", None, ALL, ALL),
    "copy_from_library": ("POST", "/library/{shared}/copy", None, COPIERS, COPIERS),
    "publish": ("POST", DOC + "/publish", None, LEADS, ADMIN),
    "unpublish": ("POST", "/documents/{shared}/unpublish", None, LEADS, ADMIN),
}
LISTINGS_WITH_ORG = {"list_documents", "organisation_history", "run_search"}
SHARED_BY_DESIGN = {"list_library", "library_document", "library_file"}  # shows other bodies' published documents


def test_every_route_has_a_rule() -> None:
    assert set(OPERATIONS) - PUBLIC == set(ROUTES), "an API route without an authorisation rule (or a stale rule)"


def _store(engine: Engine, settings, organisation_id: int, text: str) -> int:
    result = ingest.ingest_stream(engine, settings, io.BytesIO(samples.pdf_document([text])), f"{text}.pdf",
                                  organisation_id, None)
    return result.document_id  # type: ignore[return-value]


def _things(engine: Engine, settings, organisation, name: str) -> dict[str, Any]:
    """One organisation's documents, upload, period, links, suggestion and index values, each for one route."""
    ids: dict[str, Any] = {"org": organisation.code}
    for key in ("doc", "victim", "trashed", "shared"):
        ids[key] = _store(engine, settings, organisation.id, f"{key} milik {name}")
    ids["upload"], _waiting = uploads.receive(engine, settings, [(io.BytesIO(samples.pdf_document(
        [f"unggahan milik {name}"])), "unggahan.pdf")], organisation.id, None)
    with db.session_scope(engine) as session:
        own = session.get(Document, ids["doc"])
        documents.move_to_trash(session, session.get(Document, ids["trashed"]), None)
        library.publish(session, session.get(Document, ids["shared"]), None)
        period = periods.create_period(session, organisation, 2026, "pemdi-2026")
        external.set_value(session, period, "6", 3.0, None, "", None)
        for key, indicator in (("to_verify", "1"), ("to_reject", "3"), ("to_remove", "4")):
            ids[key] = links.link(session, own, "pemdi-2026", indicator, links.LinkDetails(), None).id
        links.record_suggestions(session, own, [Suggestion("pemdi-2026", "8", 0.5, ())])
        ids["suggestion"] = next(item.id for item in links.links_of_document(session, own.id)
                                 if item.state == links.SUGGESTED)
        assert session.get(AssessmentPeriod, period.id) is not None
    return ids


@pytest.fixture
def things(engine: Engine, settings, world: World) -> dict[str, dict[str, Any]]:
    return {"own": _things(engine, settings, world.home, "badung"),
            "other": _things(engine, settings, world.other, "denpasar")}


def _send(api: Api, method: str, path: str, body: Any) -> Any:
    if body == UPLOAD:
        return api(method, path, data={"files": (io.BytesIO(samples.pdf_document(["unggahan API"])), "api.pdf")},
                   content_type="multipart/form-data")
    return api(method, path, json=body) if body is not None else api(method, path)


def _allowed(status: int) -> bool:
    return 200 <= status < 300 or status == 422


@pytest.mark.parametrize("role", sorted(ALL))
def test_matrix(app: Flask, world: World, things: dict[str, dict[str, Any]], make_token: MakeToken,
                role: str) -> None:
    api = Api(app.test_client(), make_token(role, scope="write"))
    wrong = []
    for endpoint, (method, template, body, allowed_own, allowed_other) in ROUTES.items():
        cases = [("own", template.format(**things["own"]), allowed_own)]
        if "{" in template:
            cases.append(("other", template.format(**things["other"]), allowed_other))
        elif endpoint in LISTINGS_WITH_ORG:
            joiner = "&" if "?" in template else "?"
            cases.append(("other", f"{template}{joiner}org=denpasar", allowed_other))
        for which, path, allowed in cases:
            answer = _send(api, method, path, body)
            assert answer.status_code != 400, f"{role} {method} {path}: the test's request is wrong: {answer.json}"
            if _allowed(answer.status_code) != (role in allowed):
                wrong.append(f"{role} {method} {path} ({which}) → {answer.status_code}")
            if not _allowed(answer.status_code):
                code = answer.json["error"]["code"]
                if code not in ("forbidden", "not_found") or ("denpasar" in answer.text.lower()):
                    wrong.append(f"{role} {method} {path} refused as {code}: {answer.text}")
            elif role != "admin" and method == "GET" and b"denpasar" in answer.data.lower() \
                    and endpoint not in SHARED_BY_DESIGN:
                wrong.append(f"{role} {method} {path} shows another organisation's things")
    assert wrong == []


def test_no_route_answers_without_a_valid_token(app: Flask, things: dict[str, dict[str, Any]]) -> None:
    for token in (None, "evt_tidak-ada", "bukan-token"):
        api = Api(app.test_client(), token)
        for endpoint, (method, template, body, _own, _other) in ROUTES.items():
            answer = _send(api, method, template.format(**things["own"]), body)
            assert answer.status_code == 401, f"{endpoint} answered {answer.status_code} with token {token!r}"
            assert answer.json["error"]["code"] in ("token_missing", "token_invalid")
            assert "Bearer" in answer.headers["WWW-Authenticate"]


def test_a_read_token_changes_nothing(app: Flask, things: dict[str, dict[str, Any]], make_token: MakeToken) -> None:
    api = Api(app.test_client(), make_token("admin", scope="read"))
    for endpoint, (method, template, body, _own, _other) in ROUTES.items():
        answer = _send(api, method, template.format(**things["own"]), body)
        if OPERATIONS[endpoint].writes:
            assert answer.status_code == 403 and answer.json["error"]["code"] == "read_only_token", endpoint
        else:
            assert answer.status_code == 200, f"{endpoint}: {answer.status_code}"


def test_a_token_narrowed_to_one_organisation_sees_only_it(app: Flask, things, make_token: MakeToken) -> None:
    api = Api(app.test_client(), make_token("admin", scope="write", org="badung"))
    assert api("GET", f"/documents/{things['own']['doc']}").status_code == 200
    assert api("GET", f"/documents/{things['other']['doc']}").status_code == 404
    assert api("GET", "/organisations/denpasar/audit").status_code == 404
    assert [item["code"] for item in api("GET", "/organisations").json["items"]] == ["badung"]
    listed = api("GET", "/documents").json["items"]
    assert listed and {item["organisation"] for item in listed} == {"badung"}


def test_the_session_cookie_alone_opens_nothing(app: Flask, auth, things) -> None:
    """A logged-in browser (what another site could make it send) gets 401: only the bearer token counts."""
    auth.login("coordinator")
    assert auth.client.get("/api/v1/documents").status_code == 401
    assert auth.client.post(f"/api/v1/documents/{things['own']['victim']}/trash").status_code == 401
