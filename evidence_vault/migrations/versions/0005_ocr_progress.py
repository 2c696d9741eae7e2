"""OCR progress on the document: pages read by OCR, scanned pages still waiting, mean confidence.

Documents stored before this revision get their waiting count from their pages, so that
`evidence-vault ocr --pending` shows progress for them too.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ocr_page_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('ocr_waiting', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('ocr_confidence', sa.Float(), nullable=True))

    op.execute(
        "UPDATE document SET ocr_waiting = (SELECT count(*) FROM document_page "
        "WHERE document_page.document_id = document.id AND document_page.needs_ocr)"
    )


def downgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('ocr_confidence')
        batch_op.drop_column('ocr_waiting')
        batch_op.drop_column('ocr_page_count')
