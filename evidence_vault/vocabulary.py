"""The fixed values records take: kinds of organisation, roles, statuses, API token scopes.

Plain enums, apart from the tables (`models` re-exports them), so that what only names them
(the command line's choices and their `--help`) does not import the database layer.
"""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    PROVINCE = "province"
    REGENCY = "regency"
    CITY = "city"
    MINISTRY = "ministry"
    AGENCY = "agency"


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    OPERATOR = "operator"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


class ExtractionStatus(StrEnum):
    PENDING = "pending"
    # Stored and readable; its scanned pages are being read by OCR in the background.
    PROCESSING = "processing"
    OK = "ok"
    NEEDS_OCR = "needs_ocr"
    FAILED = "failed"


class UploadStatus(StrEnum):
    """Where a file of a web upload stands, from the request that received it to its document."""

    RECEIVED = "received"  # stored, waiting for the background worker
    READING = "reading"  # the worker reads it (text, legal metadata, suggestions)
    DONE = "done"  # recorded as a document (its scans may still be read by OCR)
    DUPLICATE = "duplicate"  # the organisation already had these bytes
    FAILED = "failed"  # too large (not stored), or stored but unreadable


class PageSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    NONE = "none"


# The scopes of an API token (`records.access.SCOPE_PERMISSIONS` says what each allows).
READ, WRITE = "read", "write"
