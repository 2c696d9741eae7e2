"""The PostgreSQL search rows say which analysis wrote them, as the Whoosh index's version file does:
rows written by another stemmer, stop list or layout are reported by `needs_rebuild` (and so by
`check` and `/healthz`, and rebuilt by `init`) until a rebuild has rewritten them."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from evidence_vault import db
from evidence_vault.search import IndexedDocument, PostgresIndex, SearchQuery
from evidence_vault.search.postgres import state

from ..services import PostgresCluster

ARSIP = IndexedDocument(1, 1, "Peraturan Bupati tentang Arsip", [(1, "Pengelolaan arsip dinamis di perangkat daerah")])


@pytest.fixture
def index(postgres_server: PostgresCluster):
    engine = create_engine(postgres_server.url(f"state_{uuid.uuid4().hex[:8]}"))
    db.upgrade(engine)
    yield PostgresIndex(engine)
    engine.dispose()


def _recorded(index: PostgresIndex) -> str | None:
    with index.engine.connect() as connection:
        return state.recorded(connection)


def _pretend_written_by_another_analysis(index: PostgresIndex) -> None:
    with index.engine.begin() as connection:
        connection.execute(text("UPDATE search_state SET value = 'an-older-stemmer' WHERE name = :name"),
                           {"name": state.NAME})


def test_rows_written_by_another_analysis_need_a_rebuild(index: PostgresIndex) -> None:
    assert not index.needs_rebuild, "empty tables: nothing to redo"
    index.add_or_replace([ARSIP])
    assert _recorded(index) == state.FINGERPRINT, "the first rows name the analysis that wrote them"
    _pretend_written_by_another_analysis(index)
    assert index.needs_rebuild and index.rebuild_reason == "schema_changed"
    index.add_or_replace([IndexedDocument(2, 1, "Laporan", [(1, "laporan arsip")])])
    assert _recorded(index) == "an-older-stemmer", "a write does not vouch for the rows already there"
    assert index.needs_rebuild
    index.rebuild([ARSIP])
    assert _recorded(index) == state.FINGERPRINT and not index.needs_rebuild
    assert index.search(SearchQuery(text="kelola", organisation_ids=[1])).total == 1


def test_rows_from_before_fingerprints_were_kept_need_a_rebuild(index: PostgresIndex) -> None:
    index.add_or_replace([ARSIP])
    with index.engine.begin() as connection:  # a vault upgraded from a version that kept none
        connection.execute(text("DELETE FROM search_state"))
    assert index.rebuild_reason == "schema_changed"
    index.add_or_replace([ARSIP])
    assert index.rebuild_reason == "schema_changed", "a write to unvouched rows does not vouch for them"
    index.rebuild([ARSIP])
    assert index.rebuild_reason is None


def test_the_fingerprint_follows_the_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    from evidence_vault.search import analysis

    before = state.fingerprint()
    monkeypatch.setattr(analysis, "STOP_WORDS", analysis.STOP_WORDS | {"arsip"})
    assert state.fingerprint() != before, "a changed stop list changes the fingerprint"


def test_check_says_when_rows_need_a_rebuild_and_init_rebuilds_them(postgres_server: PostgresCluster, cli, admin_env,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    url = postgres_server.url(f"state_{uuid.uuid4().hex[:8]}")
    monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", url)
    monkeypatch.setenv("EVIDENCE_VAULT_SEARCH_BACKEND", "postgres")
    assert cli("init").exit_code == 0
    assert cli("demo").exit_code == 0
    assert cli("check").exit_code == 0
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE search_state SET value = 'an-older-stemmer'"))
    checked = cli("check")
    assert checked.exit_code == 1 and "perlu dibangun ulang (schema_changed)" in checked.output
    upgraded = cli("init")
    assert upgraded.exit_code == 0 and "Indeks pencarian dibangun ulang" in upgraded.output
    with engine.connect() as connection:
        assert state.recorded(connection) == state.FINGERPRINT
    assert cli("check").exit_code == 0
    assert "Manajemen Data" in cli("search", "kelola data", "--org", "demo").output
    engine.dispose()
