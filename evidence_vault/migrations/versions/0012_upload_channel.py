"""Uploads remember the channel they came through (the API and its token), so the worker that reads
their files later marks the documents' trail events as the request would have.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('upload', schema=None) as batch_op:
        batch_op.add_column(sa.Column('channel', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('upload', schema=None) as batch_op:
        batch_op.drop_column('channel')
