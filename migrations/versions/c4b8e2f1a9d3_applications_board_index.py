"""applications: the board's index (job, stage, stage entry time, id), replacing (job, stage)

Revision ID: c4b8e2f1a9d3
Revises: c4e8a2f6d913
Create Date: 2026-12-06 16:45:00

The pipeline board reads the newest applications of each stage of a job (and "show more"
the next ones after a keyset): with the entry time and id in the index, each stage's first
chips are a short backward index scan instead of a sort of every application of the job.
It starts with (job_id, stage_id), so it serves everything the index it replaces served; on
PostgreSQL it carries company_id too, so the board's per-stage counts can be index-only.
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4b8e2f1a9d3'
down_revision = 'c4e8a2f6d913'
branch_labels = None
depends_on = None


def _indexes():
    return {i["name"] for i in sa.inspect(op.get_bind()).get_indexes('applications')}


def upgrade():
    indexes = _indexes()
    with op.batch_alter_table('applications', schema=None) as batch_op:
        if 'ix_applications_job_stage' in indexes:
            batch_op.drop_index('ix_applications_job_stage')
        if 'ix_applications_board' not in indexes:
            batch_op.create_index('ix_applications_board', ['job_id', 'stage_id', 'stage_entered_at', 'id'],
                                  unique=False, postgresql_include=['company_id'])


def downgrade():
    indexes = _indexes()
    with op.batch_alter_table('applications', schema=None) as batch_op:
        if 'ix_applications_board' in indexes:
            batch_op.drop_index('ix_applications_board')
        if 'ix_applications_job_stage' not in indexes:
            batch_op.create_index('ix_applications_job_stage', ['job_id', 'stage_id'], unique=False)
