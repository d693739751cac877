"""screening questions: the applicants' answers (the questions are in the job's settings)

Revision ID: c4e8a2f6b1d9
Revises: b4e8f1a6c2d9
Create Date: 2026-12-06 23:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e8a2f6b1d9'
down_revision = 'b4e8f1a6c2d9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'screening_answers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('question_key', sa.String(length=16), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('value', sa.JSON(), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('file_id', sa.Integer(), nullable=True),
        sa.Column('knocked_out', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id']),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['file_id'], ['stored_files.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('application_id', 'question_key', name='uq_screening_answer'),
    )
    op.create_index('ix_screening_answers_company_id', 'screening_answers', ['company_id'])
    op.create_index('ix_screening_answers_application_id', 'screening_answers', ['application_id'])


def downgrade():
    op.drop_index('ix_screening_answers_application_id', table_name='screening_answers')
    op.drop_index('ix_screening_answers_company_id', table_name='screening_answers')
    op.drop_table('screening_answers')
