"""two-factor sign-in: authenticator secrets, recovery codes, the company requirement

Revision ID: c3f1a2b4d5e6
Revises: d7c3a1e9b520
Create Date: 2026-12-06 07:40:00

Secrets are stored encrypted (app.accounts.secrets), recovery codes as SHA-256 hashes.
Existing companies get ``two_factor_required = false``.
"""
from alembic import op
import sqlalchemy as sa


revision = 'c3f1a2b4d5e6'
down_revision = 'd7c3a1e9b520'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('two_factor_required', sa.Boolean(), nullable=False, server_default=sa.false()))

    op.create_table('user_two_factor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret_enc', sa.String(length=255), nullable=True),
    sa.Column('pending_secret_enc', sa.String(length=255), nullable=True),
    sa.Column('enabled_at', sa.DateTime(), nullable=True),
    sa.Column('last_counter', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id')
    )
    op.create_table('recovery_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recovery_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovery_codes_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('recovery_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recovery_codes_user_id'))
    op.drop_table('recovery_codes')
    op.drop_table('user_two_factor')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_column('two_factor_required')
