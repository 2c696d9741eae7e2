"""End-to-end fixtures: the real app, served by waitress, driven in Debian's Chromium by Playwright.

One server and one browser for the whole session (both take seconds to start); every journey
gets fresh browser contexts, one per person, so cookies never leak between users. The vault
is set up the way an administrator does it: `evidence-vault init`, `org add`, `user add` and
`ingest`, each a real command in its own process, against a temporary storage folder.

Every page a journey opened is photographed as it is on screen when the journey ends
(test-output/e2e/); a failing journey also leaves the whole page and its HTML there. Any
request to another host, and any console error (a content-security-policy violation is
one), fails the journey.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Response, Route, expect, sync_playwright

from evidence_vault.demo import samples

from .. import legal_texts
from ..commands import console_script
from ..conftest import PROJECT_ROOT
from ..servers import free_port, wait_until_up

OUTPUT = PROJECT_ROOT / "test-output" / "e2e"
CHROMIUM = Path(os.environ.get("EVIDENCE_VAULT_E2E_CHROMIUM", "/usr/bin/chromium"))
# What works on this machine's closed network (see the machine notes): no background traffic at all.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
PASSWORD = "kata-sandi-e2e-2025"
EMAILS = {
    "admin": "admin@vault.go.id",
    "coordinator": "koordinator@badung.go.id",
    "operator": "operator@badung.go.id",
    "reviewer": "penilai@badung.go.id",
    "other_operator": "operator@denpasar.go.id",
}
NAMES = {"coordinator": "Ni Luh Koordinator", "operator": "Made Operator", "reviewer": "Ketut Penilai",
         "other_operator": "Wayan Denpasar"}
ROLES = {"coordinator": ("coordinator", "badung"), "operator": ("operator", "badung"),
         "reviewer": ("reviewer", "badung"), "other_operator": ("operator", "denpasar")}

# The documents the administrator imports before anyone logs in: (organisation, file name, pages).
# The vault titles them from their legal metadata, as below.
DATA_POLICY = "Peraturan Bupati Badung Nomor 12 Tahun 2023 tentang Kebijakan Internal Manajemen Data"
DATA_SOP = ("Keputusan Kepala Dinas Komunikasi dan Informatika Kabupaten Badung Nomor 188.45/123/HK/2023 tentang "
            "Standar Operasional Prosedur Pengelolaan Data dan Informasi")
UNSIGNED = ("Peraturan Bupati Badung Nomor 5 Tahun 2022 tentang Penyelenggaraan Sistem Pemerintahan Berbasis "
            "Elektronik")
SEED = [
    ("badung", "perbup-12-2023-manajemen-data.pdf", legal_texts.perbup(
        "12", 2023, "KEBIJAKAN INTERNAL MANAJEMEN DATA", enacted="6 Maret 2023", promulgated="6 Maret 2023",
        body="Manajemen data meliputi arsitektur data, data induk, data referensi, basis data, kualitas data dan "
             "interoperabilitas data, dalam kerangka Satu Data Indonesia. Pengelolaan data dilaksanakan oleh "
             "seluruh perangkat daerah.")),
    ("badung", "kepkadis-188.45-123-2023-sop-data.pdf", legal_texts.keputusan_kepala_dinas()),
    ("badung", "perbup-5-2022-spbe.pdf",
     legal_texts.perbup("5", 2022, "PENYELENGGARAAN SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", signed=False,
                        enacted="14 Februari 2022", promulgated="14 Februari 2022")),
    ("denpasar", "perwal-3-2021-arsip.pdf",
     legal_texts.perbup("3", 2021, "PENGELOLAAN ARSIP DINAMIS", regent="DENPASAR", enacted="9 Juni 2021",
                        promulgated="9 Juni 2021")),
]


@dataclass
class Vault:
    """The running app and how to reach it."""

    url: str
    storage: Path
    env: dict[str, str]
    logged_in: dict[str, dict] = field(default_factory=dict)

    def cli(self, *args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run `evidence-vault ARGS` in its own process, against this vault's storage."""
        done = subprocess.run([console_script(), *args], env=self.env, input=input, capture_output=True, text=True,
                              timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"evidence-vault {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done


def _environment(storage: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("EVIDENCE_VAULT_")}
    env.update(EVIDENCE_VAULT_STORAGE_DIR=str(storage), EVIDENCE_VAULT_ADMIN_EMAIL=EMAILS["admin"],
               EVIDENCE_VAULT_ADMIN_PASSWORD=PASSWORD, EVIDENCE_VAULT_SERVER_THREADS="4")
    return env


def require_chromium() -> None:
    """Debian's Chromium: a failure in CI (`make test` installs it), a skip with the fix on a laptop."""
    if CHROMIUM.exists():
        return
    message = f"Chromium is not installed at {CHROMIUM}: `apt-get install -y chromium` (make test does it as root)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        # launch() starts Chromium with a new, empty profile of its own; nothing is downloaded.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def vault(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Vault]:
    """The app as an administrator sets it up, served on a free port of 127.0.0.1."""
    shutil.rmtree(OUTPUT, ignore_errors=True)
    OUTPUT.mkdir(parents=True)
    root = tmp_path_factory.mktemp("e2e")
    url = f"http://127.0.0.1:{free_port()}"
    vault = Vault(url=url, storage=root / "storage", env=_environment(root / "storage"))
    vault.cli("init")
    log = OUTPUT / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen([console_script(), "serve", "--host", "127.0.0.1", "--port", url.rsplit(":", 1)[1]],
                                  env=vault.env, stdout=output, stderr=subprocess.STDOUT)
    try:
        _set_up(vault, root)
        wait_until_up(url + "/login", server, log)
        yield vault
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _set_up(vault: Vault, root: Path) -> None:
    """Organisations, accounts and the first documents, through the CLI.

    One command at a time: two commands writing to SQLite at once can fail with "database is locked".
    """
    vault.cli("org", "add", "Pemerintah Kabupaten Badung", "--kind", "regency", "--code", "badung", "--region", "Bali")
    vault.cli("org", "add", "Pemerintah Kota Denpasar", "--kind", "city", "--code", "denpasar", "--region", "Bali")
    for who, (role, organisation) in ROLES.items():
        vault.cli("user", "add", EMAILS[who], "--role", role, "--org", organisation, "--name", NAMES[who],
                  "--password-stdin", input=PASSWORD + "\n")
    for organisation, name, pages in SEED:
        folder = root / organisation
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(samples.pdf_document(pages))
    vault.cli("ingest", str(root / "badung"), "--org", "badung", "--as", EMAILS["operator"])
    vault.cli("ingest", str(root / "denpasar"), "--org", "denpasar", "--as", EMAILS["other_operator"])


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # noqa: ANN201
    """Remember each phase's outcome on the test, so teardown knows whether the journey failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@dataclass
class Journey:
    """The browser sessions of one test: opens them, photographs them at the end, watches for leaks."""

    browser: Browser
    vault: Vault
    name: str
    contexts: list[tuple[str, BrowserContext, Page]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_user(self, who: str, viewport: dict[str, int] | None = None) -> Page:
        """A page logged in as `who` (the login form is filled once per person, then the session is reused)."""
        page = self.new_page(who, viewport, storage_state=self.vault.logged_in.get(who))
        if who not in self.vault.logged_in:
            log_in(page, self.vault, who)
            self.vault.logged_in[who] = page.context.storage_state()
        return page

    def new_page(self, label: str, viewport: dict[str, int] | None = None, storage_state: dict | None = None) -> Page:
        context = self.browser.new_context(viewport=viewport or DESKTOP, locale="id-ID", timezone_id="Asia/Jakarta",
                                           storage_state=storage_state, accept_downloads=True)
        context.set_default_timeout(10_000)
        context.route("**/*", self._only_the_vault)
        page = context.new_page()
        page.on("console", lambda message: self._console(label, message.type, message.text))
        page.on("response", lambda response: self._response(label, response))
        page.on("pageerror", lambda error: self.problems.append(f"{label}: page error {error}"))
        self.contexts.append((label, context, page))
        return page

    def _only_the_vault(self, route: Route, request: Request) -> None:
        if request.url.startswith(self.vault.url + "/"):
            route.continue_()
        else:
            self.problems.append(f"request outside the vault: {request.url}")
            route.abort()

    def _console(self, label: str, kind: str, text: str) -> None:
        # A page answered with an error status (a journey may ask for one on purpose) is logged as
        # "Failed to load resource"; _response judges those. Everything else is a problem.
        if kind == "error" and not text.startswith("Failed to load resource"):
            self.problems.append(f"{label}: console error: {text}")

    def _response(self, label: str, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.problems.append(f"{label}: {response.status} for {response.url}")

    def snapshot(self, page: Page, step: str) -> None:
        """A screenshot of a screen on the way, beside the final ones."""
        page.screenshot(path=OUTPUT / f"{self.name}-{step}.png", full_page=True)

    def finish(self, failed: bool) -> None:
        for index, (label, context, page) in enumerate(self.contexts):
            stem = OUTPUT / (self.name if len(self.contexts) == 1 else f"{self.name}-{index + 1}-{label}")
            try:
                page.screenshot(path=f"{stem}.png")
                if failed:
                    page.screenshot(path=f"{stem}-whole-page.png", full_page=True)
                    Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
            finally:
                context.close()


@pytest.fixture
def journey(request: pytest.FixtureRequest, browser: Browser, vault: Vault) -> Iterator[Journey]:
    current = Journey(browser, vault, request.node.name.removeprefix("test_"))
    yield current
    call = getattr(request.node, "report_call", None)
    current.finish(failed=call is None or call.failed)
    assert not current.problems, "\n".join(current.problems)


def log_in(page: Page, vault: Vault, who: str) -> None:
    """Through the real login form, as a person does it."""
    page.goto(vault.url + "/login")
    page.get_by_label("Email").fill(EMAILS[who])
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("banner")).to_contain_text(NAMES.get(who, EMAILS[who]))


def open_document(page: Page, vault: Vault, title: str) -> int:
    """From the document list to a document's page, by its title; returns the document id."""
    page.goto(vault.url + "/")
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return int(page.url.split("/documents/")[1].split("?")[0].split("#")[0])

