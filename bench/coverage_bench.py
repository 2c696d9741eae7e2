"""Content-coverage detection on generated policies with known coverage.

Run with `make bench`. Each (document, element) pair is one decision: covered or not.
The documents (tests/policy_documents.py) regulate elements in plain and less obvious
wording, leave some out, and mention some only in "Menimbang" (which must not count).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evidence_vault.frameworks import builtin_framework  # noqa: E402
from evidence_vault.tagging.coverage import Source, coverage, elements_of  # noqa: E402
from tests.policy_documents import held_out_set, labelled_set  # noqa: E402


def main() -> int:
    measure("tuned on", labelled_set())
    measure("held out", held_out_set())
    return 0


def measure(name: str, documents: list) -> None:
    framework = builtin_framework("spbe-2020")
    true_positive = false_positive = false_negative = true_negative = 0
    mistakes = []
    started = time.perf_counter()
    for number, document in enumerate(documents):
        elements = elements_of(framework.indicator(document.indicator))
        for status in coverage(elements, [Source(number, document.pages)]):
            truth = status.element.label in document.regulated
            if status.covered and truth:
                true_positive += 1
            elif status.covered:
                false_positive += 1
                mistakes.append(f"  false positive: indicator {document.indicator} {status.element.label!r}: "
                                f"{status.hit.quote if status.hit else ''}")
            elif truth:
                false_negative += 1
                mistakes.append(f"  missed: indicator {document.indicator} {status.element.label!r}")
            else:
                true_negative += 1
    elapsed = time.perf_counter() - started
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    decisions = true_positive + false_positive + false_negative + true_negative
    print(f"{name}: {len(documents)} documents, {decisions} element decisions in {elapsed * 1000:.0f} ms")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  (tp {true_positive}, fp {false_positive}, "
          f"fn {false_negative}, tn {true_negative})")
    if mistakes:
        print("\n".join(mistakes[:30]))


if __name__ == "__main__":
    sys.exit(main())
