"""Parsed queries as SQL over the search tables: the same clauses, boosts and scores' order as
`search.querying` gives Whoosh.

Each atom becomes a condition and a score. A document matches a word when its words as
written or its stems hold it, in the text or the title; scores are `ts_rank` (normalised by
the text's length) weighted as Whoosh's fields are boosted: words as written `EXACT_BOOST`
times the stems, the title `TITLE_BOOST` times the text, the cited instrument's metadata
`CITATION_SCORE` and a decree number typed whole `NUMBER_SCORE` ahead of any wording.
Phrases of several words are matched in the document's text (so across a page break too)
and, where a long text's positions were cut (`vectors.MAX_POSITION`), on its pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...legal.kinds import KINDS
from ..analysis import exact_tokens, stemmed_tokens
from ..citations import QueryCitation, normalise_number
from ..parsing import Atom, Clause, ParsedQuery
from ..querying import ADJACENT_BOOST, CITATION_SCORE, EXACT_BOOST, NUMBER_SCORE, TITLE_BOOST
from .vectors import prefix, sequence

RANK = "ts_rank({vector}, {query}, 1)"  # 1: divided by 1 + log(length), as BM25 discounts long texts


@dataclass(frozen=True)
class Part:
    """A condition and the score it adds when it holds (SQL over `d`, a search_document row, or `p`, a page)."""

    condition: str
    score: str


@dataclass
class Compiler:
    """Builds SQL text; every value typed by a person travels as a bound parameter."""

    params: dict[str, object] = field(default_factory=dict)

    def bind(self, value: object, cast: str | None = None) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"CAST(:{name} AS {cast})" if cast else f":{name}"

    # Documents -------------------------------------------------------------------------------

    def document_clause(self, clause: Clause, *, text_only: bool) -> Part | None:
        return _any([self.document_atom(atom, text_only=text_only) for atom in clause.atoms])

    def document_atom(self, atom: Atom, *, text_only: bool) -> Part | None:
        if atom.form == "citation" and atom.citation is not None:
            return self._citation(atom.citation, text_only=text_only)
        if atom.form == "prefix":
            query = self.bind(prefix(atom.text), "tsquery")
            return _weighted([("d.exact", query, 1.0), ("d.title_exact", query, TITLE_BOOST),
                              ("d.stemmed", query, 1.0), ("d.title_stemmed", query, TITLE_BOOST)], single=True)
        exact = exact_tokens(atom.text)
        parts = [self._wording(exact, EXACT_BOOST)]
        if atom.form == "word":
            stemmed = stemmed_tokens(atom.text)
            stems = sequence(stemmed)
            if stems is not None:
                query = self.bind(stems, "tsquery")
                parts.append(_weighted([("d.stemmed", query, 1.0), ("d.title_stemmed", query, TITLE_BOOST)],
                                       single=len(stemmed) == 1))
        if not text_only and len(exact) == 1 and any(mark in exact[0] for mark in "./"):
            number = self.bind([normalise_number(atom.text)], "text[]")
            parts.append(Part(f"d.legal_numbers && {number}", f"(CASE WHEN d.legal_numbers && {number} "
                                                              f"THEN {NUMBER_SCORE} ELSE 0 END)"))
        return _any(parts)

    def _wording(self, tokens: list[str], boost: float) -> Part | None:
        """Words exactly as written and in this order, in the text (on pages when several) or the title."""
        written = sequence(tokens)
        if written is None:
            return None
        query = self.bind(written, "tsquery")
        scored = _weighted([("d.exact", query, boost), ("d.title_exact", query, boost * TITLE_BOOST)],
                           single=len(tokens) == 1)
        if len(tokens) == 1:
            return scored
        on_a_page = (f"EXISTS (SELECT 1 FROM search_page p WHERE p.document_id = d.document_id "
                     f"AND p.exact @@ {query})")  # where the document's own positions were cut short
        return Part(f"({scored.condition[1:-1]} OR {on_a_page})", scored.score)

    def _citation(self, citation: QueryCitation, *, text_only: bool) -> Part | None:
        mention = _any([self._wording(words, EXACT_BOOST) for words in _mentions(citation)])
        kind_words = [self._wording(exact_tokens(KINDS[kind].label), 1.0) for kind in citation.kinds]
        kinds_found = [part for part in kind_words if part is not None]
        if mention is not None and kinds_found:  # the kind's name adds to a mention, never required
            mention = Part(mention.condition, f"({mention.score} + CASE WHEN {mention.condition} THEN "
                                              f"{_any(kinds_found).score} ELSE 0 END)")  # type: ignore[union-attr]
        if text_only:
            return mention
        metadata = [f"d.legal_numbers && {self.bind(list(citation.numbers()), 'text[]')}"]
        if citation.kinds:
            metadata.append(f"d.kind = ANY({self.bind(list(citation.kinds), 'text[]')})")
        if citation.year:
            metadata.append(f"d.year = {self.bind(str(citation.year))}")
        cited = " AND ".join(metadata)
        return _any([Part(f"({cited})", f"(CASE WHEN {cited} THEN {CITATION_SCORE} ELSE 0 END)"), mention])

    def adjacency(self, words: list[str]) -> Part | None:
        """All plain words as typed and next to each other: a bonus, never a requirement."""
        if len(words) < 2:
            return None
        return self._wording([token for word in words for token in exact_tokens(word)], ADJACENT_BOOST)

    # Pages -----------------------------------------------------------------------------------

    def page_clause(self, clause: Clause) -> Part | None:
        return _any([self._page_atom(atom) for atom in clause.atoms])

    def _page_atom(self, atom: Atom) -> Part | None:
        if atom.form == "citation" and atom.citation is not None:
            return _any([self._page_wording(words) for words in _mentions(atom.citation)])
        if atom.form == "prefix":
            query = self.bind(prefix(atom.text), "tsquery")
            return _weighted([("p.exact", query, 1.0), ("p.stemmed", query, 1.0)])
        parts = [self._page_wording(exact_tokens(atom.text))]
        if atom.form == "word" and (stems := sequence(stemmed_tokens(atom.text))) is not None:
            parts.append(_weighted([("p.stemmed", self.bind(stems, "tsquery"), 1.0)]))
        return _any(parts)

    def _page_wording(self, tokens: list[str]) -> Part | None:
        written = sequence(tokens)
        return None if written is None else _weighted([("p.exact", self.bind(written, "tsquery"), EXACT_BOOST)])


def _mentions(citation: QueryCitation) -> list[list[str]]:
    """How a text mentions the instrument: "Nomor 12 Tahun 2023", or a decree number with its year."""
    number_words = exact_tokens(citation.number)
    if not citation.year:
        return [["nomor", *number_words]]
    found = [["nomor", *number_words, "tahun", str(citation.year)]]
    if "/" in citation.number:
        found.append(exact_tokens(f"{citation.number}/{citation.year}"))
    return found


def _weighted(fields: list[tuple[str, str, float]], *, single: bool = False) -> Part:
    """Any of the vectors matches; the score is each matching vector's rank times its boost.

    `single`: the query is one term or prefix, whose rank is 0 exactly where it does not match,
    so the rank alone is the score. Testing the match first read every vector twice out of TOAST
    (a statute's words are 12-17 KB); a phrase still needs the test (ts_rank ignores the order).
    """
    condition = " OR ".join(f"{vector} @@ {query}" for vector, query, _boost in fields)
    if single:
        score = " + ".join(f"{boost} * {RANK.format(vector=vector, query=query)}" for vector, query, boost in fields)
    else:
        score = " + ".join(f"(CASE WHEN {vector} @@ {query} THEN {boost} * {RANK.format(vector=vector, query=query)} "
                           f"ELSE 0 END)" for vector, query, boost in fields)
    return Part(f"({condition})", f"({score})")


def _any(parts: list[Part | None]) -> Part | None:
    found = [part for part in parts if part is not None]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return Part("(" + " OR ".join(part.condition for part in found) + ")",
                "(" + " + ".join(part.score for part in found) + ")")


def positive_parts(compiler: Compiler, parsed: ParsedQuery) -> list[Part]:
    return [part for clause in parsed.positive
            if (part := compiler.document_clause(clause, text_only=False)) is not None]


def excluded_parts(compiler: Compiler, parsed: ParsedQuery) -> list[Part]:
    return [part for clause in parsed.clauses if clause.exclude
            if (part := compiler.document_clause(clause, text_only=True)) is not None]
