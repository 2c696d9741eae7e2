"""The vault's tables.

The legal metadata of a document (fields, relations, findings), its links to assessment
indicators and the self-assessments are separate tables keyed by `document.id` /
`organisation.id`, each stage owning its data; the document row keeps only a summary.
Timestamps are timezone-aware and stored as UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .vocabulary import ExtractionStatus, PageSource, UploadStatus
from .vocabulary import OrganisationKind as OrganisationKind  # the tables' vocabulary, kept importable from here
from .vocabulary import Role as Role


def utcnow() -> datetime:
    """Current time, aware and in UTC: the form every timestamp column takes."""
    return datetime.now(UTC)


class Organisation(SQLModel, table=True):
    """A government body (instansi) whose evidence the vault holds."""

    __tablename__ = "organisation"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=255)
    kind: str = Field(max_length=16)
    region: str = Field(default="", max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    # Strict review: the audit counts only evidence links a reviewer verified.
    strict_review: bool = Field(default=False)
    # The body's own time zone (WIB, WITA or WIT): every time shown and "today" of its audit.
    time_zone: str = Field(default="WIB", max_length=4)


class User(SQLModel, table=True):
    """A person who logs in; admins may have no organisation."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    full_name: str = Field(default="", max_length=255)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=16)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    is_active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = Field(default=None)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = Field(default=None)

    # The three members Flask-Login expects of a user object.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """Session identity for Flask-Login; whether a session still holds is `LoginSession`'s to say."""
        return str(self.id)


class LoginSession(SQLModel, table=True):
    """One login, kept on the server: the cookie carries only its random token.

    Logging out, a password change, deactivation or an admin's "end all sessions" sets
    `ended_at`, and an ended session never comes back, whatever cookie is replayed.
    """

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)  # SHA-256 of the cookie's token
    user_id: int = Field(foreign_key="user_account.id", index=True)
    agent_hash: str = Field(max_length=64)  # SHA-256 of the browser's User-Agent at login
    address: str = Field(default="", max_length=64)  # the client's address at login
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = Field(default=None, index=True)
    ended_reason: str = Field(default="", max_length=32)


class LoginFailure(SQLModel, table=True):
    """A failed login from an address for an email, kept for the throttle's window.

    In the database, not in a process's memory, so every app process counts the same
    failures (several app processes may serve one vault).
    """

    __tablename__ = "login_failure"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = Field(default_factory=utcnow, index=True)
    address: str = Field(max_length=64, index=True)
    email: str = Field(max_length=254, index=True)


class ApiToken(SQLModel, table=True):
    """A personal access token for the API: a user's own, shown once, kept only as a hash.

    It acts as its user with at most the user's role and organisations, narrowed by its
    scope (read or read-write) and, optionally, to one organisation; it ends at its expiry
    or when revoked. The rate limit's counter lives here, in the database, so every app
    process counts the same requests.
    """

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    name: str = Field(max_length=100)
    prefix: str = Field(max_length=16)  # the token's first characters, to tell tokens apart in lists and logs
    token_hash: str = Field(max_length=64, unique=True, index=True)  # SHA-256 of the whole token
    scope: str = Field(max_length=8)  # "read" or "write"
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id")  # None: all of the user's
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = Field(default=None)
    last_used_at: datetime | None = Field(default=None)
    last_used_address: str = Field(default="", max_length=64)
    # The token's own size limit for one request's body, below the vault's (None: the vault's limits only).
    max_request_bytes: int | None = Field(default=None, sa_type=BigInteger)
    # The rate limit: requests counted in the current minute (Unix minutes).
    rate_window: int = Field(default=0, sa_type=BigInteger)
    rate_count: int = Field(default=0)


class WorkerHeartbeat(SQLModel, table=True):
    """A background worker says it is alive (every few seconds), so the admin's pages can tell when none is.

    In the database, because workers may run on other machines than the web server.
    """

    __tablename__ = "worker_heartbeat"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=128, unique=True)  # host:pid
    started_at: datetime = Field(default_factory=utcnow)
    seen_at: datetime = Field(default_factory=utcnow, index=True)


class Document(SQLModel, table=True):
    """One uploaded file of one organisation, stored once by its SHA-256."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("organisation_id", "sha256", name="uq_document_org_sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    original_filename: str = Field(max_length=255)
    title: str = Field(max_length=500)
    kind: str | None = Field(default=None, max_length=64)
    sha256: str = Field(max_length=64, index=True)
    size: int = Field(sa_type=BigInteger)
    file_type: str = Field(max_length=16)
    mime: str = Field(max_length=127)
    page_count: int = Field(default=0)
    extraction_status: str = Field(default=ExtractionStatus.PENDING, max_length=16, index=True)
    extraction_message: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # OCR: pages whose text it read, scanned pages still waiting for it (the progress of
    # background processing), and its mean confidence (0..1) over the pages it read.
    ocr_page_count: int = Field(default=0)
    ocr_waiting: int = Field(default=0)
    ocr_confidence: float | None = Field(default=None)
    # Which run is reading the scanned pages (a random token) and until when, in Unix
    # seconds, unless it renews the claim: one run at a time, and a run that dies lets go.
    ocr_claim: str | None = Field(default=None, max_length=32)
    ocr_claimed_until: int | None = Field(default=None, sa_type=BigInteger)
    uploaded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    uploaded_at: datetime = Field(default_factory=utcnow, index=True)
    deleted_at: datetime | None = Field(default=None, index=True)
    deleted_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    # Summary of the legal metadata, kept in step by `records.legal_fields.refresh` for listing and filtering.
    legal_year: int | None = Field(default=None, index=True)
    legal_status: str | None = Field(default=None, max_length=16, index=True)
    in_force: str = Field(default="berlaku", max_length=16, index=True)
    finding_count: int = Field(default=0)
    metadata_confirmed: bool = Field(default=False)
    # Sharing: published to the shared library, or copied from another body's published document.
    shared_at: datetime | None = Field(default=None, index=True)
    copied_from_id: int | None = Field(default=None, foreign_key="document.id")


class Upload(SQLModel, table=True):
    """One upload (web form or API): the files a person sent together, answered at once and read in the background.

    `channel` is the trail's mark of the request that received it (`{"via": "api", "token_id": 3}`,
    None for the web form): the worker reads the files later, outside that request, and marks
    the documents' events with it, so an upload made through the API is in the trail as one.
    """

    __tablename__ = "upload"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    uploaded_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)
    channel: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class UploadFile(SQLModel, table=True):
    """One file of a web upload and its progress (`UploadStatus`), kept in the database so a restart
    loses nothing and every tab and colleague sees the same.

    Its stored bytes (`sha256`) count as referred to while it waits, so `check --fix` never
    removes them; the worker claims it until `claimed_until` (Unix seconds), and one killed
    midway lets go when that passes.
    """

    __tablename__ = "upload_file"

    id: int | None = Field(default=None, primary_key=True)
    upload_id: int = Field(foreign_key="upload.id", index=True)
    position: int
    filename: str = Field(max_length=255)
    sha256: str | None = Field(default=None, max_length=64, index=True)  # None: refused before it was stored
    size: int = Field(default=0, sa_type=BigInteger)
    status: str = Field(default=UploadStatus.RECEIVED, max_length=16, index=True)
    message: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    document_id: int | None = Field(default=None, foreign_key="document.id")
    claimed_until: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class DocumentPage(SQLModel, table=True):
    """Extracted text of one page (a DOCX counts its hard page breaks)."""

    __tablename__ = "document_page"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_page_document_number"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    number: int
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    char_count: int = Field(default=0)
    source: str = Field(default=PageSource.TEXT_LAYER, max_length=16)
    needs_ocr: bool = Field(default=False)
    ocr_confidence: float | None = Field(default=None)
    ocr_failures: int = Field(default=0)  # OCR runs that failed on this page; after a few it is not tried again


class ReviewerAssignment(SQLModel, table=True):
    """A reviewer (internal assessor) may read and review the evidence of these organisations."""

    __tablename__ = "reviewer_assignment"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id", name="uq_reviewer_assignment"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class LegalField(SQLModel, table=True):
    """One legal-metadata field of a document, with its provenance and confirmation."""

    __tablename__ = "legal_field"
    __table_args__ = (UniqueConstraint("document_id", "name", name="uq_legal_field_document_name"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    name: str = Field(max_length=32)
    value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    source: str = Field(default="extracted", max_length=16)
    page: int | None = Field(default=None)
    matched: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    confidence: float = Field(default=0.0)
    confirmed: bool = Field(default=False)
    confirmed_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    confirmed_at: datetime | None = Field(default=None)
    updated_at: datetime = Field(default_factory=utcnow)


class DocumentRelation(SQLModel, table=True):
    """This document amends, repeals or implements another, found in the vault or only cited."""

    __tablename__ = "document_relation"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    relation: str = Field(max_length=16)
    target_document_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    cited_kind: str = Field(max_length=32)
    cited_number: str | None = Field(default=None, max_length=128)
    cited_year: int | None = Field(default=None)
    cited_title: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    citation: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    source: str = Field(default="extracted", max_length=16)
    page: int | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow)


class DocumentFinding(SQLModel, table=True):
    """A validity finding of a document; recomputed whenever its facts change."""

    __tablename__ = "document_finding"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    code: str = Field(max_length=32, index=True)
    severity: str = Field(max_length=8)
    message: str = Field(sa_column=Column(Text, nullable=False))


class AssessmentPeriod(SQLModel, table=True):
    """An evaluation round of one organisation against one framework (e.g. SPBE 2020 for 2025)."""

    __tablename__ = "assessment_period"
    __table_args__ = (UniqueConstraint("organisation_id", "year", name="uq_period_organisation_year"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    framework: str = Field(max_length=32)
    year: int
    label: str = Field(default="", max_length=255)
    # The assessment date: levels, findings, ages and expiry are judged as of this day
    # (default: the end of the national evaluation's evidence upload for that year).
    as_of: date
    is_current: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)


class IndicatorLink(SQLModel, table=True):
    """A document offered as evidence for an indicator: suggested by the vault or linked by a person.

    States: suggested (by the vault, waiting for a person), confirmed (submitted by a person),
    verified (accepted by a reviewer), rejected (with a reason, by a person or a reviewer).
    """

    __tablename__ = "indicator_link"
    __table_args__ = (UniqueConstraint("document_id", "framework", "indicator", name="uq_link_document_indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    framework: str = Field(max_length=32, index=True)
    indicator: str = Field(max_length=16, index=True)
    state: str = Field(max_length=16, index=True)
    level: int | None = Field(default=None)
    pasal: str = Field(default="", max_length=128)
    page: int | None = Field(default=None)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    score: float | None = Field(default=None)
    matched: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    rejected_in_review: bool = Field(default=False)
    created_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=utcnow)
    reviewed_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    reviewed_at: datetime | None = Field(default=None)
    updated_at: datetime = Field(default_factory=utcnow)


class SelfAssessment(SQLModel, table=True):
    """The level an organisation claims for an indicator in a period, with its justification."""

    __tablename__ = "self_assessment"
    __table_args__ = (UniqueConstraint("period_id", "indicator", name="uq_self_assessment_period_indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="assessment_period.id", index=True)
    indicator: str = Field(max_length=16)
    level: float  # Pemdi 2026 values may be fractional (2.5); SPBE 2020 levels are whole
    justification: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    updated_at: datetime = Field(default_factory=utcnow)


class ExternalIndexValue(SQLModel, table=True):
    """The value an indicator received from another agency's index (SDI, SJIG, IPS, IKASANDI) in a period.

    Local documents cannot raise these indicators: the coordinator records what the index
    gave and the document that shows it; the level follows from the framework's ranges.
    """

    __tablename__ = "external_index_value"
    __table_args__ = (UniqueConstraint("period_id", "indicator", name="uq_external_index_period_indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="assessment_period.id", index=True)
    indicator: str = Field(max_length=16)
    value: float  # on the index's own scale (SDI 0-100, SJIG 1-5, ...)
    source_document_id: int | None = Field(default=None, foreign_key="document.id")
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_by_id: int | None = Field(default=None, foreign_key="user_account.id")
    updated_at: datetime = Field(default_factory=utcnow)


class Event(SQLModel, table=True):
    """Append-only record of who did what to which object; the database refuses edits."""

    __tablename__ = "event"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user_account.id")
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", index=True)
    action: str = Field(max_length=64, index=True)
    object_type: str = Field(default="", max_length=32)
    object_id: int | None = Field(default=None)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
