"""company-wide tags with colours, and the tags on each application

Revision ID: e5d1b7a3c9f4
Revises: a7d3b9e1c5f2
Create Date: 2026-12-06 17:50:00

``tags`` is each company's list (name unique per company whatever its case, through
``name_key``; a colour key of the fixed palette); ``application_tags`` links applications to
tags (deleting either removes the link).
"""
from alembic import op
import sqlalchemy as sa


revision = 'e5d1b7a3c9f4'
down_revision = 'a7d3b9e1c5f2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'tags',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('name_key', sa.String(length=60), nullable=False),
        sa.Column('colour', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('company_id', 'name_key', name='uq_tags_company_name'),
    )
    op.create_table(
        'application_tags',
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('tag_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('application_id', 'tag_id'),
    )
    op.create_index('ix_application_tags_tag', 'application_tags', ['tag_id', 'application_id'])


def downgrade():
    op.drop_index('ix_application_tags_tag', table_name='application_tags')
    op.drop_table('application_tags')
    op.drop_table('tags')
