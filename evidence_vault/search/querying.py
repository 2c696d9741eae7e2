"""Parsed queries as Whoosh queries: scope and filters, words, phrases, citations, ranking.

Ranking, from strongest to weakest:

1. the cited instrument itself (its kind, number and year in the metadata) and a decree
   number typed whole ("188.45/123/HK/2023") that is the document's own number;
2. the words exactly as typed (unstemmed fields, `EXACT_BOOST`), and all of them next to
   each other (`ADJACENT_BOOST`);
3. any inflection of the words (stemmed fields), in the title counting `TITLE_BOOST` times.

The organisation scope is a required, unscored part of every query, so it decides
inside the engine which records are counted, faceted and returned. The other filters are
applied by `searching` on the same matches, from the index's columns (`values`).

Document and page records search fields of their own (`DOCUMENT_FIELDS`, `PAGE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from whoosh import query as wq

from ..legal.kinds import KINDS
from .analysis import exact_tokens, stemmed_tokens
from .citations import QueryCitation, normalise_number
from .parsing import Atom, Clause, ParsedQuery
from .records import SearchQuery
from .schema import DOCUMENT, UNKNOWN, flag
from .scoped import Records, Unscored, within

TITLE_BOOST = 2.0
EXACT_BOOST = 2.0
ADJACENT_BOOST = 3.0
NUMBER_SCORE = 50.0
CITATION_SCORE = 100.0


class Fields(NamedTuple):
    """The text fields of one record level; a level without titles has None there."""

    exact: str
    stemmed: str
    title_exact: str | None
    title: str | None


DOCUMENT_FIELDS = Fields("content_exact", "content", "title_exact", "title")
PAGE_FIELDS = Fields("page_content_exact", "page_content", None, None)


def scope(search: SearchQuery, level: str) -> wq.Query:
    """Record level and organisation scope, as one query that adds nothing to the score."""
    parts: list[wq.Query] = [wq.Term("level", level)]
    if not search.all_organisations:
        organisations = sorted(set(search.organisation_ids or []))
        if not organisations:
            return wq.NullQuery
        parts.append(wq.Or([wq.Term("organisation", str(organisation)) for organisation in organisations]))
    return Unscored(wq.And(parts))


def filter_terms(search: SearchQuery) -> dict[str, str]:
    """The filters that are set, as the values the index holds for them."""
    return {name: _filter_term(value) for name, value in search.filter_values().items()}


def _filter_term(value: object) -> str:
    if isinstance(value, bool):
        return flag(value)
    return str(value) if value not in ("", None) else UNKNOWN


def document_match(parsed: ParsedQuery, search: SearchQuery, *, relaxed: bool = False) -> wq.Query:
    """Document records in scope that match every clause (or, relaxed, any clause) and no excluded one.

    This decides what is counted and, scored, how the matches rank; `adjacency_bonus` then
reorders the best of them.
    """
    positive = [_clause(clause, DOCUMENT_FIELDS, text_only=False) for clause in parsed.positive]
    positive = [query for query in positive if query is not None]
    in_scope = scope(search, DOCUMENT)
    if not positive:
        core: wq.Query = in_scope
    else:
        core = wq.And([wq.Or(positive) if relaxed else wq.And(positive), in_scope])
    excluded = [query for clause in parsed.clauses if clause.exclude
                if (query := _clause(clause, DOCUMENT_FIELDS, text_only=True)) is not None]
    return within(wq.AndNot(core, wq.Or(excluded)) if excluded else core, in_scope)


def adjacency_bonus(parsed: ParsedQuery, candidates: Iterable[int]) -> wq.Query | None:
    """Among these document records, those with all plain words as typed and next to each other.

    None when there is no bonus to give. Asked only of the best-scoring candidates
    (`searching.RESCORE_WINDOW`): reading word positions in every matching document cost
    more than the rest of a search together.
    """
    bonus = _adjacency(parsed.plain_words)
    if bonus is None:
        return None
    chosen = Records(candidates)
    return within(wq.And([bonus, chosen]), chosen)


def page_query(parsed: ParsedQuery, records: Iterable[int]) -> wq.Query | None:
    """Those of these records (the shown documents' pages) that match any positive clause.

    None when there is nothing to look for. The records come from documents the scoped
    document search returned, so they are in scope already. No adjacency bonus here:
    checking word positions on every candidate page tripled the time of four-word
    queries, and the words' own scores already put the best page first.
    """
    found = [query for clause in parsed.positive
             if (query := _clause(clause, PAGE_FIELDS, text_only=True)) is not None]
    if not found:
        return None
    pages = Records(records)
    return within(wq.And([wq.Or(found), pages]), pages)


def _clause(clause: Clause, fields: Fields, *, text_only: bool) -> wq.Query | None:
    alternatives = [query for atom in clause.atoms
                    if (query := _atom(atom, fields, text_only=text_only)) is not None]
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)


def _atom(atom: Atom, fields: Fields, *, text_only: bool) -> wq.Query | None:
    if atom.form == "citation" and atom.citation is not None:
        return _citation(atom.citation, fields.exact, text_only=text_only)
    if atom.form == "prefix":  # on words as written and on stems: "kelol*" finds "pengelolaan" (stem "kelola")
        prefixed = [(fields.exact, 1.0), (fields.title_exact, TITLE_BOOST), (fields.stemmed, 1.0),
                    (fields.title, TITLE_BOOST)]
        return wq.Or([wq.Prefix(field, atom.text, boost=boost) for field, boost in prefixed if field])
    exact = exact_tokens(atom.text)
    alternatives = [_sequence(fields.exact, exact, EXACT_BOOST),
                    _sequence(fields.title_exact, exact, EXACT_BOOST * TITLE_BOOST)]
    if atom.form == "word":  # a quoted phrase is exact wording only
        stems = stemmed_tokens(atom.text)
        alternatives += [_sequence(fields.stemmed, stems, 1.0), _sequence(fields.title, stems, TITLE_BOOST)]
    if not text_only and len(exact) == 1 and any(mark in exact[0] for mark in "./"):
        number = wq.Term("legal_number", normalise_number(atom.text))
        alternatives.append(wq.ConstantScoreQuery(number, NUMBER_SCORE))
    found = [query for query in alternatives if query is not None]
    return wq.Or(found) if found else None


def _citation(citation: QueryCitation, field: str, *, text_only: bool) -> wq.Query:
    """The cited instrument by its metadata, or any record whose text (`field`) mentions it."""
    number_words = exact_tokens(citation.number)
    if citation.year:
        mention: wq.Query = _sequence(field, ["nomor", *number_words, "tahun", str(citation.year)],
                                      EXACT_BOOST) or wq.NullQuery
        if "/" in citation.number:  # a decree number carries its year: "Nomor 188.45/123/HK/2023"
            written = exact_tokens(f"{citation.number}/{citation.year}")
            mention = wq.Or([mention, _sequence(field, written, EXACT_BOOST) or wq.NullQuery])
    else:
        mention = _sequence(field, ["nomor", *number_words], EXACT_BOOST) or wq.NullQuery
    kind_words = [_sequence(field, exact_tokens(KINDS[kind].label), 1.0) for kind in citation.kinds]
    kind_words_found = [query for query in kind_words if query is not None]
    if kind_words_found:
        mention = wq.AndMaybe(mention, wq.Or(kind_words_found))
    if text_only:
        return mention
    metadata: list[wq.Query] = [wq.Or([wq.Term("legal_number", number) for number in citation.numbers()])]
    if citation.kinds:
        metadata.append(wq.Or([wq.Term("kind", kind) for kind in citation.kinds]))
    if citation.year:
        metadata.append(wq.Term("year", str(citation.year)))
    return wq.Or([wq.ConstantScoreQuery(wq.And(metadata), CITATION_SCORE), mention])


def _adjacency(words: list[str]) -> wq.Query | None:
    """All plain words, exactly as typed and next to each other: a bonus, never a requirement."""
    if len(words) < 2:
        return None
    exact = [token for word in words for token in exact_tokens(word)]
    found = [_sequence(DOCUMENT_FIELDS.exact, exact, ADJACENT_BOOST),
             _sequence(DOCUMENT_FIELDS.title_exact, exact, ADJACENT_BOOST)]
    return wq.Or([query for query in found if query is not None])


def _sequence(field: str | None, tokens: list[str], boost: float) -> wq.Query | None:
    if not tokens or field is None:
        return None
    if len(tokens) == 1:
        return wq.Term(field, tokens[0], boost=boost)
    return wq.Phrase(field, tokens, boost=boost)
