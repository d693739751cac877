"""sources of applications: a job's share links, referrals and candidates added by hand

Revision ID: b4e8f1a6c2d9
Revises: c4e8a1f3b7d2
Create Date: 2026-12-06 23:30:00

``source_links`` are a job's named share links (``?src=<code>``); an application that came
through one records it (``source_link_id``, with ``source`` "link"); a referral records the
team member who referred (``referred_by_id``, ``source`` "referral"); a candidate added by a
recruiter records the legal basis of processing (``consent_basis``). Existing rows keep their
source; nothing is backfilled.
"""
from alembic import op
import sqlalchemy as sa


revision = 'b4e8f1a6c2d9'
down_revision = 'c4e8a1f3b7d2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'source_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('job_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('archived', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('code'),
    )
    op.create_index('ix_source_links_job', 'source_links', ['company_id', 'job_id'])
    with op.batch_alter_table('applications') as batch:
        batch.add_column(sa.Column('source_link_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('referred_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('consent_basis', sa.String(length=32), nullable=True))
        batch.create_foreign_key('fk_applications_source_link_id_source_links', 'source_links',
                                 ['source_link_id'], ['id'], ondelete='SET NULL')
        batch.create_foreign_key('fk_applications_referred_by_id_users', 'users',
                                 ['referred_by_id'], ['id'], ondelete='SET NULL')
        batch.create_index('ix_applications_source_link_id', ['source_link_id'])


def downgrade():
    with op.batch_alter_table('applications') as batch:
        batch.drop_index('ix_applications_source_link_id')
        batch.drop_constraint('fk_applications_referred_by_id_users', type_='foreignkey')
        batch.drop_constraint('fk_applications_source_link_id_source_links', type_='foreignkey')
        batch.drop_column('consent_basis')
        batch.drop_column('referred_by_id')
        batch.drop_column('source_link_id')
    op.drop_index('ix_source_links_job', table_name='source_links')
    op.drop_table('source_links')
