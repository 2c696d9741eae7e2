"""The queries `querying` builds, answered a posting block at a time instead of a record at a time.

Whoosh answers a query through a tree of matchers that step from record to record: for
each match every node of the tree is asked whether it is active, where it stands, what
it scores, through several Python calls each. A search here wants every match in scope
with its score (to count facets over all of them), so that stepping was most of the time
of a search: about 30 µs a matching document for a one-word query. This module reads the
same postings block by block, skips the blocks that hold no record still wanted, and
combines the matches of each part of the query as dictionaries, whose set operations run
in C.

Scores are Whoosh's own: each term is scored by the searcher's weighting model's scorer,
with the posting's weight and the record's field length, and parts combine as Whoosh's
matchers combine them (a union and an intersection add their parts' scores, a boost
multiplies, a constant score replaces), up to rounding: parts are added in another order.
Three things differ on purpose, each a Whoosh flaw:

- an exclusion (`arsip -dinamis`) never lets through a record that has the excluded
  words; Whoosh's matcher let about one a search through in the shape our queries take;
- an optional part (`AndMaybe`: the kind words of a citation) adds its score wherever it
  matches; inside an intersection Whoosh's matcher often skipped past it;
- a prefix (`kelol*`) scores a record as its best word that starts with the text, times
  the boost. Whoosh summed every such word (a hundred words start with "peng"), gave 1.0
  to all in segments of at most 5,000 records, and dropped the boost when one word started
  with the text, so ranking depended on how the index happened to be segmented.

`tests/test_search_blockwise.py` checks matches and scores against Whoosh's own answers,
and each of the three against what it should be. Only the query types listed in
`_Segment.evaluate` are known here; any other raises `Unsupported` and the caller asks
Whoosh (`ranked` and `matching` do so themselves).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.scoring import BM25FScorer, WeightLengthScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.system import _INT_SIZE

from .scoped import Records, ScopedPhrase, Unscored

KEPT_SCOPE_RECORDS = 2_000_000  # records held by kept scopes, all together (about 100 MB at most)
KEPT_LENGTHS = 128  # text fields of the segments in use

Found = dict[int, float]  # record number in the segment -> score


class Unsupported(Exception):
    """A query type this module does not answer; Whoosh does."""


class Memo:
    """What searches keep for the next one: the records each unscored scope matches, and field lengths.

    Both per segment, which never changes once written. A scope is kept by segment, its
    place among the searcher's segments and its number of deleted records: deletions only
    grow, so a new one gives a new key, and the same scope under fewer deletions is dropped
    then. Scopes are held up to `KEPT_SCOPE_RECORDS` records in all, the least recently
    used dropped first. Field lengths (which scoring needs for every posting, and Whoosh
    reads through four calls each) are filled in as postings ask for them.
    """

    def __init__(self) -> None:
        self._scopes: OrderedDict[tuple[Any, ...], tuple[int, frozenset[int]]] = OrderedDict()
        self._held = 0
        self._lengths: OrderedDict[tuple[Any, str], list[int | None]] = OrderedDict()
        self._guard = threading.Lock()

    def scope(self, segment: Any, offset: int, deleted: int, node: wq.Query,
              compute: Callable[[], Iterable[int]]) -> frozenset[int]:
        """The records of the segment that the scope `node` matches: kept, or computed and kept."""
        key = (segment, offset, node)
        with self._guard:
            kept = self._scopes.get(key)
            if kept is not None and kept[0] == deleted:
                self._scopes.move_to_end(key)
                return kept[1]
        found = frozenset(compute())
        with self._guard:
            previous = self._scopes.pop(key, None)
            if previous is not None:
                self._held -= len(previous[1])
            self._scopes[key] = (deleted, found)
            self._held += len(found)
            while self._held > KEPT_SCOPE_RECORDS and len(self._scopes) > 1:
                _key, (_deleted, dropped) = self._scopes.popitem(last=False)
                self._held -= len(dropped)
        return found

    def lengths(self, segment: Any, fieldname: str, count: int) -> list[int | None]:
        """The segment's field lengths by record number, None where not read yet; shared, filled by callers."""
        key = (segment, fieldname)
        with self._guard:
            if key not in self._lengths:
                self._lengths[key] = [None] * count
                while len(self._lengths) > KEPT_LENGTHS:
                    self._lengths.popitem(last=False)
            self._lengths.move_to_end(key)
            return self._lengths[key]


def ranked(searcher: Searcher, query: wq.Query, memo: Memo) -> list[tuple[float, int]]:
    """(score, record number) of every match, best first and equal scores in record order.

    What `searcher.search(query, limit=None).top_n` gives, which it falls back to.
    """
    try:
        found = _evaluated(searcher, query, memo)
    except Unsupported:
        return list(searcher.search(query, limit=None, terms=False).top_n)
    return [(score, docnum) for docnum, score in sorted(found.items(), key=lambda item: (-item[1], item[0]))]


def matching(searcher: Searcher, query: wq.Query, memo: Memo) -> list[int]:
    """Record numbers of every match, in order: what `searcher.docs_for_query(query)` gives."""
    try:
        return sorted(_evaluated(searcher, query, memo))
    except Unsupported:
        return list(searcher.docs_for_query(query))


def _evaluated(searcher: Searcher, query: wq.Query, memo: Memo) -> Found:
    found: Found = {}
    for leaf, offset in searcher.leaf_searchers():
        if leaf.reader().doc_count_all() == 0:
            continue
        for docnum, score in _Segment(leaf, offset, memo).evaluate(query, None).items():
            found[docnum + offset] = score
    return found


class _Wanted:
    """The records a part of a query may still match, to skip the posting blocks that hold none."""

    def __init__(self, docnums: Any) -> None:
        self.members = docnums if isinstance(docnums, (set, frozenset, dict)) else frozenset(docnums)
        self.order = sorted(self.members)

    def __contains__(self, docnum: int) -> bool:
        return docnum in self.members

    def any_between(self, low: int, high: int) -> bool:
        """Whether a wanted record lies in low..high (both included)."""
        index = bisect_left(self.order, low)
        return index < len(self.order) and self.order[index] <= high

    def after(self, docnum: int) -> bool:
        return bool(self.order) and self.order[-1] > docnum


class _Segment:
    """One segment's searcher: its reader, record numbers from 0, deletions, weighting."""

    def __init__(self, searcher: Searcher, offset: int, memo: Memo) -> None:
        self.searcher, self.offset, self.memo = searcher, offset, memo
        self.reader = searcher.reader()
        self.count = self.reader.doc_count_all()
        if not hasattr(self.reader, "deleted_docs_set"):
            raise Unsupported(type(self.reader).__name__)
        self.deleted = self.reader.deleted_docs_set
        self.weighting = searcher.weighting
        segment = self.reader.segment()
        if segment is None:
            raise Unsupported("a reader without a segment")
        self.segment = segment.segment_id()

    def evaluate(self, node: wq.Query, wanted: _Wanted | None) -> Found:
        """The records of this segment (among `wanted`, when given) that `node` matches, with scores."""
        kind = type(node)
        if kind is Unscored:
            kept = self.memo.scope(self.segment, self.offset, len(self.deleted), node,
                                   lambda: self.evaluate(node.child, None))
            return dict.fromkeys(kept if wanted is None else kept.intersection(wanted.members), 0.0)
        if kind is Records:
            return self._records(node, wanted)
        if kind is wq.Term:
            return self._term(node.fieldname, node.text, node.boost, wanted)
        if kind in (wq.Phrase, ScopedPhrase):
            return self._phrase(node, wanted)
        if kind is wq.And:
            return _boosted(self._and(node.subqueries, wanted), node.boost)
        if kind is wq.Or:
            return _boosted(self._or(node, wanted), node.boost)
        if kind is wq.AndNot:
            return self._and_not(node, wanted)
        if kind is wq.AndMaybe:
            return self._and_maybe(node, wanted)
        if kind is wq.Prefix:
            return self._prefix(node, wanted)
        if kind is wq.ConstantScoreQuery:
            return dict.fromkeys(self.evaluate(node.child, wanted), float(node.score))
        if node is wq.NullQuery:
            return {}
        raise Unsupported(kind.__name__)

    def _records(self, node: Records, wanted: _Wanted | None) -> Found:
        local = (docnum - self.offset for docnum in node.docnums if self.offset <= docnum < self.offset + self.count)
        return {docnum: 0.0 for docnum in local if wanted is None or docnum in wanted}

    def _and(self, parts: list[wq.Query], wanted: _Wanted | None) -> Found:
        """Scopes and chosen records first (known or few), then the other parts, rarest first."""
        ordered = sorted(parts, key=lambda part: (type(part) not in (Unscored, Records),
                                                  part.estimate_size(self.reader)))
        found: Found | None = None
        for part in ordered:
            matched = self.evaluate(part, wanted if found is None else _Wanted(found))
            found = matched if found is None else {docnum: found[docnum] + score
                                                   for docnum, score in matched.items() if docnum in found}
            if not found:
                return {}
        return found or {}

    def _or(self, node: wq.Or, wanted: _Wanted | None) -> Found:
        if node.minmatch or node.scale:
            raise Unsupported("Or with minmatch or scale")
        found: Found = {}
        for part in node.subqueries:
            for docnum, score in self.evaluate(part, wanted).items():
                found[docnum] = found.get(docnum, 0.0) + score
        return found

    def _prefix(self, node: wq.Prefix, wanted: _Wanted | None) -> Found:
        """Each record scored as its best word that starts with the text, times the boost."""
        found: Found = {}
        for term in node._btexts(self.reader):
            for docnum, score in self._term(node.fieldname, term, node.boost, wanted).items():
                if score > found.get(docnum, -1.0):
                    found[docnum] = score
        return found

    def _and_not(self, node: wq.AndNot, wanted: _Wanted | None) -> Found:
        found = self.evaluate(node.a, wanted)
        if not found:
            return {}
        excluded = self.evaluate(node.b, _Wanted(found))
        return {docnum: score for docnum, score in found.items() if docnum not in excluded}

    def _and_maybe(self, node: wq.AndMaybe, wanted: _Wanted | None) -> Found:
        found = self.evaluate(node.a, wanted)
        if not found:
            return {}
        extra = self.evaluate(node.b, _Wanted(found))
        return {docnum: score + extra.get(docnum, 0.0) for docnum, score in found.items()}

    def _term(self, fieldname: str, text: Any, boost: float, wanted: _Wanted | None) -> Found:
        term = self._bytes(fieldname, text)
        if term is None:
            return {}
        scorer = self.weighting.scorer(self.searcher, fieldname, term)
        if type(scorer) is BM25FScorer:
            return self._bm25_term(fieldname, term, scorer, boost, wanted)
        score_of = self._score_of(fieldname, scorer)
        found: Found = {}
        members, deleted = wanted.members if wanted is not None else None, self.deleted
        for ids, weights, _values in self._blocks(fieldname, term, wanted, values=False):
            for docnum, weight in zip(ids, weights, strict=True):
                if (members is None or docnum in members) and docnum not in deleted:
                    found[docnum] = score_of(weight, docnum) * boost
        return found

    def _bm25_term(self, fieldname: str, term: bytes, scorer: BM25FScorer, boost: float,
                   wanted: _Wanted | None) -> Found:
        """`_term` for the default weighting, with Whoosh's `bm25` written out: the commonest loop of a search."""
        idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1  # noqa: N806 - BM25's names
        k1_plus_1, one_minus_b = K1 + 1, 1 - B  # the same operations in the same order: the same floats
        lengths, read = self.memo.lengths(self.segment, fieldname, self.count), self.reader.doc_field_length
        found: Found = {}
        members, deleted = wanted.members if wanted is not None else None, self.deleted
        for ids, weights, _values in self._blocks(fieldname, term, wanted, values=False):
            for docnum, tf in zip(ids, weights, strict=True):
                if (members is None or docnum in members) and docnum not in deleted:
                    fl = lengths[docnum]
                    if fl is None:  # as WeightLengthScorer.dfl reads it
                        fl = lengths[docnum] = read(docnum, fieldname, 1)
                    found[docnum] = idf * ((tf * k1_plus_1) / (tf + K1 * (one_minus_b + B * fl / avgfl))) * boost
        return found

    def _scorer(self, fieldname: str, text: Any) -> Callable[[float, int], float] | None:
        """The term's score for a posting's weight in a record; None when the term is not in this segment."""
        term = self._bytes(fieldname, text)
        if term is None:
            return None
        return self._score_of(fieldname, self.weighting.scorer(self.searcher, fieldname, term))

    def _score_of(self, fieldname: str, scorer: Any) -> Callable[[float, int], float]:
        """The weighting model's scorer, unwrapped: from a posting's weight and record number."""
        if isinstance(scorer, WeightLengthScorer):
            lengths, score, read = self.memo.lengths(self.segment, fieldname, self.count), scorer._score, self.reader

            def scored(weight: float, docnum: int) -> float:
                length = lengths[docnum]
                if length is None:  # as WeightLengthScorer.dfl reads it
                    length = lengths[docnum] = read.doc_field_length(docnum, fieldname, 1)
                return score(weight, length)
            return scored
        if type(scorer) is WeightScorer:
            return lambda weight, _docnum: weight
        raise Unsupported(type(scorer).__name__)

    def _bytes(self, fieldname: str, text: Any) -> bytes | None:
        """The term as the reader holds it; None when the field or the term is not in this segment."""
        if fieldname not in self.searcher.schema:
            return None
        try:
            term = text if isinstance(text, bytes) else self.searcher.schema[fieldname].to_bytes(text)
        except ValueError:
            return None
        return term if (fieldname, term) in self.reader else None

    def _blocks(self, fieldname: str, text: Any, wanted: _Wanted | None,
                *, values: bool) -> Iterator[tuple[Any, Any, Any]]:
        """(record numbers, weights, values or None) of each posting block that may hold a wanted record.

        Reads Whoosh's block reader (`W3LeafMatcher`) directly: its record-at-a-time
        interface is what this module avoids. Deleted records are still in the blocks.
        """
        term = self._bytes(fieldname, text)
        if term is None:
            return
        field = self.searcher.schema[fieldname]
        blocks = self.reader._terms.matcher(fieldname, term, field.format)
        if not hasattr(blocks, "_read_ids"):
            raise Unsupported(type(blocks).__name__)
        low = 0
        while blocks.is_active():
            high = blocks.block_max_id()
            if wanted is not None and not wanted.any_between(low, high):
                if not wanted.after(high):
                    return
            else:
                if blocks._ids is None:  # as W3LeafMatcher._read_ids, the gaps summed in C
                    if blocks._data is None:
                        blocks._read_data()
                    gaps = blocks._data[0]
                    blocks._ids = gaps if blocks._byteids else tuple(accumulate(gaps))
                if blocks._weights is None:
                    blocks._read_weights()
                if values and blocks._values is None:
                    blocks._read_values()
                yield blocks._ids, blocks._weights, blocks._values if values else None
            low = high + 1
            blocks._next_block()

    def _phrase(self, node: wq.Phrase, wanted: _Wanted | None) -> Found:
        """Records with the words in order, next to each other; scored as the sum of the words, boosted."""
        if node.slop != 1 or not node.words:
            raise Unsupported("phrase with slop")
        if type(self.searcher.schema[node.fieldname].format) is not Positions:
            raise Unsupported("phrase on a field without positions")
        if isinstance(node, ScopedPhrase):
            wanted = _Wanted(self.evaluate(node.scope, wanted))
        terms = [self._bytes(node.fieldname, word) for word in node.words]
        if None in terms:
            return {}
        # Rarest word first: each word then narrows what the next must be read for.
        ordered = sorted(enumerate(terms), key=lambda item: self.reader.doc_frequency(node.fieldname, item[1]))
        deleted = self.deleted
        scores: Found | None = None
        starts: dict[int, set[int]] = {}  # where the phrase may begin in each record still in the running
        for offset, term in ordered:
            score_of = self._scorer(node.fieldname, term)
            if score_of is None:
                return {}
            narrowed = wanted if scores is None else _Wanted(scores)
            members = narrowed.members if narrowed is not None else None
            matched: Found = {}
            for ids, weights, values in self._blocks(node.fieldname, term, narrowed, values=True):
                for index, docnum in enumerate(ids):
                    if (members is None or docnum in members) and docnum not in deleted:
                        shifted = {position - offset for position in _positions(values[index])}
                        if scores is not None:
                            shifted &= starts[docnum]
                        if shifted:
                            starts[docnum] = shifted
                            matched[docnum] = score_of(weights[index], docnum) + (scores[docnum] if scores else 0.0)
            scores = matched
            if not scores:
                return {}
        return _boosted(scores or {}, node.boost)


def _positions(value: bytes) -> Iterator[int]:
    """A posting's word positions from Whoosh's `Positions` encoding: a count, then the pickled gaps."""
    gaps = value[_INT_SIZE:]
    return accumulate(loads(gaps if gaps.endswith(b".") else gaps + b"."))


def _boosted(found: Found, boost: float) -> Found:
    return found if boost == 1.0 else {docnum: score * boost for docnum, score in found.items()}
