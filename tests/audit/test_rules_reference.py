"""docs/rules-*.md are the frameworks' own rules: a change to a rule without regenerating them fails here."""

from __future__ import annotations

from evidence_vault.frameworks import builtin_codes, builtin_framework

from ..conftest import PROJECT_ROOT, load_script


def test_the_rules_reference_is_generated_from_the_current_frameworks() -> None:
    generator = load_script("rules_reference")
    for code in builtin_codes():
        written = (PROJECT_ROOT / "docs" / f"rules-{code}.md").read_text(encoding="utf-8")
        assert written == generator.reference(builtin_framework(code)), (
            f"docs/rules-{code}.md is stale: run .venv/bin/python scripts/rules_reference.py")


def test_every_level_of_every_indicator_is_described() -> None:
    generator = load_script("rules_reference")
    for code in builtin_codes():
        framework = builtin_framework(code)
        text = generator.reference(framework)
        for indicator in framework.indicators:
            assert f"## {indicator.code}. {indicator.name}\n" in text
            for criteria in indicator.criteria:
                assert criteria.explanation in text
            if indicator.index is not None:
                assert indicator.index.name in text
