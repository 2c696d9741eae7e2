"""What the entry-point benchmarks share: the installed console script, a throwaway vault set up through it.

Users run `evidence-vault ...` and a served app, not our functions; timing the functions
missed that every extraction child imported the whole CLI again (issue 23). These helpers
run the real command in a process of its own and time it whole, start-up included.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ADMIN = ("admin@vault.go.id", "kata-sandi-bench-123")
OPERATOR = ("operator@badung.go.id", "kata-sandi-bench-456")


def console_script() -> str:
    """The `evidence-vault` script beside this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("evidence-vault")
    return str(beside) if beside.exists() else (shutil.which("evidence-vault") or "evidence-vault")


def load() -> str:
    """The 1-, 5- and 15-minute load averages, to print beside every figure."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def median_seconds(command: Sequence[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Median, fastest and slowest wall-clock seconds of `runs` runs of `command` (output discarded)."""
    median, fastest, slowest, _cpu = median_times(command, runs, env)
    return median, fastest, slowest


def median_times(command: Sequence[str], runs: int,
                 env: dict[str, str] | None = None) -> tuple[float, float, float, float]:
    """Median, fastest and slowest wall-clock seconds of `runs` runs of `command`, and its median CPU seconds.

    The CPU time (user and system, of the command and every process it waited for) is what a
    busy machine does not inflate: on a shared machine at load 4 the wall clock can be twice it.
    """
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


class Vault:
    """A throwaway vault set up through the console script: schema, an admin, "badung" and its operator."""

    def __init__(self, **settings: str) -> None:
        self.storage = Path(tempfile.mkdtemp(prefix="entry-bench-"))
        self.env = {key: value for key, value in os.environ.items() if not key.startswith("EVIDENCE_VAULT_")}
        self.env.update({"EVIDENCE_VAULT_STORAGE_DIR": str(self.storage), "EVIDENCE_VAULT_ADMIN_EMAIL": ADMIN[0],
                         "EVIDENCE_VAULT_ADMIN_PASSWORD": ADMIN[1]})
        self.env.update({f"EVIDENCE_VAULT_{key.upper()}": value for key, value in settings.items()})
        self.cli("init")
        self.cli("org", "add", "Kabupaten Badung", "--kind", "regency", "--code", "badung")
        self.cli("user", "add", OPERATOR[0], "--role", "operator", "--org", "badung", "--password-stdin",
                 input=OPERATOR[1] + "\n")

    def command(self, *args: str) -> list[str]:
        return [console_script(), *args]

    def cli(self, *args: str, input: str | None = None) -> str:
        """Run `evidence-vault ARGS` against this vault; its standard output."""
        done = subprocess.run(self.command(*args), env=self.env, input=input, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"evidence-vault {' '.join(args)} failed:\n{done.stdout}\n{done.stderr[-3000:]}")
        return done.stdout

    def remove(self) -> None:
        shutil.rmtree(self.storage, ignore_errors=True)


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float) -> None:
    """Until the served app answers `url` (a condition, not a fixed wait); stop if `serve` died."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"evidence-vault serve stopped (exit {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise SystemExit(f"evidence-vault serve did not answer within {seconds:.0f} s")
