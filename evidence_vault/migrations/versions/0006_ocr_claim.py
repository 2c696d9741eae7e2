"""OCR runs: who is reading a document's scanned pages and until when (one run at a time), and
how often OCR failed on each page (a page that keeps failing is not tried again unless asked).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ocr_claim', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
        batch_op.add_column(sa.Column('ocr_claimed_until', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('document_page', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ocr_failures', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('document_page', schema=None) as batch_op:
        batch_op.drop_column('ocr_failures')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('ocr_claimed_until')
        batch_op.drop_column('ocr_claim')
