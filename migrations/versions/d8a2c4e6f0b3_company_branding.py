"""a company's careers-site look: brand colour, about text, logo

Revision ID: d8a2c4e6f0b3
Revises: b17c4e2a9d01
Create Date: 2026-12-06 21:20:00

The logo (at most 256 KB, PNG or JPEG) is kept in the row: every web node reads it from the
database, so no shared volume is needed for it.
"""
from alembic import op
import sqlalchemy as sa


revision = 'd8a2c4e6f0b3'
down_revision = 'b17c4e2a9d01'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('companies') as batch:
        batch.add_column(sa.Column('brand_colour', sa.String(length=7), nullable=True))
        batch.add_column(sa.Column('about', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('logo', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('logo_type', sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('companies') as batch:
        batch.drop_column('logo_type')
        batch.drop_column('logo')
        batch.drop_column('about')
        batch.drop_column('brand_colour')
