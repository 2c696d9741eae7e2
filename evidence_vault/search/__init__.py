"""Search stage: the only module that knows Whoosh. Full text per document and per page,
Indonesian stemming, legal-citation matching, facets, organisation scope inside the query.

Typical use by the rest of the vault::

    index = search.Index.open(settings.index_dir)
    if index.needs_rebuild:                       # first start, schema upgrade, damage
        index.rebuild(all_documents_from_db(), reload=documents_from_db)
    index.add_or_replace([indexed_document])      # after the database commit
    index.delete(document_id)                     # after moving to the trash (restore: add_or_replace)
    results = index.search(search.SearchQuery(text="Perbup 12/2023", organisation_ids=[org_id]))

Update the index only *after* the database transaction has committed. The index then can
only lag behind the database, never run ahead of it, and `rebuild` from the database
(`evidence-vault reindex`) repairs any gap, e.g. after a crash between commit and indexing.
"""

from .citations import QueryCitation, normalise_number, parse_query_citation, query_citations
from .errors import IndexBusy, SearchError
from .index import Index
from .postgres import PostgresIndex
from .records import (
    FACETS,
    SORTS,
    FacetCount,
    Hit,
    IndexedDocument,
    IndexStats,
    PageHit,
    RebuildReport,
    SearchQuery,
    SearchResults,
    Segment,
    Snippet,
)
from .schema import SCHEMA_VERSION

__all__ = [
    "FACETS", "SCHEMA_VERSION", "SORTS", "FacetCount", "Hit", "Index", "IndexBusy", "IndexStats", "IndexedDocument",
    "PageHit", "PostgresIndex", "QueryCitation", "RebuildReport", "SearchError", "SearchQuery", "SearchResults",
    "Segment", "Snippet", "normalise_number", "parse_query_citation", "query_citations",
]
