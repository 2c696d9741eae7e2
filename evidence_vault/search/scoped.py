"""Queries that only narrow: the scope itself, and phrases checked only inside it.

`Unscored` is the organisation scope (and the documents whose pages are looked at): it
decides which records count and adds nothing to their score. Whoosh's own
`ConstantScoreQuery` reads every record in scope into a list each time it is used (20 ms
a use at 5,000 documents), where plain terms are only read as far as the rest of the
query gets; and zero-boosted terms are dropped by Whoosh's quality optimisations, which
take a part that adds nothing to the score for one that can match nothing.


Whoosh's phrase matcher finds the next record holding every word of the phrase, then reads
the words' positions to see whether they stand together; an enclosing And with the
organisation scope only tells it where to go next, so on its way there it reads positions
in every other body's records too. "Nomor 12 Tahun 2023" has four of the commonest words
of any regulation: one citation read positions in several thousand records to find a
handful. `ScopedPhrase` puts the scope into the phrase's own intersection, so positions
are read only where the scope already holds.

(`blockwise` answers these queries itself; Whoosh's matchers, built here, serve the query
types it leaves to Whoosh.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh import matching
from whoosh import query as wq
from whoosh.matching import binary, wrappers
from whoosh.query.spans import SpanNear2, SpanWrappingMatcher
from whoosh.util import make_binary_tree


class Unscored(wq.WrappingQuery):
    """Matches what `child` matches, with a score of 0 and no part in quality optimisations."""

    def _rewrap(self, child: wq.Query) -> Unscored:
        return Unscored(child)

    def __eq__(self, other: object) -> bool:  # Whoosh's WrappingQuery compares by identity
        return type(other) is Unscored and self.child == other.child

    def __hash__(self) -> int:
        return super().__hash__()

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        found = self.child.matcher(searcher, context)
        return _UnscoredMatcher(found) if found.is_active() else matching.NullMatcher()


class _UnscoredMatcher(wrappers.WrappingMatcher):
    def replace(self, minquality: float = 0) -> Any:
        replaced = self.child.replace(0)  # never dropped for its (zero) quality
        if not replaced.is_active():
            return matching.NullMatcher()
        return self if replaced is self.child else _UnscoredMatcher(replaced)

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return 0.0

    def block_quality(self) -> float:
        return 0.0

    def score(self) -> float:
        return 0.0


class Records(wq.Query):
    """Exactly these records (numbered as the whole searcher numbers them), unscored.

    For the few records a search has already chosen (the candidates to rescore, the pages
    of the documents shown): as terms, a hundred of them made a union a hundred deep that
    every step of the search walked through.
    """

    def __init__(self, docnums: Iterable[int]) -> None:
        self.docnums = frozenset(docnums)
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Records) and self.docnums == other.docnums

    def __hash__(self) -> int:
        return hash(self.docnums)

    def __repr__(self) -> str:
        return f"Records({len(self.docnums)})"

    def estimate_size(self, _reader: Any) -> int:  # Whoosh orders an And's members by it
        return len(self.docnums)

    def estimate_min_size(self, _reader: Any) -> int:
        return len(self.docnums)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        offset = searcher.get_parent()._offset_for_subsearcher(searcher) if searcher.has_parent() else 0
        end = offset + searcher.reader().doc_count_all()
        local = sorted(docnum - offset for docnum in self.docnums if offset <= docnum < end)
        if not local:
            return matching.NullMatcher()
        return _UnscoredMatcher(matching.ListMatcher(local, all_weights=0.0))


class ScopedPhrase(wq.Phrase):
    """A phrase (slop 1, in order) matched only in records that `scope` matches; scores as the phrase."""

    def __init__(self, fieldname: str, words: list[str], scope: wq.Query, boost: float = 1.0) -> None:
        super().__init__(fieldname, words, boost=boost)
        self.scope = scope

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and isinstance(other, ScopedPhrase) and self.scope == other.scope

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(self.scope)

    def normalize(self) -> wq.Query:  # already in its final form; Phrase's would drop the scope
        return self

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        field = searcher.schema[self.fieldname] if self.fieldname in searcher.schema else None
        if field is None:
            return matching.NullMatcher()
        reader = searcher.reader()
        terms = []
        for word in self.words:
            term = field.to_bytes(word)
            if (self.fieldname, term) not in reader:
                return matching.NullMatcher()
            terms.append(wq.Term(self.fieldname, term))
        scope = self.scope.matcher(searcher, context)
        if not scope.is_active():
            return matching.NullMatcher()
        found = _ScopedNearMatcher([term.matcher(searcher, context) for term in terms], scope)
        return matching.WrappingMatcher(found, boost=self.boost) if self.boost != 1.0 else found


class _ScopedNearMatcher(SpanNear2.SpanNear2Matcher):
    """Whoosh's phrase matcher with the scope as one more member of the intersection it walks."""

    def __init__(self, words: list[Any], scope: Any) -> None:
        self.ms, self.scope = words, scope
        self.slop, self.ordered, self.mindist = 1, True, 1
        SpanWrappingMatcher.__init__(self, make_binary_tree(binary.IntersectionMatcher, [scope, *words]))

    def copy(self) -> _ScopedNearMatcher:
        return _ScopedNearMatcher([word.copy() for word in self.ms], self.scope.copy())


def within(query: wq.Query, scope: wq.Query) -> wq.Query:
    """The query with every phrase in it checked only inside `scope`."""
    def scoped(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Phrase) and not isinstance(node, ScopedPhrase):
            return ScopedPhrase(node.fieldname, list(node.words), scope, boost=node.boost)
        return node
    return query.accept(scoped)
