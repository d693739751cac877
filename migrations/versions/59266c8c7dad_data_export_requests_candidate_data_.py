"""data export requests (candidate data rights: the "Your data" email link)

Revision ID: 59266c8c7dad
Revises: 4b0046b15d24
Create Date: 2026-12-01 10:09:31.145533

The retention period (companies.retention_months, default 24) already exists since the
first revision; this adds only the table behind the export links (tokens stored hashed).
"""
from alembic import op
import sqlalchemy as sa


revision = '59266c8c7dad'
down_revision = '4b0046b15d24'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('data_export_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email_normalized', sa.String(length=254), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('data_export_requests', schema=None) as batch_op:
        batch_op.create_index('ix_data_export_requests_email', ['email_normalized', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('data_export_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_data_export_requests_email')
    op.drop_table('data_export_requests')
