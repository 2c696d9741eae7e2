"""Shared fixtures: a throwaway storage folder, a migrated database, users, app and CLI.

Everything goes through the same paths users take: the CLI via click's runner, the web
via Flask's test client with CSRF on, files on disk, a real SQLite database.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool
from werkzeug.security import generate_password_hash

from evidence_vault import db
from evidence_vault.app import create_app
from evidence_vault.cli import main
from evidence_vault.config import Settings, load_settings
from evidence_vault.models import Organisation, OrganisationKind, Role
from evidence_vault.records import accounts, organisations

from .services import PostgresCluster, postgres_cluster

PASSWORD = "kata-sandi-uji-123"
PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def load_script(name: str) -> ModuleType:
    """A generator under scripts/ (not a package), loaded as a module so a test can compare its output."""
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresCluster]:
    """One throwaway PostgreSQL cluster for the whole run, started when a test first asks for it."""
    with postgres_cluster() as cluster:
        yield cluster


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--database", choices=("sqlite", "postgres"), default="sqlite",
                     help="postgres: run the tests that use the vault's database again, each on a fresh "
                          "PostgreSQL database of a throwaway cluster, with search.backend = postgres")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself; not run in the PostgreSQL pass")
    if config.getoption("--database") == "postgres":
        # Each test's database is dropped after it; the engines the vault keeps per process (search
        # index, queue) then hold connections to a database that is gone, closed only when collected.
        config.addinivalue_line("filterwarnings", "ignore:Exception ignored in.*BaseConnection.__del__"
                                                  ":pytest.PytestUnraisableExceptionWarning")
        # The same for those collected only at the very end (pytest_unconfigure), outside every test:
        # without it the pass failed after all its tests had passed.
        warnings.filterwarnings("ignore", r"Exception ignored in.*BaseConnection.__del__",
                                pytest.PytestUnraisableExceptionWarning)


# `make test` runs the suite in one process per core (pytest-xdist, `-n auto`). Tests of these
# modules share a module- or session-scoped fixture too costly to build twice, so each group runs
# in one process; every other test is handed out on its own to whichever process is free.
# (xdist's own `xdist_group` mark does not work with pytest 9: it renames `item._nodeid`, which
# pytest 9 no longer reads.)
XDIST_GROUPS = {
    "tests/e2e/": "e2e",  # one browser and one served vault for every journey (e2e/conftest.py)
    "tests/audit/test_conformance.py::": "conformance-spbe",  # one vault with the whole corpus ingested
    "tests/audit/test_conformance_pemdi.py::": "conformance-pemdi",  # the same for Pemdi 2026
    "tests/search/test_search_conformance.py::": "search-conformance",  # the UU sample indexed twice
    "tests/search/test_search_blockwise.py::": "search-blockwise",  # one grown index
    "tests/test_wheel.py::": "wheel",  # one wheel built and installed in a clean venv
}


def xdist_group(nodeid: str) -> str | None:
    return next((group for prefix, group in XDIST_GROUPS.items() if nodeid.startswith(prefix)), None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist load` (what `-n` means alone) or `loadgroup`, keeping each of XDIST_GROUPS in one process.

    xdist's scope scheduler hands out the groups first, largest first, then single tests in
    collection order.
    """
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_group(nodeid) or nodeid

    return GroupScheduling(config, log)  # type: ignore[arg-type]


# A test that asks for one of these uses the vault's database: the PostgreSQL pass runs it.
DATABASE_FIXTURES = frozenset({"engine", "initialised", "cli", "app", "client", "world", "auth"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass keeps the tests that use the database; pure functions ran in the SQLite pass."""
    if config.getoption("--database") != "postgres":
        return
    kept, dropped = [], []
    for item in items:
        uses_database = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        skipped = ("sqlite_only", "e2e", "slow")
        if uses_database and not any(item.get_closest_marker(name) for name in skipped):
            kept.append(item)
        else:
            dropped.append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


@pytest.fixture(autouse=True)
def storage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Path]:
    """Every test gets its own storage folder; nothing touches the real `storage/`.

    In the PostgreSQL pass it also gets its own empty database (the test migrates it, or runs
    `init`, as on SQLite), dropped afterwards.
    """
    folder = tmp_path / "storage"
    for name in list(os.environ):
        if name.startswith("EVIDENCE_VAULT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("EVIDENCE_VAULT_STORAGE_DIR", str(folder))
    if request.config.getoption("--database") != "postgres":
        yield folder
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_server")
    name = f"vault_{next(_databases)}"
    # A test that asks for `engine` gets its database migrated already (a copy of the migrated
    # template, as `engine` copies it on SQLite); every other test gets it empty.
    template = f" TEMPLATE {request.getfixturevalue('postgres_template')}" if "engine" in request.fixturenames else ""
    with _administering(cluster) as connection:
        connection.execute(text(f"CREATE DATABASE {name}{template}"))
    monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", cluster.url_of(name))
    monkeypatch.setenv("EVIDENCE_VAULT_SEARCH_BACKEND", "postgres")
    yield folder
    _forget_engines(cluster.url_of(name))
    with _administering(cluster) as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))


@pytest.fixture
def another_vault(storage: Path, monkeypatch: pytest.MonkeyPatch,
                  request: pytest.FixtureRequest) -> Iterator[Callable[[Path], None]]:
    """`another_vault(folder)` moves the test to a second, empty vault beside the first (a restore's target).

    On SQLite that is another storage folder; in the PostgreSQL pass also another empty
    database of the cluster, as `storage` gave the first one, dropped afterwards.
    """
    made: list[str] = []
    cluster: PostgresCluster | None = None
    if request.config.getoption("--database") == "postgres":
        cluster = request.getfixturevalue("postgres_server")

    def move(folder: Path) -> None:
        monkeypatch.setenv("EVIDENCE_VAULT_STORAGE_DIR", str(folder))
        if cluster is not None:
            name = f"vault_{next(_databases)}"
            with _administering(cluster) as connection:
                connection.execute(text(f"CREATE DATABASE {name}"))
            made.append(name)
            monkeypatch.setenv("EVIDENCE_VAULT_DATABASE_URL", cluster.url_of(name))

    yield move
    for name in made:
        assert cluster is not None
        _forget_engines(cluster.url_of(name))
        with _administering(cluster) as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))


def _forget_engines(url: str) -> None:
    """Close the connections the vault keeps per process (search index, queue) to a database about to go."""
    from evidence_vault.pipeline import indexing, worker

    index = indexing._indexes.pop(url, None)
    if index is not None:
        index.engine.dispose()  # type: ignore[union-attr]
    for key, background in list(worker._queues.items()):
        if background.settings.database_url == url:
            del worker._queues[key]
            if background._engine is not None:
                background._engine.dispose()


_databases = itertools.count()


@contextmanager
def _administering(cluster: PostgresCluster) -> Iterator[Connection]:
    engine = create_engine(cluster.url_of("postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


@pytest.fixture
def settings(storage: Path) -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite vault migrated once per run (by `db.upgrade`), for `engine` to copy."""
    folder = tmp_path_factory.mktemp("migrated") / "storage"
    engine = db.make_engine(load_settings(environ={"EVIDENCE_VAULT_STORAGE_DIR": str(folder)}))
    db.upgrade(engine)
    engine.dispose()  # the last connection closes: the WAL is folded into the file
    template = folder / "vault.db"
    assert not template.with_name("vault.db-wal").exists()
    return template


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresCluster) -> str:
    """A PostgreSQL database migrated once per run; CREATE DATABASE ... TEMPLATE copies it in milliseconds."""
    engine = create_engine(postgres_server.url("vault_template"), poolclass=NullPool)
    db.upgrade(engine)
    engine.dispose()
    return "vault_template"


@pytest.fixture
def engine(settings: Settings, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The test's vault database, migrated to the newest revision.

    Migrating takes about half a second (a second on a busy machine); a copy of a database
    migrated once per run takes milliseconds and is the same schema. Each test still has its
    own database: an SQLite file in its storage folder, or its own PostgreSQL database
    (created from the template by `storage`). `tests/test_migrations.py`, `init` and the
    PostgreSQL tests run the migrations themselves.
    """
    if settings.database_url.startswith("sqlite"):
        target = settings.storage_dir / "vault.db"
        assert not target.exists(), "engine copies the migrated template into an empty storage folder"
        settings.storage_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
    engine = db.make_engine(settings)
    assert db.current_revision(engine) == db.head_revision(), "the template is migrated to the newest revision"
    yield engine
    engine.dispose()


@dataclass
class World:
    """Two organisations and a user of every role."""

    home: Organisation
    other: Organisation
    emails: dict[str, str]


@pytest.fixture(scope="session")
def password_hash() -> str:
    """PASSWORD hashed once per run (scrypt takes a quarter of a second, longer on a busy machine)."""
    return generate_password_hash(PASSWORD)


@pytest.fixture
def world(engine: Engine, password_hash: str, monkeypatch: pytest.MonkeyPatch) -> World:
    """The six accounts share PASSWORD's one hash: logging in still checks it for real."""
    with monkeypatch.context() as patched:
        patched.setattr(accounts, "generate_password_hash",
                        lambda password: password_hash if password == PASSWORD else generate_password_hash(password))
        return _make_world(engine)


def _make_world(engine: Engine) -> World:
    with db.session_scope(engine) as session:
        home = organisations.create_organisation(session, "Kabupaten Badung", OrganisationKind.REGENCY, code="badung")
        other = organisations.create_organisation(session, "Kota Denpasar", OrganisationKind.CITY, code="denpasar")
        emails = {
            "admin": "admin@vault.go.id",
            "coordinator": "koordinator@badung.go.id",
            "operator": "operator@badung.go.id",
            "reviewer": "penilai@badung.go.id",
            "viewer": "pembaca@badung.go.id",
            "other_operator": "operator@denpasar.go.id",
        }
        accounts.create_user(session, emails["admin"], PASSWORD, Role.ADMIN, None)
        for role in ("coordinator", "operator", "reviewer", "viewer"):
            accounts.create_user(session, emails[role], PASSWORD, role, home)
        accounts.create_user(session, emails["other_operator"], PASSWORD, Role.OPERATOR, other)
    return World(home, other, emails)


@pytest.fixture
def app(engine: Engine, settings: Settings) -> Flask:
    return create_app(settings, testing=True)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf_token(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


class Auth:
    """Log in and out through the real login form."""

    def __init__(self, client: FlaskClient, world: World) -> None:
        self.client = client
        self.world = world

    def login(self, who: str = "operator", password: str = PASSWORD):
        email = self.world.emails.get(who, who)
        token = csrf_token(self.client.get("/login").text)
        return self.client.post("/login", data={"csrf_token": token, "email": email, "password": password})

    def token(self, path: str = "/upload") -> str:
        return csrf_token(self.client.get(path).text)


@pytest.fixture
def auth(client: FlaskClient, world: World) -> Auth:
    return Auth(client, world)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def admin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment `evidence-vault init` reads the first admin account from."""
    monkeypatch.setenv("EVIDENCE_VAULT_ADMIN_EMAIL", "admin@vault.go.id")
    monkeypatch.setenv("EVIDENCE_VAULT_ADMIN_PASSWORD", PASSWORD)


@pytest.fixture
def initialised(cli: Cli, admin_env: None) -> None:
    """A vault set up through the CLI: schema, first admin, and the organisation "badung"."""
    assert cli("init").exit_code == 0
    assert cli("org", "add", "Kabupaten Badung", "--kind", "regency", "--code", "badung").exit_code == 0


class Cli:
    """Runs `evidence-vault` in-process with the test's environment."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(main, list(args), input=input, catch_exceptions=False)


def require_corpus(folder: Path) -> Path:
    """The shared corpus; missing it is a failure in CI and a skip on a laptop without it."""
    if folder.is_dir():
        return folder
    if os.environ.get("CI"):
        pytest.fail(f"corpus folder {folder} is missing in CI")
    pytest.skip(f"corpus folder {folder} is not present")
