"""The forkserver every child process of the vault starts from, with a stand-in for the program's `__main__`.

Isolated readers and OCR pages (`isolation`), bulk-ingest workers and the bulk indexer are
all forked from one forkserver per asking process. multiprocessing rebuilds the asking
program's `__main__` in each child by running its main script again (or its main module,
for `python -m`), so that functions defined there can be unpickled. For the
`evidence-vault` console script that meant importing the whole CLI again in every child,
1.6–2.1 s each: `ingest` took 2.4× as long as the same command started another way
(issue 23). Python's own remedy, preloading `"__main__"` in the forkserver, does nothing
before Python 3.13.8 (cpython gh-126631), and would still run the script once.

No child of ours needs the main script: every function a child runs lives in a module of
this package. So the forkserver's first preload (`forkserver_main`) puts an empty
stand-in in place of `__main__`, named like the asker's main, and multiprocessing, finding
that main already loaded, leaves it alone (`multiprocessing.spawn.prepare`). Beside it the
forkserver preloads only what reading needs (`PRELOAD`); every child forks from there.
`tests/extract/test_children.py` checks that no child runs the main script, through the
real console script too, so a change in multiprocessing shows there.

The stand-in learns the asker's main from `STAND_IN_VARIABLE`, set in this process's
environment only while it starts its forkserver. Should multiprocessing restart a dead
forkserver on its own, its children run the main script again: slower, still correct.
A function defined in a program's `__main__` cannot run in a child: keep it in a module.
"""

from __future__ import annotations

import importlib.machinery
import multiprocessing
import multiprocessing.forkserver
import os
import sys
import threading
import types
from multiprocessing.context import ForkServerContext

STAND_IN_VARIABLE = "EVIDENCE_VAULT_FORKSERVER_MAIN"
PRELOAD = [
    "evidence_vault.extract.forkserver_main",  # first: the stand-in `__main__`
    "evidence_vault.extract.readers",
    "evidence_vault.extract.ocr",
]

_context: ForkServerContext = multiprocessing.get_context("forkserver")  # type: ignore[assignment]
_context.set_forkserver_preload(PRELOAD)
_lock = threading.Lock()
_started = False


def forkserver_context() -> ForkServerContext:
    """The forkserver context, its server started (once per process) with the stand-in main."""
    global _started
    with _lock:
        if not _started:
            reference = main_reference()
            if reference:
                os.environ[STAND_IN_VARIABLE] = reference
            try:
                multiprocessing.forkserver.ensure_running()
            finally:
                os.environ.pop(STAND_IN_VARIABLE, None)
            _started = True
    return _context


def main_reference() -> str:
    """How multiprocessing would rebuild this program's main in a child: "path:FILE", "name:MODULE" or ""."""
    main = sys.modules["__main__"]
    name = getattr(main.__spec__, "name", None)
    if name is not None:
        return f"name:{name}"
    path = getattr(main, "__file__", None)
    if path is None:
        return ""
    if not os.path.isabs(path) and multiprocessing.process.ORIGINAL_DIR is not None:
        path = os.path.join(multiprocessing.process.ORIGINAL_DIR, path)
    return f"path:{os.path.normpath(path)}"


def install_stand_in() -> None:
    """In the forkserver: an empty `__main__` standing for the asker's, which its children then take as loaded.

    Only a program started with `-c` (the forkserver is) gets one; a real program's main is never replaced.
    """
    kind, _, value = os.environ.pop(STAND_IN_VARIABLE, "").partition(":")
    current = sys.modules["__main__"]
    if not value or getattr(current, "__file__", None) or getattr(current.__spec__, "name", None):
        return
    stand_in = types.ModuleType("__mp_main__", "Stands for the asking program's main module (see `children`).")
    if kind == "path":
        stand_in.__file__ = value
    else:
        stand_in.__spec__ = importlib.machinery.ModuleSpec(value, None)
    sys.modules["__main__"] = sys.modules["__mp_main__"] = stand_in
