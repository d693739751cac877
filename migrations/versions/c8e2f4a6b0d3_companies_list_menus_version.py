"""companies: list_menus_version, drawn anew by triggers on jobs, stages and share links

Revision ID: c8e2f4a6b0d3
Revises: a9c4e7b2d5f8
Create Date: 2026-12-07 16:30:00

The applications list keeps its filter menus (job titles, stage names, share links) per web
process and company, and reads them again only when this value moved: any insert or delete
of a job, stage or share link, or a change to the columns the menus show, draws a new random
value in the writing transaction (app/applications/menus.py). Triggers, so that every writer
is covered (raw SQL, another process). The statements are a copy of
``app.applications.menus.trigger_statements`` as it is at this revision;
``tests/test_migrations.py`` checks that a migrated database and ``create_all`` agree.
"""

from alembic import op
import sqlalchemy as sa


revision = "c8e2f4a6b0d3"
down_revision = "a9c4e7b2d5f8"
branch_labels = None
depends_on = None

TRACKED = {"jobs": ("title", "company_id"), "stages": ("name", "job_id", "company_id"),
           "source_links": ("name", "job_id", "company_id")}
FUNCTION = "haku_list_menus_changed"


def _sqlite(table, columns):
    bump = "UPDATE companies SET list_menus_version = random() WHERE id"
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    return [f"CREATE TRIGGER {table}_list_menus_insert AFTER INSERT ON {table} "
            f"BEGIN {bump} = NEW.company_id; END",
            f"CREATE TRIGGER {table}_list_menus_delete AFTER DELETE ON {table} "
            f"BEGIN {bump} = OLD.company_id; END",
            f"CREATE TRIGGER {table}_list_menus_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"WHEN {changed} BEGIN {bump} IN (OLD.company_id, NEW.company_id); END"]


def _postgresql(table, columns):
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    return [f"CREATE TRIGGER {table}_list_menus AFTER INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()",
            f"CREATE TRIGGER {table}_list_menus_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {FUNCTION}()"]


def _function():
    bump = "UPDATE companies SET list_menus_version = floor(random() * 9007199254740991)::bigint WHERE id"
    return (f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {bump} = NEW.company_id; "
            f"ELSIF TG_OP = 'DELETE' THEN {bump} = OLD.company_id; "
            f"ELSE {bump} IN (OLD.company_id, NEW.company_id); END IF; "
            "RETURN NULL; END $$")


def upgrade():
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("companies")}
    if "list_menus_version" not in columns:
        with op.batch_alter_table("companies", schema=None) as batch_op:
            batch_op.add_column(sa.Column("list_menus_version", sa.BigInteger(), server_default="0", nullable=False))
    bind = op.get_bind()
    _drop_triggers(bind)  # a database made by create_all already has them
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(_function()))
        for table, tracked in TRACKED.items():
            for statement in _postgresql(table, tracked):
                bind.execute(sa.text(statement))
    elif bind.dialect.name == "sqlite":
        for table, tracked in TRACKED.items():
            for statement in _sqlite(table, tracked):
                bind.execute(sa.text(statement))


def _drop_triggers(bind):
    for table in TRACKED:
        if bind.dialect.name == "postgresql":
            for name in (f"{table}_list_menus", f"{table}_list_menus_update"):
                bind.execute(sa.text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
        else:
            for name in ("insert", "delete", "update"):
                bind.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_list_menus_{name}"))


def downgrade():
    bind = op.get_bind()
    _drop_triggers(bind)
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(f"DROP FUNCTION IF EXISTS {FUNCTION}()"))
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_column("list_menus_version")
