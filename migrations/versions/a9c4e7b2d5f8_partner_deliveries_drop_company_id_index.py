"""partner_deliveries: drop ix_partner_deliveries_company_id, a prefix of another index

Revision ID: a9c4e7b2d5f8
Revises: d2a6c8e4f1b7
Create Date: 2026-12-07 16:30:00

``ix_partner_deliveries_company_created`` (``company_id, created_at``) answers every lookup by
``company_id`` alone (the delivery log, erasure, the foreign key's checks when a company is
deleted) as well as the single-column index did. Each stored TopCV event paid for an entry in
both (issue 15: the intake is measured against a bare POST; docs/performance.md, session 29).
"""

from alembic import op


revision = "a9c4e7b2d5f8"
down_revision = "d2a6c8e4f1b7"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("partner_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_partner_deliveries_company_id")


def downgrade():
    with op.batch_alter_table("partner_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_partner_deliveries_company_id", ["company_id"], unique=False)
