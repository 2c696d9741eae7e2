"""A grown vault on one machine: two app processes and two workers against one PostgreSQL and one Redis.

Everything is real: `evidence-vault serve --no-worker` twice on free ports, `evidence-vault
worker` twice, a throwaway PostgreSQL cluster (`search.backend = "postgres"`) and a
redis-server (`worker.backend = "redis"`), one storage folder shared by all, as a shared
mount would be. Uploads (text and scans) and searches go through both app processes at
once over HTTP; afterwards nothing is lost, nothing duplicated, the search rows match the
documents, and every upload's status is final, each scan read exactly once.
"""

from __future__ import annotations

import http.cookiejar
import io
import json
import os
import re
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from evidence_vault.demo import samples

from .conftest import PASSWORD
from .pipeline.test_ocr import DECREE, require_tesseract
from .pipeline.test_worker_processes import DEADLINE, wait_for
from .servers import free_port, wait_until_up
from .services import PostgresCluster, redis_server

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class Browser:
    """One person's browser against one app process: cookies, CSRF tokens, forms, multipart uploads."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=120) as response:
            return response.status, response.read().decode()

    def token(self, path: str) -> str:
        found = _CSRF.search(self.get(path)[1])
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, data=body, headers={"Content-Type": content_type})
        with self.opener.open(request, timeout=300) as response:
            return response.status, response.read().decode()

    def login(self, email: str) -> None:
        form = urllib.parse.urlencode({"csrf_token": self.token("/login"), "email": email, "password": PASSWORD})
        status, page = self.post("/login", form.encode(), "application/x-www-form-urlencoded")
        assert status == 200 and "Keluar" in page, "logged in"

    def upload(self, files: list[tuple[str, bytes]]) -> str:
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        parts = [("csrf_token", None, self.token("/upload").encode())] + [("files", name, data) for name, data in files]
        for field, filename, data in parts:
            body.write(f"--{boundary}\r\n".encode())
            disposition = f'form-data; name="{field}"' + (f'; filename="{filename}"' if filename else "")
            body.write(f"Content-Disposition: {disposition}\r\n\r\n".encode())
            body.write(data + b"\r\n")
        body.write(f"--{boundary}--\r\n".encode())
        status, page = self.post("/upload", body.getvalue(), f"multipart/form-data; boundary={boundary}")
        assert status == 200
        return page


@pytest.fixture
def grown_vault(postgres_server: PostgresCluster, storage: Path, cli, admin_env,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The environment every process of the cluster shares; yields the database URL."""
    url = postgres_server.url(f"cluster_{uuid.uuid4().hex[:8]}")
    with redis_server() as redis_url:
        for name, value in {"DATABASE_URL": url, "SEARCH_BACKEND": "postgres", "WORKER_BACKEND": "redis",
                            "WORKER_REDIS_URL": redis_url, "SECRET_KEY": "a" * 64}.items():
            monkeypatch.setenv(f"EVIDENCE_VAULT_{name}", value)
        assert cli("init").exit_code == 0
        assert cli("org", "add", "Kabupaten Badung", "--kind", "regency", "--code", "badung").exit_code == 0
        assert cli("user", "add", "operator@badung.go.id", "--role", "operator", "--org", "badung",
                   "--password-stdin", input=PASSWORD + "\n").exit_code == 0
        yield url


def _start(arguments: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen([sys.executable, "-m", "evidence_vault", *arguments], env=dict(os.environ),
                                stdout=output, stderr=subprocess.STDOUT)


def test_two_app_processes_and_two_workers_lose_and_duplicate_nothing(grown_vault: str, storage: Path, settings,
                                                                     cli) -> None:
    require_tesseract(settings)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        bases = []
        for number in range(2):
            port, log = free_port(), storage.parent / f"app-{number}.log"
            processes.append(_start(["serve", "--no-worker", "--port", str(port)], log))
            wait_until_up(f"http://127.0.0.1:{port}/healthz", processes[-1], log)
            bases.append(f"http://127.0.0.1:{port}")
        for number in range(2):
            processes.append(_start(["worker", "--concurrency", "1"], storage.parent / f"worker-{number}.log"))
        browsers = [Browser(base) for base in bases]
        for browser in browsers:
            browser.login("operator@badung.go.id")

        texts = [(f"laporan-{n}.pdf", samples.pdf_document([f"Laporan pengelolaan arsip nomor {n}"]))
                 for n in range(8)]
        scans = [(f"sk-{n}.png", samples.image_file([[*DECREE, f"Lampiran {n}"]], "PNG")) for n in range(3)]
        batches = [[texts[0], texts[1], scans[0]], [texts[2], texts[3], scans[1]], [texts[4], texts[5]],
                   [texts[6], texts[7], scans[2]], [texts[0], scans[0]]]  # the last one again: a duplicate

        def work(number: int) -> None:
            browser = browsers[number % 2]
            browser.upload(batches[number])
            status, _page = browser.get("/cari?q=arsip")
            assert status == 200

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(work, range(len(batches))))

        engine = create_engine(grown_vault)

        def settled() -> bool:
            """Every uploaded file read by a worker, and every document's scans read by OCR."""
            with engine.connect() as connection:
                waiting = connection.execute(text(
                    "SELECT count(*) FROM upload_file WHERE status IN ('received', 'reading')")).scalar_one()
                statuses = list(connection.execute(text("SELECT extraction_status FROM document")).scalars())
            return waiting == 0 and "processing" not in statuses

        wait_for(settled, DEADLINE, "every upload's status is final")
        with engine.connect() as connection:
            documents = connection.execute(text("SELECT id, sha256, extraction_status, mime FROM document")).all()
            ocr_runs = connection.execute(text("SELECT object_id FROM event WHERE action = 'document.ocr'")).all()
            indexed = set(connection.execute(text("SELECT document_id FROM search_document")).scalars())
        engine.dispose()
        assert len(documents) == len(texts) + len(scans), "nothing lost, the repeated files not stored twice"
        assert len({document.sha256 for document in documents}) == len(documents)
        assert {document.extraction_status for document in documents} == {"ok"}
        assert sorted(run.object_id for run in ocr_runs) == sorted(
            document.id for document in documents if document.mime == "image/png"), "each scan read once"
        assert indexed == {document.id for document in documents}, "the search rows match the documents"
        assert cli("check").exit_code == 0
        for browser in browsers:
            status, found = browser.get("/cari.json?q=arsip")
            assert status == 200 and json.loads(found)["total"] == len(texts)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(60)
