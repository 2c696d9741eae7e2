"""The search index: open it, keep it in step with the database, rebuild it, search it.

Writers (`add_or_replace`, `delete`) hold `write.lock` for one Whoosh writer and commit
atomically; a writer that cannot get the lock within `lock_timeout` seconds raises
`IndexBusy`. Call them *after* the database transaction commits: then the index can only
lag behind the database, and `rebuild` from the database always puts it right. Documents
written while a rebuild runs are noted in a journal and re-read through `reload` before
the rebuilt index goes live, so a rebuild loses no update either.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from . import folder, mapped, searching
from .analysis import load_stemmer, warm_stems
from .blockwise import Memo
from .errors import IndexBusy, SearchError
from .parsing import ParsedQuery, parse_query, plain_terms
from .records import IndexedDocument, IndexStats, RebuildReport, SearchQuery, SearchResults
from .schema import DOCUMENT, PAGE, SCHEMA_VERSION, make_schema, records_of
from .values import ValueCache, Values

log = logging.getLogger(__name__)
mapped.install()

NOTE_NOT_READY = "Indeks pencarian sedang disiapkan ulang; hasil pencarian belum tersedia."
BUILD_MEMORY_MB = 256

Reload = Callable[[list[int]], Iterable[IndexedDocument]]


@dataclass(frozen=True)
class _Live:
    generation: Path
    whoosh: FileIndex


class Index:
    """One index folder. Safe to share between threads; several processes may open the same folder."""

    def __init__(self, path: Path, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._cached: _Live | None = None
        self._reason: str | None = None
        self._guard = threading.Lock()
        self._searchers = threading.local()
        self._values = ValueCache()
        self._memo = Memo()

    @classmethod
    def open(cls, path: Path | str, *, lock_timeout: float = 30.0) -> Index:
        """Open (creating the folder if need be); check `needs_rebuild` before relying on results."""
        index = cls(Path(path), lock_timeout=lock_timeout)
        index.path.mkdir(parents=True, exist_ok=True)
        folder.clear_stale_journal(index.path, lock_timeout)
        index._live()
        return index

    @property
    def needs_rebuild(self) -> bool:
        """True when there is no usable index: missing, written with another schema version, or damaged."""
        return self._live() is None

    @property
    def rebuild_reason(self) -> str | None:
        """"missing", "schema_changed" or "damaged"; None when the index is usable."""
        self._live()
        return self._reason

    # Writing ---------------------------------------------------------------------------------

    def add_or_replace(self, documents: Iterable[IndexedDocument]) -> None:
        """Index documents, replacing whatever the index held for them, in one atomic commit."""
        latest = {document.document_id: document for document in documents}
        if not latest:
            return
        warm_stems(text for document in latest.values() for _number, text in document.pages)
        with self._writer(list(latest)) as writer:
            for document in latest.values():
                if writer is not None:
                    _replace(writer, document)

    def delete(self, document_id: int) -> None:
        """Remove a document (moved to the trash, or deleted) from the index."""
        with self._writer([document_id]) as writer:
            if writer is not None:
                writer.delete_by_term("document_key", str(document_id))

    @contextmanager
    def _writer(self, document_ids: list[int]) -> Iterator[IndexWriter | None]:
        """The one way to write: file lock, Whoosh writer, commit or cancel, journal during rebuilds.

        Yields None when there is no usable index: the write is left to the rebuild the index
        needs anyway (it reads the database, which already holds the change).
        """
        with folder.locked(self.path / folder.WRITE_LOCK, self.lock_timeout, "writing"):
            if folder.journal_active(self.path):
                folder.note_in_journal(self.path, document_ids)
            live = self._live()
            if live is None:
                log.warning("search index needs a rebuild (%s); documents %s left to it", self._reason, document_ids)
                yield None
                return
            try:
                writer = live.whoosh.writer(timeout=self.lock_timeout)
            except LockError as error:
                raise IndexBusy(f"the search index is locked by another writer: {error}") from error
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    # Rebuilding ------------------------------------------------------------------------------

    def rebuild(self, documents: Iterable[IndexedDocument], *, reload: Reload | None = None) -> RebuildReport:
        """Build a new index from `documents` beside the live one, then switch to it atomically.

        `documents` is every document that should be searchable (not in the trash), read from the
        database. `reload(ids)` returns the current state of the given documents (omitting deleted
        ones); it is called for documents written while the rebuild ran. Searches and writes carry on
        against the old index meanwhile. Raises IndexBusy when another rebuild is running.
        """
        started = time.monotonic()
        with folder.locked(self.path / folder.REBUILD_LOCK, self.lock_timeout, "another rebuild is running"):
            folder.remove_generations(self.path, keep=folder.current_generation(self.path))
            with folder.locked(self.path / folder.WRITE_LOCK, self.lock_timeout, "starting a rebuild"):
                folder.start_journal(self.path)
            generation = folder.new_generation(self.path)
            try:
                count = _build(generation, documents)
                with folder.locked(self.path / folder.WRITE_LOCK, self.lock_timeout, "switching to the rebuilt index"):
                    changed = folder.end_journal(self.path)
                    if changed and reload is not None:
                        _apply(generation, changed, reload)
                    folder.seal(generation, SCHEMA_VERSION)
                    folder.set_current(self.path, generation)
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                folder.clear_stale_journal(self.path, self.lock_timeout, rebuilding=True)
                raise
            folder.remove_generations(self.path, keep=generation)
        with self._guard:
            self._cached = None
        if changed and reload is None:
            log.warning("documents %s changed during the rebuild and were not re-read; run reindex again", changed)
        return RebuildReport(count, time.monotonic() - started, changed, [] if reload else changed)

    # Reading ---------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        """Search within the query's organisations. Malformed text never raises; see `SearchResults.notes`."""
        parsed = parse_query(query.text)
        for attempt in (1, 2):
            live = self._live()
            if live is None:
                break
            try:
                searcher = self._searcher(live)
                return _run(searcher, query, parsed, self._values.of(searcher), self._memo)
            except OSError as error:
                self._forget_searcher()
                if attempt == 2:  # not a generation swapped away under us: the index is damaged
                    raise SearchError(f"the search index cannot be read: {error}") from error
                with self._guard:
                    self._cached = None
        search = searching.corrected(query, bool(parsed.positive))
        return SearchResults(hits=[], total=0, page=search.page, per_page=search.per_page, sort=search.sort,
                             facets={}, notes=[*parsed.notes, NOTE_NOT_READY], citations=parsed.citations,
                             index_ready=False)

    def _searcher(self, live: _Live) -> Searcher:
        """This thread's searcher, reopened only when a commit has happened since.

        Opening a searcher reads the table of contents and opens every segment file: about
        7 ms, as much as a whole search should take. So each thread (Whoosh searchers are not
        meant to be shared between threads) keeps its own until the index changes. Not
        `Searcher.refresh`: it reuses the reader of a segment that has gained deletions
        since, so a document moved to the trash would still be found.
        """
        kept: tuple[Path, Searcher] | None = getattr(self._searchers, "kept", None)
        if kept is not None and kept[0] == live.generation and kept[1].up_to_date():
            return kept[1]
        self._forget_searcher()
        searcher = live.whoosh.searcher()
        self._searchers.kept = (live.generation, searcher)
        return searcher

    def _forget_searcher(self) -> None:
        kept: tuple[Path, Searcher] | None = getattr(self._searchers, "kept", None)
        self._searchers.kept = None
        if kept is not None:
            try:
                kept[1].close()
            except OSError:
                pass

    def warm(self) -> None:
        """Load the stemmer and read the filter and facet columns now (about 0.6 s at 5,000 documents),
        not in the first search."""
        load_stemmer()
        live = self._live()
        if live is None:
            return
        try:
            with live.whoosh.searcher() as searcher:  # the values are kept per segment, for every thread
                self._values.of(searcher).records  # noqa: B018 - computed now, kept for the searches
        except OSError:  # a commit swapped segments meanwhile: the first search reads them instead
            log.info("search index changed while warming; the first search reads its columns")

    def document_ids(self) -> set[int]:
        """Ids of the documents in the index, to compare with the database (`reindex --check`)."""
        live = self._require()
        with live.whoosh.searcher() as searcher:
            return {int(hit["document_key"]) for hit in searcher.search(wq.Term("level", DOCUMENT), limit=None)}

    def stats(self) -> IndexStats:
        """How many documents and pages, how big, which generation."""
        live = self._require()
        with live.whoosh.searcher() as searcher:
            documents = len(searcher.search(wq.Term("level", DOCUMENT), limit=1))
            pages = len(searcher.search(wq.Term("level", PAGE), limit=1))
        tocs = sorted(live.generation.glob("_MAIN_*.toc"))
        return IndexStats(documents=documents, pages=pages, size_bytes=folder.size_of(live.generation),
                          toc_bytes=tocs[-1].stat().st_size if tocs else 0, schema_version=SCHEMA_VERSION,
                          generation=live.generation.name)

    def _require(self) -> _Live:
        live = self._live()
        if live is None:
            raise SearchError(f"the search index needs a rebuild ({self._reason})")
        return live

    def _live(self) -> _Live | None:
        """The live generation, reopened when CURRENT has moved; None (with a reason) when unusable."""
        generation = folder.current_generation(self.path)
        with self._guard:
            if self._cached is not None and self._cached.generation == generation:
                return self._cached
            self._cached, self._reason = None, None
            if generation is None or not generation.is_dir():
                self._reason = "missing"
            elif (version := folder.read_version(generation)) != SCHEMA_VERSION:
                self._reason = "damaged" if version is None else "schema_changed"
            else:
                try:
                    self._cached = _Live(generation, _open_whoosh(generation))
                except Exception:  # any failure to read the TOC means the same thing: rebuild
                    log.exception("search index at %s cannot be opened", generation)
                    self._reason = "damaged"
            return self._cached


class _ClosingStorage(FileStorage):
    """Whoosh's `TOC.read` leaves the TOC file open when it cannot read it: close what opening opened."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.opening: list[Any] | None = None

    def open_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        stream = super().open_file(name, *args, **kwargs)
        if self.opening is not None:
            self.opening.append(stream)
        return stream


def _open_whoosh(generation: Path) -> FileIndex:
    storage = _ClosingStorage(str(generation))
    storage.opening = []
    try:
        return storage.open_index()
    except BaseException:
        for stream in storage.opening:
            stream.close()
        raise
    finally:
        storage.opening = None


def _run(searcher: Searcher, query: SearchQuery, parsed: ParsedQuery, values: Values,
         memo: Memo) -> SearchResults:
    """The query as parsed; should the engine fail on it, its plain words, with a note saying so."""
    try:
        return searching.run(searcher, query, parsed, values, memo)
    except OSError:
        raise
    except Exception:  # a query shape the engine cannot run must not take the search page down
        log.exception("search failed for %r; retrying with plain words", query.text[:200])
        return searching.run(searcher, query, plain_terms(query.text), values, memo)


def _replace(writer: IndexWriter, document: IndexedDocument) -> None:
    writer.delete_by_term("document_key", str(document.document_id))
    for record in records_of(document):
        writer.add_document(**record)


def _build(generation: Path, documents: Iterable[IndexedDocument]) -> int:
    """A complete, optimised index of `documents` in an empty folder; returns how many."""
    built = whoosh_index.create_in(str(generation), make_schema())
    writer = built.writer(limitmb=BUILD_MEMORY_MB)
    count = 0
    try:
        for document in documents:
            for record in records_of(document):
                writer.add_document(**record)
            count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit(optimize=True)
    return count


def _apply(generation: Path, changed: list[int], reload: Reload) -> None:
    """Bring documents written during the rebuild up to date in the new generation."""
    writer = _open_whoosh(generation).writer()
    try:
        for document_id in changed:
            writer.delete_by_term("document_key", str(document_id))
        for document in reload(changed):
            for record in records_of(document):
                writer.add_document(**record)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
