"""EMREX transcripts: review state (a transcript whose identity check says mismatch is held
for a recruiter's decision and kept out of exports, list columns and GPA)

Revision ID: c4e7a1f05b2d
Revises: c3f1a2b4d5e6
Create Date: 2026-12-06 07:15:00

Existing rows: transcripts whose identity check said mismatch become ``held`` (they were
only flagged before), and the list summary of an application whose last import was such a
transcript stops showing its institution, degree, credits and GPA until a recruiter decides
(the decision sets them from the newest transcript that counts).
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e7a1f05b2d'
down_revision = 'c3f1a2b4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('emrex_transcripts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_status', sa.String(length=16), nullable=False, server_default='clear'))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key('fk_emrex_transcripts_reviewed_by_id_users', 'users', ['reviewed_by_id'], ['id'],
                                    ondelete='SET NULL')
    op.execute("UPDATE emrex_transcripts SET review_status = 'held' WHERE identity_status = 'mismatch'")
    # needs_review was set only by an import: the summary's values came from that mismatched one.
    op.execute("UPDATE emrex_summaries SET institution = NULL, degree = NULL, credits_total = NULL, gpa = NULL "
               "WHERE needs_review = true")
    op.execute("UPDATE emrex_summaries SET status = 'held' WHERE needs_review = true AND status = 'completed'")


def downgrade():
    op.execute("UPDATE emrex_summaries SET status = 'completed' WHERE status = 'held'")
    with op.batch_alter_table('emrex_transcripts', schema=None) as batch_op:
        batch_op.drop_constraint('fk_emrex_transcripts_reviewed_by_id_users', type_='foreignkey')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('review_status')
