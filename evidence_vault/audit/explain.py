"""The audit in words: each level's rule as users read it, and one explanation per indicator.

"Didukung sampai tingkat 3: Perbup 12/2023. Tingkat 4 belum: ..." names the documents used
and the true reason the next level is not reached (validity, content, age of the review,
a missing kind of document), with what to do. The rule text is built from the same
requirement the evaluation applied, so what the page shows is exactly what was checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..frameworks import Framework, LevelCriteria, Requirement
from ..indonesian import long_date
from ..legal.kinds import KINDS
from .evaluate import (
    CONTENT,
    MISSING_KIND,
    NOT_AFTER_REVIEW,
    REVIEW_MISSING,
    REVIEW_TOO_OLD,
    VALIDITY,
    Evaluation,
    LevelCheck,
    RequirementCheck,
)
from .model import Evidence

# What to do, by the reason a requirement is not met.
ACTIONS = {
    MISSING_KIND: "Unggah dan tautkan dokumen yang dimaksud.",
    VALIDITY: "Unggah versi yang sah (bernomor, bertanggal, ditandatangani, dan diundangkan bila perlu) dan "
              "masih berlaku pada tanggal penilaian, atau perbaiki metadatanya bila salah terbaca.",
    CONTENT: "Lengkapi muatan kebijakan (melalui perubahan atau aturan turunan) lalu unggah naskahnya.",
    REVIEW_MISSING: "Lakukan reviu atau evaluasi dan unggah notulen/laporannya yang menyebut dokumen yang direviu "
                    "(nomor dan tahunnya, atau jenis dan judulnya).",
    REVIEW_TOO_OLD: "Lakukan reviu baru dan unggah notulen atau laporannya.",
    NOT_AFTER_REVIEW: "Tetapkan perubahan atau aturan turunan sebagai tindak lanjut reviu, lalu unggah.",
}


@dataclass(frozen=True)
class RuleText:
    """One requirement of a level as the indicator page and the audit show it."""

    needed: str  # what is needed, in the framework's words
    kinds: str  # the kinds of documents that can meet it
    counts_only: tuple[str, ...]  # conditions a document must meet
    not_counted: tuple[str, ...]  # what makes a document not count


def kinds_label(codes: Sequence[str]) -> str:
    return ", ".join(KINDS[code].label for code in codes if code in KINDS)


def rule_text(requirement: Requirement) -> RuleText:
    """The requirement in words: nothing here that the evaluation does not check, and the reverse."""
    conditions = []
    if requirement.established:
        conditions.append("sudah ditetapkan: bernomor, bertanggal dan ditandatangani")
    if requirement.promulgated:
        conditions.append("diundangkan dalam Berita/Lembaran Daerah")
    if requirement.draft_ok:
        conditions.append("rancangan pun dihitung")
    if requirement.review:
        conditions.append("mereviu atau mengevaluasi dokumen yang dinilai pada tingkat ini, menyebut nomor dan "
                          "tahunnya atau jenis dan judulnya")
    if requirement.max_age_years is not None:
        conditions.append(f"berumur kurang dari {requirement.max_age_years:g} tahun pada tanggal penilaian")
    if requirement.after_review:
        conditions.append("dibuat setelah reviu")
    if requirement.revises:
        conditions.append("memutakhirkan dokumen yang dinilai itu sendiri (perubahan atau versi barunya)")
    if requirement.covers and not requirement.review:
        conditions.append("mengatur: " + ", ".join(_element(phrase) for phrase in requirement.covers))
    if requirement.min_count > 1:
        conditions.append(f"paling sedikit {requirement.min_count} dokumen")
    excluded = ["diterbitkan instansi lain atau salinan pustaka", "dicabut, atau habis masa berlakunya, pada "
                "tanggal penilaian", "bertanggal setelah tanggal penilaian", "hanya mencabut kebijakan lain"]
    if not requirement.draft_ok:
        excluded.insert(0, "masih rancangan")
    if requirement.established:
        excluded.append("hanya mengubah kebijakan lain tanpa kebijakan yang diubahnya")
    return RuleText(requirement.missing, kinds_label(requirement.kinds), tuple(conditions), tuple(excluded))


def _element(phrase: str) -> str:
    return phrase.split("|")[0].replace("~", "")


def level_rules(criteria: LevelCriteria) -> list[list[RuleText]]:
    """The ways to reach a level, each a list of requirements that must all be met."""
    return [[rule_text(requirement) for requirement in option] for option in criteria.options]


def explanation(framework: Framework, evaluation: Evaluation) -> str:
    """"Didukung sampai tingkat 3 (Terdefinisi): ... Tingkat 4 belum: ...": the documents used, the true reason."""
    parts = []
    reached = evaluation.reached
    if reached is not None:
        names = "; ".join(_name(item) for item in reached.documents) or "-"
        parts.append(f"Didukung sampai tingkat {reached.level} ({_level_name(framework, reached.level)}): {names}.")
    else:
        parts.append("Belum didukung pada tingkat mana pun.")
    unmet = evaluation.first_unmet
    if unmet is not None and (failed := unmet.failed) is not None:
        parts.append(f"Tingkat {unmet.level} belum: {reason_text(failed, evaluation)}")
    return " ".join(parts)


def reason_text(check: RequirementCheck, evaluation: Evaluation) -> str:
    """The requirement that stops a level, with why the documents offered did not count, and what to do."""
    text = check.requirement.missing
    if check.reason == CONTENT and check.missing_elements:
        text += " Belum mengatur: " + ", ".join(check.missing_elements) + "."
        mentioned = [status for status in check.content if not status.covered and status.only_mentioned]
        if mentioned:
            text += " " + "; ".join(f"\u201c{status.element.label}\u201d hanya disebut di pertimbangan atau judul "
                                    f"(hlm. {status.only_mentioned.page})" for status in mentioned) + "."  # type: ignore[union-attr]
    if check.rejected:
        shown = check.rejected[:4]
        text += " Tidak dihitung: " + "; ".join(f"{_name(item.document)} ({item.why})" for item in shown) + "."
    if check.reason == REVIEW_TOO_OLD:
        dates = [item.document.review_date for item in check.rejected if item.document.review_date]
        if dates:
            text += f" Reviu terakhir tanggal {long_date(max(dates))}; tanggal penilaian {long_date(evaluation.on)}."
    return f"{text} {ACTIONS.get(check.reason or MISSING_KIND, '')}".strip()


def level_documents(check: LevelCheck) -> tuple[Evidence, ...]:
    return check.documents


def _name(item: Evidence) -> str:
    return item.title or f"dokumen #{item.document_id}"


def _level_name(framework: Framework, value: int) -> str:
    try:
        return framework.level_name(value)
    except KeyError:
        return str(value)
