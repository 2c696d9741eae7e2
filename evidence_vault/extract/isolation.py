"""Run one extraction in a child process so that its time and memory are bounded.

pypdf and python-docx are pure Python: a hostile file can make them loop or allocate
without end, and no in-process check can interrupt a single long call. The child gets
an address-space limit and is killed when the time is up; the parent only ever sees an
`Extraction` (or an OCR result) or an `ExtractionError`.

The child ignores Ctrl-C (the parent decides what an interruption means) and ends itself
as soon as the process that asked for it is gone (`exit_with`), so a killed ingest or
worker leaves no stray readers. Its actual parent is the forkserver, which lives on while
any of its children do, so the child watches the asking process rather than its parent.

When work runs out of time, the cause is told apart: work that had most of a core all along
is heavy (a file too complex, a page too big); work that had little CPU was waiting for a
busy machine (`starved`), and trying again later is the answer, not rescanning the page.

Whatever the child starts (Tesseract, through pytesseract) must not outlive it: the child
leads a process group of its own, and the whole group is ended with it, whether it is
killed for its limits, its asker dies, or it has answered. Temporary files (pytesseract's
page images) go to a folder of the call's own (`evidence-vault-<asker pid>-*` in the
system temporary folder), removed when the call ends; a folder left by a crash is removed
by a later call once its asker is gone (`sweep_scratch`).
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from .children import forkserver_context
from .errors import ExtractionError
from .result import Extraction, Limits

T = TypeVar("T")

log = logging.getLogger(__name__)

GRACE_SECONDS = 5
_PR_SET_PDEATHSIG = 1
SCRATCH_PREFIX = "evidence-vault-"
BUSY_SHARE = 0.5  # less CPU than half a core over the time allowed: the machine was busy
STALE_SCRATCH_SECONDS = 3600
_swept = threading.Event()


def run_isolated(type_name: str, path: Path, limits: Limits) -> Extraction:
    """Extract in a child process; a timeout or a crash becomes an `ExtractionError`."""
    from .readers import read

    return call_isolated(read, (type_name, path, limits), limits, limits.timeout_seconds)


def call_isolated(function: Callable[..., T], args: tuple[Any, ...], limits: Limits, timeout: float) -> T:
    """Run `function(*args)` (a module-level function) in a child with the memory limit and `timeout`.

    A function may name the error its timeout becomes (`function.timeout_error`, called with
    the seconds); by default it is `ExtractionError.timeout`.
    """
    if not _swept.is_set():
        _swept.set()
        sweep_scratch()
    scratch = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
    context = forkserver_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(sender, os.getpid(), function, args, limits, scratch),
                             daemon=True)
    answered = False
    try:
        child.start()
        started = time.monotonic()
        sender.close()
        if not receiver.poll(timeout + GRACE_SECONDS):
            log.warning("%s%r timed out after %ss", function.__name__, args[:2], timeout)
            timeout_error: Callable[[float], ExtractionError] = getattr(
                function, "timeout_error", ExtractionError.timeout)
            busy_error: Callable[[float], ExtractionError] | None = getattr(function, "busy_error", None)
            used = _cpu_seconds_of(child.pid)  # type: ignore[arg-type]
            if busy_error is not None and used is not None and starved(used, time.monotonic() - started):
                raise busy_error(timeout)
            raise timeout_error(timeout)
        outcome = receiver.recv()
        answered = True  # the child then ends its group itself
    except EOFError:
        child.join(GRACE_SECONDS)
        log.warning("%s%r: child died with exit code %s", function.__name__, args[:2], child.exitcode)
        raise ExtractionError.internal() from None
    finally:
        sender.close()
        receiver.close()
        if child.pid is not None:
            if not answered:  # out of time, interrupted, or dead: what it started goes too
                _kill_group(child)
            child.join(GRACE_SECONDS)
        shutil.rmtree(scratch, ignore_errors=True)
    outcome, records = outcome
    for record in records:
        logging.getLogger(record.name).handle(record)
    if isinstance(outcome, ExtractionError):
        raise outcome
    return outcome


def starved(cpu_seconds: float, wall_seconds: float) -> bool:
    """Whether work that ran out of time had less than `BUSY_SHARE` of a core meanwhile.

    Tesseract is single-threaded here (`OMP_THREAD_LIMIT=1`): on an idle machine a page
    uses about one core for as long as it runs. Much less means it waited for the CPU.
    """
    return wall_seconds > 0 and cpu_seconds < BUSY_SHARE * wall_seconds


class CpuClock:
    """CPU time of this process and of the children it has waited for, against the wall clock."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.monotonic(), _own_cpu_seconds()

    def starved(self) -> bool:
        """Whether the work since this clock started had little CPU (children that ended are counted)."""
        _reap_children()
        return starved(_own_cpu_seconds() - self.cpu, time.monotonic() - self.wall)


def _own_cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _reap_children(seconds: float = 1.0) -> None:
    """Wait for children that were just killed (a timed-out Tesseract), so their CPU time counts."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.02)


def _cpu_seconds_of(pid: int) -> float | None:
    """CPU time of a running process and its waited-for children, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    except (OSError, IndexError, ValueError):
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def _kill_group(child: multiprocessing.process.BaseProcess) -> None:
    """Kill the child and everything it started (its process group, once it has made one)."""
    assert child.pid is not None
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # no group yet, or nothing left in it
        pass
    if child.is_alive():
        child.kill()


def sweep_scratch(root: str | None = None, older_than_seconds: float = STALE_SCRATCH_SECONDS) -> int:
    """Remove temporary folders of isolated calls whose asker is gone; returns how many."""
    removed = 0
    cutoff = time.time() - older_than_seconds
    for folder in Path(root or tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
        try:
            asker = int(folder.name[len(SCRATCH_PREFIX):].split("-", 1)[0])
            if not folder.is_dir() or folder.stat().st_mtime >= cutoff or _alive(asker):
                continue
        except (ValueError, OSError):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    if removed:
        log.info("removed %d temporary folders left by interrupted extractions", removed)
    return removed


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


def exit_with(pid: int, before_exit: Callable[[], None] | None = None) -> None:
    """End this process at once when process `pid` ends (a watcher thread; pidfd on Linux, else polling).

    `before_exit` runs first, in the watcher thread (the isolated child ends its group there).
    """

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
        try:
            if before_exit is not None:
                before_exit()
        finally:
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
                limits: Limits, scratch: str) -> None:
    os.setpgid(0, 0)  # a group of its own, so that whatever it starts ends with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _spare)  # a handler, not SIG_IGN: Tesseract gets the default back
    tempfile.tempdir = os.environ["TMPDIR"] = scratch
    exit_with(asker, lambda: _end_group(scratch))
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
    try:
        sender.send((outcome, collector.records))
        sender.close()
    except OSError:  # the asker is gone: `exit_with` is ending this child
        pass
    shutil.rmtree(scratch, ignore_errors=True)  # here too: the asker may be killed before it removes it
    os.killpg(0, signal.SIGKILL)  # answered: end the group, this child included


def _spare(_signal: int, _frame: object) -> None:
    """The child outlives the SIGTERM it sends its own group (`_end_group`); it is ended with SIGKILL."""


def _end_group(scratch: str) -> None:
    """The asker is gone: end what this child started, remove its temporary files, then end the group."""
    os.killpg(0, signal.SIGTERM)
    time.sleep(0.2)  # the processes ended are gone before their files are removed
    shutil.rmtree(scratch, ignore_errors=True)
    os.killpg(0, signal.SIGKILL)
