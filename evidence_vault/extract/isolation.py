"""Run one extraction in a child process so that its time and memory are bounded.

pypdf and python-docx are pure Python: a hostile file can make them loop or allocate
without end, and no in-process check can interrupt a single long call. The child gets
an address-space limit and is killed when the time is up; the parent only ever sees an
`Extraction` or an `ExtractionError`.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
from multiprocessing.connection import Connection
from pathlib import Path

from .errors import ExtractionError
from .result import Extraction, Limits

log = logging.getLogger(__name__)

GRACE_SECONDS = 5
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["evidence_vault.extract.readers"])


def run_isolated(type_name: str, path: Path, limits: Limits) -> Extraction:
    """Extract in a child process; a timeout or a crash becomes an `ExtractionError`."""
    receiver, sender = _context.Pipe(duplex=False)
    child = _context.Process(target=_child_main, args=(sender, type_name, path, limits), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.timeout_seconds + GRACE_SECONDS):
            log.warning("extraction of %s timed out after %ss", path, limits.timeout_seconds)
            raise ExtractionError.timeout(limits.timeout_seconds)
        outcome = receiver.recv()
    except EOFError:
        child.join(GRACE_SECONDS)
        log.warning("extraction child for %s died with exit code %s", path, child.exitcode)
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


def _child_main(sender: Connection, type_name: str, path: Path, limits: Limits) -> None:
    memory = limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    collector = _Collector()
    root = logging.getLogger()
    root.handlers[:] = [collector]
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    try:
        from .readers import read

        outcome: Extraction | ExtractionError = read(type_name, path, limits)
    except ExtractionError as error:
        outcome = error
    except MemoryError:
        outcome = ExtractionError.too_much_memory()
    except Exception:
        log.exception("unexpected failure extracting %s", path)
        outcome = ExtractionError.internal()
    sender.send((outcome, collector.records))
    sender.close()
