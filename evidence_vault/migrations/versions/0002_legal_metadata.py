"""Legal metadata: fields with provenance, relations between documents, findings, document summary.

Existing documents get their metadata with `evidence-vault legal refresh`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_finding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('severity', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_finding_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_finding_document_id'), ['document_id'], unique=False)

    op.create_table('document_relation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('relation', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('target_document_id', sa.Integer(), nullable=True),
    sa.Column('cited_kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('cited_number', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('cited_year', sa.Integer(), nullable=True),
    sa.Column('cited_title', sa.Text(), nullable=False),
    sa.Column('citation', sa.Text(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ),
    sa.ForeignKeyConstraint(['target_document_id'], ['document.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document_relation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_relation_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_relation_target_document_id'), ['target_document_id'], unique=False)

    op.create_table('legal_field',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('matched', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'name', name='uq_legal_field_document_name')
    )
    with op.batch_alter_table('legal_field', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_field_document_id'), ['document_id'], unique=False)

    # Plain ADD COLUMN: SQLite supports it without copying the table.
    op.add_column('document', sa.Column('legal_year', sa.Integer(), nullable=True))
    op.add_column('document', sa.Column('legal_status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
    op.add_column('document', sa.Column('in_force', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False, server_default='berlaku'))
    op.add_column('document', sa.Column('finding_count', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('document', sa.Column('metadata_confirmed', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index(op.f('ix_document_in_force'), 'document', ['in_force'], unique=False)
    op.create_index(op.f('ix_document_legal_status'), 'document', ['legal_status'], unique=False)
    op.create_index(op.f('ix_document_legal_year'), 'document', ['legal_year'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_legal_year'))
        batch_op.drop_index(batch_op.f('ix_document_legal_status'))
        batch_op.drop_index(batch_op.f('ix_document_in_force'))
        batch_op.drop_column('metadata_confirmed')
        batch_op.drop_column('finding_count')
        batch_op.drop_column('in_force')
        batch_op.drop_column('legal_status')
        batch_op.drop_column('legal_year')

    with op.batch_alter_table('legal_field', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_field_document_id'))

    op.drop_table('legal_field')
    with op.batch_alter_table('document_relation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_relation_target_document_id'))
        batch_op.drop_index(batch_op.f('ix_document_relation_document_id'))

    op.drop_table('document_relation')
    with op.batch_alter_table('document_finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_finding_document_id'))
        batch_op.drop_index(batch_op.f('ix_document_finding_code'))

    op.drop_table('document_finding')
