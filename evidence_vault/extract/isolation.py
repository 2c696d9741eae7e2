"""Run one extraction in a child process so that its time and memory are bounded.

pypdf and python-docx are pure Python: a hostile file can make them loop or allocate
without end, and no in-process check can interrupt a single long call. The child gets
an address-space limit and is killed when the time is up; the parent only ever sees an
`Extraction` (or an OCR result) or an `ExtractionError`.

The child ignores Ctrl-C (the parent decides what an interruption means) and ends itself
as soon as the process that asked for it is gone (`exit_with`), so a killed ingest or
worker leaves no stray readers. Its actual parent is the forkserver, which lives on while
any of its children do, so the child watches the asking process rather than its parent.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from .errors import ExtractionError
from .result import Extraction, Limits

T = TypeVar("T")

log = logging.getLogger(__name__)

GRACE_SECONDS = 5
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["evidence_vault.extract.readers", "evidence_vault.extract.ocr"])
_PR_SET_PDEATHSIG = 1


def run_isolated(type_name: str, path: Path, limits: Limits) -> Extraction:
    """Extract in a child process; a timeout or a crash becomes an `ExtractionError`."""
    from .readers import read

    return call_isolated(read, (type_name, path, limits), limits, limits.timeout_seconds)


def call_isolated(function: Callable[..., T], args: tuple[Any, ...], limits: Limits, timeout: float) -> T:
    """Run `function(*args)` (a module-level function) in a child with the memory limit and `timeout`."""
    receiver, sender = _context.Pipe(duplex=False)
    child = _context.Process(target=_child_main, args=(sender, os.getpid(), function, args, limits), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout + GRACE_SECONDS):
            log.warning("%s%r timed out after %ss", function.__name__, args[:2], timeout)
            raise ExtractionError.timeout(timeout)
        outcome = receiver.recv()
    except EOFError:
        child.join(GRACE_SECONDS)
        log.warning("%s%r: child died with exit code %s", function.__name__, args[:2], child.exitcode)
        raise ExtractionError.internal() from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(GRACE_SECONDS)
    outcome, records = outcome
    for record in records:
        logging.getLogger(record.name).handle(record)
    if isinstance(outcome, ExtractionError):
        raise outcome
    return outcome


class _Collector(logging.Handler):
    """Keeps the child's log records so the parent can write them to its own log."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        record.exc_info, record.exc_text = None, self.format(record) if record.exc_info else None
        if len(self.records) < 200:
            self.records.append(record)


def exit_with(pid: int) -> None:
    """End this process at once when process `pid` ends (a watcher thread; pidfd on Linux, else polling)."""

    def watch() -> None:
        try:
            handle: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):  # not Linux 5.3+, or `pid` is already gone
            handle = None
        if handle is not None:
            select.select([handle], [], [])
        else:
            while _alive(pid):
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name=f"exit-with-{pid}", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (elsewhere: nothing)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError) as error:  # pragma: no cover - exotic libc
            log.info("cannot set the parent-death signal: %r", error)


def _child_main(sender: Connection, asker: int, function: Callable[..., Any], args: tuple[Any, ...],
                limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(asker)
    memory = limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    collector = _Collector()
    root = logging.getLogger()
    root.handlers[:] = [collector]
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        outcome: Any = function(*args)
    except ExtractionError as error:
        outcome = error
    except MemoryError:
        outcome = ExtractionError.too_much_memory()
    except Exception:
        log.exception("unexpected failure in %s%r", function.__name__, args[:2])
        outcome = ExtractionError.internal()
    sender.send((outcome, collector.records))
    sender.close()
