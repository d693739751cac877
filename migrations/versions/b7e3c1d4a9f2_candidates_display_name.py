"""candidates.display_name: a name kept whole as its source gave it

Revision ID: b7e3c1d4a9f2
Revises: c3a1f0e2b7d4
Create Date: 2026-12-06 07:20:00.000000

TopCV sends one full-name field; Vietnamese names put the family name first ("Nguyễn Thị
Lan"), so "given family" reordered them. The whole name is kept here and shown; the split
into given and family names stays for matching study records. Nullable: careers
candidates keep showing "given family" as before.

Board candidates (the only ones marked "name unverified") were split on the last space, so
"given family" gives back the name exactly as TopCV sent it: that becomes the display name,
and the split is redone family-name-first (PARTNERS.md §3.3).
"""
from alembic import op
import sqlalchemy as sa


revision = 'b7e3c1d4a9f2'
down_revision = 'c3a1f0e2b7d4'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('display_name', sa.String(length=400), nullable=True))
    candidates = sa.table('candidates', sa.column('id', sa.Integer), sa.column('given_names', sa.String),
                          sa.column('family_name', sa.String), sa.column('display_name', sa.String),
                          sa.column('name_unverified', sa.Boolean))
    conn = op.get_bind()
    rows = conn.execute(sa.select(candidates.c.id, candidates.c.given_names, candidates.c.family_name)
                        .where(candidates.c.name_unverified.is_(True))).all()
    for row_id, given, family in rows:
        whole = " ".join(f"{given or ''} {family or ''}".split())
        first, _, rest = whole.partition(" ")
        new_given, new_family = (rest, first) if rest else (whole, "")
        conn.execute(candidates.update().where(candidates.c.id == row_id).values(
            display_name=whole[:400] or None, given_names=new_given[:200], family_name=new_family[:200]))


def downgrade():
    # The display name is dropped; board names keep the family-name-first split (both
    # orders read the same name).
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_column('display_name')
