"""applications per company, job, stage and status, kept as they change (dashboard, board)

Revision ID: b15d2c4a6e80
Revises: a4c8e2b6d0f3
Create Date: 2026-12-06 20:10:00

``application_counts`` holds one row per (company, job, stage — 0 for none, the Pending pool —
and status)
with its number of applications, kept by the flush hook of ``app/applications/counts.py``;
filled here from the applications as they are.
"""
from alembic import op
import sqlalchemy as sa


revision = 'b15d2c4a6e80'
down_revision = 'a4c8e2b6d0f3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'application_counts',
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('job_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('stage_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('company_id', 'job_id', 'stage_id', 'status'),
    )
    op.execute("INSERT INTO application_counts (company_id, job_id, stage_id, status, n) "
               "SELECT company_id, COALESCE(job_id, 0), COALESCE(stage_id, 0), status, count(*) FROM applications "
               "GROUP BY company_id, COALESCE(job_id, 0), COALESCE(stage_id, 0), status")


def downgrade():
    op.drop_table('application_counts')
