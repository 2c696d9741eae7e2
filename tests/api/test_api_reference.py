"""docs/api.md's route and error tables come from the API itself: a route or code added without regenerating fails."""

from __future__ import annotations

from evidence_vault.api.operations import OPERATIONS

from ..conftest import PROJECT_ROOT, load_script


def test_the_api_reference_is_current() -> None:
    generator = load_script("api_reference")
    written = (PROJECT_ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert written == generator.rendered(written), "docs/api.md is stale: run .venv/bin/python scripts/api_reference.py"
    assert written.count("| `") >= len(OPERATIONS)  # every route has its row
