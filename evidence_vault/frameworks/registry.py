"""The frameworks this vault knows: the built-in ones and those an admin loaded into storage.

Custom frameworks are validated files copied to `<storage>/frameworks/<code>.toml`; the
registry is told where that folder is once (`use_storage`), at start-up.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from . import builtin_codes, builtin_framework
from .errors import FrameworkError
from .loader import load_framework
from .model import Framework

_custom_dir: Path | None = None
_custom: dict[str, Framework] = {}


def use_storage(folder: Path) -> None:
    """Load every custom framework kept under `folder` (a broken one is an error at start-up)."""
    global _custom_dir
    _custom_dir = folder
    _custom.clear()
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            framework = load_framework(path)
            _custom[framework.code] = framework


def framework_by_code(code: str) -> Framework:
    if code in _custom:
        return _custom[code]
    return builtin_framework(code)


def all_frameworks() -> list[Framework]:
    return [builtin_framework(code) for code in builtin_codes()] + list(_custom.values())


def install(path: Path) -> Framework:
    """Validate a framework file and keep a copy in storage; refuses to shadow a built-in one."""
    if _custom_dir is None:
        raise FrameworkError(str(path), ["storage for custom frameworks is not configured"])
    framework = load_framework(path)
    if framework.code in builtin_codes():
        raise FrameworkError(path.name, [f"code {framework.code!r} belongs to a built-in framework"])
    _custom_dir.mkdir(parents=True, exist_ok=True)
    temporary = _custom_dir / f".{framework.code}.toml.part"
    shutil.copyfile(path, temporary)
    temporary.replace(_custom_dir / f"{framework.code}.toml")
    _custom[framework.code] = framework
    return framework
