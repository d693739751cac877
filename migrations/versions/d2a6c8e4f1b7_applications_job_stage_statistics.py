"""applications: extended statistics on (company_id, job_id, stage_id) for the board's plans

Revision ID: d2a6c8e4f1b7
Revises: c4f7a1e9d2b6
Create Date: 2026-12-07 07:00:00

PostgreSQL multiplies the selectivities of ``company_id = …``, ``job_id = …`` and
``stage_id = …`` as if they were independent, but a stage belongs to one job and a job to one
company: for a stage holding 980 of a job's applications it estimated 9 rows. With that guess
a column's "Show more" (app/applications/board.py ``stage_chunk``: the stage's rows after a
keyset, newest first, 25 of them) read all 980 through a bitmap scan and sorted them (9.6 ms)
instead of reading 25 index entries backwards (0.05 ms). Functional-dependency statistics
give the planner the real figure. ``ANALYZE`` fills them now (autovacuum would only after
enough changes); it reads a sample of the table, not all of it.

PostgreSQL only (SQLite has no such statistics); not in the models (alembic compares none).
"""

from alembic import op
import sqlalchemy as sa


revision = "d2a6c8e4f1b7"
down_revision = "c4f7a1e9d2b6"
branch_labels = None
depends_on = None

NAME = "st_applications_company_job_stage"


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.execute(
        sa.text(
            f"CREATE STATISTICS IF NOT EXISTS {NAME} (dependencies) ON company_id, job_id, stage_id FROM applications"
        )
    )
    bind.execute(sa.text("ANALYZE applications"))


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.execute(sa.text(f"DROP STATISTICS IF EXISTS {NAME}"))
