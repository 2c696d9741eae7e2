"""Reviewer assignments, the shared library (published and copied documents), login lockout.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reviewer_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'organisation_id', name='uq_reviewer_assignment')
    )
    with op.batch_alter_table('reviewer_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviewer_assignment_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reviewer_assignment_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shared_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('copied_from_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_document_shared_at'), ['shared_at'], unique=False)
        batch_op.create_foreign_key('fk_document_copied_from_id', 'document', ['copied_from_id'], ['id'])

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')

    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_constraint('fk_document_copied_from_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_document_shared_at'))
        batch_op.drop_column('copied_from_id')
        batch_op.drop_column('shared_at')

    with op.batch_alter_table('reviewer_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviewer_assignment_user_id'))
        batch_op.drop_index(batch_op.f('ix_reviewer_assignment_organisation_id'))

    op.drop_table('reviewer_assignment')
