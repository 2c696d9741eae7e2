"""Which analysis wrote the search rows: one row of `search_state` (migration 0014).

The Whoosh index writes its schema version beside each generation and is rebuilt when a new
version of the vault reads it with another one. The search tables need the same: rows
written with another stemmer, stop list, record layout or vector limits would be misread
(a stem that is no longer produced is never found). `FINGERPRINT` hashes all of those,
computed from the code itself, so a change is noticed even where nobody raised a version.

- `rebuild` records the current fingerprint in its transaction;
- a write to empty tables without a fingerprint (a freshly migrated database) records it
  (`claim`); a write never replaces another fingerprint, nor vouches for rows already there
  without one: those stay marked until a rebuild has rewritten them all;
- `current` is False when the rows were written by another analysis, or when rows exist
  that no fingerprint vouches for (written before fingerprints were kept).
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..schema import SCHEMA_VERSION, schema_fingerprint
from .vectors import MAX_POSITION, MAX_POSITIONS

NAME = "analysis"
LAYOUT_VERSION = 1  # raise when the rows' columns or what goes into them change (search/postgres/writing.py)


def fingerprint() -> str:
    """A hash of the analysis and record layout (the Whoosh schema's fingerprint) and the rows' own layout."""
    described = {"schema": [SCHEMA_VERSION, schema_fingerprint()], "layout": LAYOUT_VERSION,
                 "positions": [MAX_POSITION, MAX_POSITIONS]}
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]


FINGERPRINT = fingerprint()


def recorded(connection: Connection) -> str | None:
    return connection.execute(text("SELECT value FROM search_state WHERE name = :name"), {"name": NAME}).scalar()


def current(connection: Connection) -> bool:
    """Whether the rows can be read by this version: written with its analysis, or none written yet."""
    found = recorded(connection)
    if found is not None:
        return found == FINGERPRINT
    return connection.execute(text("SELECT NOT EXISTS (SELECT 1 FROM search_document)")).scalar_one()


def record(connection: Connection) -> None:
    """Every row is being written again with this analysis (a rebuild, in its transaction)."""
    connection.execute(text("INSERT INTO search_state (name, value) VALUES (:name, :value) "
                            "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
                       {"name": NAME, "value": FINGERPRINT})


def claim(connection: Connection) -> None:
    """The first rows of empty tables: say which analysis writes them. Another fingerprint already
    recorded stays, and rows written before fingerprints were kept are not vouched for."""
    connection.execute(text("INSERT INTO search_state (name, value) SELECT :name, :value "
                            "WHERE NOT EXISTS (SELECT 1 FROM search_document) ON CONFLICT (name) DO NOTHING"),
                       {"name": NAME, "value": FINGERPRINT})
