"""How long `evidence-vault` takes to start: the median of N runs of a few quick commands.

Run with `make bench` (or `python bench/cli_bench.py [--runs N]`). Scripts and cron jobs
call the CLI in loops (a relevance check calling `search` 400 times), and every call pays
the start-up. Each command runs through the installed console script against a throwaway
vault with one organisation; the time is the whole process, wall clock, with its CPU time
beside it (which a busy machine does not inflate). The floors are printed with them: the
interpreter alone, importing SQLAlchemy alone (what any command reading the database through
it pays at least), and importing SQLModel with the vault's tables, which the vault's reads use.
"""

from __future__ import annotations

import argparse
import sys

from entrypoints import Vault, load, median_times

TARGET_SECONDS = 0.3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="Runs of each command (the median is printed).")
    args = parser.parse_args()
    vault = Vault()
    try:
        rows = [
            ("python -c pass (the interpreter alone)", [sys.executable, "-c", "pass"], None),
            ("import SQLAlchemy alone (floor)", [sys.executable, "-c", "import sqlalchemy"], None),
            ("import SQLModel and the tables (floor)", [sys.executable, "-c", "import evidence_vault.models"], None),
            ("evidence-vault --help", vault.command("--help"), TARGET_SECONDS),
            ("evidence-vault org --help", vault.command("org", "--help"), TARGET_SECONDS),
            ("evidence-vault ingest --help", vault.command("ingest", "--help"), TARGET_SECONDS),
            ("evidence-vault org list", vault.command("org", "list"), TARGET_SECONDS),
            ("evidence-vault search ... --org badung", vault.command("search", "sistem informasi", "--org", "badung"),
             None),
        ]
        print(f"CLI start-up, median of {args.runs} runs ({load()} before)")
        print(f"  {'command':<42}{'median s':>9}{'fastest':>9}{'slowest':>9}{'CPU s':>8}  target (on the median)")
        for label, command, target in rows:
            median, fastest, slowest, cpu = median_times(command, args.runs, vault.env)
            verdict = "" if target is None else f"< {target} s: {'met' if median < target else 'NOT met'}"
            print(f"  {label:<42}{median:9.3f}{fastest:9.3f}{slowest:9.3f}{cpu:8.3f}  {verdict}")
        print(f"  ({load()} after)")
    finally:
        vault.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
