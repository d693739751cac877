"""bulk actions on the applications list: the action with its progress, one row per application

Revision ID: a7d3b9e1c5f2
Revises: c8a4e2f6d1b9
Create Date: 2026-12-06 17:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'a7d3b9e1c5f2'
down_revision = 'c8a4e2f6d1b9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'bulk_actions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('ids', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('done', sa.Integer(), nullable=False),
        sa.Column('skipped', sa.Integer(), nullable=False),
        sa.Column('failed', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=True),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_bulk_actions_company_status', 'bulk_actions', ['company_id', 'status'])
    op.create_table(
        'bulk_items',
        sa.Column('bulk_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('outcome', sa.String(length=16), nullable=False),
        sa.Column('detail', sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['bulk_id'], ['bulk_actions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('bulk_id', 'application_id'),
    )


def downgrade():
    op.drop_table('bulk_items')
    op.drop_index('ix_bulk_actions_company_status', table_name='bulk_actions')
    op.drop_table('bulk_actions')
