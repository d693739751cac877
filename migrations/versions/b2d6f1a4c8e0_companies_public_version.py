"""companies: public_version and public_changed_at (cacheable careers and job pages)

Revision ID: b2d6f1a4c8e0
Revises: a9e4c2d7b315
Create Date: 2026-12-06 15:05:00

Bumped with every change to a company's jobs or to the company row; the careers and job
pages derive their ETag, Last-Modified and their cache key from it. Existing rows start at
version 1 with no change time (the company's created_at stands in).
"""
from alembic import op
import sqlalchemy as sa


revision = 'b2d6f1a4c8e0'
down_revision = 'a9e4c2d7b315'
branch_labels = None
depends_on = None


def _columns(table):
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade():
    columns = _columns('companies')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        if 'public_version' not in columns:
            batch_op.add_column(sa.Column('public_version', sa.Integer(), server_default='1', nullable=False))
        if 'public_changed_at' not in columns:
            batch_op.add_column(sa.Column('public_changed_at', sa.DateTime(), nullable=True))


def downgrade():
    columns = _columns('companies')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        for name in ('public_changed_at', 'public_version'):
            if name in columns:
                batch_op.drop_column(name)
