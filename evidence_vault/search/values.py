"""The index's filter, facet and sort values for every record, read once per segment.

Counting seven facets through Whoosh's own grouping opened seven column readers and read
each value through several layers of Python on every search: at 5,000 documents that
alone took most of a query's time. A Whoosh segment never changes once written (deletions
are kept apart, and matches skip deleted records), so its values are read into plain lists
the first time a searcher meets it and kept until the segment is merged away. A search
then looks values up by record number, which costs about as much as a dictionary lookup.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from .records import FACETS

# Single-valued columns: the facets but `indicator`, the sort keys, and the record's document.
COLUMNS = (*(name for name in FACETS if name != "indicator"),
           "sort_date", "sort_uploaded", "sort_number", "numbered", "document_key")
INDICATOR = "indicator"
KEPT_SEGMENTS = 256  # far more than a live index holds; merged-away segments drop out


@dataclass(frozen=True)
class Values:
    """Per record number of one searcher: `columns[name][docnum]`, and each record's indicators."""

    columns: dict[str, list[Any]]
    indicators: list[tuple[str, ...]]

    @functools.cached_property
    def records(self) -> dict[int, list[int]]:
        """Record numbers of each document: its document record and its pages."""
        found: dict[int, list[int]] = {}
        for docnum, key in enumerate(self.columns["document_key"]):
            if key:
                found.setdefault(int(key), []).append(docnum)
        return found

    def value(self, name: str, docnum: int) -> Any:
        return self.columns[name][docnum]

    def passes(self, name: str, docnum: int, wanted: str) -> bool:
        """Whether a record has `wanted` for the filter `name` (one of its indicators, for `indicator`)."""
        if name == INDICATOR:
            return wanted in self.indicators[docnum]
        return self.columns[name][docnum] == wanted


class ValueCache:
    """Values of the segments searchers have met, shared by the threads of one process."""

    def __init__(self) -> None:
        self._segments: OrderedDict[str, _Segment] = OrderedDict()
        self._searchers: OrderedDict[tuple[str, ...], Values] = OrderedDict()
        self._guard = threading.Lock()

    def of(self, searcher: Any) -> Values:
        """The values of every record the searcher sees, numbered as the searcher numbers them."""
        leaves = [(reader, offset) for reader, offset in searcher.reader().leaf_readers()
                  if reader.segment() is not None]  # an index without segments has an empty reader
        key = tuple(f"{reader.segment().segment_id()}@{offset}" for reader, offset in leaves)
        with self._guard:
            if key in self._searchers:
                self._searchers.move_to_end(key)
                return self._searchers[key]
        segments = [self._segment(reader) for reader, _offset in leaves]
        values = _joined(segments)
        with self._guard:
            self._searchers[key] = values
            while len(self._searchers) > 4:  # one per recent index version: old searchers finish their search
                self._searchers.popitem(last=False)
        return values

    def _segment(self, reader: Any) -> _Segment:
        segment_id = reader.segment().segment_id()
        with self._guard:
            if segment_id in self._segments:
                self._segments.move_to_end(segment_id)
                return self._segments[segment_id]
        read = _read_segment(reader)
        with self._guard:
            self._segments[segment_id] = read
            while len(self._segments) > KEPT_SEGMENTS:
                self._segments.popitem(last=False)
        return read


@dataclass(frozen=True)
class _Segment:
    columns: dict[str, list[Any]]
    indicators: list[tuple[str, ...]]


def _read_segment(reader: Any) -> _Segment:
    """Every column value of one segment as text or number, and the indicators from their postings."""
    count = reader.doc_count_all()
    columns: dict[str, list[Any]] = {}
    shared: dict[Any, Any] = {}  # one object per distinct value: "perbup" 5,000 times is one string
    for name in COLUMNS:
        if reader.has_column(name):
            columns[name] = [shared.setdefault(value, value)
                             for value in map(_plain, reader.column_reader(name, translate=False))]
        else:  # a segment of records that never had the field (only pages, say)
            columns[name] = [""] * count
    found: list[list[str]] = [[] for _ in range(count)]
    if INDICATOR in reader.indexed_field_names():
        for term in reader.lexicon(INDICATOR):
            code = term.decode() if isinstance(term, bytes) else term
            for docnum in reader.postings(INDICATOR, term).all_ids():
                found[docnum].append(code)
    return _Segment(columns, [tuple(codes) for codes in found])


def _plain(value: Any) -> Any:
    return value.decode() if isinstance(value, bytes) else value


def _joined(segments: list[_Segment]) -> Values:
    if not segments:
        return Values({name: [] for name in COLUMNS}, [])
    if len(segments) == 1:
        return Values(segments[0].columns, segments[0].indicators)
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    indicators: list[tuple[str, ...]] = []
    for segment in segments:
        for name in COLUMNS:
            columns[name].extend(segment.columns[name])
        indicators.extend(segment.indicators)
    return Values(columns, indicators)

