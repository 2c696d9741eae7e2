"""The conformance table: for each cell (indicator type × level) a set of evidence that reaches
exactly that level and one that falls one requirement short, plus the cases issue 15 names
(reviews matched by number and year or by jenis and subject, repeals and amendments both
ways, other bodies, drafts, a document valid on one assessment date and not on another).

Every expectation is read from the rule as written (`frameworks/data/spbe-2020.toml` with the
vocabulary of `frameworks/loader.py`, and DOMAIN.md §2), never from the engine:

- levels are cumulative: level N needs the requirements of 1..N (issue 15, point 8);
- a document counts when its kind is listed, it is the body's own, it is not repealed or
  expired on the assessment date and not dated after it, it is no draft unless the
  requirement says `draft_ok`, it is established (numbered, dated, signed, and promulgated
  when it is a regulation) where `established` is asked, it is young enough
  (`max_age_years`), dated after the review where `after_review` is asked, and contains the
  `covers` phrases (in the operative part of a policy unless `mentions`);
- an instrument that only repeals or only amends another is never the policy itself
  (issue 15, point 2); an amended policy stays in force.

A negative case says which requirement of its level it takes away (`removes`).
The documents are in `corpus.py`; the dates are judged against 30 June 2025 unless a case
says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SPBE = "spbe-2020"
ASSESSED = date(2025, 6, 30)  # SPBE 2020's default as-of (06-30) for the 2025 period
YEAR = 2025

# first_unmet codes the explanation names (the true reason for the first unmet requirement)
VALIDITY, CONTENT, MISSING_KIND = "validity", "content", "missing_kind"
REVIEW_MISSING, REVIEW_TOO_OLD, NOT_AFTER_REVIEW = "review_missing", "review_too_old", "not_after_review"


@dataclass(frozen=True)
class Case:
    id: str
    indicator: str
    documents: tuple[str, ...]
    level: int  # the level the evidence supports on `as_of`
    role: str  # positive | negative | extra
    cell_level: int | None = None  # the table cell it fills (positive: = level; negative: level + 1)
    removes: str = ""  # negative: the requirement of `cell_level` its evidence lacks
    why: str = ""
    framework: str = SPBE
    as_of: date = ASSESSED
    also: tuple[tuple[date, int], ...] = ()  # the same documents on other assessment dates
    period_as_of: bool = False  # move the period's own as-of date (records/periods.set_as_of) for `also`
    reason: str | None = None  # IndicatorResult.first_unmet on `as_of`
    used: tuple[str, ...] = ()  # documents IndicatorResult.used and the explanation must name
    not_used: tuple[str, ...] = ()  # documents that must not be among those used
    findings: tuple[str, ...] = ()  # indicator findings that must be raised on `as_of`
    verify: bool = False  # a reviewer also verifies the links (records.links.verify)
    defect: str | None = None  # an engine defect: the case is kept, marked xfail(strict=True)
    dates: tuple[tuple[date, int], ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "dates", ((self.as_of, self.level), *self.also))


def positive(id: str, indicator: str, level: int, documents: tuple[str, ...], why: str, **more) -> Case:
    return Case(id, indicator, documents, level, "positive", level, why=why, **more)


def negative(id: str, indicator: str, cell_level: int, documents: tuple[str, ...], removes: str, **more) -> Case:
    return Case(id, indicator, documents, cell_level - 1, "negative", cell_level, removes=removes, **more)


def extra(id: str, indicator: str, level: int, documents: tuple[str, ...], why: str, **more) -> Case:
    return Case(id, indicator, documents, level, "extra", why=why, **more)


# ---------------------------------------------------------------------------------------------------------
# Policy indicators 1–10 (template `kebijakan`), on indicator 3 Manajemen Data:
#   L1 [@kebijakan|surat_edaran, draft_ok] + [@rapat]   otherwise [@kebijakan, established]
#   L2 [@kebijakan, established]
#   L3 [@kebijakan, established, covers L3 elements]
#   L4 [@kebijakan, established, covers L3+L4 elements] + [@reviu, review, < 2 years, covers @reviu]
#   L5 L4's two + [@kebijakan|@turunan, established, after_review]

POLICY = [
    positive("policy-1-draft-and-invitation", "3", 1, ("k_draft", "k_undangan"),
             "the body's own draft Perbup with the invitation to its drafting meeting",
             used=("k_draft", "k_undangan"), findings=("only_drafts",)),
    negative("policy-1-draft-without-meeting", "3", 1, ("k_draft", "k_daftar_hadir"),
             "[@rapat]: no minutes, invitation, berita acara or nota dinas of the drafting meeting (an "
             "attendance list is none of those kinds)", reason=MISSING_KIND),
    extra("policy-1-other-bodys-draft", "3", 0, ("k_other_draft", "k_undangan"),
          "a neighbour's draft does not count as the body's draft, even with the body's own invitation"),
    extra("policy-1-own-draft-despite-other-bodys-regulation", "3", 1, ("k_draft", "k_undangan", "k_other"),
          "another body's established regulation is not the body's policy: level 1 from the draft, and the "
          "findings say the body has only drafts and evidence of another body (issue 15, point 5)",
          findings=("only_drafts", "other_body"), not_used=("k_other",)),
    positive("policy-2-established-partial", "3", 2, ("k_partial",),
             "an established, promulgated Perbup regulating data induk and data referensi only",
             used=("k_partial",), reason=CONTENT, verify=True),
    negative("policy-2-surat-edaran-instead", "3", 2, ("k_surat_edaran", "k_undangan"),
             "[@kebijakan established]: a surat edaran is established but is no Peraturan/Keputusan; it still "
             "counts for level 1 with the meeting (draft_ok accepts surat_edaran)", reason=MISSING_KIND),
    extra("policy-other-bodys-regulation", "3", 0, ("k_other",),
          "another body's complete regulation is never the body's policy", findings=("other_body",)),
    positive("policy-3-complete", "3", 3, ("k_full",),
             "the Perbup regulates all six elements of indicator 3 (no integration, no review)",
             used=("k_full",)),
    negative("policy-3-one-element-missing", "3", 3, ("k_missing_interop",),
             "covers 'interoperabilitas data|bagi pakai data': the Perbup regulates five of the six elements",
             reason=CONTENT),
    positive("policy-4-review-by-number", "3", 4, ("k_policy_a", "k_review_number"),
             "complete with integration, reviewed in October 2024 by minutes citing Perbup 8/2023 (scanned)",
             used=("k_policy_a", "k_review_number"), verify=True),
    positive("policy-4-review-by-jenis-and-subject", "3", 4, ("k_policy_a", "k_review_loose"),
             "the evaluation names the policy only as 'Peraturan Bupati tentang tata kelola data' (part of its "
             "subject, lower case, no number)", used=("k_policy_a", "k_review_loose")),
    extra("policy-4-review-names-perbup-abbreviation", "3", 4, ("k_policy_a", "k_review_abbreviated"),
          "the review names the policy 'Perbup tentang Tata Kelola Data Pemerintah Daerah': the jenis in its "
          "standard abbreviation (the vault's own singkatan jenis) and the full subject",
          used=("k_policy_a", "k_review_abbreviated")),
    negative("policy-4-no-review", "3", 4, ("k_policy_a",),
             "[@reviu review < 2 years]: no review at all", reason=REVIEW_MISSING),
    negative("policy-4-review-too-old", "3", 4, ("k_policy_a", "k_review_old"),
             "max_age_years = 2: the only review (22 May 2023) is over 2 years old on 30 June 2025",
             reason=REVIEW_TOO_OLD,
             also=((date(2025, 3, 1), 4),)),
    negative("policy-4-review-of-another-policy", "3", 4, ("k_policy_a", "k_review_other_policy"),
             "review: the minutes review Perbup 4/2021 on the architecture, not this policy",
             not_used=("k_review_other_policy",)),
    negative("policy-4-coordination-meeting-is-no-review", "3", 4, ("k_policy_a", "k_rakor"),
             "covers @reviu: a coordination meeting naming the policy, without reviewing or evaluating it",
             not_used=("k_rakor",)),
    negative("policy-4-no-integration", "3", 4, ("k_full", "k_review_full"),
             "covers L4 '~integrasi|antar instansi|...': the reviewed policy does not regulate integration",
             reason=CONTENT),
    positive("policy-5-sop-after-review", "3", 5, ("k_policy_a", "k_review_number", "k_sop_after"),
             "an SOP established in May 2025, after the October 2024 review, is the follow-up",
             used=("k_policy_a", "k_review_number", "k_sop_after"),
             also=((date(2025, 3, 31), 4),), period_as_of=True),
    positive("policy-5-amendment-after-review", "3", 5, ("k_policy_b", "k_review_b", "k_amendment_b"),
             "the amendment of Perbup 10/2023 (February 2025) follows its review (September 2024)",
             used=("k_policy_b", "k_review_b", "k_amendment_b"),
             also=((date(2025, 1, 31), 4),)),
    negative("policy-5-sop-before-review", "3", 5, ("k_policy_a", "k_review_number", "k_sop_before"),
             "after_review: the SOP (June 2024) was made before the review (October 2024)",
             reason=NOT_AFTER_REVIEW),
    extra("policy-amendment-alone", "3", 0, ("k_amendment_b",),
          "an amending Perbup alone is never the policy itself (issue 15, point 2)"),
    extra("policy-amended-policy-still-counts", "3", 4, ("k_policy_b", "k_review_b"),
          "Perbup 10/2023 is amended by a later Perbup in the vault: it stays in force and counts",
          used=("k_policy_b", "k_review_b")),
    extra("policy-repealed-by-later", "3", 0, ("k_repealed_old",),
          "Perbup 5/2019 is complete, but Perbup 2/2025 repeals it from 14 April 2025: it counts on 31 March "
          "2025, not on 30 June 2025", also=((date(2025, 3, 31), 3),), findings=("evidence_invalidated",)),
    extra("policy-new-repeals-old", "3", 2, ("k_repealed_old", "k_repealing_new"),
          "the new Perbup 2/2025 repeals 5/2019 and is itself a policy: its own (partial) content counts, the "
          "repealed one no longer", used=("k_repealing_new",), not_used=("k_repealed_old",),
          also=((date(2025, 3, 31), 3),)),
]

# ---------------------------------------------------------------------------------------------------------
# Governance indicators 11–20 (template `tata_kelola`), on 11 Arsitektur SPBE (kinds: dokumen_perencanaan,
# @kebijakan); indicator 12 replaces level 4 with its own ladder.
#   L1 [@indicator, draft_ok]   L2 [@indicator] (final)   L3 [@indicator, covers L3 domains]
#   L4 [@indicator, covers L3+L4] + [@reviu review < 2 years]
#   L5 L4's two + [@indicator, after_review, revises]
#   12 L4: [@indicator covers L3 + national roadmap] + [dokumen_perencanaan|laporan < 3 years, mentions RKA/Renja]
#          + [@reviu review < 2 years]

GOVERNANCE = [
    positive("governance-1-draft", "11", 1, ("t_draft",), "a draft Perbup on the architecture",
             findings=("only_drafts",)),
    negative("governance-1-invitation-only", "11", 1, ("t_undangan",),
             "[@indicator draft_ok]: no draft of the document; an invitation is not a kind of the indicator",
             reason=MISSING_KIND),
    positive("governance-2-partial", "11", 2, ("t_partial",),
             "an established architecture covering three of the six domains", used=("t_partial",)),
    negative("governance-2-document-still-draft", "11", 2, ("t_draft_document",),
             "[@indicator] final: the architecture document is marked DRAFT", reason=VALIDITY),
    positive("governance-3-all-domains", "11", 3, ("t_full",),
             "a scanned Perbup covering all six domains, without the national reference", used=("t_full",)),
    negative("governance-3-security-domain-missing", "11", 3, ("t_missing_security",),
             "covers 'arsitektur keamanan|keamanan spbe|keamanan informasi': five of six domains",
             reason=CONTENT),
    positive("governance-4-national-and-reviewed", "11", 4, ("t_full_national", "t_review"),
             "follows the national architecture and was reviewed in July 2024 (issue 15, point 1)",
             used=("t_full_national", "t_review"), verify=True),
    negative("governance-4-not-reviewed", "11", 4, ("t_full_national",),
             "[@reviu review < 2 years]: no review", reason=REVIEW_MISSING),
    positive("governance-5-amended-after-review", "11", 5, ("t_full_national", "t_review", "t_amendment"),
             "the architecture itself is amended (January 2025) after its review (July 2024)",
             used=("t_full_national", "t_review", "t_amendment")),
    negative("governance-5-update-before-review", "11", 5, ("t_full_national", "t_review", "t_amendment_early"),
             "after_review: the only amendment of the architecture (September 2023) predates its review (July "
             "2024)", reason=NOT_AFTER_REVIEW),
    extra("governance-5-derivative-decree-is-no-update", "11", 4,
          ("t_full_national", "t_review", "t_derivative_after"),
          "revises: after the review only a derivative decree (forming a team to manage the architecture) was "
          "made, not an amendment or a new version of the architecture itself",
          reason=NOT_AFTER_REVIEW),
    positive("governance-12-4-applied-in-budgets", "12", 4, ("g_roadmap", "g_renja", "g_review"),
             "indicator 12's own level 4: aligned with the national roadmap, carried in the 2024 Renja, and "
             "reviewed (minutes naming the roadmap by jenis and subject only)",
             used=("g_roadmap", "g_renja", "g_review")),
    negative("governance-12-4-budget-evidence-too-old", "12", 4, ("g_roadmap", "g_renja_old", "g_review"),
             "max_age_years = 3 on the budget evidence: the only Renja is of January 2021"),
    extra("governance-repealing-instrument-is-not-the-roadmap", "12", 0, ("g_roadmap_repeal",),
          "a Perbup that only repeals the 2020 roadmap is not a roadmap document (issue 15, point 2)"),
    extra("governance-roadmap-repealed-later", "12", 0, ("g_roadmap_old",),
          "the 2020 roadmap counts until the repeal of 3 February 2025 takes effect",
          also=((date(2025, 1, 15), 3),), findings=("evidence_invalidated",)),
]

# ---------------------------------------------------------------------------------------------------------
# Management indicators 21–28 (template `manajemen`), on 21 Manajemen Risiko SPBE:
#   L1 [laporan|notulen|berita_acara|dokumentasi|dokumen_perencanaan|@kebijakan|sop|sertifikat|lainnya]
#   L2 [dokumen_perencanaan|@kebijakan] + [laporan|dokumentasi|berita_acara|lainnya]
#   L3 [@kebijakan|sop, established, mentions ~pedoman|~standar|~prosedur] + [laporan|...]
#   L4 [@kebijakan, established, covers 'seluruh perangkat daerah|...'] + [laporan] + [@reviu < 2 years]
#   L5 [@kebijakan ... seluruh] + [@reviu < 2 years] + [@kebijakan|sop|laporan|dokumen_perencanaan after_review]

MANAGEMENT = [
    positive("management-1-report", "21", 1, ("m_report",), "a report of risk identification, unplanned",
             used=("m_report",)),
    negative("management-1-invitation-only", "21", 1, ("m_undangan",),
             "[laporan|notulen|...]: no evidence of the activity; an invitation is none of the kinds",
             reason=MISSING_KIND),
    positive("management-2-plan-and-report", "21", 2, ("m_plan", "m_report"),
             "a plan (Rencana Aksi) and its report, without a guideline", used=("m_plan", "m_report")),
    negative("management-2-minutes-instead-of-plan", "21", 2, ("m_minutes", "m_report"),
             "[dokumen_perencanaan|@kebijakan]: minutes of a coordination meeting are no plan",
             reason=MISSING_KIND),
    positive("management-3-sop", "21", 3, ("m_plan", "m_sop", "m_report"),
             "plan, an established SOP citing the national guideline (PermenPANRB 5/2020), and the report"),
    negative("management-3-sop-still-draft", "21", 3, ("m_plan", "m_sop_draft", "m_report"),
             "[@kebijakan|sop established]: the SOP is a draft", reason=VALIDITY),
    extra("management-levels-are-cumulative", "21", 1, ("m_sop", "m_report"),
          "the SOP and report meet level 3's own requirements, but level 2's plan or decree is missing: "
          "levels are cumulative (issue 15, point 8)"),
    positive("management-4-decree-all-units-reviewed", "21", 4, ("m_decree", "m_report", "m_review"),
             "a Kepbup applying the guideline to all units, the report, and the review of November 2024",
             used=("m_decree", "m_report", "m_review"), verify=True),
    negative("management-4-not-reviewed", "21", 4, ("m_decree", "m_report"),
             "[@reviu review < 2 years]: no review", reason=REVIEW_MISSING),
    negative("management-4-one-unit-only", "21", 4, ("m_decree_one_unit", "m_report", "m_review"),
             "covers 'seluruh perangkat daerah|...': the decree applies to the Kominfo office only",
             reason=CONTENT),
    positive("management-5-plan-improved-after-review", "21", 5,
             ("m_decree", "m_report", "m_review", "m_plan_after"),
             "the 2025 action plan (January 2025) improves on the review of November 2024",
             used=("m_decree", "m_review", "m_plan_after")),
    negative("management-5-plan-before-review", "21", 5, ("m_decree", "m_report", "m_review", "m_plan"),
             "after_review: the only plan (January 2024) predates the review", reason=NOT_AFTER_REVIEW),
    extra("management-4-review-cites-decree-number-with-hyphen", "21", 4,
          ("m_decree_hyphen", "m_report", "m_review_hyphen"),
          "the same decree and review, the decree numbered '100.3.3.2/Kep.45-Diskominfo/2024'",
          used=("m_decree_hyphen", "m_review_hyphen")),
]

# ---------------------------------------------------------------------------------------------------------
# Audit indicators 29–31 (template `audit`), on 29 audit of the SPBE infrastructure:
#   L1 [laporan mentions ~audit]   L2 [dokumen_perencanaan ~audit] + [laporan ~audit]
#   L3 plan + [laporan ~audit, ~standar|~pedoman]
#   L4 [laporan audit standard] + [sertifikat covers auditor] + [@reviu < 2 years]
#   L5 [laporan audit standard] + [@reviu < 2 years] + [laporan|notulen|dokumen_perencanaan after_review, tindak lanjut]

AUDIT = [
    positive("audit-1-report", "29", 1, ("a_report",), "an audit report without a plan", used=("a_report",)),
    negative("audit-1-invitation-only", "29", 1, ("a_undangan",),
             "[laporan ~audit]: no audit report, only the entry meeting's invitation", reason=MISSING_KIND),
    positive("audit-2-planned", "29", 2, ("a_plan", "a_report"), "the 2024 audit plan and the report",
             used=("a_plan", "a_report")),
    negative("audit-2-minutes-instead-of-plan", "29", 2, ("a_minutes", "a_report"),
             "[dokumen_perencanaan ~audit]: minutes of a preparatory meeting are no plan", reason=MISSING_KIND),
    positive("audit-3-to-standard", "29", 3, ("a_plan", "a_report_standard"),
             "the report says the internal auditors followed the ICT audit standard and guideline"),
    negative("audit-3-no-standard", "29", 3, ("a_plan", "a_report"),
             "covers '~standar|~pedoman': the report does not refer to an audit standard", reason=CONTENT),
    positive("audit-4-certified-and-reviewed", "29", 4, ("a_plan", "a_report_standard", "a_certificate", "a_review"),
             "the auditor's certificate (photographed) and the berita acara reviewing the results",
             used=("a_report_standard", "a_certificate", "a_review"), verify=True),
    negative("audit-4-no-certificate", "29", 4, ("a_plan", "a_report_standard", "a_review"),
             "[sertifikat covers auditor]: no auditor's certificate", reason=MISSING_KIND),
    extra("audit-4-certificate-expired-later", "29", 3,
          ("a_plan", "a_report_standard", "a_certificate_expiring", "a_review"),
          "the certificate is valid until 31 December 2024: level 4 on 29 November 2024, not on 30 June 2025",
          also=((date(2024, 11, 29), 4),)),
    positive("audit-5-findings-followed-up", "29", 5,
             ("a_plan", "a_report_standard", "a_certificate", "a_review", "a_follow_up"),
             "the follow-up report (February 2025) comes after the review (October 2024)",
             used=("a_report_standard", "a_review", "a_follow_up")),
    negative("audit-5-follow-up-before-review", "29", 5,
             ("a_plan", "a_report_standard", "a_certificate", "a_review", "a_follow_up_early"),
             "after_review: the only follow-up report (September 2024) predates the review",
             reason=NOT_AFTER_REVIEW),
]

# ---------------------------------------------------------------------------------------------------------
# Service indicators 32–47 (template `layanan`), on 42 pengaduan pelayanan publik (SIADU):
#   L1 [manual|dokumentasi]   L2 + covers interaction   L3 + covers transaction
#   L4 [manual|dokumentasi|dokumen_perencanaan covers integration]
#   L5 L4's + [@reviu < 2 years] + [manual|dokumentasi|laporan after_review]

SERVICE = [
    positive("service-1-information", "42", 1, ("s_info",), "screenshots of an information-only site",
             used=("s_info",)),
    negative("service-1-report-only", "42", 1, ("s_report",),
             "[manual|dokumentasi]: a performance report is neither a manual nor a screenshot",
             reason=MISSING_KIND),
    positive("service-2-interactive", "42", 2, ("s_interactive",),
             "the manual shows forms, uploads, search and downloads", used=("s_interactive",)),
    negative("service-2-login-page-only", "42", 2, ("s_login",),
             "covers interaction: the screenshots show only the login page", reason=CONTENT),
    positive("service-3-transactional", "42", 3, ("s_transactional",),
             "verification, approval and electronic signature inside the application"),
    negative("service-3-no-transaction", "42", 3, ("s_interactive",),
             "covers '~verifikasi|~validasi|~setuju|...': no transaction in the system", reason=CONTENT),
    positive("service-4-integrated", "42", 4, ("s_transactional", "s_api"),
             "screenshots of the API integration with SP4N-LAPOR", used=("s_transactional", "s_api")),
    negative("service-4-integration-only-in-a-report", "42", 4, ("s_transactional", "s_report"),
             "[manual|dokumentasi|dokumen_perencanaan covers integration]: the manual shows no integration, and "
             "the report that claims it is not one of the kinds", reason=CONTENT),
    positive("service-5-improved-after-evaluation", "42", 5, ("s_transactional", "s_api", "s_review", "s_improved"),
             "the evaluation of December 2024 and manual 3.0 of March 2025 (issue 15, point 1)",
             used=("s_api", "s_review", "s_improved"), verify=True),
    negative("service-5-not-improved", "42", 5, ("s_transactional", "s_api", "s_review"),
             "[@tampilan|laporan after_review]: nothing shows the service changed after the evaluation",
             reason=NOT_AFTER_REVIEW),
]

CASES: list[Case] = POLICY + GOVERNANCE + MANAGEMENT + AUDIT + SERVICE
