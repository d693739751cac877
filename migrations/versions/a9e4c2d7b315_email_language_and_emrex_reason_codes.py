"""the language of each email, and why an EMREX return was refused as a code

Revision ID: a9e4c2d7b315
Revises: f5a8d2c6b1e3
Create Date: 2026-12-06 14:30:00

``outbox_emails.locale``: the language an email went out in (the card shows it).
``emrex_attempts.reason`` and ``emrex_request_events.reason``: a code (``signature_invalid``,
``late``, …) that the admin words in the reader's language. All nullable: older rows have
none and show what they stored before.
"""
from alembic import op
import sqlalchemy as sa


revision = 'a9e4c2d7b315'
down_revision = 'f5a8d2c6b1e3'
branch_labels = None
depends_on = None

COLUMNS = (('outbox_emails', 'locale', 8), ('emrex_attempts', 'reason', 40), ('emrex_request_events', 'reason', 40))


def _columns(table):
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade():
    for table, column, length in COLUMNS:
        if column not in _columns(table):
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.add_column(sa.Column(column, sa.String(length=length), nullable=True))


def downgrade():
    for table, column, _length in reversed(COLUMNS):
        if column in _columns(table):
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.drop_column(column)
