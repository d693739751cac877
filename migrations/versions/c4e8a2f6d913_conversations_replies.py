"""conversations: reply tokens on outbox emails, inbound replies and their attachments

Revision ID: c4e8a2f6d913
Revises: b2d6f1a4c8e0
Create Date: 2026-12-06 16:35:00

Every email about an application carries ``Reply-To: reply+<token>@<REPLY_DOMAIN>``; the
token is ``outbox_emails.reply_token`` (unique, so the lookup is one index probe). Emails
queued before this revision have no token: a reply to them has nowhere to go, as before.
Replies the inbound mailbox accepts are ``inbound_emails`` rows, their files
``inbound_attachments`` pointing at ``stored_files``.
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e8a2f6d913'
down_revision = 'b2d6f1a4c8e0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_token', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint('uq_outbox_emails_reply_token', ['reply_token'])
    op.create_table(
        'inbound_emails',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('outbox_id', sa.Integer(), nullable=True),
        sa.Column('from_addr', sa.String(length=254), nullable=False),
        sa.Column('from_name', sa.String(length=200), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('body_text', sa.Text(), nullable=False),
        sa.Column('message_id', sa.String(length=255), nullable=True),
        sa.Column('raw_sha256', sa.String(length=64), nullable=False),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id']),
        sa.ForeignKeyConstraint(['outbox_id'], ['outbox_emails.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('application_id', 'raw_sha256', name='uq_inbound_emails_raw'),
    )
    op.create_index('ix_inbound_emails_application', 'inbound_emails', ['application_id', 'received_at'])
    op.create_index(op.f('ix_inbound_emails_company_id'), 'inbound_emails', ['company_id'])
    op.create_table(
        'inbound_attachments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('inbound_email_id', sa.Integer(), nullable=False),
        sa.Column('stored_file_id', sa.Integer(), nullable=False),
        sa.Column('filename', sa.String(length=255), nullable=False),
        sa.Column('content_type', sa.String(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['inbound_email_id'], ['inbound_emails.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['stored_file_id'], ['stored_files.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_inbound_attachments_inbound_email_id'), 'inbound_attachments', ['inbound_email_id'])


def downgrade():
    op.drop_index(op.f('ix_inbound_attachments_inbound_email_id'), table_name='inbound_attachments')
    op.drop_table('inbound_attachments')
    op.drop_index(op.f('ix_inbound_emails_company_id'), table_name='inbound_emails')
    op.drop_index('ix_inbound_emails_application', table_name='inbound_emails')
    op.drop_table('inbound_emails')
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.drop_constraint('uq_outbox_emails_reply_token', type_='unique')
        batch_op.drop_column('reply_token')
