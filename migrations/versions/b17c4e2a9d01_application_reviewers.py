"""application reviewers: who is asked to review an application (hiring team roles)

Revision ID: b17c4e2a9d01
Revises: b6c2e8f4a1d7
Create Date: 2026-12-06 20:00:00

``application_reviewers`` is "Ask to review…" on the card: an interviewer sees the
applications they are asked to review (app/accounts/access.py). The new roles
(``hiring_manager``, ``interviewer``) fit ``users.role`` (String(16)) as it is.
"""
from alembic import op
import sqlalchemy as sa


revision = 'b17c4e2a9d01'
down_revision = 'b6c2e8f4a1d7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'application_reviewers',
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('asked_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id']),
        sa.ForeignKeyConstraint(['asked_by_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('application_id', 'user_id'),
    )
    op.create_index('ix_application_reviewers_user', 'application_reviewers', ['user_id', 'application_id'])
    op.create_index('ix_application_reviewers_company_id', 'application_reviewers', ['company_id'])


def downgrade():
    op.drop_index('ix_application_reviewers_company_id', table_name='application_reviewers')
    op.drop_index('ix_application_reviewers_user', table_name='application_reviewers')
    op.drop_table('application_reviewers')
