"""Quality of indicator suggestions over the labelled synthetic documents.

Run with `python bench/suggestion_bench.py [--min-score S] [--misses]`. Prints, for the
documents the rules were written against, for the held-out documents written after the
rules were frozen, and for both together: recall and precision of the top-1 and top-3
suggestions, and the share of distractors that got any suggestion at all.

Recall@k: the indicator a document was written for is among its top k suggestions.
Precision@k: of the suggestions returned in the top k (those at or above the minimum
score), the share that are among the document's acceptable indicators.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", default="spbe-2020")
    parser.add_argument("--min-score", type=float, default=None)
    parser.add_argument("--misses", action="store_true", help="list the documents that were missed or flagged")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the labelled set lives in tests/
    from evidence_vault.frameworks import builtin_framework
    from evidence_vault.tagging.suggestions import MIN_SCORE
    from tests.labelled_documents import DISTRACTORS, DOCUMENTS, HELD_OUT, HELD_OUT_DISTRACTORS, measure

    framework = builtin_framework(args.framework)
    min_score = MIN_SCORE if args.min_score is None else args.min_score
    sets = {
        "rules written against": (DOCUMENTS, DISTRACTORS),
        "held out": (HELD_OUT, HELD_OUT_DISTRACTORS),
        "all": (DOCUMENTS + HELD_OUT, DISTRACTORS + HELD_OUT_DISTRACTORS),
    }
    print(f"{framework.code}, minimum score {min_score}")
    print(f"{'set':<22} {'docs':>4} {'distr':>5}  {'R@1':>5} {'P@1':>5}  {'R@3':>5} {'P@3':>5}  {'distractor FP':>13}")
    for name, (documents, distractors) in sets.items():
        started = time.perf_counter()
        quality = measure(framework, documents, distractors, min_score=min_score)
        elapsed = time.perf_counter() - started
        print(f"{name:<22} {quality.documents:>4} {quality.distractors:>5}  {quality.recall_top1:5.2f} "
              f"{quality.precision_top1:5.2f}  {quality.recall_top3:5.2f} {quality.precision_top3:5.2f}  "
              f"{quality.distractor_false_positive_rate:13.2f}   ({elapsed * 1000:.0f} ms)")
        if args.misses:
            for miss in quality.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
