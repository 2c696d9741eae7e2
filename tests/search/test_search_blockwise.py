"""Searches answered a posting block at a time (`blockwise`) against Whoosh's own answers and
against a plain reading of the texts, on real index folders of several segments."""

from __future__ import annotations

import math
import random
from datetime import datetime
from pathlib import Path

import pytest
from whoosh import query as wq

from evidence_vault.search import Index, IndexedDocument, SearchQuery, blockwise, querying
from evidence_vault.search.analysis import exact_tokens
from evidence_vault.search.parsing import parse_query

WORDS = ["arsip", "dinamis", "data", "informasi", "keamanan", "sistem", "layanan", "publik", "pengelolaan",
         "dikelola", "nomor", "12", "tahun", "2023", "188.45/123/HK/2023", "elektronik"]
ORGANISATIONS = (1, 2, 3)


def generated(count: int, seed: int, first_id: int = 1) -> list[IndexedDocument]:
    rng = random.Random(seed)
    documents = []
    for document_id in range(first_id, first_id + count):
        pages = [" ".join(rng.choice(WORDS) for _word in range(rng.randint(4, 50)))
                 for _page in range(rng.randint(1, 3))]
        documents.append(IndexedDocument(
            document_id, ORGANISATIONS[document_id % len(ORGANISATIONS)],
            " ".join(rng.choice(WORDS) for _word in range(3)), list(enumerate(pages, start=1)),
            kind=rng.choice(["perbup", "kepbup", None]), year=2023, legal_number=rng.choice(["12", None]),
            uploaded_at=datetime(2024, 1, 1)))
    return documents


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Index, list[IndexedDocument]]:
    """A rebuilt index, then uploads one per commit (small segments) and deletions."""
    index = Index.open(tmp_path_factory.mktemp("blockwise") / "index", lock_timeout=10)
    documents = generated(900, seed=11)
    index.rebuild(sorted(documents, key=lambda document: document.organisation_id))
    for document in generated(6, seed=12, first_id=1001):
        index.add_or_replace([document])
        documents.append(document)
    for deleted in (5, 6, 1003):
        index.delete(deleted)
    return index, [document for document in documents if document.document_id not in (5, 6, 1003)]


def searcher_of(index: Index):  # noqa: ANN201 - Whoosh's searcher
    return index._searcher(index._live())


def text_of(document: IndexedDocument) -> list[str]:
    return exact_tokens("\n\n".join(text for _number, text in document.pages))


def holds(document: IndexedDocument, phrase: list[str]) -> bool:
    """Whether the words stand together in the title or the text (read as one, pages joined)."""
    return any(tokens[start:start + len(phrase)] == phrase
               for tokens in (exact_tokens(document.title), text_of(document)) for start in range(len(tokens)))


def found(index: Index, organisation: int, text: str) -> set[int]:
    """Every document the search finds, page after page; checks the total too."""
    documents: set[int] = set()
    page = 1
    while True:
        results = index.search(SearchQuery(organisation_ids=[organisation], text=text, per_page=100, page=page))
        if not results.hits:
            assert results.total == len(documents)
            return documents
        documents.update(hit.document_id for hit in results.hits)
        page += 1


@pytest.mark.parametrize("text", [
    "arsip", "pengelolaan", "keamanan informasi", '"sistem elektronik"', '"nomor 12 tahun 2023"', "Perbup 12/2023",
    "188.45/123/HK/2023", "arsip OR publik", "layanan zzz", '"data data"',
])
def test_scores_and_matches_are_whooshs_own(grown: tuple[Index, list[IndexedDocument]], text: str) -> None:
    index, _documents = grown
    searcher = searcher_of(index)
    assert len(searcher.leaf_searchers()) > 1  # what this test is about: several segments, with deletions
    parsed = parse_query(text)
    for organisation in ORGANISATIONS:
        search = SearchQuery(organisation_ids=[organisation], text=text)
        for query in (querying.document_match(parsed, search), querying.document_match(parsed, search, relaxed=True)):
            ours = blockwise.ranked(searcher, query, blockwise.Memo())
            theirs = searcher.search(query, limit=None, terms=False).top_n
            assert {docnum for _score, docnum in ours} == {docnum for _score, docnum in theirs}
            expected = {docnum: score for score, docnum in theirs}
            for score, docnum in ours:
                assert math.isclose(score, expected[docnum], rel_tol=1e-9), (text, docnum)
            scores = [score for score, _docnum in ours]
            assert scores == sorted(scores, reverse=True)


def test_excluded_words_never_match(grown: tuple[Index, list[IndexedDocument]]) -> None:
    """Whoosh's own matcher let about one document a query through that holds the excluded word."""
    index, documents = grown
    for wanted, excluded in [("arsip", "dinamis"), ("sistem", "data"), ("keamanan", "informasi"), ("publik", "arsip")]:
        for organisation in ORGANISATIONS:
            expected = {document.document_id for document in documents if document.organisation_id == organisation
                        and holds(document, [wanted]) and not holds(document, [excluded])}
            assert found(index, organisation, f"{wanted} -{excluded}") == expected


def test_phrases_match_where_the_words_stand_together(grown: tuple[Index, list[IndexedDocument]]) -> None:
    index, documents = grown
    for phrase in (["sistem", "elektronik"], ["nomor", "12", "tahun"], ["data", "data"], ["arsip", "arsip", "arsip"]):
        expected = {document.document_id for document in documents if document.organisation_id == 1
                    and holds(document, phrase)}
        assert found(index, 1, '"' + " ".join(phrase) + '"') == expected


def whoosh_scores(searcher, query: wq.Query) -> dict[int, float]:  # noqa: ANN001 - Whoosh's searcher
    return {docnum: score for score, docnum in searcher.search(query, limit=None, terms=False).top_n}


@pytest.mark.parametrize(("prefix", "words"), [("d", ["data", "dikelola", "dinamis"]), ("pengel", ["pengelolaan"])])
def test_a_prefix_scores_a_record_as_its_best_word_times_the_boost(grown: tuple[Index, list[IndexedDocument]],
                                                                   prefix: str, words: list[str]) -> None:
    """Whoosh summed the words, gave 1.0 to all in small segments, and dropped the boost for a single word."""
    searcher = searcher_of(grown[0])
    expected: dict[int, float] = {}
    for word in words:
        for docnum, score in whoosh_scores(searcher, wq.Term("content_exact", word)).items():
            expected[docnum] = max(expected.get(docnum, 0.0), 2.0 * score)
    found = blockwise.ranked(searcher, wq.Prefix("content_exact", prefix, boost=2.0), blockwise.Memo())
    assert {docnum for _score, docnum in found} == set(expected)
    assert all(math.isclose(score, expected[docnum], rel_tol=1e-9) for score, docnum in found)


def test_an_optional_part_counts_wherever_it_matches(grown: tuple[Index, list[IndexedDocument]]) -> None:
    """A citation's kind words (`AndMaybe`) inside an intersection: Whoosh's matcher often skipped past them."""
    searcher = searcher_of(grown[0])
    required, optional, other = (wq.Term("content_exact", "arsip"), wq.Term("content_exact", "dinamis"),
                                 wq.Term("content_exact", "keamanan"))
    parts = [whoosh_scores(searcher, query) for query in (required, optional, other)]
    expected = {docnum: score + parts[2][docnum] + parts[1].get(docnum, 0.0)
                for docnum, score in parts[0].items() if docnum in parts[2]}
    found = blockwise.ranked(searcher, wq.And([wq.AndMaybe(required, optional), other]), blockwise.Memo())
    assert {docnum for _score, docnum in found} == set(expected)
    assert all(math.isclose(score, expected[docnum], rel_tol=1e-9) for score, docnum in found)
    assert any(docnum in parts[1] for _score, docnum in found)  # the optional part matters here


def test_other_query_types_are_left_to_whoosh(grown: tuple[Index, list[IndexedDocument]]) -> None:
    searcher = searcher_of(grown[0])
    query = wq.And([wq.Wildcard("content_exact", "ars?p"), wq.Term("level", "document")])
    assert blockwise.ranked(searcher, query, blockwise.Memo()) == searcher.search(query, limit=None).top_n
    assert blockwise.matching(searcher, query, blockwise.Memo()) == list(searcher.docs_for_query(query))


def test_kept_scopes_stay_within_their_bound(grown: tuple[Index, list[IndexedDocument]],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    index, _documents = grown
    searcher, memo = searcher_of(index), blockwise.Memo()
    monkeypatch.setattr(blockwise, "KEPT_SCOPE_RECORDS", 400)  # about one organisation's scope
    for organisation in (*ORGANISATIONS, *ORGANISATIONS):
        query = querying.document_match(parse_query("arsip"), SearchQuery(organisation_ids=[organisation]))
        assert blockwise.ranked(searcher, query, memo) == blockwise.ranked(searcher, query, blockwise.Memo())
        assert memo._held <= 400 or len(memo._scopes) == 1


def test_a_deletion_reaches_the_kept_scopes(tmp_path: Path) -> None:
    """A search without words is the scope alone, kept between searches: a deletion must still show."""
    index = Index.open(tmp_path / "index", lock_timeout=10)
    index.rebuild(generated(30, seed=3))
    everything = SearchQuery(organisation_ids=[1], text="", per_page=100)
    before = {hit.document_id for hit in index.search(everything).hits}
    gone = min(before)
    index.delete(gone)
    after = index.search(everything)
    assert {hit.document_id for hit in after.hits} == before - {gone} and after.total == len(before) - 1
