"""Throwaway database and queue servers the tests start themselves, in temporary folders on free ports.

Debian's `postgresql` and `redis-server` packages are installed by `make test`
(`scripts/ensure-packages.sh`). Without them a test that needs one fails in CI and skips on
a laptop. Nothing here waits a fixed time: `pg_ctl -w` waits for the cluster, and the
Redis server is polled until it answers PING.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .servers import STARTUP_SECONDS, free_port


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed (make test installs it)")
    pytest.skip(f"{what} is not installed")


def _postgres_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """A running throwaway cluster; `url(name)` creates database `name` and returns its SQLAlchemy URL."""

    def __init__(self, binaries: Path, folder: Path, port: int) -> None:
        self.binaries, self.folder, self.port = binaries, folder, port
        self.as_postgres = ["runuser", "-u", "postgres", "--"]

    def url(self, name: str) -> str:
        subprocess.run([*self.as_postgres, str(self.binaries / "createdb"), "-h", str(self.folder), "-p",
                        str(self.port), name], check=True, capture_output=True)
        return self.url_of(name)

    def url_of(self, name: str) -> str:
        """The URL of a database that exists already."""
        return f"postgresql+psycopg://postgres@/{name}?host={self.folder}&port={self.port}"


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """initdb, start on a free port with its socket in a temporary folder, stop and remove on leaving."""
    binaries = _postgres_binaries()
    if binaries is None or shutil.which("runuser") is None:
        _missing("PostgreSQL (Debian's postgresql package)")
    folder = Path(tempfile.mkdtemp(prefix="evidence-vault-pg-"))  # pytest's folders are closed to other users
    data, port = folder / "data", free_port()
    shutil.chown(folder, "postgres")
    cluster = PostgresCluster(binaries, folder, port)  # type: ignore[arg-type]
    subprocess.run([*cluster.as_postgres, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U",
                    "postgres"], check=True, capture_output=True)
    subprocess.run([*cluster.as_postgres, str(binaries / "pg_ctl"), "-D", str(data), "-o",
                    f"-p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                    "-c max_connections=300",
                    "-l", str(folder / "log"), "-w", "start"], check=True, capture_output=True)
    try:
        yield cluster
    finally:
        subprocess.run([*cluster.as_postgres, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def redis_server() -> Iterator[str]:
    """redis-server on a free loopback port, without persistence; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        _missing("Redis (Debian's redis-server package)")
    folder = Path(tempfile.mkdtemp(prefix="evidence-vault-redis-"))
    port = free_port()
    log = folder / "log"
    with log.open("wb") as output:
        server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                   "--appendonly", "no", "--dir", str(folder)], stdout=output,
                                  stderr=subprocess.STDOUT)
    try:
        _wait_for_ping(port, server, log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(30)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_ping(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"redis-server stopped (exit {server.returncode}):\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"redis-server did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")
