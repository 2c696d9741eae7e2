"""Frameworks as data: the built-ins load, add up and rate correctly; broken files are refused."""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pytest

from evidence_vault.frameworks import (
    KINDS,
    FrameworkError,
    builtin_codes,
    builtin_crosswalk,
    builtin_framework,
    load_crosswalk,
    load_framework,
    loader,
    rules,
)
from evidence_vault.frameworks.phrases import phrase_problem

from ..conftest import SHARED

REFERENCE = SHARED / "reference" / "spbe-2020-indicators.json"

# DOMAIN.md §2: aspect -> (domain, weight, first and last indicator, weight of each indicator)
SPBE_ASPECTS = {
    "1": ("1", 13, 1, 10, 1.3),
    "2": ("2", 10, 11, 14, 2.5),
    "3": ("2", 10, 15, 18, 2.5),
    "4": ("2", 5, 19, 20, 2.5),
    "5": ("3", 12, 21, 28, 1.5),
    "6": ("3", 4.5, 29, 31, 1.5),
    "7": ("4", 27.5, 32, 41, 2.75),
    "8": ("4", 18, 42, 47, 3.0),
}
SPBE_DOMAINS = {"1": 13, "2": 25, "3": 16.5, "4": 45.5}
# PEMDI-2026.md (PermenPANRB 8/2026, main table): aspect -> (weight, indicator weights)
PEMDI_ASPECTS = {
    "Tata Kelola dan Manajemen": (10, [5, 5]),
    "Penyelenggara": (10, [5, 5]),
    "Data": (15, [5, 3, 3, 4]),
    "Keamanan Pemdi": (15, [4, 4, 3, 4]),
    "Teknologi Pemdi": (10, [5, 5]),
    "Keterpaduan Layanan Digital Pemerintah": (15, [4, 4, 4, 3]),
    "Kepuasan Pengguna Layanan Digital Pemerintah": (25, [10, 15]),
}
POLICY_FORMS = {
    "perda_provinsi", "perda_kabkota", "pergub", "perbup", "perwali", "kepgub", "kepbup", "kepwali",
    "keputusan_kepala", "keputusan_menteri", "permen", "perban",
}


@pytest.fixture(scope="module")
def spbe():
    return builtin_framework("spbe-2020")


@pytest.fixture(scope="module")
def pemdi():
    return builtin_framework("pemdi-2026")


def test_builtin_codes_and_cache() -> None:
    assert builtin_codes() == ["pemdi-2026", "spbe-2020"]
    assert builtin_framework("spbe-2020") is builtin_framework("spbe-2020")
    with pytest.raises(KeyError, match="no built-in framework 'spbe-2019'"):
        builtin_framework("spbe-2019")


def test_spbe_structure(spbe) -> None:
    assert not spbe.provisional
    assert [i.code for i in spbe.indicators] == [str(n) for n in range(1, 48)]
    assert math.isclose(sum(i.weight for i in spbe.indicators), 100)
    assert [(d.code, d.weight) for d in spbe.domains] == list(SPBE_DOMAINS.items())
    assert [(level.value, level.name) for level in spbe.levels] == [
        (1, "Rintisan"), (2, "Terkelola"), (3, "Terdefinisi"), (4, "Terpadu dan Terukur"), (5, "Optimum")]


@pytest.mark.parametrize(("aspect", "expected"), SPBE_ASPECTS.items())
def test_spbe_aspect_weights(spbe, aspect: str, expected: tuple) -> None:
    domain, weight, first, last, each = expected
    found = spbe.aspect(aspect)
    assert (found.domain, found.weight) == (domain, weight)
    indicators = spbe.indicators_in(aspect)
    assert [i.code for i in indicators] == [str(n) for n in range(first, last + 1)]
    assert {i.weight for i in indicators} == {each}
    assert math.isclose(sum(i.weight for i in indicators), weight)


@pytest.mark.parametrize(("domain", "weight"), SPBE_DOMAINS.items())
def test_spbe_domain_weights(spbe, domain: str, weight: float) -> None:
    assert math.isclose(sum(a.weight for a in spbe.aspects_in(domain)), weight)


def test_spbe_matches_reference_list(spbe) -> None:
    if not REFERENCE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"reference list missing: {REFERENCE}")
        pytest.skip("reference list not available")
    for row in json.loads(REFERENCE.read_text(encoding="utf-8"))["indicators"]:
        indicator = spbe.indicator(str(row["number"]))
        assert (indicator.name, indicator.aspect, indicator.weight) == (
            row["name"], str(row["aspect"]), row["weight_percent"])
        assert spbe.aspect(indicator.aspect).domain == str(row["domain"])


def test_pemdi_structure(pemdi) -> None:
    assert not pemdi.provisional and pemdi.fractional
    assert pemdi.domains == ()
    assert len(pemdi.indicators) == 20
    assert [a.name for a in pemdi.aspects] == list(PEMDI_ASPECTS)
    for aspect in pemdi.aspects:
        weight, indicator_weights = PEMDI_ASPECTS[aspect.name]
        assert aspect.weight == weight
        assert [i.weight for i in pemdi.indicators_in(aspect.code)] == indicator_weights
    assert math.isclose(sum(i.weight for i in pemdi.indicators), 100)


def test_index_all_level_three_is_baik(spbe) -> None:
    index = spbe.index({i.code: 3 for i in spbe.indicators})
    assert index == 3.0
    assert spbe.rating(index) == "Baik"


def test_index_is_the_weighted_sum(spbe) -> None:
    levels = {i.code: (5 if spbe.aspect(i.aspect).domain == "1" else 3) for i in spbe.indicators}
    assert spbe.index(levels) == pytest.approx((13 * 5 + 87 * 3) / 100)  # 3.26
    assert spbe.index({"1": 4}) == pytest.approx(1.3 * 4 / 100)  # absent indicators count 0
    assert spbe.index({}) == 0.0


def test_index_is_the_domain_weighted_mean_of_domain_indices(spbe) -> None:
    levels = {i.code: 1 + int(i.code) % 5 for i in spbe.indicators}
    by_domain = 0.0
    for domain in spbe.domains:
        members = [i for a in spbe.aspects_in(domain.code) for i in spbe.indicators_in(a.code)]
        domain_index = sum(i.weight * levels[i.code] for i in members) / domain.weight
        by_domain += domain.weight * domain_index / 100
    assert spbe.index(levels) == pytest.approx(by_domain)


@pytest.mark.parametrize(("index", "band"), [
    (5.0, "Memuaskan"), (4.3, "Memuaskan"), (4.2, "Memuaskan"), (4.19, "Sangat Baik"), (3.87, "Sangat Baik"),
    (3.5, "Sangat Baik"), (3.49, "Baik"), (3.12, "Baik"), (2.6, "Baik"), (2.59, "Cukup"), (1.8, "Cukup"),
    (1.79, "Kurang"), (1.78, "Kurang"), (0.0, "Kurang"),
])
def test_spbe_rating(spbe, index: float, band: str) -> None:
    assert spbe.rating(index) == band


@pytest.mark.parametrize(("index", "band"), [
    (4.0, "Memuaskan"), (3.99, "Sangat Baik"), (3.5, "Sangat Baik"), (3.49, "Baik"), (2.5, "Baik"),
    (2.49, "Cukup"), (1.5, "Cukup"), (1.49, "Kurang"),
])
def test_pemdi_rating(pemdi, index: float, band: str) -> None:
    assert pemdi.rating(index) == band


def test_index_and_rating_refuse_nonsense(spbe) -> None:
    with pytest.raises(KeyError, match="spbe-2020 has no indicator '48'"):
        spbe.index({"48": 3})
    with pytest.raises(ValueError, match="between 0 and 5"):
        spbe.index({"1": 6})
    with pytest.raises(ValueError, match="between 0 and 5"):
        spbe.rating(5.1)


@pytest.mark.parametrize("key", rules.REQUIREMENT_KEYS)
def test_requirement_vocabulary_is_documented(key: str) -> None:
    assert re.search(rf"^    {key} ", loader.__doc__ or "", re.MULTILINE), f"{key} is not documented in loader.py"


def test_document_kinds_registry() -> None:
    legal = {"uu", "perppu", "pp", "perpres", "permen", "perban", "perda_provinsi", "perda_kabkota", "pergub",
             "perbup", "perwali", "kepgub", "kepbup", "kepwali", "keputusan_menteri", "keputusan_kepala",
             "surat_edaran", "instruksi", "sop"}
    other = {"laporan", "notulen", "berita_acara", "undangan", "nota_dinas", "dokumentasi", "manual", "perjanjian",
             "dokumen_perencanaan", "sertifikat", "lainnya"}
    assert set(KINDS) == legal | other
    assert {code for code, kind in KINDS.items() if kind.legal_instrument} == legal
    assert all(kind.label for kind in KINDS.values())
    assert not KINDS["kepbup"].needs_promulgation and KINDS["perbup"].needs_promulgation


@pytest.mark.parametrize("code", ["spbe-2020", "pemdi-2026"])
def test_every_indicator_has_rules_for_every_level(code: str) -> None:
    framework = builtin_framework(code)
    for indicator in framework.indicators:
        assert indicator.description and indicator.description != indicator.name
        assert indicator.phrases and indicator.kinds
        if indicator.index is not None:  # Pemdi 2026: the value comes from another agency's index
            continue
        assert [c.level for c in indicator.criteria] == [level.value for level in framework.levels]
        for criteria in indicator.criteria:
            assert criteria.requirements and "{" not in criteria.explanation
            for requirement in criteria.requirements:
                assert set(requirement.kinds) <= set(KINDS) and requirement.missing
                assert "{" not in requirement.missing
                assert all(phrase_problem(p) is None for p in requirement.covers)
        assert all(phrase_problem(p) is None for p in indicator.phrases + indicator.hints + indicator.context)


def test_policy_levels_follow_the_legality_rules(spbe) -> None:
    for indicator in spbe.indicators[:10]:
        draft, established, complete, reviewed, improved = indicator.criteria
        assert draft.requirements[0].draft_ok
        assert set(draft.requirements[1].kinds) == {"notulen", "undangan", "berita_acara", "nota_dinas"}
        # ... or, instead of the draft and its meeting, a policy already established (levels are cumulative)
        assert draft.otherwise[0].established and set(draft.otherwise[0].kinds) == POLICY_FORMS
        for criteria in (established, complete, reviewed):
            main = criteria.requirements[0]
            assert main.established and set(main.kinds) == POLICY_FORMS  # no surat edaran, no SOP
        review = reviewed.requirements[1]
        assert review.review and review.max_age_years == 2
        assert {"surat_edaran", "sop"} <= set(improved.requirements[2].kinds)
        assert improved.requirements[2].after_review
    architecture = spbe.indicator("1").level(3).requirements[0].covers
    domains = {"proses bisnis", "data dan informasi", "infrastruktur", "aplikasi", "keamanan", "layanan"}
    assert all(any(domain in phrase for phrase in architecture) for domain in domains)


def test_indicator_overrides_a_template_level(spbe) -> None:
    work_plans = spbe.indicator("12").level(4).requirements[1]
    assert (work_plans.kinds, work_plans.max_age_years, work_plans.mentions) == (
        ("dokumen_perencanaan", "laporan"), 3, True)
    assert spbe.indicator("11").level(4).requirements[1].min_count == 1


def test_crosswalk_covers_every_spbe_indicator(spbe, pemdi) -> None:
    crosswalk = builtin_crosswalk("spbe-2020", "pemdi-2026")
    assert builtin_crosswalk("pemdi-2026", "spbe-2020") is not None
    assert [link.left for link in crosswalk.links] == [i.code for i in spbe.indicators]
    for link in crosswalk.links:
        assert link.right or link.why
        assert all(pemdi.has_indicator(code) for code in link.right)
    reached = {code for link in crosswalk.links for code in link.right}
    # Pemdi 8 (pelindungan data pribadi) is new: no SPBE 2020 indicator had its subject
    assert reached == {i.code for i in pemdi.indicators} - {"8"}


@pytest.mark.parametrize(("spbe_code", "pemdi_names"), [
    ("3", {"Tingkat Kematangan Manajemen Layanan Digital Pemerintah", "Tingkat Kematangan Tata Kelola Data",
           "Interoperabilitas Data"}),
    ("8", {"Tingkat Kematangan Manajemen Layanan Digital Pemerintah", "Tingkat Kematangan Keamanan Pemdi"}),
    ("22", {"Tingkat Kematangan Manajemen Layanan Digital Pemerintah", "Tingkat Kematangan Keamanan Pemdi",
            "Tingkat Kematangan Penerapan Kriptografi untuk Keamanan Data",
            "Tingkat Kematangan Kapabilitas Penanganan Insiden Siber"}),
    ("31", {"Tingkat Kematangan Pelaksanaan Audit Keamanan Pemdi dan Teknologi Pemdi"}),
    ("44", {"Portal Layanan Digital Pemerintah"}),
])
def test_crosswalk_both_directions(spbe_code: str, pemdi_names: set[str], pemdi) -> None:
    crosswalk = builtin_crosswalk("spbe-2020", "pemdi-2026")
    targets = crosswalk.counterparts("spbe-2020", spbe_code)
    assert {pemdi.indicator(code).name for code in targets} == pemdi_names
    for code in targets:
        assert spbe_code in crosswalk.counterparts("pemdi-2026", code)
    with pytest.raises(KeyError):
        crosswalk.counterparts("spbe-2019", "1")


# --- broken files -----------------------------------------------------------------------

MINIMAL = '''
code = "mini"
name = "Mini"
source = "uji"
provisional = true

[[levels]]
value = 1
name = "Rintisan"

[[levels]]
value = 2
name = "Terkelola"

[[bands]]
name = "Baik"
min = 1.5

[[bands]]
name = "Kurang"
min = 0.0

[[domains]]
code = "1"
name = "Domain"
weight = 100

[[aspects]]
code = "1"
domain = "1"
name = "Aspek"
weight = 100

[kind_groups]
kebijakan = ["perbup", "keputusan_kepala"]

[phrase_sets]
data = ["satu data", "walidata"]

[templates.kebijakan]
name = "Kebijakan"
kinds = ["@kebijakan"]

[[templates.kebijakan.levels]]
level = 1
explanation = "Rancangan {topic}."

[[templates.kebijakan.levels.requires]]
kinds = ["@kebijakan"]
draft_ok = true
missing = "Belum ada rancangan {topic}."

[[templates.kebijakan.levels]]
level = 2
explanation = "Kebijakan {topic} ditetapkan dan direviu."

[[templates.kebijakan.levels.requires]]
kinds = ["@kebijakan"]
established = true
missing = "Belum ada kebijakan {topic} yang ditetapkan."

[[templates.kebijakan.levels.requires]]
kinds = ["notulen"]
review = true
max_age_years = 2
missing = "Belum ada reviu {topic}."

[[indicators]]
code = "1"
name = "Indikator satu"
aspect = "1"
weight = 60
type = "kebijakan"
topic = "manajemen data"
description = "Uji."
phrases = ["@data"]

[[indicators]]
code = "2"
name = "Indikator dua"
aspect = "1"
weight = 40
type = "kebijakan"
description = "Uji."
phrases = ["tim koordinasi spbe"]
'''

OVERRIDE = '''
[[indicators.levels]]
level = 2
explanation = "Khusus."

[[indicators.levels.requires]]
kinds = ["perbupp"]
missing = "Kurang."
'''

BROKEN = [
    ("weight = 40\n", "", "indicator 2: weight missing"),
    ("weight = 40\n", "weight = 39.7\n", "indicator weights sum to 99.7, expected 100"),
    ('kinds = ["notulen"]', 'kinds = ["notulenn"]',
     "template 'kebijakan' level 2 requirement 2 names unknown document kind 'notulenn'"),
    ('phrases = ["tim koordinasi spbe"]\n', 'phrases = ["tim koordinasi spbe"]\n' + OVERRIDE,
     "level 2 of indicator 2 requirement 1 names unknown document kind 'perbupp'"),
    ('code = "2"', 'code = "1"', "duplicate indicator code '1'"),
    ('aspect = "1"\nweight = 40', 'aspect = "9"\nweight = 40', "indicator 2: unknown aspect '9'"),
    ('domain = "1"', 'domain = "7"', "aspect 1: unknown domain '7'"),
    ("draft_ok = true", "draft = true", "unknown key 'draft'"),
    ('type = "kebijakan"\ndescription', 'type = "kebijakn"\ndescription', "indicator 2: unknown type 'kebijakn'"),
    ("draft_ok = true", "draft_ok = true\nestablished = true", "draft_ok contradicts established/promulgated"),
    ("review = true", "after_review = true", "after_review needs a requirement with review = true"),
    ('kinds = ["notulen"]', 'kinds = ["notulen"]\nestablished = true', "'notulen' is not a legal instrument"),
    ("established = true", "established = true\npromulgated = true", "'keputusan_kepala' is not promulgated"),
    ("min = 0.0", "min = 0.5", "the lowest band must start at 0, not 0.5"),
    ("min = 1.5", "min = 0.0", "two bands start at the same index"),
    ("value = 2", "value = 3", "levels must be numbered 1, 2, 3"),
    ("level = 2", "level = 3", "indicator 1: no criteria for level 2"),
    ("weight = 100\n\n[[aspects]]", "weight = 90\n\n[[aspects]]", "domain weights sum to 90, expected 100"),
    ("Rancangan {topic}.", "Rancangan {topik}.", "unknown placeholder '{topik}'"),
    ('phrases = ["@data"]', 'phrases = ["@dat"]', "indicator 1: unknown phrase set '@dat'"),
    ('"walidata"]', '"~wa"]', "'~' needs a root of at least 3 letters, got 'wa'"),
    ('"walidata"]', '"walidata", "satu data"]', "phrase 'satu data' listed twice"),
    ('kebijakan = ["perbup"', 'kebijakan = ["perbub"', "kind group 'kebijakan' names unknown document kind 'perbub'"),
    ('kinds = ["@kebijakan"]\n\n[[templates', 'kinds = ["@aturan"]\n\n[[templates', "unknown kind group '@aturan'"),
    ("max_age_years = 2", "max_age_years = -2", "max_age_years must be positive"),
    ('code = "mini"', 'code = "mini"\ncodee = 1', "unknown key 'codee'"),
    ('phrases = ["tim koordinasi spbe"]', "phrases = []", "indicator 2: phrases must list at least one key phrase"),
    ("weight = 60", 'weight = "60"', "indicator 1: weight must be a number"),
    ("[[indicators]]\ncode = \"2\"", "[[indicators\ncode = \"2\"", "not valid TOML"),
]


def write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_framework_loads(tmp_path: Path) -> None:
    framework = load_framework(write(tmp_path, MINIMAL))
    assert [i.code for i in framework.indicators] == ["1", "2"]
    assert framework.indicator("2").topic == "Indikator dua"  # topic defaults to the name
    missing = framework.indicator("1").level(2).requirements[0].missing
    assert missing == "Belum ada kebijakan manajemen data yang ditetapkan."
    assert framework.indicator("1").phrases == ("satu data", "walidata")


@pytest.mark.parametrize(("old", "new", "message"), BROKEN, ids=[case[2][:40] for case in BROKEN])
def test_broken_framework_is_refused_with_a_clear_message(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    assert message in str(caught.value)
    assert all(line.startswith("mini.toml: ") for line in str(caught.value).splitlines())


def test_missing_file_is_a_framework_error(tmp_path: Path) -> None:
    with pytest.raises(FrameworkError, match="nothing.toml: file not found"):
        load_framework(tmp_path / "nothing.toml")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = MINIMAL.replace("weight = 40\n", "").replace("draft_ok = true", "draft = true")
    with pytest.raises(FrameworkError) as caught:
        load_framework(write(tmp_path, text))
    assert len(caught.value.problems) >= 3
    assert "indicator 2: weight missing" in str(caught.value) and "unknown key 'draft'" in str(caught.value)


CROSSWALK = '''
left = "spbe-2020"
right = "pemdi-2026"
'''


def crosswalk_text(skip: str = "", extra: str = "") -> str:
    links = "".join(
        f'\n[[links]]\nleft = "{n}"\nright = ["1"]\n' for n in range(1, 48) if str(n) != skip
    )
    return CROSSWALK + links + extra


@pytest.mark.parametrize(("text", "message"), [
    (crosswalk_text(skip="5"), "spbe-2020 indicator 5 is not mapped"),
    (crosswalk_text(extra='\n[[links]]\nleft = "5"\nright = []\n'), "spbe-2020 indicator 5 is mapped more than once"),
    (crosswalk_text(skip="5", extra='\n[[links]]\nleft = "5"\nright = ["21"]\n'), "pemdi-2026 has no indicator '21'"),
    (crosswalk_text(skip="5", extra='\n[[links]]\nleft = "5"\nright = []\n'), "maps to nothing; say why"),
    (crosswalk_text(extra='\n[[links]]\nleft = "48"\nright = ["1"]\n'), "spbe-2020 has no indicator '48'"),
    (crosswalk_text().replace('right = "pemdi-2026"', 'right = "pemdi-2025"'),
     "right is 'pemdi-2025' but was loaded with framework 'pemdi-2026'"),
])
def test_broken_crosswalk_is_refused(tmp_path: Path, spbe, pemdi, text: str, message: str) -> None:
    with pytest.raises(FrameworkError) as caught:
        load_crosswalk(write(tmp_path, text, "cw.toml"), spbe, pemdi)
    assert message in str(caught.value)


def test_empty_mapping_with_a_reason_is_accepted(tmp_path: Path, spbe, pemdi) -> None:
    text = crosswalk_text(skip="5", extra='\n[[links]]\nleft = "5"\nright = []\nwhy = "Tidak ada padanannya."\n')
    crosswalk = load_crosswalk(write(tmp_path, text, "cw.toml"), spbe, pemdi)
    assert crosswalk.counterparts("spbe-2020", "5") == ()
    assert "5" not in crosswalk.counterparts("pemdi-2026", "1")
