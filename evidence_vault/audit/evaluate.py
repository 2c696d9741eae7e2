"""Which level the evidence really supports, and why not the next: one evaluation for levels and findings.

Every level of an indicator is checked in order, on the assessment date, against the rule
the framework file states (its requirements, or its `otherwise` alternative). Levels are
cumulative, as assessors grant them: level N counts only when 1..N-1 hold too. Each
requirement records which documents met it and, when it is not met, the true reason: no
document of that kind at all, documents that do not count (draft, unsigned, repealed or
expired on the date, another body's, dated after the assessment, an instrument that only
repeals or only amends), missing content, a review that is missing, too old or reviews
something else, a follow-up made before the review. Findings and the explanation shown to
the coordinator are read from this same evaluation, so they cannot disagree with the level.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..frameworks import Indicator, LevelCriteria, Requirement
from ..legal.canonical import frequency
from ..legal.citations import REVIEW_WORD
from ..legal.kinds import REGIONAL_REGULATIONS
from ..tagging.coverage import Element as ContentElement
from ..tagging.coverage import ElementStatus, Source, coverage, elements_of, label_of
from .model import AMENDMENT, REPEAL, Evidence

DAYS_PER_YEAR = 365.25

# Why a requirement is not met, in the order a document is examined: the reason reported is the
# furthest stage any candidate document reached.
MISSING_KIND, VALIDITY, REVIEW_MISSING, REVIEW_TOO_OLD, NOT_AFTER_REVIEW, CONTENT = (
    "missing_kind", "validity", "review_missing", "review_too_old", "not_after_review", "content")


@dataclass(frozen=True)
class Rejection:
    """A document offered for a requirement that did not count, and why (a code and plain words)."""

    document: Evidence
    why: str


@dataclass(frozen=True)
class RequirementCheck:
    requirement: Requirement
    met: bool
    documents: tuple[Evidence, ...] = ()  # those that count
    reason: str | None = None  # when not met: MISSING_KIND, VALIDITY, ...
    rejected: tuple[Rejection, ...] = ()
    missing_elements: tuple[str, ...] = ()
    content: tuple[ElementStatus, ...] = ()
    review_match: str = ""  # how a review was recognised as reviewing the policy ("nomor dan tahun", "judul")


@dataclass(frozen=True)
class LevelCheck:
    level: int
    criteria: LevelCriteria
    met: bool
    checks: tuple[RequirementCheck, ...]  # of the option that was met, or got furthest

    @property
    def failed(self) -> RequirementCheck | None:
        return next((check for check in self.checks if not check.met), None)

    @property
    def documents(self) -> tuple[Evidence, ...]:
        seen: dict[int, Evidence] = {}
        for check in self.checks:
            for item in check.documents:
                seen.setdefault(item.document_id, item)
        return tuple(seen.values())


@dataclass(frozen=True)
class Evaluation:
    """An indicator on a date: every level checked, the supported level and the first one not reached."""

    levels: tuple[LevelCheck, ...]
    supported: int
    on: date
    excluded: dict[int, str] = field(default_factory=dict)  # document → why it counts nowhere on this date

    @property
    def first_unmet(self) -> LevelCheck | None:
        return next((level for level in self.levels if level.level == self.supported + 1), None)

    @property
    def reached(self) -> LevelCheck | None:
        return next((level for level in self.levels if level.level == self.supported), None)


def evaluate(indicator: Indicator, evidence: Sequence[Evidence], on: date) -> Evaluation:
    """Check every level in order; the supported level is the last of the unbroken run from 1."""
    checks = tuple(_level(indicator, criteria, evidence, on) for criteria in indicator.criteria)
    supported = 0
    for check in sorted(checks, key=lambda item: item.level):
        if not check.met:
            break
        supported = check.level
    excluded = {item.document_id: why for item in evidence if (why := item.standing(on))}
    return Evaluation(checks, supported, on, excluded)


def _level(indicator: Indicator, criteria: LevelCriteria, evidence: Sequence[Evidence], on: date) -> LevelCheck:
    best: tuple[RequirementCheck, ...] | None = None
    for option in criteria.options:
        checks = _option(option, criteria.level, evidence, on)
        if all(check.met for check in checks):
            return LevelCheck(criteria.level, criteria, True, checks)
        if best is None or _progress(checks) > _progress(best):
            best = checks
    return LevelCheck(criteria.level, criteria, False, best or ())


def _progress(checks: tuple[RequirementCheck, ...]) -> int:
    return sum(1 for check in checks if check.met)


def _option(option: Sequence[Requirement], level: int, evidence: Sequence[Evidence],
            on: date) -> tuple[RequirementCheck, ...]:
    """Requirements in order; the first non-review one names the subject a review must be about."""
    subjects: tuple[Evidence, ...] = ()
    review_date: date | None = None
    checks: list[RequirementCheck] = []
    for requirement in option:
        check = _requirement(requirement, level, evidence, on, subjects, review_date)
        checks.append(check)
        if not check.met:
            break
        if requirement.review:
            # Follow-up comes after a review: the first one that counts (a follow-up report may itself
            # read as a review, and must not push the date past itself).
            review_date = min((item.review_date for item in check.documents if item.review_date), default=None)
            # What follows the review updates what the review looked at, not any document of the level.
            subjects = tuple(item for item in subjects if any(reviews(review, [item]) for review in check.documents)
                             ) or subjects
        elif not subjects:
            subjects = check.documents
    return tuple(checks)


def _requirement(requirement: Requirement, level: int, evidence: Sequence[Evidence], on: date,
                 subjects: tuple[Evidence, ...], review_date: date | None) -> RequirementCheck:
    candidates = [item for item in evidence if item.kind in requirement.kinds]
    if not candidates:
        return RequirementCheck(requirement, False, reason=REVIEW_MISSING if requirement.review else MISSING_KIND)
    rejected: list[Rejection] = []
    furthest = VALIDITY
    passing: list[Evidence] = []
    review_match = ""
    for item in candidates:
        stage, why, matched = _examine(requirement, level, item, on, subjects, review_date)
        if why is None:
            passing.append(item)
            review_match = review_match or matched
            continue
        rejected.append(Rejection(item, why))
        if _ORDER.index(stage) > _ORDER.index(furthest):
            furthest = stage
    if requirement.established or requirement.promulgated:
        if passing and all(item.role == AMENDMENT for item in passing) and not requirement.after_review:
            rejected += [Rejection(item, "hanya mengubah kebijakan lain; unggah juga kebijakan yang diubahnya")
                         for item in passing]
            passing = []
    if requirement.covers and not requirement.review and passing:
        statuses = content(requirement, passing + _amendments_of(passing, evidence, on), level)
        missing = tuple(status.element.label for status in statuses if not status.covered)
        if missing:
            return RequirementCheck(requirement, False, tuple(passing), CONTENT, tuple(rejected), missing,
                                    tuple(statuses))
        return _counted(requirement, passing, rejected, review_match, tuple(statuses), furthest)
    return _counted(requirement, passing, rejected, review_match, (), furthest)


def _counted(requirement: Requirement, passing: list[Evidence], rejected: list[Rejection], review_match: str,
             statuses: tuple[ElementStatus, ...], furthest: str) -> RequirementCheck:
    if len(passing) >= requirement.min_count:
        return RequirementCheck(requirement, True, tuple(passing), None, tuple(rejected), (), statuses, review_match)
    if passing:
        furthest = MISSING_KIND  # some count, too few of them
    return RequirementCheck(requirement, False, tuple(passing), furthest, tuple(rejected), (), statuses, review_match)


_ORDER = (VALIDITY, REVIEW_MISSING, REVIEW_TOO_OLD, NOT_AFTER_REVIEW, CONTENT, MISSING_KIND)


def _examine(requirement: Requirement, level: int, item: Evidence, on: date, subjects: tuple[Evidence, ...],
             review_date: date | None) -> tuple[str, str | None, str]:
    """(stage, why it does not count or None, how a review matched) for one candidate document."""
    if standing := item.standing(on):
        return VALIDITY, STANDING_WORDS[standing], ""
    if item.is_draft and not requirement.draft_ok:
        return VALIDITY, "masih rancangan", ""
    if requirement.established and not item.established:
        return VALIDITY, "belum sah: nomor, tanggal penetapan atau tanda tangan tidak terbaca", ""
    if requirement.promulgated and item.legal_status != "diundangkan":
        return VALIDITY, "belum diundangkan dalam Berita/Lembaran Daerah", ""
    if item.role == REPEAL:
        return VALIDITY, "hanya mencabut kebijakan lain, tidak mengatur hal itu sendiri", ""
    matched = ""
    if requirement.review:
        if requirement.covers and not all(status.covered for status in content(requirement, [item], level)):
            return REVIEW_MISSING, "bukan notulen atau laporan reviu/evaluasi", ""
        matched = reviews(item, subjects)
        if subjects and not matched:
            return REVIEW_MISSING, "tidak mereviu dokumen yang dinilai (tidak menyebut nomor dan tahunnya atau " \
                                   "judulnya)", ""
    if requirement.max_age_years is not None:
        when = item.review_date if requirement.review else item.dated
        if when is None:
            return VALIDITY, "tanggalnya tidak terbaca", matched
        if (on - when).days > requirement.max_age_years * DAYS_PER_YEAR:
            stage = REVIEW_TOO_OLD if requirement.review else VALIDITY
            return stage, f"berumur lebih dari {requirement.max_age_years:g} tahun pada tanggal penilaian", matched
    if requirement.after_review and (review_date is None or item.dated is None or item.dated <= review_date):
        return NOT_AFTER_REVIEW, "tidak dibuat setelah reviu", matched
    if requirement.revises and subjects and not _revises(item, subjects):
        return NOT_AFTER_REVIEW, "bukan pemutakhiran dokumen yang dinilai (bukan perubahan atau versi barunya)", matched
    return VALIDITY, None, matched


def _revises(item: Evidence, subjects: tuple[Evidence, ...]) -> bool:
    """An amendment of the assessed document, or a new version of it: the same subject both ways, read
    tolerantly, and an instrument of the same rank. A decree carrying out a regulation ("Tim Pengelola
    Arsitektur SPBE" under the Perbup on Arsitektur SPBE) is a derivative rule, not a new version."""
    def new_version(subject: Evidence) -> bool:
        if subject.kind in REGIONAL_REGULATIONS and item.kind not in REGIONAL_REGULATIONS:
            return False
        ours, theirs = item.subject or item.title, subject.subject or subject.title
        return _similar_subject(theirs, ours) and _similar_subject(ours, theirs)

    return any(item.document_id != subject.document_id and (
        item.document_id in subject.amended_by or new_version(subject)) for subject in subjects)


STANDING_WORDS = {
    "no_text": "teksnya tidak terbaca", "shared_copy": "salinan pustaka bersama, bukan dokumen sendiri",
    "other_body": "diterbitkan instansi lain", "later": "bertanggal setelah tanggal penilaian",
    "repealed": "sudah dicabut pada tanggal penilaian", "expired": "masa berlakunya sudah habis pada tanggal penilaian",
}


def _amendments_of(policies: list[Evidence], evidence: Sequence[Evidence], on: date) -> list[Evidence]:
    """Amendments of these policies offered too: the policy as amended is what regulates."""
    ids = {item.document_id for item in policies}
    return [item for item in evidence if item.role == AMENDMENT and item.document_id not in ids
            and item.standing(on) is None and item.established
            and any(item.document_id in policy.amended_by for policy in policies)]


def content(requirement: Requirement, documents: Sequence[Evidence], level: int) -> list[ElementStatus]:
    elements = [ContentElement(label_of(phrase), phrase, level) for phrase in requirement.covers]
    statuses = coverage(elements, [Source(item.document_id, item.pages) for item in documents])
    if requirement.mentions:  # a report or a plan: naming it anywhere is what counts
        statuses = [ElementStatus(status.element, status.hit or status.only_mentioned) for status in statuses]
    return statuses


def reviews(review: Evidence, policies: Sequence[Evidence]) -> str:
    """How the review names one of the policies: "nomor dan tahun" or "judul"; "" when it does not."""
    for policy in policies:
        for cited in review.reviewed:
            if policy.number and cited.number and _same_number(cited.number, policy.number) \
                    and str(cited.year) == str(policy.year):
                return f"nomor dan tahun ({policy.title})"
        for cited in review.reviewed:
            if cited.number is None and policy.subject and _similar_subject(cited.title, policy.subject) \
                    and (cited.kind is None or cited.kind == policy.kind):
                return f"jenis dan judul ({policy.title})"
    text = _around_review_words(" ".join(" ".join(review.pages[:6]).split()))
    for policy in policies:  # the text itself, where the reader found no relation
        if policy.number and policy.year and _cites_number(text, policy.number, policy.year):
            return f"nomor dan tahun ({policy.title})"
    for policy in policies:  # a plan, a report, a service: reviewed by name, not by number
        if not policy.number and _similar_subject(policy.subject or policy.title, text):
            return f"judul ({policy.title})"
    heading = f"{review.subject} {review.title}"
    for policy in policies:  # a service evaluated by its own name ("Evaluasi Layanan Sipasien")
        names = _proper_names(f"{policy.subject} {policy.title}")
        if not policy.number and names and (names & _proper_names(heading) or names & _proper_names(text)):
            return f"nama layanan ({policy.title})"
    return ""


def _proper_names(text: str) -> set[str]:
    """Words no statute uses: an application's or a service's own name (Sipasien, e-Kinerja, Srikandi)."""
    text = _PLACE.sub(" ", text)  # the body's own name is in every document it makes
    return {word for word in re.findall(r"[a-z][a-z0-9-]{3,}", text.lower())
            if not word.isdigit() and frequency(word.replace("-", "")) < RARE_IN_STATUTES}


_NOT_A_PLACE = r"(?!(?:tentang|tahun|nomor|dan|pada|perubahan|atas|tingkat)\b)"
_PLACE = re.compile(rf"\b(?:kabupaten|kab\.|kota|provinsi|prov\.|bupati|wali\s*kota|walikota|gubernur)"
                    rf"(?:\s+{_NOT_A_PLACE}[A-Za-z'-]+){{1,3}}", re.IGNORECASE)
RARE_IN_STATUTES = 3  # occurrences in the vocabulary of real statutes below which a word is a name
_REVIEW_WORDS = re.compile(rf"{REVIEW_WORD.pattern}|pembahasan\s+hasil", re.IGNORECASE)


def _around_review_words(text: str, reach: int = 400) -> str:
    """The passages around "reviu"/"evaluasi": a policy named elsewhere (a coordination meeting's
    agenda, a reference) is not what the document reviews."""
    return " ".join(text[max(0, match.start() - reach):match.end() + reach] for match in _REVIEW_WORDS.finditer(text))


def _same_number(left: str, right: str) -> bool:
    return re.sub(r"\s+", "", left).lstrip("0").lower() == re.sub(r"\s+", "", right).lstrip("0").lower()


def _cites_number(text: str, number: str, year: str) -> bool:
    """"Nomor 8 Tahun 2023", "8/2023", or the whole number of a decree or SOP that carries its own year
    ("Nomor 800/SOP-12/Diskominfo/2025")."""
    escaped = re.escape(number)
    pattern = rf"(?i)(?:nomor|no\.?)\s*:?\s*{escaped}\s+tahun\s+{year}|\b{escaped}\s*/\s*{year}\b"
    if "/" in number and re.search(rf"\b{year}$", number):
        pattern += rf"|(?:nomor|no\.?)\s*:?\s*{escaped}(?![\w/-]|\.\w)"
    return re.search(pattern, text) is not None


_STOP = {"dan", "di", "yang", "tentang", "atas", "untuk", "pada", "dalam", "ke", "dari", "tahun", "pemerintah",
         "kabupaten", "kota", "provinsi", "sistem", "pemerintahan", "berbasis", "elektronik", "spbe",
         # words that name a version, not a subject
         "dokumen", "versi", "revisi", "perubahan", "pemutakhiran", "rancangan", "final", "naskah"}


def _similar_subject(cited: str, subject: str) -> bool:
    """Titles read tolerantly: most of the cited title's telling words are in the policy's subject (or text)."""
    def words(text: str) -> set[str]:
        text = _PLACE.sub(" ", text)  # the body's own name says nothing about the subject
        return {word for word in re.findall(r"[a-z]+", text.lower()) if len(word) > 2 and word not in _STOP}

    theirs, ours = words(cited), words(subject)
    if not theirs or not ours:
        return False
    return len(theirs & ours) >= max(1, math.ceil(0.6 * len(theirs)))


def checklist(indicator: Indicator, evidence: Sequence[Evidence], on: date) -> list[ElementStatus]:
    """Every content element of the indicator against the documents that count on the date, together."""
    elements = elements_of(indicator)
    if not elements:
        return []
    documents = [item for item in evidence if item.standing(on) is None and not item.is_draft]
    return coverage(elements, [Source(item.document_id, item.pages) for item in documents])
