"""Search inside PostgreSQL (`search.backend = "postgres"`): one row per document and per page, each with
its words as written and their stems as `tsvector` columns ('simple' configuration, words analysed in
Python), with GIN indexes. Nothing on SQLite: there the search index is a Whoosh folder.

No foreign key to `document`: rows are written for documents as search sees them (the trash
removes them), and the search conformance suite fills these tables without documents.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute("""
        CREATE TABLE search_document (
            document_id integer PRIMARY KEY,
            organisation_id integer NOT NULL,
            title text NOT NULL,
            exact tsvector NOT NULL,
            stemmed tsvector NOT NULL,
            title_exact tsvector NOT NULL,
            title_stemmed tsvector NOT NULL,
            kind text NOT NULL,
            year text NOT NULL,
            legal_status text NOT NULL,
            in_force text NOT NULL,
            has_findings text NOT NULL,
            confirmed text NOT NULL,
            indicators text[] NOT NULL,
            legal_numbers text[] NOT NULL,
            sort_date bigint NOT NULL,
            sort_uploaded bigint NOT NULL,
            sort_number text NOT NULL,
            numbered text NOT NULL
        )""")
    op.execute("CREATE INDEX ix_search_document_organisation ON search_document (organisation_id)")
    for column in ('exact', 'stemmed', 'title_exact', 'title_stemmed'):
        op.execute(f"CREATE INDEX ix_search_document_{column} ON search_document USING gin ({column})")
    op.execute("CREATE INDEX ix_search_document_legal_numbers ON search_document USING gin (legal_numbers)")
    op.execute("""
        CREATE TABLE search_page (
            document_id integer NOT NULL,
            page_number integer NOT NULL,
            organisation_id integer NOT NULL,
            exact tsvector NOT NULL,
            stemmed tsvector NOT NULL,
            text text NOT NULL,
            PRIMARY KEY (document_id, page_number)
        )""")
    op.execute("CREATE INDEX ix_search_page_exact ON search_page USING gin (exact)")
    op.execute("CREATE INDEX ix_search_page_stemmed ON search_page USING gin (stemmed)")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute("DROP TABLE search_page")
    op.execute("DROP TABLE search_document")
