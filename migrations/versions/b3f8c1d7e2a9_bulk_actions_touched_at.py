"""bulk actions: when each last made progress (the sweeper re-enqueues stalled ones)

Revision ID: b3f8c1d7e2a9
Revises: c4e8a2f6b1d7
Create Date: 2026-12-06 20:00:00

``touched_at`` is set when a bulk action is written and at every application it handles; one
that is not finished and has not been touched for a while (its task lost with Redis, or its
worker killed) is enqueued again by the sweeper (``app/bulk/hooks.py``).
"""
from alembic import op
import sqlalchemy as sa


revision = 'b3f8c1d7e2a9'
down_revision = 'c4e8a2f6b1d7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('bulk_actions') as batch:
        batch.add_column(sa.Column('touched_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE bulk_actions SET touched_at = created_at")


def downgrade():
    with op.batch_alter_table('bulk_actions') as batch:
        batch.drop_column('touched_at')
