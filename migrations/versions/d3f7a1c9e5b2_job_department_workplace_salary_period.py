"""a job's department, workplace (on-site, hybrid, remote) and salary period

Revision ID: d3f7a1c9e5b2
Revises: e5d1b7a3c9f4
Create Date: 2026-12-06 20:10:00

On jobs and job templates alike (they share their fields). Existing rows get no department,
"onsite" and "month" (salaries in Haku's markets are quoted per month).
"""
from alembic import op
import sqlalchemy as sa


revision = 'd3f7a1c9e5b2'
down_revision = 'e5d1b7a3c9f4'
branch_labels = None
depends_on = None

TABLES = ("jobs", "job_templates")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('salary_period', sa.String(length=8), nullable=False, server_default='month'))
            batch.add_column(sa.Column('department', sa.String(length=120), nullable=False, server_default=''))
            batch.add_column(sa.Column('workplace', sa.String(length=16), nullable=False, server_default='onsite'))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('workplace')
            batch.drop_column('department')
            batch.drop_column('salary_period')
