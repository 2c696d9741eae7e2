"""The audit computation: indicator by indicator, then aspects, domains and the index."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from ..frameworks import Framework, Indicator
from ..indonesian import level
from .evaluate import checklist, evaluate
from .explain import explanation, reason_text
from .findings import indicator_findings
from .model import AuditResult, Evidence, GroupScore, IndicatorResult, Received


def compute(framework: Framework, evidence: Mapping[str, Sequence[Evidence]], claims: Mapping[str, float], *,
            organisation: str, period: str, year: int, assessed_on: date, strict: bool = False,
            suggested: Mapping[str, int] | None = None, unverified: Mapping[str, int] | None = None,
            received: Mapping[str, Received] | None = None) -> AuditResult:
    """Pure: the same inputs always give the same audit."""
    results = [indicator_result(framework, indicator, tuple(evidence.get(indicator.code, ())),
                                claims.get(indicator.code), (received or {}).get(indicator.code), assessed_on, strict,
                                (suggested or {}).get(indicator.code, 0), (unverified or {}).get(indicator.code, 0))
               for indicator in framework.indicators]
    supported_levels = {item.code: float(item.supported) for item in results}
    claimed_levels = {item.code: float(item.claimed or 0) for item in results}
    supported_index, claimed_index = framework.index(supported_levels), framework.index(claimed_levels)
    return AuditResult(
        organisation=organisation, period=period, year=year, framework=framework.code,
        framework_name=framework.name, assessed_on=assessed_on, strict=strict,
        supported_index=supported_index, claimed_index=claimed_index,
        supported_band=framework.rating(supported_index), claimed_band=framework.rating(claimed_index),
        domains=tuple(_groups(framework, results, by="domain")),
        aspects=tuple(_groups(framework, results, by="aspect")),
        indicators=tuple(results), top_gaps=tuple(_top_gaps(framework, results)),
    )


def indicator_result(framework: Framework, indicator: Indicator, items: tuple[Evidence, ...], claimed: float | None,
                     received: Received | None, on: date, strict: bool = False, suggested: int = 0,
                     unverified: int = 0) -> IndicatorResult:
    """One indicator as the audit shows it: from another agency's index, or from its documents.

    An indicator with both an index and a ladder (Pemdi 11 and 12, from IKASANDI) is judged by
    its documents only until the value received is recorded; that value then replaces them.
    """
    if indicator.index is not None and (received is not None or not indicator.criteria):
        return _external(framework, indicator, items, received)
    result = _indicator(framework, indicator, items, claimed, on, strict, suggested, unverified)
    if indicator.index is None:
        return result
    index = indicator.index
    pending = (f"Perkiraan dari dokumen sampai nilai {index.short} dari {index.source} dicatat; setelah itu "
               f"nilai {index.short} yang dipakai.")
    return replace(result, explanation=f"{result.explanation} {pending}".strip(), estimated=True)


def _indicator(framework: Framework, indicator: Indicator, items: tuple[Evidence, ...], claimed: float | None,
               on: date, strict: bool, suggested: int, unverified: int) -> IndicatorResult:
    """One indicator: the evaluation, and everything shown about it read from that one evaluation."""
    evaluation = evaluate(indicator, items, on)
    unmet = evaluation.first_unmet
    failed = unmet.failed if unmet is not None else None
    reached = evaluation.reached
    return IndicatorResult(
        code=indicator.code, name=indicator.name, weight=indicator.weight, aspect=indicator.aspect,
        domain=framework.aspect(indicator.aspect).domain, claimed=claimed, supported=evaluation.supported,
        next_missing=reason_text(failed, evaluation) if failed is not None else None,
        missing_elements=failed.missing_elements if failed is not None else (),
        findings=tuple(indicator_findings(evaluation, items, claimed, suggested, strict, unverified)),
        evidence=items, suggested=suggested, checklist=tuple(checklist(indicator, items, on)),
        explanation=explanation(framework, evaluation) if items else "",
        first_unmet=(failed.reason if failed is not None else None) if unmet is not None else "none",
        used=tuple(item.document_id for item in reached.documents) if reached is not None else (),
    )


def _external(framework: Framework, indicator: Indicator, items: tuple[Evidence, ...],
              received: Received | None) -> IndicatorResult:
    """An indicator whose value another agency's index gives (Pemdi 2026 Pasal 7).

    Its documents cannot raise it, so it is never an evidence gap: the value received,
    converted by the framework's ranges, stands for both the claimed and the supported level.
    Until it is recorded the indicator counts 0 and says what to record, not what to upload.
    """
    index = indicator.index
    assert index is not None
    value = index.level(received.value) if received is not None else 0.0
    if received is None:
        shown = f"Nilai {index.short} dari {index.source} belum dicatat."
        missing = (f"Catat nilai {index.short} yang diterima instansi dari {index.source} beserta dokumennya "
                   "(sertifikat, surat atau tangkapan layar) di halaman indikator ini.")
    else:
        shown = (f"Nilai dari indeks instansi lain: {index.short} {level(received.value)} "
                 f"({index.source}) = tingkat {level(value)}.")
        missing = None
    return IndicatorResult(
        code=indicator.code, name=indicator.name, weight=indicator.weight, aspect=indicator.aspect,
        domain=framework.aspect(indicator.aspect).domain, claimed=value if received is not None else None,
        supported=value, next_missing=missing, findings=(), evidence=items, explanation=shown,
        first_unmet="external_missing" if received is None else "external", external=shown,
        used=(received.document_id,) if received is not None and received.document_id else (),
    )


def _groups(framework: Framework, results: Sequence[IndicatorResult], by: str) -> list[GroupScore]:
    """Weighted mean level of the indicators in each domain or aspect."""
    groups = framework.domains if by == "domain" else framework.aspects
    scores = []
    for group in groups:
        members = [item for item in results if getattr(item, by) == group.code]
        weight = sum(item.weight for item in members)
        if not weight:
            continue
        scores.append(GroupScore(
            code=group.code, name=group.name, weight=group.weight,
            supported=round(sum(item.weight * item.supported for item in members) / weight, 3),
            claimed=round(sum(item.weight * (item.claimed or 0) for item in members) / weight, 3),
        ))
    return scores


def _top_gaps(framework: Framework, results: Sequence[IndicatorResult], limit: int = 10) -> list[tuple[str, float]]:
    """Where the remaining weeks buy the most index: weight × levels still to gain up to the claim.

    Before anything is claimed, the target is the top level for every indicator.
    """
    anything_claimed = any(item.claimed is not None for item in results)
    gains = []
    for item in results:
        if item.external is not None or item.estimated:
            continue  # documents cannot raise it (the official value is another agency's): never a priority
        if anything_claimed and item.claimed is None:
            continue
        target = item.claimed if item.claimed is not None else framework.max_level
        levels = max(0, target - item.supported)
        if levels:
            gains.append((item.code, item.weight * levels / 100))
    return sorted(gains, key=lambda pair: (-pair[1], pair[0]))[:limit]
