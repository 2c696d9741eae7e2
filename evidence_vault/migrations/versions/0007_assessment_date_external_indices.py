"""Assessment periods get an as-of date (levels, findings and ages are judged on it); claims may be
fractional (Pemdi 2026); values received from other agencies' indices (SDI, SJIG, IPS, IKASANDI).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from datetime import date

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# The end of the national evaluation's evidence upload, by framework (Pemdi 2026: 15 September;
# SPBE 2020: documents were assessed from mid-year, 30 June is the documented default).
_AS_OF = {"pemdi-2026": (9, 15), "spbe-2020": (6, 30)}


def upgrade() -> None:
    with op.batch_alter_table('assessment_period', schema=None) as batch_op:
        batch_op.add_column(sa.Column('as_of', sa.Date(), nullable=True))
    periods = sa.table('assessment_period', sa.column('id', sa.Integer), sa.column('framework', sa.String),
                       sa.column('year', sa.Integer), sa.column('as_of', sa.Date))
    connection = op.get_bind()
    for row in connection.execute(sa.select(periods.c.id, periods.c.framework, periods.c.year)).all():
        month, day = _AS_OF.get(row.framework, (12, 31))
        connection.execute(periods.update().where(periods.c.id == row.id).values(as_of=date(row.year, month, day)))
    with op.batch_alter_table('assessment_period', schema=None) as batch_op:
        batch_op.alter_column('as_of', existing_type=sa.Date(), nullable=False)
    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.alter_column('level', existing_type=sa.Integer(), type_=sa.Float(), existing_nullable=False)
    op.create_table(
        'external_index_value',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('period_id', sa.Integer(), nullable=False),
        sa.Column('indicator', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('source_document_id', sa.Integer(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['period_id'], ['assessment_period.id']),
        sa.ForeignKeyConstraint(['source_document_id'], ['document.id']),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('period_id', 'indicator', name='uq_external_index_period_indicator'),
    )
    with op.batch_alter_table('external_index_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_index_value_period_id'), ['period_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('external_index_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_external_index_value_period_id'))
    op.drop_table('external_index_value')
    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.alter_column('level', existing_type=sa.Float(), type_=sa.Integer(), existing_nullable=False)
    with op.batch_alter_table('assessment_period', schema=None) as batch_op:
        batch_op.drop_column('as_of')
