"""The search stage's pure parts: analysis, query parsing, citations, snippets, the schema fingerprint."""

from __future__ import annotations

import pickle
import re

import pytest

from evidence_vault.legal.kinds import KINDS
from evidence_vault.search import analysis, parse_query_citation, query_citations
from evidence_vault.search.citations import ABBREVIATIONS, normalise_number
from evidence_vault.search.parsing import (
    MAX_QUERY_CHARS,
    NOTE_CONTROL,
    NOTE_NOTHING,
    NOTE_OPERATOR,
    NOTE_QUOTE,
    NOTE_TOO_LONG,
    NOTE_WILDCARD,
    parse_query,
)
from evidence_vault.search.records import Segment, Snippet
from evidence_vault.search.schema import SCHEMA_FINGERPRINT, SCHEMA_VERSION, number_sort_key, schema_fingerprint
from evidence_vault.search.snippets import Highlights, snippet


@pytest.mark.parametrize(("words", "stem"), [
    (["tetap", "menetapkan", "ditetapkan", "penetapan"], "tetap"),
    (["kelola", "dikelola", "pengelolaan"], "kelola"),
    (["layanan", "pelayanan"], "layan"),
    (["keamanan", "mengamankan"], "aman"),
])
def test_inflections_share_a_stem(words: list[str], stem: str) -> None:
    assert {tuple(analysis.stemmed_tokens(word)) for word in words} == {(stem,)}


@pytest.mark.parametrize("word", ["tetap", "tahun", "akhir", "baru", "kerja"])
def test_content_words_of_sastrawis_stop_list_are_searchable(word: str) -> None:
    assert word not in analysis.STOP_WORDS
    assert analysis.stemmed_tokens(word) == [word]


@pytest.mark.parametrize(("text", "stemmed", "exact"), [
    ("Nomor 188.45/123/HK/2023", ["nomor", "188", "45", "123", "hk", "2023"], ["nomor", "188.45/123/hk/2023"]),
    ("yang dikelola oleh Dinas", ["kelola", "dinas"], ["yang", "dikelola", "oleh", "dinas"]),
    ("KOMUNIKASI dan INFORMATIKA.", ["komunikasi", "informatika"], ["komunikasi", "dan", "informatika"]),
    ("Rp 1.500.000,00", ["rp", "1", "500", "000", "00"], ["rp", "1.500.000", "00"]),
])
def test_tokens(text: str, stemmed: list[str], exact: list[str]) -> None:
    assert analysis.stemmed_tokens(text) == stemmed
    assert analysis.exact_tokens(text) == exact


def test_stems_are_cached_and_the_analyzer_pickles_small() -> None:
    """Whoosh pickles the analyzer into every TOC: it must not carry Sastrawi's dictionary."""
    analysis.stem("perencanaan")
    before = analysis.stem.cache_info().hits
    analysis.stem("perencanaan")
    assert analysis.stem.cache_info().hits == before + 1
    assert len(pickle.dumps(analysis.STEMMED)) < 2_000


def test_schema_fingerprint_matches_its_version() -> None:
    assert schema_fingerprint() == SCHEMA_FINGERPRINT, (
        f"the index schema or analysis changed: raise SCHEMA_VERSION (now {SCHEMA_VERSION}) so that existing "
        f"indexes are rebuilt, and set SCHEMA_FINGERPRINT = {schema_fingerprint()!r}")


@pytest.mark.parametrize(("query", "kinds", "number", "year"), [
    ("Perbup 12/2023", ("perbup",), "12", 2023),
    ("perbup no. 12 tahun 2023", ("perbup",), "12", 2023),
    ("Perbup Badung Nomor 12 Tahun 2023", ("perbup",), "12", 2023),
    ("Peraturan Bupati Nomor 12 Tahun 2023", ("perbup",), "12", 2023),
    ("Peraturan Bupati Badung Nomor 12 Tahun 2023 tentang Reklame", ("perbup",), "12", 2023),
    ("PP 71 tahun 2019", ("pp",), "71", 2019),
    ("Peraturan Pemerintah Nomor 71 Tahun 2019", ("pp",), "71", 2019),
    ("Permen Kominfo 5/2020", ("permen",), "5", 2020),
    ("Permenkominfo 5/2020", ("permen",), "5", 2020),
    ("PermenPANRB No 59 Tahun 2020", ("permen",), "59", 2020),
    ("UU 27/2022", ("uu",), "27", 2022),
    ("Pergub 3 2021", ("pergub",), "3", 2021),
    ("Perwali 8/2019", ("perwali",), "8", 2019),
    ("Perda 4/2018", ("perda_provinsi", "perda_kabkota"), "4", 2018),
    ("Perpres 95/2018", ("perpres",), "95", 2018),
    ("Kepbup 188.45/123/HK/2023", ("kepbup",), "188.45/123/HK", 2023),
    ("Kepgub 7/2022", ("kepgub",), "7", 2022),
    ("Kepwali 12/2020", ("kepwali",), "12", 2020),
    ("SE 3/2021", ("surat_edaran",), "3", 2021),
    ("Nomor 12 Tahun 2023", (), "12", 2023),
    ("Peraturan Menteri 20 tahun 2016", ("permen",), "20", 2016),  # no "Nomor": read like "Permen 20/2016"
    ("peraturan bupati 12 tahun 2023", ("perbup",), "12", 2023),
    ("Keputusan Bupati 7/2024", ("kepbup",), "7", 2024),
])
def test_citations_in_queries(query: str, kinds: tuple[str, ...], number: str, year: int) -> None:
    citation = parse_query_citation(f"dokumen {query} terbaru")
    assert citation is not None
    assert (citation.kinds, citation.number, citation.year) == (kinds, number, year)


@pytest.mark.parametrize("query", ["pengelolaan arsip", "tahun 2023", "permen karet 2023", "12/2023", "SPBE 2020",
                                   "peraturan bupati tentang reklame", "uu"])
def test_no_citation(query: str) -> None:
    assert parse_query_citation(query) is None


def test_several_citations_and_their_numbers() -> None:
    found = query_citations("UU 27/2022 dan Kepbup 188.45/123/HK/2023")
    assert [citation.kinds for citation in found] == [("uu",), ("kepbup",)]
    assert found[1].numbers() == ("188.45/123/hk", "188.45/123/hk/2023")
    assert found[0].label() == "Undang-Undang Nomor 27 Tahun 2022"


def test_abbreviations_name_known_kinds() -> None:
    assert {kind for kinds in ABBREVIATIONS.values() for kind in kinds} <= set(KINDS)


@pytest.mark.parametrize(("written", "normal"), [
    ("12", "12"), ("012", "12"), ("01/PER/M.KOMINFO/01/2010", "1/per/m.kominfo/1/2010"),
    ("188.45 / 123 / HK / 2023", "188.45/123/hk/2023"), ("18 TAHUN 2014", "18tahun2014"), ("188.045", "188.045"),
])
def test_normalise_number(written: str, normal: str) -> None:
    assert normalise_number(written) == normal


def test_number_sort_key_orders_numerically_within_a_year() -> None:
    keys = [number_sort_key(None, None), number_sort_key(2022, "40"), number_sort_key(2023, "2"),
            number_sort_key(2023, "12")]
    assert sorted(reversed(keys)) == keys


# Malformed queries never raise; each clean-up is told in Indonesian.
@pytest.mark.parametrize(("query", "forms", "notes"), [
    ('"pengelolaan arsip', ["word", "word"], [NOTE_QUOTE]),
    ('"pengelolaan arsip" "dinamis', ["phrase", "word"], [NOTE_QUOTE]),
    ("AND OR", [], [NOTE_OPERATOR, NOTE_NOTHING]),
    ("arsip AND OR dinamis", ["word", "word"], [NOTE_OPERATOR]),
    ("OR arsip NOT", ["word"], [NOTE_OPERATOR]),
    ("*", [], [NOTE_WILDCARD, NOTE_NOTHING]),
    ("ar* kelol*", ["word", "prefix"], [NOTE_WILDCARD]),
    ("arsip\x00\x07 dinamis\u202e", ["word", "word"], [NOTE_CONTROL]),
    ("yang dan", [], [NOTE_NOTHING]),
    ("(((arsip)))", ["word"], []),
    ("title:arsip", ["word", "word"], []),
    ('""', [], [NOTE_NOTHING]),
    ("arsip " * 200, ["word"] * 24, [NOTE_TOO_LONG]),
    ("\\ / ; ' ` ~ ^ ! @ # $ % & ( ) [ ] { } < > ? | + -", [], [NOTE_NOTHING]),
])
def test_malformed_queries(query: str, forms: list[str], notes: list[str]) -> None:
    parsed = parse_query(query)
    assert [atom.form for clause in parsed.clauses for atom in clause.atoms] == forms
    assert [note for note in parsed.notes if note != "Hanya 24 kata pertama yang dipakai."] == notes


def test_long_query_is_cut_at_a_word() -> None:
    parsed = parse_query("kata " * 300)
    assert NOTE_TOO_LONG in parsed.notes
    assert sum(len(atom.text) + 1 for clause in parsed.clauses for atom in clause.atoms) <= MAX_QUERY_CHARS


@pytest.mark.parametrize(("query", "shape"), [
    ("arsip dinamis", [(False, ["arsip"]), (False, ["dinamis"])]),
    ("arsip OR dokumen", [(False, ["arsip", "dokumen"])]),
    ("arsip -rahasia", [(False, ["arsip"]), (True, ["rahasia"])]),
    ("arsip NOT rahasia", [(False, ["arsip"]), (True, ["rahasia"])]),
    ('"pengelolaan arsip" Perbup 12/2023', [(False, ["pengelolaan arsip"]), (False, ["Perbup 12/2023"])]),
])
def test_operators(query: str, shape: list) -> None:
    parsed = parse_query(query)
    assert [(clause.exclude, [atom.text for atom in clause.atoms]) for clause in parsed.clauses] == shape
    assert parsed.notes == []


def test_citation_inside_quotes_stays_a_phrase() -> None:
    parsed = parse_query('"Perbup 12/2023"')
    assert parsed.citations == [] and parsed.clauses[0].atoms[0].form == "phrase"


def test_snippet_marks_inflections_and_escapes_markup() -> None:
    text = "Bagian awal.\n" + "isi " * 60 + "<b>arsip</b> yang dikelola & dijaga oleh <script>x()</script> dinas."
    found = snippet(text, Highlights.of(parse_query("kelola arsip")))
    assert Segment("dikelola", True) in found.segments and Segment("arsip", True) in found.segments
    assert found.segments[0].text.startswith("…")  # the window moved to the matches
    assert "<script>" in found.text()  # segments are raw text ...
    html = found.html()  # ... and html() escapes everything but its own <mark>
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "<mark>dikelola</mark>" in html


def test_snippet_marks_a_citation_as_one_run() -> None:
    found = snippet("PERATURAN BUPATI\nNOMOR 12 TAHUN 2023\nTENTANG", Highlights.of(parse_query("Perbup 12/2023")))
    assert [segment for segment in found.segments if segment.match] == [Segment("NOMOR 12 TAHUN 2023", True)]


@pytest.mark.parametrize("text", [
    "Arsip yang dikelola Dinas, arsip-arsip lain; pengelolaan atas ARSIP.",  # marks side by side would join
    "İzin İİ dikelola oleh İnspektorat; arsip dan pengelolaan.",  # "İ" grows when lower-cased
])
def test_snippet_marks_every_matching_word_where_it_stands(text: str) -> None:
    found = snippet(text, Highlights.of(parse_query("kelola arsip")))
    marked = [segment.text for segment in found.segments if segment.match]
    expected = [word for word in re.findall(r"[^\W_]+(?:[./-][^\W_]+)*", text)
                if word.lower().startswith(("arsip", "dikelola", "pengelolaan"))]
    assert marked == expected
    assert found.text() == " ".join(text.split())


@pytest.mark.parametrize("text", [
    "Nomor 188.45/123/HK/2023 tentang m.kominfo, undang-undang_x (2023).",
    "Pasal 5 ayat (1): «pengelolaan» data—café; İzin naïve 12/2023.",  # not ASCII: the Unicode path
])
def test_highlighting_reads_the_same_terms_as_the_index(text: str) -> None:
    words = analysis.ExactTerms(text)
    assert words.terms == analysis.exact_tokens(text)
    assert [text[start:end].lower() for start, end in words.spans([True] * len(words.terms))] == words.terms


def test_snippet_html_of_plain_segments() -> None:
    assert Snippet([Segment("a<b", False), Segment('"c"', True)]).html() == "a&lt;b<mark>&quot;c&quot;</mark>"


@pytest.mark.parametrize("word", [
    "menetapkan", "penetapan", "ditetapkan", "menyapu", "memukul", "pengelolaan", "mengatakan", "menyatakan",
    "perubahan", "mempertanggungjawabkan", "pemerintahan", "keberlakuan", "penyelenggaraan", "diundangkan",
    "pengundangan", "mengintegrasikan", "pelaksanaannya", "keamanan", "terpadu", "berkesinambungan",
])
def test_highlighting_skips_stemming_only_words_that_cannot_match(word: str) -> None:
    highlights = Highlights(stems=frozenset({analysis.stem(word)}))
    assert highlights.matches(word)
    assert not Highlights(stems=frozenset({"kelola"})).matches("menetapkan")
