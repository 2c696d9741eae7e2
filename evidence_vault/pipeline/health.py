"""Whether this app process can serve: the database, the queue, the stored files and the search index.

For a load balancer (`GET /healthz`): each part is checked for real (a query, the queue's
length, a file written and removed where uploads are written, the index opened), and
reported as a word, never with the error's text (paths and addresses stay in the log).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..config import Settings
from . import indexing, worker

log = logging.getLogger(__name__)

OK, FAILING = "ok", "gagal"


def check(settings: Settings, engine: Engine) -> dict[str, str]:
    """Each part's state: "ok", or "gagal" with the cause in the log."""
    parts: dict[str, Callable[[], object]] = {  # storage first: opening the SQLite queue creates its folder
        "storage": lambda: _storage(settings),
        "database": lambda: _database(engine),
        "queue": lambda: worker.background_for(settings).pending(),
        "index": lambda: _index(settings),
    }
    states = {}
    for name, probe in parts.items():
        try:
            probe()
            states[name] = OK
        except Exception:  # whatever fails, the answer is the same: this part cannot serve
            log.exception("health check: %s failing", name)
            states[name] = FAILING
    return states


def _database(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def _storage(settings: Settings) -> None:
    """Uploads are written to `tmp/` and renamed into `files/`: the storage folder (a shared mount, in a
    grown deployment) must be there and `tmp/` writable."""
    if not settings.storage_dir.is_dir():
        raise FileNotFoundError(settings.storage_dir)
    settings.tmp_dir.mkdir(exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=settings.tmp_dir, prefix=".healthz-")
    os.close(descriptor)
    os.unlink(name)


def _index(settings: Settings) -> None:
    index = indexing.index_for(settings)
    if index.needs_rebuild:
        raise RuntimeError(f"search index needs a rebuild ({index.rebuild_reason})")
