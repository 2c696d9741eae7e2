"""Indicator findings with stable codes, read from the same evaluation that gives the level.

Because both come from one `Evaluation`, a finding can never contradict the level: a review
is "too old" only when its age is what stops the next level within the claim, drafts are
"only drafts" only when no instrument of the body's own counts, and so on.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..legal.kinds import KINDS
from .evaluate import REVIEW_TOO_OLD, Evaluation
from .model import Evidence, IndicatorFinding


def indicator_findings(evaluation: Evaluation, evidence: Sequence[Evidence], claimed: float | None,
                       suggested: int, strict: bool, unverified: int) -> list[IndicatorFinding]:
    found: list[IndicatorFinding] = []
    if not evidence:
        waiting = f" Ada {suggested} saran dokumen yang menunggu dikonfirmasi." if suggested else ""
        message = "Belum ada data dukung yang ditautkan." + waiting
        if strict and unverified:
            message = f"Belum ada data dukung yang diverifikasi penilai ({unverified} tautan menunggu verifikasi)."
        found.append(IndicatorFinding("no_evidence", message))
    else:
        found.extend(_evidence_findings(evaluation, evidence))
    supported = evaluation.supported
    if claimed is not None and claimed > supported:
        found.append(IndicatorFinding(
            "claim_above_support",
            f"Klaim tingkat {_level(claimed)} lebih tinggi dari yang didukung data dukung (tingkat {supported}).",
        ))
    if claimed is not None and (too_old := _review_too_old(evaluation, claimed)):
        found.append(too_old)
    return found


def _evidence_findings(evaluation: Evaluation, evidence: Sequence[Evidence]) -> list[IndicatorFinding]:
    on = evaluation.on
    found = []
    own_instruments = [item for item in evidence if item.kind in KINDS and KINDS[item.kind].legal_instrument
                       and not item.other_body and (item.dated is None or item.dated <= on)]
    if own_instruments and all(item.is_draft for item in own_instruments):
        found.append(IndicatorFinding("only_drafts", "Data dukung kebijakan hanya berupa rancangan; belum ada yang "
                                                     "ditetapkan."))
    elif own_instruments and not any(item.established and item.standing(on) is None for item in own_instruments):
        found.append(IndicatorFinding("no_valid_document", "Tidak ada dokumen hukum yang sah pada tanggal penilaian: "
                                                           "periksa nomor, tanggal penetapan, tanda tangan, "
                                                           "pengundangan dan keberlakuannya."))
    if all(not item.metadata_confirmed for item in evidence):
        found.append(IndicatorFinding("machine_only", "Metadata seluruh data dukung hanya dibaca otomatis dan belum "
                                                      "diperiksa orang."))
    linked = {item.document_id for item in evidence}
    invalidated = [item.title for item in evidence if item.standing(on) in ("repealed", "expired")
                   or (item.amended_by and not linked.intersection(item.amended_by))]
    if invalidated:
        found.append(IndicatorFinding("evidence_invalidated", "Data dukung sudah dicabut atau kedaluwarsa pada tanggal "
                                      "penilaian, atau diubah tanpa perubahannya dilampirkan: "
                                      + "; ".join(invalidated[:3]) + "."))
    other = [item.title for item in evidence if item.other_body]
    if other:
        found.append(IndicatorFinding("other_body", "Data dukung diterbitkan instansi lain atau salinan pustaka "
                                      "bersama, tidak dihitung: " + "; ".join(other[:3]) + "."))
    return found


def _review_too_old(evaluation: Evaluation, claimed: float) -> IndicatorFinding | None:
    """The age of the review is what stops the next level, and that level is within the claim."""
    level = evaluation.first_unmet
    if level is None or level.level > claimed or (failed := level.failed) is None or failed.reason != REVIEW_TOO_OLD:
        return None
    dates = [item.review_date for item in (rejection.document for rejection in failed.rejected) if item.review_date]
    newest = max(dates).isoformat() if dates else "?"
    years = failed.requirement.max_age_years or 0
    return IndicatorFinding("review_too_old", f"Reviu terakhir ({newest}) sudah lebih dari {years:g} tahun pada "
                                              f"tanggal penilaian; tingkat {level.level} memerlukan reviu yang lebih "
                                              "baru.")


def _level(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")
