"""scorecards: one person's ratings and recommendation on an application, and a summary row

Revision ID: c4e8a2f6b1d7
Revises: b15d2c4a6e80
Create Date: 2026-12-06 20:10:00

``scorecards`` is one per (application, author, interview): the unique constraint is over
``interview_key`` (the interview's id, 0 for none), as one over the nullable column would let
NULLs repeat. ``interview_id`` has no foreign
key yet: the interviews table comes with interview scheduling. ``scorecard_summaries`` keeps
the count and average recommendation of an application's submitted scorecards for the list
and the board. The definitions live in ``integration_settings["scorecard"]`` (no table).
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e8a2f6b1d7'
down_revision = 'b15d2c4a6e80'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'scorecards',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('interview_id', sa.Integer(), nullable=True),
        sa.Column('interview_key', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('recommendation', sa.String(length=16), nullable=True),
        sa.Column('ratings', sa.JSON(), nullable=True),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('submitted_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('application_id', 'author_id', 'interview_key', name='uq_scorecard_author_interview'),
    )
    op.create_index('ix_scorecards_company_id', 'scorecards', ['company_id'])
    op.create_index('ix_scorecards_application_id', 'scorecards', ['application_id'])
    op.create_index('ix_scorecards_author_status', 'scorecards', ['author_id', 'status'])
    op.create_table(
        'scorecard_summaries',
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('average', sa.Float(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('application_id'),
    )


def downgrade():
    op.drop_table('scorecard_summaries')
    op.drop_index('ix_scorecards_author_status', table_name='scorecards')
    op.drop_index('ix_scorecards_application_id', table_name='scorecards')
    op.drop_index('ix_scorecards_company_id', table_name='scorecards')
    op.drop_table('scorecards')
