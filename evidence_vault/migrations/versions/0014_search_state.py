"""PostgreSQL search: which analysis wrote the search rows (`search_state`), so that `check` and `init`
know when a new version's stemmer, stop list or layout needs the rows rebuilt, as the Whoosh index
knows from the version written beside it. Nothing on SQLite.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08
"""

from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute("CREATE TABLE search_state (name text PRIMARY KEY, value text NOT NULL)")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute("DROP TABLE search_state")
