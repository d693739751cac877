"""time zones: each user's (Account page) and each company's default

Revision ID: f5a8d2c6b1e3
Revises: e12a7c3d9f01
Create Date: 2026-12-06 13:40:00

Both are IANA names (``Europe/Helsinki``); NULL means "not chosen": a user falls back to
the company's zone, a company to UTC. Existing rows keep NULL, so nothing shown changes.
"""
from alembic import op
import sqlalchemy as sa


revision = 'f5a8d2c6b1e3'
down_revision = 'e12a7c3d9f01'
branch_labels = None
depends_on = None


def _columns(table):
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade():
    for table in ('companies', 'users'):
        if 'timezone' not in _columns(table):
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))


def downgrade():
    for table in ('users', 'companies'):
        if 'timezone' in _columns(table):
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.drop_column('timezone')
