"""possible duplicates and recruiter merges: candidates.email_key, duplicate_dismissals,
candidate_merges (the 30-day undo snapshots)

Revision ID: d7c3a1e9b520
Revises: b7e3c1d4a9f2
Create Date: 2026-12-06 07:40:00

``email_key`` is filled for existing candidates here, with the same rule as
``app.applications.models.email_match_key`` (copied: a migration must not change when the
app does).
"""
from alembic import op
import sqlalchemy as sa


revision = 'd7c3a1e9b520'
down_revision = 'b7e3c1d4a9f2'
branch_labels = None
depends_on = None


def _email_key(email):
    value = (email or "").strip().lower()
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        return value[:254] or None
    local = local.split("+", 1)[0].replace(".", "")
    if domain == "googlemail.com":
        domain = "gmail.com"
    return f"{local}@{domain}"[:254] if local else None


def upgrade():
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_key', sa.String(length=254), nullable=True))
        batch_op.create_index('ix_candidates_company_email_key', ['company_id', 'email_key'], unique=False)

    candidates = sa.table('candidates', sa.column('id', sa.Integer), sa.column('email', sa.String),
                          sa.column('email_key', sa.String))
    conn = op.get_bind()
    rows = conn.execute(sa.select(candidates.c.id, candidates.c.email).where(candidates.c.email.is_not(None))).all()
    for row_id, email in rows:
        conn.execute(candidates.update().where(candidates.c.id == row_id).values(email_key=_email_key(email)))

    op.create_table('duplicate_dismissals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('low_id', sa.Integer(), nullable=False),
    sa.Column('high_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.ForeignKeyConstraint(['low_id'], ['candidates.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['high_id'], ['candidates.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('company_id', 'low_id', 'high_id', name='uq_duplicate_dismissals_pair')
    )
    with op.batch_alter_table('duplicate_dismissals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicate_dismissals_company_id'), ['company_id'], unique=False)
        batch_op.create_index('ix_duplicate_dismissals_high', ['high_id'], unique=False)

    op.create_table('candidate_merges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('survivor_id', sa.Integer(), nullable=False),
    sa.Column('merged_candidate_id', sa.Integer(), nullable=False),
    sa.Column('merged_data', sa.JSON(), nullable=False),
    sa.Column('survivor_before', sa.JSON(), nullable=False),
    sa.Column('survivor_after', sa.JSON(), nullable=False),
    sa.Column('moved_application_ids', sa.JSON(), nullable=False),
    sa.Column('event_ids', sa.JSON(), nullable=False),
    sa.Column('dismissals', sa.JSON(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.ForeignKeyConstraint(['survivor_id'], ['candidates.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('candidate_merges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_merges_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidate_merges_survivor_id'), ['survivor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidate_merges_expires_at'), ['expires_at'], unique=False)


def downgrade():
    with op.batch_alter_table('candidate_merges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidate_merges_expires_at'))
        batch_op.drop_index(batch_op.f('ix_candidate_merges_survivor_id'))
        batch_op.drop_index(batch_op.f('ix_candidate_merges_company_id'))
    op.drop_table('candidate_merges')
    with op.batch_alter_table('duplicate_dismissals', schema=None) as batch_op:
        batch_op.drop_index('ix_duplicate_dismissals_high')
        batch_op.drop_index(batch_op.f('ix_duplicate_dismissals_company_id'))
    op.drop_table('duplicate_dismissals')
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index('ix_candidates_company_email_key')
        batch_op.drop_column('email_key')
