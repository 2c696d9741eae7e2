"""Schemathesis against the served description: no 500, no answer outside the description, no route without a token.

Bounded so it stays a few seconds per route in `make test` (MAX_EXAMPLES generated requests
per route, no shrinking deadline); the vault it runs against holds a document, a period,
links and a suggestion in each of two organisations, so generated ids and codes hit real
things as well as missing ones. The upload is left out: generated multipart bodies are
random bytes that only exercise the ingest's refusals, which tests/api/test_api.py and the
pipeline's own tests cover with real files.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from sqlalchemy.engine import Engine

from evidence_vault import db
from evidence_vault.api.operations import OPERATIONS
from evidence_vault.app import create_app
from evidence_vault.config import load_settings
from evidence_vault.demo import samples
from evidence_vault.models import Document
from evidence_vault.pipeline import ingest, uploads
from evidence_vault.records import accounts, links, organisations, periods, tokens

MAX_EXAMPLES = 12
NOT_FUZZED = {"upload"}
CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance, checks.ignored_auth]


@pytest.fixture
def vault(storage: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, str, dict[str, object]]:
    """A vault with two organisations' things (documents, links, an upload), served by the app, and an admin's
    read-write token."""
    monkeypatch.setenv("EVIDENCE_VAULT_API_REQUESTS_PER_MINUTE", "100000")  # the fuzzer is fast, the limit is not
    config = load_settings()
    engine: Engine = db.make_engine(config)
    db.upgrade(engine)
    with db.session_scope(engine) as session:
        badung = organisations.create_organisation(session, "Kabupaten Badung", "regency", code="badung")
        denpasar = organisations.create_organisation(session, "Kota Denpasar", "city", code="denpasar")
        admin = accounts.create_user(session, "admin@vault.go.id", "kata-sandi-uji-123", "admin", None)
        for organisation in (badung, denpasar):
            periods.create_period(session, organisation, 2026, "pemdi-2026")
        _token, secret = tokens.create(session, admin, "fuzz", "write", 1, max_days=365)
        ids = [(badung.id, "badung"), (denpasar.id, "denpasar")]
    known: dict[str, object] = {"code": "badung", "year": 2026, "indicator": "2", "kind": "csv"}
    for organisation_id, code in ids:
        stored = ingest.ingest_stream(engine, config, io.BytesIO(samples.pdf_document([f"Keputusan {code}"])),
                                      f"{code}.pdf", organisation_id, None)
        with db.session_scope(engine) as session:
            made = links.link(session, session.get(Document, stored.document_id), "pemdi-2026", "2",
                              links.LinkDetails(), None)
            known.setdefault("document_id", stored.document_id)
            known.setdefault("link_id", made.id)
        upload_id, _waiting = uploads.receive(engine, config, [(io.BytesIO(samples.pdf_document([f"Surat {code}"])),
                                                               f"surat-{code}.pdf")], organisation_id, None)
        known.setdefault("upload_id", upload_id)
    return create_app(config, testing=False), secret, known


def _fuzz(schema: schemathesis.BaseSchema, operation_id: str, secret: str, known: dict[str, object]) -> None:
    """Generate requests for one route (positive data: what the description allows) and check each answer.

    Twice: with generated path values (mostly things that do not exist), then with those of
    real things, so that the generated query strings and bodies reach the domain.
    """
    operation = schema.find_operation_by_id(operation_id)
    names = re.findall(r"{(\w+)}", operation.path)
    strategy = operation.as_strategy()
    if names:
        strategy = strategy | operation.as_strategy(path_parameters={name: known[name] for name in names})

    @given(case=strategy)
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case: schemathesis.Case) -> None:
        # Hypothesis seeds the global `random` alike for every example, and Whoosh names its new
        # segments with it: two writes would then name the same segment. Real randomness, as in service.
        random.seed()
        case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, checks=CHECKS, buffered=True)

    run()


def test_the_api_keeps_to_its_description(vault: tuple[object, str]) -> None:
    app, secret, known = vault
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    fuzzed = [operation_id for operation_id in sorted(OPERATIONS) if operation_id not in NOT_FUZZED]
    for operation_id in fuzzed:
        _fuzz(schema, operation_id, secret, known)
    assert len(fuzzed) == len(OPERATIONS) - len(NOT_FUZZED)
