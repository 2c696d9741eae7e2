"""Indicator suggestions: normalisation, phrase rules, scoring, and quality on the labelled set."""

from __future__ import annotations

import re

import pytest

from evidence_vault.frameworks import KINDS, builtin_framework
from evidence_vault.frameworks.phrases import compile_phrase, normalise_text, phrase_problem
from evidence_vault.tagging.suggestions import MIN_SCORE, _compiled, _Texts, suggest

from ..labelled_documents import DISTRACTORS, DOCUMENTS, HELD_OUT, HELD_OUT_DISTRACTORS, measure


@pytest.fixture(scope="module")
def spbe():
    return builtin_framework("spbe-2020")


def codes(suggestions) -> list[str]:
    return [s.indicator for s in suggestions]


@pytest.mark.parametrize(("text", "normalised"), [
    ("Tim  Koordinasi\n\tSPBE", "tim koordinasi spbe"),
    ("Manaje-\nmen Data", "manajemen data"),
    ("manaje-  \r\n  men", "manajemen"),
    ("SP4N-LAPOR!", "sp4n iapor"),
    ("e-Kinerja, e-SAKIP.", "e kinerja e sakip"),
    ("KOMUNlKASl dan PRES!DEN", "komunikasi dan presiden"),
    ("Pasal 1 ayat (2)", "pasai 1 ayat 2"),
])
def test_normalise_text(text: str, normalised: str) -> None:
    assert normalise_text(text) == normalised


@pytest.mark.parametrize(("phrase", "text", "matches"), [
    ("satu data", "Penyelenggaraan Satu Data Indonesia", True),
    ("satu data", "satu-satunya data", False),
    ("jdih", "JDIHN", False),
    ("tim koordinasi spbe", "TIM KOORDlNASl\nSPBE", True),
    ("e planning|eplanning", "aplikasi e-Planning", True),
    ("e planning|eplanning", "aplikasi ePlanning", True),
    ("~kelola data", "pengelolaan data", True),
    ("~kelola data", "data dikelola", False),
    ("~kelola data", "dikelola data", True),
    ("~tetap", "menetapkan", True),
    ("~tetap", "penetapan", True),
    ("~tetap", "tetapan", True),
    ("~kaji", "pengkajian", True),
    ("~lapor", "pelaporan", True),
    ("~integrasi", "terintegrasi", True),
    ("~bangun aplikasi", "pembangunan aplikasi", True),
    ("~evaluasi", "pengevaluasian", True),
    ("~reviu", "direviu", True),
    ("pusat data", "pusat data nasional", True),
])
def test_phrase_syntax(phrase: str, text: str, matches: bool) -> None:
    assert bool(compile_phrase(phrase).count(normalise_text(text))) is matches


@pytest.mark.parametrize(("phrase", "problem"), [
    ("satu data", None),
    ("a|b c", None),
    ("", "empty phrase"),
    ("a||b", "empty alternative"),
    ("~ab", "needs a root of at least 3 letters"),
    ("ke~lola", "'~' may only start a word"),
    ("~k3lola", "needs a root"),
    ("satu ... data", "a word without letters or digits"),
])
def test_phrase_problems(phrase: str, problem: str | None) -> None:
    found = phrase_problem(phrase)
    assert (found is None) if problem is None else (problem in found)


def test_heading_weighs_more_than_body_and_pages_are_one_based(spbe) -> None:
    in_title = suggest(spbe, title="Kebijakan Satu Data", about="", pages=["pendahuluan"], kind=None)[0]
    in_body = suggest(spbe, title="Lampiran", about="", pages=["pendahuluan", "penerapan satu data dan walidata"],
                      kind=None, min_score=0)[0]
    assert in_title.score > in_body.score
    assert in_title.matches[0].in_heading and in_title.matches[0].pages == ()
    assert in_body.pages == (2,)
    assert {m.phrase for m in in_body.matches} == {"satu data", "walidata"}


def test_about_counts_as_heading(spbe) -> None:
    found = suggest(spbe, title="Peraturan Bupati Nomor 3 Tahun 2024", about="Arsitektur SPBE", pages=[""],
                    kind="perbup")
    assert codes(found)[:2] == ["1", "11"] and found[0].matches[0].in_heading


def test_kind_strengthens_phrases_but_never_replaces_them(spbe) -> None:
    page = ["Tim Koordinasi SPBE menyusun program kerja."]
    plain = suggest(spbe, title="x", about="", pages=page, kind=None, min_score=0)
    decree = suggest(spbe, title="x", about="", pages=page, kind="kepbup", min_score=0)
    assert {s.indicator: s.score for s in decree}["10"] > {s.indicator: s.score for s in plain}["10"]
    assert decree[0].fitting_kind == "kepbup" and plain[0].fitting_kind is None
    assert suggest(spbe, title="x", about="", pages=["susunan keanggotaan"], kind="kepbup", min_score=0) == []


def test_policy_kind_puts_the_policy_indicator_first(spbe) -> None:
    page = ["Walidata, produsen data, data induk dan data referensi dalam penyelenggaraan Satu Data."]
    assert codes(suggest(spbe, title="", about="Satu Data", pages=page, kind="perbup"))[0] == "3"
    assert codes(suggest(spbe, title="", about="Satu Data", pages=page, kind="laporan"))[0] == "23"


def test_hints_alone_suggest_nothing(spbe) -> None:
    pages = ["Server, router, switch, bandwidth dan topologi. Kerahasiaan, ketersediaan dan keutuhan."]
    assert suggest(spbe, title="", about="", pages=pages, kind="laporan", min_score=0) == []


def test_service_indicators_need_an_electronic_context(spbe) -> None:
    paper = suggest(spbe, title="Layanan Kepegawaian", about="", pages=["Berkas diserahkan di loket."], kind="sop")
    online = suggest(spbe, title="Layanan Kepegawaian", about="", pages=["Berkas diunggah di aplikasi."], kind="sop")
    assert "36" not in codes(paper) and codes(online)[0] == "36"


def test_overlapping_phrases_count_once_for_the_longest(spbe) -> None:
    found = suggest(spbe, title="", about="", pages=["Koneksi ke pusat data nasional."], kind="laporan", min_score=0)
    matches = {s.indicator: s.phrases for s in found}
    assert matches["16"] == ("pusat data nasional",)


def test_long_documents_damp_incidental_mentions(spbe) -> None:
    page = "Aplikasi kepegawaian dipakai untuk cuti."
    short = suggest(spbe, title="", about="", pages=[page], kind=None, min_score=0)
    long = suggest(spbe, title="", about="", pages=[page] + ["pasal lain"] * 39, kind=None, min_score=0)
    assert long[0].indicator == short[0].indicator == "36"
    assert long[0].score < short[0].score


def test_deterministic_limited_and_bounded(spbe) -> None:
    doc = DOCUMENTS[0]
    first = suggest(spbe, title=doc.title, about=doc.about, pages=doc.pages, kind=doc.kind, limit=3, min_score=0)
    again = suggest(spbe, title=doc.title, about=doc.about, pages=doc.pages, kind=doc.kind, limit=3, min_score=0)
    assert first == again and len(first) == 3
    assert all(0 < s.score < 1 for s in first)
    assert [s.score for s in first] == sorted((s.score for s in first), reverse=True)
    assert suggest(spbe, title="", about="", pages=[], kind=None) == []


def test_a_stemmer_can_be_plugged_in(spbe) -> None:
    def english_aware(text: str) -> str:
        return normalise_text(text).replace("one data", "satu data")

    pages = ["Policy for the regency."]
    assert suggest(spbe, title="", about="One Data", pages=pages, kind="perbup") == []
    found = suggest(spbe, title="", about="One Data", pages=pages, kind="perbup", normalise=english_aware)
    assert codes(found)[0] == "3" and found[0].phrases == ("satu data",)


def _fold_nasal(text: str) -> str:
    """A normaliser under which "mengelola" no longer holds the fragment "elola" of "~kelola"."""
    return normalise_text(text).replace("nge", "X")


@pytest.mark.parametrize("normalise", [normalise_text, _fold_nasal, str.casefold])
def test_each_text_finds_what_the_phrase_finds_in_it_alone(spbe, normalise) -> None:
    """A document is searched once per phrase (all texts joined, only near the fragments);
    text by text that must find exactly what `CompiledPhrase.count` finds there."""
    raw = [DOCUMENTS[0].title, "", *DOCUMENTS[0].pages, *DOCUMENTS[1].pages, "",
           "Mengelola data, pengelolaan data dan pengembangan aplikasi.\nAplikasi e-Planning\x00SP4N-LAPOR!",
           "pusat\x00data, Pusat data nasional, pusat data, pusat data nasional.", "Pusat", "data",
           "ePlanning, juga disebut e-Planning, dan sekali lagi ePlanning."]
    texts = [normalise(text) for text in raw]
    searched = _Texts(texts, headings=2)
    phrases = [phrase for rules in _compiled(spbe, normalise) for phrase in rules.phrases + rules.hints + rules.context]
    extra = ("e-planning|eplanning", "eplanning|e-planning", "sp4n-lapor", "~kelola data",
             "pusat\x00data")  # a NUL that str.casefold keeps
    phrases += [compile_phrase(phrase, normalise) for phrase in extra]
    for phrase in phrases:
        alone = {number: [match.span() for match in phrase.pattern.finditer(text)]
                 for number, text in enumerate(texts) if phrase.count(text)}
        assert searched.matches(phrase) == alone, phrase.phrase
    if normalise is _fold_nasal:  # some phrases cannot promise their fragments: searched over whole texts
        assert any(phrase.longest_match is None for phrase in phrases)


@pytest.mark.parametrize("normalise", [normalise_text, _fold_nasal, str.casefold])
def test_the_first_match_is_the_patterns_first_match(spbe, normalise) -> None:
    """Coverage asks for the first match only, searched from near the first fragment: the same match."""
    raw = [*DOCUMENTS[0].pages, *DOCUMENTS[1].pages, "Mengelola data, pengelolaan data dan pengembangan aplikasi.",
           "xpusat data nasional, pusat data", "ePlanning, e-Planning", "datapusat data", ""]
    texts = [normalise(text) for text in raw]
    phrases = [phrase for rules in _compiled(spbe, normalise) for phrase in rules.phrases + rules.hints + rules.context]
    phrases += [compile_phrase(phrase, normalise) for phrase in ("pusat data", "~kelola data", "e-planning|eplanning")]
    seen = 0
    for phrase in phrases:
        for text in texts:
            expected = phrase.pattern.search(text)
            found = phrase.first(text)
            assert (found and found.span()) == (expected and expected.span()), (phrase.phrase, text[:60])
            seen += expected is not None
    assert seen > 20  # the texts hold matches, so the comparison means something


def test_longest_match_bounds_every_phrase(spbe) -> None:
    phrases = [phrase for rules in _compiled(spbe, normalise_text) for phrase in rules.phrases + rules.hints]
    for phrase in phrases + [compile_phrase("e-planning|eplanning"), compile_phrase("~tetap ~kelola data")]:
        assert phrase.longest_match == re._parser.parse(phrase.pattern.pattern).getwidth()[1], phrase.phrase


def test_reason_and_dict_explain_the_score(spbe) -> None:
    found = suggest(spbe, title="Laporan", about="", pages=["", "Forum Satu Data dan walidata."], kind="laporan")[0]
    assert found.indicator == "23"
    assert "'forum satu data' (hlm. 2)" in found.reason() and "Jenis dokumen Laporan" in found.reason()
    as_dict = found.to_dict()
    assert as_dict["framework"] == "spbe-2020" and as_dict["indicator"] == "23" and as_dict["kind_fits"]
    assert {"phrase": "forum satu data", "heading": False, "pages": [2], "hint": False} in as_dict["phrases"]


def test_suggestions_work_on_the_pemdi_framework() -> None:
    pemdi = builtin_framework("pemdi-2026")
    found = suggest(pemdi, title="", about="Pelindungan Data Pribadi", pages=["Subjek data dalam sistem elektronik"],
                    kind="perbup")
    assert found[0].framework == "pemdi-2026"
    assert pemdi.indicator(found[0].indicator).name == "Tingkat Kematangan Pelindungan Data Pribadi"


# --- the labelled set ----------------------------------------------------------------------

def test_labelled_set_is_large_and_varied_enough(spbe) -> None:
    assert len(DOCUMENTS) >= 40 and len(DISTRACTORS) >= 10
    primaries = {doc.primary for doc in DOCUMENTS}
    assert len(primaries) >= 20
    types = [spbe.indicator(code).type for code in primaries]
    assert all(types.count(kind) >= 3 for kind in ("kebijakan", "tata_kelola", "manajemen", "audit", "layanan"))
    for doc in DOCUMENTS + HELD_OUT + DISTRACTORS + HELD_OUT_DISTRACTORS:
        assert doc.kind is None or doc.kind in KINDS
        assert all(spbe.has_indicator(code) for code in doc.expected)
    assert not any(doc.expected for doc in DISTRACTORS + HELD_OUT_DISTRACTORS)


def test_quality_floors_on_the_labelled_set(spbe) -> None:
    quality = measure(spbe, DOCUMENTS + HELD_OUT, DISTRACTORS + HELD_OUT_DISTRACTORS, min_score=MIN_SCORE)
    assert quality.recall_top3 >= 0.9, quality.misses
    assert quality.recall_top1 >= 0.8, quality.misses
    assert quality.precision_top1 >= 0.9
    assert quality.precision_top3 >= 0.75
    assert quality.distractor_false_positive_rate <= 0.1, quality.misses


def test_quality_floors_on_the_held_out_documents(spbe) -> None:
    quality = measure(spbe, HELD_OUT, HELD_OUT_DISTRACTORS)
    assert quality.recall_top3 >= 0.8, quality.misses
    assert quality.distractor_false_positive_rate <= 0.2, quality.misses
