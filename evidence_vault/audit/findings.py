"""Indicator findings with stable codes: why the evidence falls short, in the assessors' terms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..frameworks import Indicator
from ..legal.kinds import KINDS
from .levels import DAYS_PER_YEAR
from .model import Evidence, IndicatorFinding


def indicator_findings(indicator: Indicator, evidence: Sequence[Evidence], claimed: int | None, supported: int,
                       assessed_on: date, suggested: int, strict: bool, unverified: int) -> list[IndicatorFinding]:
    found: list[IndicatorFinding] = []
    if not evidence:
        waiting = f" Ada {suggested} saran dokumen yang menunggu dikonfirmasi." if suggested else ""
        message = "Belum ada data dukung yang ditautkan." + waiting
        if strict and unverified:
            message = f"Belum ada data dukung yang diverifikasi penilai ({unverified} tautan menunggu verifikasi)."
        found.append(IndicatorFinding("no_evidence", message))
    else:
        found.extend(_evidence_findings(evidence))
    if claimed is not None and claimed > supported:
        found.append(IndicatorFinding(
            "claim_above_support",
            f"Klaim tingkat {claimed} lebih tinggi {claimed - supported} tingkat dari yang didukung data dukung "
            f"(tingkat {supported}).",
        ))
    if claimed is not None:
        age = _review_too_old(indicator, evidence, claimed, assessed_on)
        if age:
            found.append(IndicatorFinding("review_too_old", age))
    return found


def _evidence_findings(evidence: Sequence[Evidence]) -> list[IndicatorFinding]:
    found = []
    legal = [item for item in evidence if item.kind in KINDS and KINDS[item.kind].legal_instrument]
    if legal and all(item.is_draft for item in legal):
        found.append(IndicatorFinding("only_drafts", "Data dukung kebijakan hanya berupa rancangan; belum ada yang "
                                                     "ditetapkan."))
    elif legal and not any(item.established for item in legal):
        found.append(IndicatorFinding("no_valid_document", "Tidak ada dokumen hukum yang sah: periksa nomor, tanggal "
                                                           "penetapan, tanda tangan dan keberlakuannya."))
    if all(not item.metadata_confirmed for item in evidence):
        found.append(IndicatorFinding("machine_only", "Metadata seluruh data dukung hanya dibaca otomatis dan belum "
                                                      "diperiksa orang."))
    invalidated = [item.title for item in evidence
                   if item.in_force in ("dicabut", "diubah") or {"repealed", "expired"} & set(item.findings)]
    if invalidated:
        found.append(IndicatorFinding("evidence_invalidated", "Data dukung sudah dicabut, diubah atau kedaluwarsa: "
                                      + "; ".join(invalidated[:3]) + "."))
    other = [item.title for item in evidence if "other_body" in item.findings or "shared_copy" in item.findings]
    if other:
        found.append(IndicatorFinding("other_body", "Data dukung diterbitkan instansi lain atau salinan pustaka "
                                      "bersama, tidak dihitung: " + "; ".join(other[:3]) + "."))
    return found


def _review_too_old(indicator: Indicator, evidence: Sequence[Evidence], claimed: int, assessed_on: date) -> str | None:
    """A review exists but is older than the claimed level allows."""
    try:
        requirements = indicator.level(claimed).requirements
    except KeyError:
        return None
    for requirement in requirements:
        if not requirement.review or requirement.max_age_years is None:
            continue
        reviews = [item for item in evidence if item.kind in requirement.kinds and item.dated]
        if not reviews:
            return None
        newest = max(item.dated for item in reviews if item.dated)
        years = (assessed_on - newest).days / DAYS_PER_YEAR
        if years > requirement.max_age_years:
            return (f"Reviu terakhir ({newest.isoformat()}) berumur {years:.1f} tahun, lebih dari "
                    f"{requirement.max_age_years:g} tahun yang disyaratkan untuk tingkat {claimed}.")
    return None
