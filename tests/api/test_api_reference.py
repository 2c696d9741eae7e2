"""docs/api.md's route and error tables come from the API itself: a route or code added without regenerating fails."""

from __future__ import annotations

import importlib.util

from evidence_vault.api.operations import OPERATIONS

from ..conftest import PROJECT_ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("api_reference", PROJECT_ROOT / "scripts" / "api_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_api_reference_is_current() -> None:
    generator = _generator()
    written = (PROJECT_ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert written == generator.rendered(written), "docs/api.md is stale: run .venv/bin/python scripts/api_reference.py"
    assert written.count("| `") >= len(OPERATIONS)  # every route has its row
