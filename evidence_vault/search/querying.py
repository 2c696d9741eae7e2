"""Parsed queries as Whoosh queries: scope and filters, words, phrases, citations, ranking.

Ranking, from strongest to weakest:

1. the cited instrument itself (its kind, number and year in the metadata) and a decree
   number typed whole ("188.45/123/HK/2023") that is the document's own number;
2. the words exactly as typed (unstemmed fields, `EXACT_BOOST`), and all of them next to
   each other (`ADJACENT_BOOST`);
3. any inflection of the words (stemmed fields), in the title counting `TITLE_BOOST` times.

The organisation scope and the filters are a required, zero-scoring part of every query,
so they decide which documents are counted, faceted and returned inside the engine.
"""

from __future__ import annotations

from whoosh import query as wq

from ..legal.kinds import KINDS
from .analysis import exact_tokens, stemmed_tokens
from .citations import QueryCitation, normalise_number
from .parsing import Atom, Clause, ParsedQuery
from .records import SearchQuery
from .schema import DOCUMENT, UNKNOWN, flag

TITLE_BOOST = 2.0
EXACT_BOOST = 2.0
ADJACENT_BOOST = 3.0
NUMBER_SCORE = 50.0
CITATION_SCORE = 100.0


def scope(search: SearchQuery, level: str, *, without: str | None = None) -> wq.Query:
    """Organisation scope, record level and every filter but `without`, as one zero-scoring query."""
    parts: list[wq.Query] = [wq.Term("level", level)]
    if not search.all_organisations:
        organisations = sorted(set(search.organisation_ids or []))
        if not organisations:
            return wq.NullQuery
        parts.append(wq.Or([wq.Term("organisation", str(organisation)) for organisation in organisations]))
    if level == DOCUMENT:
        for name, value in search.filter_values().items():
            if name != without:
                parts.append(wq.Term(name, _filter_term(name, value)))
    return wq.ConstantScoreQuery(wq.And(parts), 0.0)


def _filter_term(name: str, value: object) -> str:
    if isinstance(value, bool):
        return flag(value)
    return str(value) if value not in ("", None) else UNKNOWN


def document_query(parsed: ParsedQuery, *, relaxed: bool = False) -> wq.Query:
    """Document records that match every clause (or, relaxed, any clause), best wording first."""
    positive = [_clause(clause, text_only=False) for clause in parsed.positive]
    positive = [query for query in positive if query is not None]
    if not positive:
        core: wq.Query = wq.Every()
    elif relaxed:
        core = wq.Or(positive)
    else:
        core = wq.And(positive)
    excluded = [query for clause in parsed.clauses if clause.exclude
                if (query := _clause(clause, text_only=True)) is not None]
    if excluded:
        core = wq.AndNot(core, wq.Or(excluded))
    bonus = _adjacency(parsed.plain_words)
    return wq.AndMaybe(core, bonus) if bonus is not None else core


def page_query(parsed: ParsedQuery) -> wq.Query | None:
    """Page records that match any positive clause in their own text (None: nothing to look for).

    No adjacency bonus here: checking word positions on every candidate page tripled the time
    of four-word queries, and the words' own scores already put the best page first.
    """
    found = [query for clause in parsed.positive if (query := _clause(clause, text_only=True)) is not None]
    return wq.Or(found) if found else None


def documents(document_ids: list[int]) -> wq.Query:
    return wq.Or([wq.Term("document_key", str(document_id)) for document_id in document_ids])


def _clause(clause: Clause, *, text_only: bool) -> wq.Query | None:
    alternatives = [query for atom in clause.atoms if (query := _atom(atom, text_only=text_only)) is not None]
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)


def _atom(atom: Atom, *, text_only: bool) -> wq.Query | None:
    if atom.form == "citation" and atom.citation is not None:
        return _citation(atom.citation, text_only=text_only)
    if atom.form == "prefix":  # on words as written and on stems: "kelol*" finds "pengelolaan" (stem "kelola")
        return wq.Or([wq.Prefix(field, atom.text, boost=TITLE_BOOST if field.startswith("title") else 1.0)
                      for field in ("content_exact", "title_exact", "content", "title")])
    exact = exact_tokens(atom.text)
    alternatives = [_sequence("content_exact", exact, EXACT_BOOST),
                    _sequence("title_exact", exact, EXACT_BOOST * TITLE_BOOST)]
    if atom.form == "word":  # a quoted phrase is exact wording only
        stems = stemmed_tokens(atom.text)
        alternatives += [_sequence("content", stems, 1.0), _sequence("title", stems, TITLE_BOOST)]
    if not text_only and len(exact) == 1 and any(mark in exact[0] for mark in "./"):
        number = wq.Term("legal_number", normalise_number(atom.text))
        alternatives.append(wq.ConstantScoreQuery(number, NUMBER_SCORE))
    found = [query for query in alternatives if query is not None]
    return wq.Or(found) if found else None


def _citation(citation: QueryCitation, *, text_only: bool) -> wq.Query:
    """The cited instrument by its metadata, or any document whose text mentions it."""
    number_words = exact_tokens(citation.number)
    if citation.year:
        mention: wq.Query = _sequence("content_exact", ["nomor", *number_words, "tahun", str(citation.year)],
                                      EXACT_BOOST) or wq.NullQuery
        if "/" in citation.number:  # a decree number carries its year: "Nomor 188.45/123/HK/2023"
            written = exact_tokens(f"{citation.number}/{citation.year}")
            mention = wq.Or([mention, _sequence("content_exact", written, EXACT_BOOST) or wq.NullQuery])
    else:
        mention = _sequence("content_exact", ["nomor", *number_words], EXACT_BOOST) or wq.NullQuery
    kind_words = [_sequence("content_exact", exact_tokens(KINDS[kind].label), 1.0) for kind in citation.kinds]
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
    found = [_sequence("content_exact", exact, ADJACENT_BOOST), _sequence("title_exact", exact, ADJACENT_BOOST)]
    return wq.Or([query for query in found if query is not None])


def _sequence(field: str, tokens: list[str], boost: float) -> wq.Query | None:
    if not tokens:
        return None
    if len(tokens) == 1:
        return wq.Term(field, tokens[0], boost=boost)
    return wq.Phrase(field, tokens, boost=boost)
