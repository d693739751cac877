"""a company's country: the jobs' addressCountry in their schema.org JobPosting

Revision ID: e3b9d5a1c7f2
Revises: d8a2c4e6f0b3
Create Date: 2026-12-06 23:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'e3b9d5a1c7f2'
down_revision = 'd8a2c4e6f0b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('companies') as batch:
        batch.add_column(sa.Column('country', sa.String(length=2), nullable=True))


def downgrade():
    with op.batch_alter_table('companies') as batch:
        batch.drop_column('country')
