"""Assessment periods, indicator links (suggested, confirmed, verified, rejected), self-assessments,
and the organisation's strict-review setting.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessment_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('framework', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('is_current', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'year', name='uq_period_organisation_year')
    )
    with op.batch_alter_table('assessment_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_period_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('self_assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('indicator', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['assessment_period.id'], ),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('period_id', 'indicator', name='uq_self_assessment_period_indicator')
    )
    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_assessment_period_id'), ['period_id'], unique=False)

    op.create_table('indicator_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('framework', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('indicator', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('pasal', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('matched', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('rejected_in_review', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'framework', 'indicator', name='uq_link_document_indicator')
    )
    with op.batch_alter_table('indicator_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_link_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_link_framework'), ['framework'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_link_indicator'), ['indicator'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_link_state'), ['state'], unique=False)

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('strict_review', sa.Boolean(), nullable=False, server_default=sa.false()))



def downgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('strict_review')

    with op.batch_alter_table('indicator_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_link_state'))
        batch_op.drop_index(batch_op.f('ix_indicator_link_indicator'))
        batch_op.drop_index(batch_op.f('ix_indicator_link_framework'))
        batch_op.drop_index(batch_op.f('ix_indicator_link_document_id'))

    op.drop_table('indicator_link')
    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_assessment_period_id'))

    op.drop_table('self_assessment')
    with op.batch_alter_table('assessment_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_period_organisation_id'))

    op.drop_table('assessment_period')
