"""Logging: everything to a rotating file in storage/logs; only our errors to the terminal.

Library chatter (pypdf's warnings about malformed files) belongs in the log for the
admin, not on the screen of a user running an import.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys

from .config import Settings

LOG_FILE = "evidence-vault.log"
_MARK = "_evidence_vault_handler"


def configure(settings: Settings, console_level: int = logging.ERROR) -> None:
    """Install our handlers once per process (again only if the log folder changed)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    settings.log_dir.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        settings.log_dir / LOG_FILE, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler.setLevel(logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(console_level)
    console.addFilter(lambda record: record.name.startswith(("evidence_vault", "waitress")))
    for handler in (file_handler, console):
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
