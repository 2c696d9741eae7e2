"""Conformance table of the audit for Pemdi 2026 (issues 15 and 22): every ladder cell through the real
ingest path (`conformance/harness.py`), and the indicators whose value another agency's index gives.

Each case of `conformance/pemdi_table.py` audits the 2026 period (framework pemdi-2026) as of
15 September 2026 unless it says otherwise. The expectations are the regulation's criteria
(PermenPANRB 8/2026), not the engine's phrase lists; a case the engine gets wrong stays, marked
xfail(strict=True) with the reason. The table's completeness is checked with SPBE 2020's in
`test_conformance.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from evidence_vault import db
from evidence_vault.models import AssessmentPeriod
from evidence_vault.records import external

from .conformance.harness import Vault, audit_of, build_vault, check_case, linked, params, read_as_written
from .conformance.pemdi_corpus import pemdi_corpus
from .conformance.pemdi_table import INDEX_CASES, PEMDI, PEMDI_ASSESSED, PEMDI_CASES, PEMDI_YEAR, IndexCase
from .conformance.table import Case

DOCUMENTS = pemdi_corpus()


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    built = build_vault(tmp_path_factory.mktemp("conformance-pemdi"), DOCUMENTS, {PEMDI: PEMDI_YEAR})
    assert built.periods[PEMDI].as_of == PEMDI_ASSESSED, "Pemdi 2026's default assessment date moved"
    yield built
    built.engine.dispose()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_is_read_as_written(vault: Vault, name: str) -> None:
    read_as_written(vault, name, DOCUMENTS[name])


@pytest.mark.parametrize("case", params(PEMDI_CASES))
def test_case(vault: Vault, case: Case) -> None:
    check_case(vault, case)


# ---------------------------------------------------------------------------------------------------------
# Values from other agencies' indices


def _record(vault: Vault, case: IndexCase) -> None:
    with db.session_scope(vault.engine) as session:
        period = session.get(AssessmentPeriod, vault.periods[PEMDI].id)
        source = vault.ids[case.source] if case.source else None
        external.set_value(session, period, case.indicator, case.value, source, "", actor_id=None)


def _forget(vault: Vault, indicator: str) -> None:
    with db.session_scope(vault.engine) as session:
        external.remove_value(session, session.get(AssessmentPeriod, vault.periods[PEMDI].id), indicator, actor_id=None)


def _indicator(vault: Vault, code: str):
    result = audit_of(vault, PEMDI)
    return result, next(item for item in result.indicators if item.code == code)


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in INDEX_CASES])
def test_index_value(vault: Vault, case: IndexCase) -> None:
    """The value received becomes the indicator's value through the ranges; documents never raise it,
    it is never an evidence gap or a priority; a hybrid follows its ladder until the value is recorded."""
    with linked(vault, PEMDI, case.indicator, case.linked):
        result, item = _indicator(vault, case.indicator)
        if case.estimated is not None:
            assert (item.supported, item.estimated, item.external) == (case.estimated, True, None), item.explanation
        elif case.value is None and case.indicator in ("11", "12"):
            assert (item.supported, item.estimated) == (0, True), item.explanation
        else:
            assert item.external is not None and item.status == "external", item.explanation
            if case.value is None:
                assert (item.supported, item.first_unmet, item.findings) == (0, "external_missing", ())
        assert case.indicator not in dict(result.top_gaps), "a value from another agency's index is never a priority"
        if case.value is None:
            return
        _record(vault, case)
        try:
            result, item = _indicator(vault, case.indicator)
        finally:
            _forget(vault, case.indicator)
    assert item.supported == pytest.approx(case.level) and item.claimed == pytest.approx(case.level)
    assert (item.first_unmet, item.estimated, item.findings, item.gap) == ("external", False, (), 0)
    assert item.external is not None and "Nilai dari indeks instansi lain" in item.external, item.external
    assert item.used == ((vault.ids[case.source],) if case.source else ())
    assert case.indicator not in dict(result.top_gaps)
