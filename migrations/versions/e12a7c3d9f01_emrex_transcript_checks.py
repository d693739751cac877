"""EMREX transcripts: checks beside the identity check (the issuing institution against the
one the candidate picked, the signature's algorithm, the registry certificate's validity)

Revision ID: e12a7c3d9f01
Revises: c4e7a1f05b2d
Create Date: 2026-12-06 10:15:00

Existing rows keep ``checks`` empty: the card shows what it showed before for them.
"""
from alembic import op
import sqlalchemy as sa


revision = 'e12a7c3d9f01'
down_revision = 'c4e7a1f05b2d'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('emrex_transcripts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('checks', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('emrex_transcripts', schema=None) as batch_op:
        batch_op.drop_column('checks')
