"""Keeping the background worker alive beside `evidence-vault serve`.

A worker child that dies (killed by the kernel's OOM killer, an admin's `kill -9`, a crash)
is reaped at once (no zombie), its death is logged with its cause, and a new one is started
after a pause that doubles with each quick death (`first_delay` up to `max_delay`) so a
worker that dies on start does not spin; a worker that ran for `healthy_after` seconds
starts the pauses over. Stopping the supervisor ends the worker and restarts nothing.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

STOP_SECONDS = 10


def describe_exit(code: int) -> str:
    """"killed by SIGKILL", "exited with code 3"."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with code {code}"


class WorkerSupervisor:
    """Runs `spawn()`'s process, and a new one whenever it dies, until `stop`."""

    def __init__(self, spawn: Callable[[], subprocess.Popen[bytes]], *, first_delay: float = 1.0,
                 max_delay: float = 60.0, healthy_after: float = 60.0) -> None:
        self.spawn, self.first_delay, self.max_delay, self.healthy_after = spawn, first_delay, max_delay, healthy_after
        self.child: subprocess.Popen[bytes] | None = None
        self.delays: list[float] = []  # the pauses taken before each restart, for the tests and the curious
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._watch, name="worker-supervisor", daemon=True)

    def start(self) -> None:
        with self._lock:
            self.child = self.spawn()
        self._thread.start()

    def _watch(self) -> None:
        delay = self.first_delay
        while True:
            child, started = self.child, time.monotonic()
            assert child is not None
            code = child.wait()  # reaps it: a dead worker never lingers as a zombie
            if self._stopping.is_set():
                return
            if time.monotonic() - started >= self.healthy_after:
                delay = self.first_delay
            log.error("background worker (pid %s) %s; starting a new one in %g s", child.pid, describe_exit(code),
                      delay)
            self.delays.append(delay)
            if self._stopping.wait(delay):
                return
            with self._lock:
                if self._stopping.is_set():
                    return
                try:
                    self.child = self.spawn()
                except OSError:
                    log.exception("could not start the background worker; trying again in %g s", delay)
                    continue
            log.info("background worker restarted (pid %s)", self.child.pid)
            delay = min(delay * 2, self.max_delay)

    def stop(self) -> None:
        """End the worker (SIGTERM, then SIGKILL after `STOP_SECONDS`) and restart nothing."""
        with self._lock:
            self._stopping.set()
            child = self.child
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if self._thread.is_alive():
            self._thread.join(STOP_SECONDS)
