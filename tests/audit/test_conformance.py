"""Conformance table of the audit for SPBE 2020 (issue 15): every level rule, cell by cell, through the
real ingest path (`conformance/harness.py`: one bulk ingest, then each case linked, audited, checked).

Each case of `conformance/table.py` audits the 2025 period as of its assessment date (the
period's own date, a date passed to `audit.run_audit`, or the period's date moved with
`periods.set_as_of`). The Pemdi 2026 table runs in `test_conformance_pemdi.py`.

The expectations come from the rules as written (`frameworks/data/*.toml`, DOMAIN.md), not
from the engine; a case the engine gets wrong stays, marked xfail(strict=True) with the rule
and the observed result. `test_every_cell_has_a_positive_and_a_negative_case` fails when a
cell of a framework's table (derived from its data by `conformance/cells.py`) lacks either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest

from evidence_vault.frameworks import builtin_framework

from .conformance import cells
from .conformance.corpus import corpus
from .conformance.harness import Vault, build_vault, check_case, params, read_as_written
from .conformance.pemdi_corpus import pemdi_corpus
from .conformance.pemdi_table import PEMDI, PEMDI_CASES
from .conformance.table import ASSESSED, CASES, SPBE, YEAR, Case

DOCUMENTS = corpus()
PEMDI_DOCUMENTS = pemdi_corpus()


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    built = build_vault(tmp_path_factory.mktemp("conformance"), DOCUMENTS, {SPBE: YEAR})
    assert built.periods[SPBE].as_of == ASSESSED, "SPBE 2020's default assessment date moved: re-read the table's dates"
    yield built
    built.engine.dispose()


# ---------------------------------------------------------------------------------------------------------
# The documents are read as what they are (otherwise a case would test the reader, not the rules)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_is_read_as_written(vault: Vault, name: str) -> None:
    read_as_written(vault, name, DOCUMENTS[name])


# ---------------------------------------------------------------------------------------------------------
# The cases


@pytest.mark.parametrize("case", params(CASES))
def test_case(vault: Vault, case: Case) -> None:
    check_case(vault, case)


# ---------------------------------------------------------------------------------------------------------
# The table is complete (for every framework: the Pemdi 2026 cases are run in test_conformance_pemdi.py)


@pytest.mark.parametrize("framework", [SPBE, PEMDI])
def test_every_cell_has_a_positive_and_a_negative_case(framework: str) -> None:
    ladders = cells.ladders(framework)
    loaded = builtin_framework(framework)
    for (code, level) in ladders:
        assert loaded.indicator(code).level(level).requirements, f"{framework} {code} L{level}: no rules loaded"
    have: dict[tuple[str, int], set[str]] = defaultdict(set)
    for case in CASES + PEMDI_CASES:
        if case.framework == framework and case.role != "extra":
            have[(ladders[(case.indicator, case.cell_level)], case.cell_level)].add(case.role)
    missing = [f"{ladder} level {level}: no {' and no '.join(sorted({'positive', 'negative'} - have[(ladder, level)]))}"
               f" case" for ladder, level in sorted(cells.cells(framework))
               if {"positive", "negative"} - have[(ladder, level)]]
    assert not missing, f"{framework}: cells without cases:\n" + "\n".join(missing)


def test_cases_are_well_formed() -> None:
    documents = {**DOCUMENTS, **PEMDI_DOCUMENTS}
    ids = [case.id for case in CASES + PEMDI_CASES]
    assert len(ids) == len(set(ids)), "case ids repeat"
    for case in CASES + PEMDI_CASES:
        assert set(case.documents) <= set(documents), f"{case.id}: unknown documents"
        assert set(case.used + case.not_used) <= set(case.documents), f"{case.id}: used/not_used not linked"
        ladders = cells.ladders(case.framework)
        if case.role == "positive":
            assert case.level == case.cell_level, case.id
        elif case.role == "negative":
            assert case.level == case.cell_level - 1 and case.removes, f"{case.id}: say which requirement it removes"
        else:
            assert case.cell_level is None, case.id
        if case.cell_level is not None:
            assert (case.indicator, case.cell_level) in ladders, f"{case.id}: the indicator has no such level"
