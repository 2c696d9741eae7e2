"""The installed `evidence-vault` console script, the entry point users run."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def console_script() -> str:
    """The `evidence-vault` script beside this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("evidence-vault")
    return str(beside) if beside.exists() else (shutil.which("evidence-vault") or "evidence-vault")
