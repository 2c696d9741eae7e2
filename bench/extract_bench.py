"""Extraction throughput over the shared regulation corpus.

Run with `make bench`. Prints pages per second and per-file latency for the isolated
(default, one child process per file) and in-process modes, so the cost of isolation
is visible.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from evidence_vault.extract import Limits, detect_type, extract_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations"


def run(mode: str, limits: Limits, files: list[Path]) -> None:
    latencies, pages = [], 0
    started = time.perf_counter()
    for path in files:
        begin = time.perf_counter()
        pages += extract_file(path, detect_type(path), limits).page_count
        latencies.append(time.perf_counter() - begin)
    total = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"{mode:<11} {len(files)} files, {pages} pages in {total:5.1f} s: {pages / total:6.1f} pages/s, "
          f"median {statistics.median(latencies) * 1000:5.0f} ms/file, p95 {p95 * 1000:5.0f} ms/file")


def main() -> int:
    files = sorted(CORPUS.glob("*.pdf"))
    if not files:
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    run("isolated", Limits(isolate=True), files)
    run("in-process", Limits(isolate=False), files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
