"""interviews, interviewers, busy slots, availability, per-job interview plans; outbox calendar invitations

``interviewer_busy`` is unique on (user_id, starts_at): the database refuses a second booking
of an interviewer at the same start (two candidates picking one slot at once).

Revision ID: c7e2a9d4b613
Revises: b3f8c1d7e2a9
Create Date: 2026-12-06 19:54:04.409201

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c7e2a9d4b613'
down_revision = 'b3f8c1d7e2a9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('user_availability',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('weekly', sa.JSON(), nullable=False),
    sa.Column('blocked', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('interviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('uid', sa.String(length=120), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('link_expires_at', sa.DateTime(), nullable=True),
    sa.Column('candidate_timezone', sa.String(length=64), nullable=True),
    sa.Column('remind_at', sa.DateTime(), nullable=True),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('cause', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['stage_id'], ['stages.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash'),
    sa.UniqueConstraint('uid')
    )
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interviews_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interviews_company_id'), ['company_id'], unique=False)
        batch_op.create_index('ix_interviews_reminder', ['status', 'remind_at'], unique=False)

    op.create_table('interview_interviewers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interview_id', 'user_id', name='uq_interview_interviewer')
    )
    with op.batch_alter_table('interview_interviewers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_interviewers_user_id'), ['user_id'], unique=False)

    op.create_table('interviewer_busy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interviews.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'starts_at', name='uq_interviewer_busy_slot')
    )
    with op.batch_alter_table('interviewer_busy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interviewer_busy_interview_id'), ['interview_id'], unique=False)
        batch_op.create_index('ix_interviewer_busy_range', ['user_id', 'starts_at', 'ends_at'], unique=False)

    op.create_table('interview_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('interviewer_ids', sa.JSON(), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stage_id'], ['stages.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('job_id')
    )
    with op.batch_alter_table('interview_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_plans_company_id'), ['company_id'], unique=False)

    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ics_method', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('ics', sa.Text(), nullable=True))



def downgrade():
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.drop_column('ics')
        batch_op.drop_column('ics_method')

    with op.batch_alter_table('interviewer_busy', schema=None) as batch_op:
        batch_op.drop_index('ix_interviewer_busy_range')
        batch_op.drop_index(batch_op.f('ix_interviewer_busy_interview_id'))

    with op.batch_alter_table('interview_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_plans_company_id'))

    op.drop_table('interview_plans')
    op.drop_table('interviewer_busy')
    with op.batch_alter_table('interview_interviewers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_interviewers_user_id'))

    op.drop_table('interview_interviewers')
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.drop_index('ix_interviews_reminder')
        batch_op.drop_index(batch_op.f('ix_interviews_company_id'))
        batch_op.drop_index(batch_op.f('ix_interviews_application_id'))

    op.drop_table('interviews')
    op.drop_table('user_availability')
