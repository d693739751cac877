"""rejection reasons, an application's rejection (reason, note, when, by whom), scheduled emails

Revision ID: c8a4e2f6d1b9
Revises: c4b8e2f1a9d3
Create Date: 2026-12-06 16:40:00

``rejection_reasons`` is each company's list (defaults are created in the company's language
when the list is first used); ``applications`` gets the rejection's reason, note, time and
actor; ``outbox_emails.due_at`` holds a scheduled email (a rejection sent days later) until the
sweeper's outbox step sends it. Nothing is backfilled: older rejections show "no reason recorded".
"""
from alembic import op
import sqlalchemy as sa


revision = 'c8a4e2f6d1b9'
down_revision = 'c4b8e2f1a9d3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rejection_reasons',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=32), nullable=True),
        sa.Column('label', sa.String(length=120), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('company_id', 'key', name='uq_rejection_reasons_key'),
    )
    op.create_index('ix_rejection_reasons_company_position', 'rejection_reasons', ['company_id', 'position'])
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rejection_reason_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('rejection_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('rejected_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('rejected_by_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_applications_rejection_reason_id', ['rejection_reason_id'])
        batch_op.create_foreign_key('fk_applications_rejection_reason_id', 'rejection_reasons',
                                    ['rejection_reason_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key('fk_applications_rejected_by_id', 'users', ['rejected_by_id'], ['id'],
                                    ondelete='SET NULL')
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.drop_column('due_at')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_constraint('fk_applications_rejected_by_id', type_='foreignkey')
        batch_op.drop_constraint('fk_applications_rejection_reason_id', type_='foreignkey')
        batch_op.drop_index('ix_applications_rejection_reason_id')
        for name in ('rejected_by_id', 'rejected_at', 'rejection_note', 'rejection_reason_id'):
            batch_op.drop_column(name)
    op.drop_index('ix_rejection_reasons_company_position', table_name='rejection_reasons')
    op.drop_table('rejection_reasons')
