"""indexes for the reports: hires by stage, stage entries by date, rejections by date

Revision ID: c4e8a1f3b7d2
Revises: e3b9d5a1c7f2
Create Date: 2026-12-06 23:20:00

The reports (app/reports) read stage entries into hired stages, the stage entries and the
rejections of a date range: each a range scan of an index instead of the whole table.
"""
from alembic import op


revision = 'c4e8a1f3b7d2'
down_revision = 'e3b9d5a1c7f2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_stage_entries_stage', 'stage_entries', ['stage_id', 'application_id', 'entered_at'])
    op.create_index('ix_stage_entries_company_entered', 'stage_entries', ['company_id', 'entered_at'])
    op.create_index('ix_applications_company_rejected', 'applications', ['company_id', 'rejected_at'])


def downgrade():
    op.drop_index('ix_applications_company_rejected', table_name='applications')
    op.drop_index('ix_stage_entries_company_entered', table_name='stage_entries')
    op.drop_index('ix_stage_entries_stage', table_name='stage_entries')
