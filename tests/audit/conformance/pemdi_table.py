"""The Pemdi 2026 conformance table: every document-driven ladder × level 1–5, a set of evidence that
reaches exactly the level and one that falls one requirement short; the external-index indicators
(value → level through the regulation's ranges) and the hybrid indicators 11 and 12.

The expectations are read from the regulation's criteria (PermenPANRB 8/2026, summarised in
../shared/reference/PEMDI-2026.md), as `docs/rules-pemdi-2026.md` assigns them to levels, never
from the engine or the phrase lists of `frameworks/data/pemdi-2026.toml`:

- the common ladder (indicators 1, 2, 13–17), shown on 1 Tata Kelola Pemdi: L1 the substance of
  the Rencana Aksi Nasional Pemdi being drafted into the body's plans; L2 a final reference used
  by some digital services; L3 by all priority/thematic services, with SOPs; L4 integrated
  nationally and reviewed (review under 2 years); L5 the review followed up;
- the particular ladders: 3 SDM, 4 collaboration, 8 PDP, 9 audit, 11 cryptography, 12 incident
  handling, 19 user support, 20 satisfaction, each on its own indicator;
- levels are cumulative; a document counts when it is the body's own, not a draft unless the
  level accepts one, and dated on or before the assessment date.

The documents are in `pemdi_corpus.py`; dates are judged against 15 September 2026 unless a
case says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import table
from .table import CONTENT, MISSING_KIND, NOT_AFTER_REVIEW, REVIEW_MISSING, VALIDITY, Case

PEMDI = "pemdi-2026"
PEMDI_YEAR = 2026
PEMDI_ASSESSED = date(2026, 9, 15)  # Pemdi 2026's default as-of (09-15): the end of the evidence upload


def positive(id: str, indicator: str, level: int, documents: tuple[str, ...], why: str, **more) -> Case:
    return table.positive(f"pemdi-{id}", indicator, level, documents, why, framework=PEMDI, as_of=PEMDI_ASSESSED,
                          **more)


def negative(id: str, indicator: str, cell_level: int, documents: tuple[str, ...], removes: str, **more) -> Case:
    return table.negative(f"pemdi-{id}", indicator, cell_level, documents, removes, framework=PEMDI,
                          as_of=PEMDI_ASSESSED, **more)


def extra(id: str, indicator: str, level: int, documents: tuple[str, ...], why: str, **more) -> Case:
    return table.extra(f"pemdi-{id}", indicator, level, documents, why, framework=PEMDI, as_of=PEMDI_ASSESSED, **more)


# ---------------------------------------------------------------------------------------------------------
# The common ladder, on indicator 1 (Tata Kelola Pemdi)

U_L3 = ("pu_perbup", "pu_screens", "pu_sop_priority")
U_L4 = (*U_L3, "pu_review")

COMMON = [
    positive("common-1-draft-renstra", "1", 1, ("pu_draft_renstra",),
             "the body's own draft Renstra carries the substance of the Rencana Aksi Nasional Pemdi",
             used=("pu_draft_renstra",)),
    negative("common-1-neighbours-draft", "1", 1, ("pu_other_draft",),
             "the body's own plans: a neighbour's draft Renstra is not the body's", findings=("other_body",)),
    positive("common-2-architecture-used-by-some-services", "1", 2, ("pu_perbup", "pu_screens"),
             "a Perbup on the architecture (final) and the national application's entries of three services",
             used=("pu_perbup", "pu_screens")),
    negative("common-2-no-service-uses-it", "1", 2, ("pu_perbup",),
             "a reference for some services: nothing shows a service using it", reason=MISSING_KIND),
    positive("common-3-all-priority-services", "1", 3, U_L3,
             "the SOP applies the architecture to all priority and thematic digital services",
             used=("pu_perbup", "pu_sop_priority")),
    negative("common-3-one-service-only", "1", 3, ("pu_perbup", "pu_screens", "pu_sop_some"),
             "all priority/thematic services: the SOP covers the licensing service only", reason=CONTENT),
    positive("common-4-national-and-reviewed", "1", 4, U_L4,
             "integrated with the national architecture and reviewed in February 2026 (scanned minutes citing "
             "Perbup 3/2025)", used=("pu_perbup", "pu_screens", "pu_review"), verify=True,
             also=((date(2028, 3, 1), 3),)),
    negative("common-4-not-reviewed", "1", 4, U_L3, "reviewed periodically: no review", reason=REVIEW_MISSING),
    positive("common-5-amended-after-review", "1", 5, (*U_L4, "pu_amendment"),
             "the Perbup amended in June 2026 as the review concluded",
             used=("pu_perbup", "pu_review", "pu_amendment"), also=((date(2026, 6, 1), 4),), period_as_of=True),
    negative("common-5-not-followed-up", "1", 5, U_L4,
             "the review followed up: nothing was made after it", reason=NOT_AFTER_REVIEW),
    extra("common-5-screenshot-retaken-is-no-follow-up", "1", 4,
          ("pu_perbup", "pu_screens_upload", "pu_sop_priority", "pu_review"),
          "the national application's entries screenshot again in August 2026 for the upload show the same "
          "three services: taking a screenshot after the review is not following the review up",
          defect="engine: the common ladder's level 5 counts any rujukan, screenshot, manual or report dated after "
                 "the review as its follow-up (`after_review` looks at the date only); telling a screenshot of the "
                 "same entries from an optimised service needs the content compared, not a small rule change. "
                 "Observed: level 5"),
]

# ---------------------------------------------------------------------------------------------------------
# SDM (indicator 3): competency map → >90% ICT staff trained → users too → AI and data analysis → national

S_L3 = ("ps_map", "ps_training_ict", "ps_training_users")
S_L4 = (*S_L3, "ps_ai")

SDM = [
    positive("sdm-1-competency-map", "3", 1, ("ps_map",), "the map of the ICT staff's competencies",
             used=("ps_map",)),
    negative("sdm-1-invitation-only", "3", 1, ("ps_undangan",),
             "a competency map: only the invitation to draw it up", reason=MISSING_KIND),
    positive("sdm-2-ict-staff-trained", "3", 2, ("ps_map", "ps_training_ict"),
             "38 of 41 ICT staff (92.7%) trained", used=("ps_training_ict",)),
    negative("sdm-2-map-only", "3", 2, ("ps_map",),
             "more than 90% of ICT staff trained: the map names training needs, nobody trained yet",
             reason=CONTENT),
    extra("sdm-2-under-90-percent", "3", 1, ("ps_map", "ps_training_few"),
          "12 of 41 ICT staff (29%) trained is not more than 90%",
          defect="engine: level 2 asks for a training report of ICT staff but never reads the share trained "
                 "(\"12 dari 41 ... (29 persen)\"); any such report reaches level 2. Observed: level 2"),
    positive("sdm-3-users-trained", "3", 3, S_L3, "1,240 employees outside the ICT staff trained in digital literacy",
             used=("ps_training_users",)),
    negative("sdm-3-ict-staff-only", "3", 3, ("ps_map", "ps_training_ict"),
             "users trained too: only the ICT staff were", reason=CONTENT),
    positive("sdm-4-ai-and-data-analysis", "3", 4, S_L4, "an AI assistant and analytics dashboards in daily use",
             used=("ps_ai",)),
    negative("sdm-4-no-ai", "3", 4, S_L3, "AI and data analysis used intensively: no evidence", reason=CONTENT),
    positive("sdm-5-national-award", "3", 5, (*S_L4, "ps_award"),
             "a national award for an innovation 14 other regions replicated", used=("ps_award",)),
    negative("sdm-5-provincial-award", "3", 5, (*S_L4, "ps_award_province"),
             "national impact: a provincial award is not national (the AI report's 'Strategi Nasional' is no "
             "impact either)"),
]

# ---------------------------------------------------------------------------------------------------------
# Collaboration (indicator 4): inside → other agencies → academia, business, media, communities →
# directed and reviewed → followed up

K_L3 = ("pk_rakor", "pk_pks_bps", "pk_pks_univ")
K_L4 = (*K_L3, "pk_forum", "pk_review")

COLLABORATION = [
    positive("collaboration-1-inside", "4", 1, ("pk_rakor",), "the SPBE team's meeting across the body's units",
             used=("pk_rakor",)),
    negative("collaboration-1-nothing-digital", "4", 1, ("pk_rakor_stunting",),
             "collaboration on digital government: the units cooperate on stunting", reason=CONTENT),
    positive("collaboration-2-other-agency", "4", 2, ("pk_rakor", "pk_pks_bps"),
             "an agreement with BPS on sectoral statistics and data exchange", used=("pk_pks_bps",)),
    negative("collaboration-2-inside-only", "4", 2, ("pk_rakor",),
             "with other agencies: only the body's own units", reason=CONTENT),
    positive("collaboration-3-university", "4", 3, K_L3, "an agreement with a university",
             used=("pk_pks_univ",)),
    negative("collaboration-3-government-only", "4", 3, ("pk_rakor", "pk_pks_bps"),
             "academia, business, media or communities: the partners are government bodies only (the BPS "
             "agreement's 'media elektronik' is a channel, not the press)"),
    positive("collaboration-4-directed-and-reviewed", "4", 4, K_L4,
             "a decree forming the pentahelix forum, and the review of March 2026",
             used=("pk_review",)),
    negative("collaboration-4-not-reviewed", "4", 4, (*K_L3, "pk_forum"), "reviewed: no review",
             reason=REVIEW_MISSING),
    positive("collaboration-5-addendum-after-review", "4", 5, (*K_L4, "pk_addendum"),
             "the university agreement extended in May 2026 as the review recommended", used=("pk_addendum",)),
    negative("collaboration-5-not-followed-up", "4", 5, K_L4, "followed up: nothing after the review",
             reason=NOT_AFTER_REVIEW),
]

# ---------------------------------------------------------------------------------------------------------
# PDP (indicator 8): ad hoc → action plan and technical PDP on some services → in the Pemdi action plan,
# all services, officer, privacy notice, processing records, DPIA → evaluated → followed up

P_L2 = ("pp_plan", "pp_consent_screens")
P_L3 = (*P_L2, "pp_kep_ppdp", "pp_renaksi_pemdi", "pp_ropa_dpia")
P_L4 = (*P_L3, "pp_eval")

PDP = [
    positive("pdp-1-ad-hoc", "8", 1, ("pp_draft_sop",), "a first, draft SOP on personal-data requests",
             used=("pp_draft_sop",)),
    negative("pdp-1-data-but-not-personal", "8", 1, ("pp_sop_sektoral",),
             "personal data: the SOP is about sectoral statistics", reason=CONTENT),
    positive("pdp-2-plan-and-consent", "8", 2, P_L2, "the PDP action plan and consent screens on one service",
             used=P_L2),
    negative("pdp-2-plan-only", "8", 2, ("pp_plan",), "technical PDP on some services: none shown",
             reason=MISSING_KIND),
    positive("pdp-3-officer-notice-records-dpia", "8", 3, P_L3,
             "the PDP officer appointed, PDP in the Pemdi action plan, privacy notices, processing records and DPIA",
             used=("pp_kep_ppdp", "pp_ropa_dpia")),
    negative("pdp-3-no-dpia", "8", 3, (*P_L2, "pp_kep_ppdp", "pp_renaksi_pemdi", "pp_ropa_only"),
             "a DPIA: the report shows privacy notices and processing records only (the action plan planning a "
             "DPIA is no DPIA)", reason=CONTENT),
    positive("pdp-4-evaluated", "8", 4, P_L4, "the comprehensive evaluation of April 2026", used=("pp_eval",)),
    negative("pdp-4-not-evaluated", "8", 4, P_L3, "evaluated: no evaluation", reason=REVIEW_MISSING),
    positive("pdp-5-followed-up", "8", 5, (*P_L4, "pp_followup"), "the SOP established in June 2026 after it",
             used=("pp_eval", "pp_followup")),
    negative("pdp-5-not-followed-up", "8", 5, P_L4, "followed up: nothing after the evaluation",
             reason=NOT_AFTER_REVIEW),
]

# ---------------------------------------------------------------------------------------------------------
# Audit (indicator 9): team and plan → internal audit of some services → internal audit followed up →
# external audit of priority services → its follow-up

A_L3 = ("pa_team", "pa_plan", "pa_internal", "pa_internal_followup")
A_L4 = (*A_L3, "pa_external")

AUDIT = [
    positive("audit-1-team-and-plan", "9", 1, ("pa_team", "pa_plan"), "the audit team's decree and the audit programme",
             used=("pa_team", "pa_plan")),
    negative("audit-1-plan-without-team", "9", 1, ("pa_plan",), "an audit team formed by decree: none",
             reason=MISSING_KIND),
    positive("audit-2-internal-audit", "9", 2, ("pa_team", "pa_plan", "pa_internal"),
             "the internal audit of the staffing application", used=("pa_internal",)),
    negative("audit-2-not-audited-yet", "9", 2, ("pa_team", "pa_plan"), "an internal audit carried out: none",
             reason=MISSING_KIND),
    positive("audit-3-internal-followed-up", "9", 3, A_L3, "5 of 6 internal findings followed up",
             used=("pa_internal_followup",)),
    negative("audit-3-not-followed-up", "9", 3, ("pa_team", "pa_plan", "pa_internal"),
             "internal audit with follow-up: none", reason=CONTENT),
    positive("audit-4-external-itsa", "9", 4, A_L4, "BSSN's IT Security Assessment of the priority services",
             used=("pa_external",)),
    negative("audit-4-internal-only", "9", 4, A_L3, "an external audit: the only audit was internal"),
    extra("audit-4-internal-audit-following-a-bssn-guideline", "9", 3,
          ("pa_team", "pa_plan", "pa_internal_bssn", "pa_internal_followup"),
          "an internal audit by the Inspektorat 'berpedoman pada Peraturan BSSN Nomor 4 Tahun 2021' is still internal",
          defect="engine: level 4 reads 'external' from phrases anywhere in the report ('bssn', 'independen'), so "
                 "an internal audit citing BSSN's guideline reads as BSSN's audit; requiring 'oleh BSSN' instead "
                 "missed a real BSSN report whose letterhead alone names BSSN (blind Pemdi holdout, indicator 9). "
                 "Telling the auditor from the guideline needs the report's issuer, which the audit does not "
                 "see. Observed: level 4"),
    positive("audit-5-external-followed-up", "9", 5, (*A_L4, "pa_external_followup"),
             "the berita acara closing the ITSA findings in May 2026", used=("pa_external", "pa_external_followup")),
    negative("audit-5-external-not-followed-up", "9", 5, A_L4, "the external audit followed up: no evidence",
             reason=NOT_AFTER_REVIEW),
]

# ---------------------------------------------------------------------------------------------------------
# Cryptography (indicator 11, judged by its ladder until the IKASANDI value is recorded)

C_L3 = ("pc_draft", "pc_tls", "pc_two_states")
C_L4 = (*C_L3, "pc_all_priority")

CRYPTOGRAPHY = [
    positive("crypto-1-draft-policy", "11", 1, ("pc_draft",), "a draft Perbup on cryptography (persandian)",
             used=("pc_draft",)),
    negative("crypto-1-neighbours-draft", "11", 1, ("pc_other_draft",), "the body's own: a neighbour's draft",
             findings=("other_body",)),
    positive("crypto-2-tls-on-some-services", "11", 2, ("pc_draft", "pc_tls"),
             "HTTPS/TLS and electronic signatures on the licensing service", used=("pc_tls",)),
    negative("crypto-2-not-applied", "11", 2, ("pc_draft",), "applied to some services: not yet",
             reason=MISSING_KIND),
    positive("crypto-3-two-states-some-services", "11", 3, C_L3,
             "encrypted database and TLS on the staffing applications", used=("pc_two_states",)),
    negative("crypto-3-in-transit-only", "11", 3, ("pc_draft", "pc_tls"), "two data states: in transit only",
             reason=CONTENT),
    positive("crypto-4-all-priority", "11", 4, C_L4, "both states on all five priority services",
             used=("pc_all_priority",)),
    negative("crypto-4-some-services-only", "11", 4, C_L3, "all priority services: two applications only",
             reason=CONTENT),
    positive("crypto-5-evaluated", "11", 5, (*C_L4, "pc_evaluation"), "the evaluation with BSSN of July 2026",
             used=("pc_evaluation",)),
    negative("crypto-5-not-evaluated", "11", 5, C_L4, "evaluated: no evaluation", reason=CONTENT),
]

# ---------------------------------------------------------------------------------------------------------
# Incident handling (indicator 12, judged by its ladder until the IKASANDI value is recorded)

I_L3 = ("pi_decree", "pi_sop")
I_L4 = (*I_L3, "pi_sharing", "pi_review")

INCIDENT = [
    positive("incident-1-csirt-being-formed", "12", 1, ("pi_draft",), "the draft decree forming the CSIRT",
             used=("pi_draft",)),
    negative("incident-1-neighbours-csirt", "12", 1, ("pi_other",), "the body's own: a neighbour's CSIRT decree",
             findings=("other_body",)),
    positive("incident-2-csirt-formed", "12", 2, ("pi_decree",), "the CSIRT formed by the regent's decree",
             used=("pi_decree",)),
    negative("incident-2-decree-still-draft", "12", 2, ("pi_draft",), "formed by decree: the decree is a draft",
             reason=VALIDITY),
    positive("incident-3-all-priority-services", "12", 3, I_L3, "the SOP for all priority services",
             used=("pi_sop",)),
    negative("incident-3-website-only", "12", 3, ("pi_decree", "pi_sop_website"),
             "all priority services: the SOP covers the website only", reason=CONTENT),
    positive("incident-4-reviewed-and-shared", "12", 4, I_L4,
             "incidents reported to Gov-CSIRT, reviewed in January 2026",
             used=("pi_sharing", "pi_review")),
    negative("incident-4-not-reviewed", "12", 4, (*I_L3, "pi_sharing"), "reviewed: no review",
             reason=REVIEW_MISSING),
    positive("incident-5-improved", "12", 5, (*I_L4, "pi_sop_v2"), "the SOP revised with escalation in March 2026",
             used=("pi_review", "pi_sop_v2")),
    negative("incident-5-not-improved", "12", 5, I_L4, "continuous improvement: nothing after the review",
             reason=NOT_AFTER_REVIEW),
]

# ---------------------------------------------------------------------------------------------------------
# User support (indicator 19): facility → SOP with SLA → automated SLA monitoring → national and reviewed →
# followed up

D_L3 = ("pd_helpdesk", "pd_sop_sla", "pd_ticketing")
D_L4 = (*D_L3, "pd_national", "pd_review")

SUPPORT = [
    positive("support-1-helpdesk", "19", 1, ("pd_helpdesk",), "helpdesk, chat and call centre",
             used=("pd_helpdesk",)),
    negative("support-1-manual-without-support", "19", 1, ("pd_manual",), "a support facility: the manual names none",
             reason=CONTENT),
    positive("support-2-sop-with-sla", "19", 2, ("pd_helpdesk", "pd_sop_sla"),
             "the helpdesk SOP promises 15 minutes to respond and 1 working day to resolve", used=("pd_sop_sla",)),
    negative("support-2-sop-without-sla", "19", 2, ("pd_helpdesk", "pd_sop_no_sla"), "an SLA: the SOP has none",
             reason=CONTENT),
    positive("support-3-sla-monitored", "19", 3, D_L3, "the ticketing dashboard computes SLA attainment",
             used=("pd_ticketing",)),
    negative("support-3-not-monitored", "19", 3, ("pd_helpdesk", "pd_sop_sla"), "automated monitoring: none",
             reason=CONTENT),
    positive("support-4-national-and-reviewed", "19", 4, D_L4,
             "the helpdesk connected to SP4N-LAPOR and its SOP reviewed (by number) in February 2026",
             used=("pd_national", "pd_review")),
    negative("support-4-not-reviewed", "19", 4, (*D_L3, "pd_national"), "reviewed: no review",
             reason=REVIEW_MISSING),
    positive("support-5-sop-revised", "19", 5, (*D_L4, "pd_sop_v2"), "the SOP revised in April 2026",
             used=("pd_sop_v2",)),
    negative("support-5-not-revised", "19", 5, D_L4, "followed up: nothing after the review",
             reason=NOT_AFTER_REVIEW),
]

# ---------------------------------------------------------------------------------------------------------
# Satisfaction (indicator 20)

Q_L1 = ("pq_skm", "pq_feedback")
Q_L2 = (*Q_L1, "pq_widget", "pq_quarterly")
Q_L3 = (*Q_L2, "pq_ux_team", "pq_dashboard")
Q_L4 = (*Q_L3, "pq_mystery", "pq_redesign")

SATISFACTION = [
    positive("satisfaction-1-online-survey", "20", 1, Q_L1,
             "an online SKM on the official site with disabled and elderly respondents, and answered suggestions",
             used=Q_L1),
    negative("satisfaction-1-no-vulnerable-group", "20", 1, ("pq_skm_no_vulnerable", "pq_feedback"),
             "at least one vulnerable group surveyed: none", reason=CONTENT),
    positive("satisfaction-2-widget-and-quarterly", "20", 2, Q_L2, "a survey widget and quarterly processing",
             used=("pq_widget", "pq_quarterly")),
    negative("satisfaction-2-no-widget", "20", 2, (*Q_L1, "pq_quarterly"), "a widget: none", reason=CONTENT),
    positive("satisfaction-3-ux-team-and-dashboard", "20", 3, Q_L3, "the UX team's decree and the public dashboard",
             used=("pq_ux_team", "pq_dashboard")),
    negative("satisfaction-3-no-ux-team", "20", 3, (*Q_L2, "pq_dashboard"), "a UX team: none",
             reason=MISSING_KIND),
    positive("satisfaction-4-mystery-shopping-and-redesign", "20", 4, Q_L4,
             "mystery shopping and a redesigned form", used=("pq_mystery", "pq_redesign")),
    negative("satisfaction-4-no-redesign", "20", 4, (*Q_L3, "pq_mystery"), "a periodic redesign: none",
             reason=CONTENT),
    positive("satisfaction-5-change-log-and-sentiment", "20", 5, (*Q_L4, "pq_changelog", "pq_sentiment"),
             "a public change log and a sentiment analysis", used=("pq_changelog", "pq_sentiment")),
    negative("satisfaction-5-no-sentiment-analysis", "20", 5, (*Q_L4, "pq_changelog"),
             "a sentiment analysis: none", reason=CONTENT),
]

PEMDI_CASES: list[Case] = COMMON + SDM + COLLABORATION + PDP + AUDIT + CRYPTOGRAPHY + INCIDENT + SUPPORT + SATISFACTION


# ---------------------------------------------------------------------------------------------------------
# External-index indicators (Pasal 7): the value received, converted by the regulation's ranges


@dataclass(frozen=True)
class IndexCase:
    id: str
    indicator: str
    value: float | None  # on the index's own scale; None: not recorded yet
    level: float  # the indicator's value the audit must show
    source: str = ""  # the document that shows the value
    linked: tuple[str, ...] = ()  # documents linked to the indicator (they never raise an index's value)
    estimated: float | None = None  # hybrid (11, 12): the ladder's level from `linked` before the value


INDEX_CASES = [
    IndexCase("sdi-68.75-is-3.75", "5", 68.75, 3.75, "px_sdi"),
    IndexCase("sdi-12.5-is-the-floor-of-cukup", "5", 12.5, 1.5, "px_sdi"),
    IndexCase("sdi-75-is-the-floor-of-memuaskan", "5", 75, 4.0, "px_sdi"),
    IndexCase("sdi-not-recorded-is-no-evidence-gap", "5", None, 0, linked=("px_sdi",)),
    IndexCase("sjig-read-as-it-is", "6", 3.2, 3.2),
    IndexCase("ips-read-as-it-is", "7", 2.45, 2.45),
    IndexCase("ikasandi-security", "10", 2.75, 2.75, "px_ikasandi"),
    IndexCase("sdi-sub-index-interoperability", "18", 50, 3.0, "px_sdi"),
    IndexCase("hybrid-11-ladder-then-ikasandi", "11", 2.10, 2.1, "px_ikasandi", linked=C_L3, estimated=3),
    IndexCase("hybrid-12-ladder-then-ikasandi", "12", 3.05, 3.05, "px_ikasandi", linked=I_L4, estimated=4),
    IndexCase("hybrid-11-no-documents-no-value", "11", None, 0),
]
