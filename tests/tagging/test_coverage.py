"""Content coverage: what a policy regulates, where, and what the audit makes of it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evidence_vault.audit import Evidence, compute
from evidence_vault.frameworks import builtin_framework
from evidence_vault.tagging.coverage import Source, coverage, elements_of

from ..policy_documents import REGULATING, held_out_set, labelled_set, policy

SPBE = builtin_framework("spbe-2020")
TODAY = date(2026, 11, 28)


def statuses(indicator: str, *documents: list[str]):
    return {status.element.label: status
            for status in coverage(elements_of(SPBE.indicator(indicator)),
                                   [Source(number, pages) for number, pages in enumerate(documents)])}


@pytest.mark.parametrize("indicator", sorted(REGULATING))
def test_all_elements_regulated(indicator: str) -> None:
    found = statuses(indicator, policy(indicator, list(REGULATING[indicator])).pages)
    assert all(found[label].covered for label in REGULATING[indicator])
    first = found[next(iter(REGULATING[indicator]))]
    assert first.hit.page == 2 and first.hit.pasal == "Pasal 2" and first.hit.ayat == "1"
    assert first.hit.quote.startswith("(1)") is False and len(first.hit.quote) > 20


@pytest.mark.parametrize("indicator", sorted(REGULATING))
def test_one_element_missing(indicator: str) -> None:
    labels = list(REGULATING[indicator])
    found = statuses(indicator, policy(indicator, labels[1:]).pages)
    assert [label for label in labels if not found[label].covered] == [labels[0]]


@pytest.mark.parametrize("indicator", sorted(REGULATING))
def test_element_only_in_menimbang_does_not_count(indicator: str) -> None:
    labels = list(REGULATING[indicator])
    found = statuses(indicator, policy(indicator, labels[1:], mentioned=[labels[0]]).pages)
    missing = found[labels[0]]
    assert not missing.covered and missing.only_mentioned is not None and missing.only_mentioned.page == 1


def _ocr_damaged(text: str) -> str:
    """The e read as c that scans often show, in every word of six letters or more ("Ketcntuan")."""
    return re.sub(r"[A-Za-z]{6,}", lambda word: word.group()[:2] + word.group()[2:].replace("e", "c", 1), text)


@pytest.mark.parametrize("indicator", sorted(REGULATING))
def test_ocr_damaged_words_still_regulate(indicator: str) -> None:
    """A scanned policy that regulates every element still covers them; the quote keeps the text as read."""
    labels = list(REGULATING[indicator])
    found = statuses(indicator, [_ocr_damaged(page) for page in policy(indicator, labels).pages])
    assert [label for label in labels if not found[label].covered] == []
    assert all(found[label].hit.pasal for label in labels)


def test_two_documents_combine() -> None:
    labels = list(REGULATING["3"])
    perbup = policy("3", labels[:3]).pages
    decree = policy("3", labels[3:], number="188.45/7/HK/2024").pages
    assert not all(status.covered for status in statuses("3", perbup).values())
    together = statuses("3", perbup, decree)
    assert all(status.covered for status in together.values())
    assert {status.hit.document_id for status in together.values()} == {0, 1}


def test_detection_quality_meets_the_target() -> None:
    """Precision and recall ≥ 0.95 on the generated policies (bench/coverage_bench.py prints them)."""
    for documents in (labelled_set(), held_out_set()):
        tp = fp = fn = 0
        for document in documents:
            for status in statuses(document.indicator, document.pages).values():
                truth = status.element.label in document.regulated
                tp += status.covered and truth
                fp += status.covered and not truth
                fn += (not status.covered) and truth
        assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95


def evidence(number: int, pages: list[str], kind: str = "perbup", dated: date = date(2024, 2, 5),
             status: str = "diundangkan") -> Evidence:
    return Evidence(document_id=number, title=f"Dokumen {number}", kind=kind, link_state="confirmed", link_level=None,
                    legal_status=status, in_force="berlaku", findings=(), metadata_confirmed=True, dated=dated,
                    pages=tuple(pages), number="12", year="2024")


def review(day: date, cites: bool = True) -> Evidence:
    cited = "Peraturan Bupati Badung Nomor 12 Tahun 2024" if cites else "kebijakan manajemen data"
    text = f"NOTULEN RAPAT REVIU\nHasil reviu atas {cited}: sudah dilaksanakan."
    return Evidence(document_id=99, title="Notulen reviu", kind="notulen", link_state="confirmed", link_level=None,
                    legal_status=None, in_force="berlaku", findings=(), metadata_confirmed=True, dated=day,
                    pages=(text,))


def audit_of(indicator: str, items: list[Evidence], claim: int = 4):
    result = compute(SPBE, {indicator: items}, {indicator: claim}, organisation="Badung", period="2026",
                     year=2026, assessed_on=TODAY)
    return next(item for item in result.indicators if item.code == indicator)


@pytest.mark.parametrize(("case", "level", "in_message"), [
    ("all elements, no integration, no review", 3, "integrasi"),
    ("one element missing", 2, "Belum mengatur: kualitas data"),
    ("element only in menimbang", 2, "hanya disebut di pertimbangan atau judul"),
    ("everything and a review of 2025", 4, None),
    ("everything and a review of 2023", 3, "reviu"),
    ("everything and a review not citing the policy", 3, "reviu"),
])
def test_audit_levels_from_content(case: str, level: int, in_message: str | None) -> None:
    labels = [label for label in REGULATING["3"] if label != "integrasi"]
    full = policy("3", labels + ["integrasi"]).pages
    items = {
        "all elements, no integration, no review": [evidence(1, policy("3", labels).pages)],
        "one element missing": [evidence(1, policy("3", [x for x in labels if x != "kualitas data"]).pages)],
        "element only in menimbang": [evidence(1, policy("3", [x for x in labels if x != "kualitas data"],
                                                            mentioned=["kualitas data"]).pages)],
        "everything and a review of 2025": [evidence(1, full), review(date(2025, 8, 7))],
        "everything and a review of 2023": [evidence(1, full), review(date(2023, 8, 7))],
        "everything and a review not citing the policy": [evidence(1, full), review(date(2025, 8, 7), cites=False)],
    }[case]
    result = audit_of("3", items)
    assert result.supported == level
    if in_message:
        assert in_message in (result.next_missing or "")
