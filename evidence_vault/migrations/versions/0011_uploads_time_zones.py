"""Web uploads read in the background: each upload and its files with their progress (received,
reading, done, duplicate, failed), so the upload request answers at once and a restart loses
nothing; each organisation's own time zone (WIB, WITA, WIT), set from its region for bodies
already here.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel

from evidence_vault.indonesian import zone_for_region


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'upload',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('upload', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upload_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_upload_created_at'), ['created_at'], unique=False)
    op.create_table(
        'upload_file',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('upload_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=True),
        sa.Column('claimed_until', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['upload_id'], ['upload.id']),
        sa.ForeignKeyConstraint(['document_id'], ['document.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('upload_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upload_file_upload_id'), ['upload_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_upload_file_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_upload_file_status'), ['status'], unique=False)

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_zone', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False,
                                      server_default='WIB'))
    connection = op.get_bind()
    organisation = sa.table('organisation', sa.column('id', sa.Integer()), sa.column('name', sa.String()),
                            sa.column('region', sa.String()), sa.column('time_zone', sa.String()))
    for row in connection.execute(sa.select(organisation.c.id, organisation.c.name, organisation.c.region)).all():
        zone = zone_for_region(row.region or "", row.name or "")
        if zone != 'WIB':
            connection.execute(organisation.update().where(organisation.c.id == row.id).values(time_zone=zone))


def downgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('time_zone')
    with op.batch_alter_table('upload_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upload_file_status'))
        batch_op.drop_index(batch_op.f('ix_upload_file_sha256'))
        batch_op.drop_index(batch_op.f('ix_upload_file_upload_id'))
    op.drop_table('upload_file')
    with op.batch_alter_table('upload', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upload_created_at'))
        batch_op.drop_index(batch_op.f('ix_upload_organisation_id'))
    op.drop_table('upload')
