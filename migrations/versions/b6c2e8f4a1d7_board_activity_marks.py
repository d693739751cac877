"""board activity marks: the application's last news and when each user last opened its card

Revision ID: b6c2e8f4a1d7
Revises: f2a6c8e4b1d7
Create Date: 2026-12-06 20:10:00

``applications.last_activity_at`` / ``last_activity_by_id``: the last news for the team (a
reply, a transcript, an assessment result, a note), set where it is recorded;
``application_views``: one row per (user, application), written when the user opens the
card. The board outer-joins the user's row to mark chips with unseen news.
"""
from alembic import op
import sqlalchemy as sa


revision = 'b6c2e8f4a1d7'
down_revision = 'f2a6c8e4b1d7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('applications') as batch_op:
        batch_op.add_column(sa.Column('last_activity_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('last_activity_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_applications_last_activity_by_id', 'users', ['last_activity_by_id'], ['id'],
                                    ondelete='SET NULL')
    op.create_table(
        'application_views',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('seen_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'application_id'),
    )
    op.create_index('ix_application_views_application_id', 'application_views', ['application_id'])


def downgrade():
    op.drop_index('ix_application_views_application_id', table_name='application_views')
    op.drop_table('application_views')
    with op.batch_alter_table('applications') as batch_op:
        batch_op.drop_constraint('fk_applications_last_activity_by_id', type_='foreignkey')
        batch_op.drop_column('last_activity_by_id')
        batch_op.drop_column('last_activity_at')
