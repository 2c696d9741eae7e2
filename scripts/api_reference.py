"""Write the generated parts of docs/api.md (the routes and the error codes) from the API's own description.

    .venv/bin/python scripts/api_reference.py            # rewrite those parts of docs/api.md
    .venv/bin/python scripts/api_reference.py --check    # exit 1 when docs/api.md is stale

The rest of docs/api.md (tokens, limits, curl examples) is written by hand. The parts between
`<!-- generated:NAME -->` and `<!-- /generated:NAME -->` come from `api.description.document()`
and `api.errors.CODES`; `tests/api/test_api_reference.py` runs the check in `make test`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from evidence_vault.api.description import document
from evidence_vault.api.errors import CODES

TARGET = Path(__file__).resolve().parents[1] / "docs" / "api.md"
_SECTION = re.compile(r"(<!-- generated:(\w+) -->\n).*?(<!-- /generated:\2 -->)", re.DOTALL)


def routes() -> str:
    """One table per tag: method, path, what it does, the permission and the token scope it needs."""
    described = document()
    by_tag: dict[str, list[str]] = {}
    for path, item in described["paths"].items():
        for method, operation in item.items():
            need = (f"`{operation['x-permission']}`, {operation['x-token-scope']}" if "x-permission" in operation
                    else "no token")
            row = f"| `{method.upper()}` | `{path}` | {operation['summary']} | {need} |"
            by_tag.setdefault(operation["tags"][0], []).append(row)
    parts = []
    for tag in sorted(by_tag):
        parts.append(f"### {tag}\n\n| method | path | what | permission, token scope |\n| --- | --- | --- | --- |\n"
                     + "\n".join(by_tag[tag]) + "\n")
    return "\n".join(parts)


def errors() -> str:
    rows = [f"| {status} | `{code}` | {message} |" for code, (status, message) in
            sorted(CODES.items(), key=lambda item: (item[1][0], item[0]))]
    return "| status | code | message (Indonesian, may be reworded) |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n"


GENERATORS = {"routes": routes, "errors": errors}


def rendered(text: str) -> str:
    """docs/api.md with every generated section rewritten."""
    return _SECTION.sub(lambda match: match[1] + GENERATORS[match[2]]() + match[3], text)


def main(argv: list[str]) -> int:
    current = TARGET.read_text(encoding="utf-8")
    wanted = rendered(current)
    if "--check" in argv:
        if current != wanted:
            print("docs/api.md is stale: run .venv/bin/python scripts/api_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
