"""a company's own privacy notice address

Revision ID: a4c8e2b6d0f3
Revises: d3f7a1c9e5b2
Create Date: 2026-12-06 20:35:00

Null: the apply form links to Haku's notice page for the company (/c/<slug>/privacy).
"""
from alembic import op
import sqlalchemy as sa


revision = 'a4c8e2b6d0f3'
down_revision = 'd3f7a1c9e5b2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('companies') as batch:
        batch.add_column(sa.Column('privacy_notice_url', sa.String(length=500), nullable=True))


def downgrade():
    with op.batch_alter_table('companies') as batch:
        batch.drop_column('privacy_notice_url')
