"""The version of a company's list menus: ``Company.list_menus_version``.

The applications list's filter form shows the company's jobs (by title), the distinct names
of its job stages and its share links (``listing.filter_menus``); they change seldom but were
read on every page (~600 stage rows for 6 names on the bench). Every change to what they
show draws a new random value into ``companies.list_menus_version`` in the writing
transaction, so it commits or rolls back with the change; the list reads the value in its
page statement and runs the menus' statement only when the value is not the one it kept the
menus under (per web process, keyed by company and value: every process and host sees the
same column).

Database triggers on ``jobs``, ``stages`` and ``source_links`` rather than an ORM listener
(as ``app/jobs/public.py`` has): every writer is covered — services, bulk ``update()``
statements, raw SQL, another process, a data fix in psql. A row inserted or deleted, or one
whose shown columns (``TRACKED``) change, bumps its company (both, if it moves); other
updates (a stage's position, a job's description) do not. A random value and not a counter:
a company's id can come back (SQLite reuses the highest rowid after a delete) with a counter
at the same figure, and its menus would be another company's.

The triggers are created with the tables (``create_all``: the tests) and by the migration
c8e2f4a6b0d3 (a copy of ``trigger_statements`` as it was then; ``tests/test_migrations.py``
checks that both give the same triggers). On SQLite a batch migration that recreates one of
the three tables drops its triggers: such a migration must create them again.
"""

from __future__ import annotations

from sqlalchemy import DDL, event, select

from app.accounts.models import Company
from app.applications.models import SourceLink
from app.jobs.models import Job, Stage

#: The columns of each table that the menus show or group by (an UPDATE of any other column
#: leaves the version alone).
TRACKED = {"jobs": ("title", "company_id"), "stages": ("name", "job_id", "company_id"),
           "source_links": ("name", "job_id", "company_id")}

_FUNCTION = "haku_list_menus_changed"
_PG_NEW = "floor(random() * 9007199254740991)::bigint"


def trigger_statements(dialect: str, table: str) -> list[str]:
    """The DDL of ``table``'s triggers on ``dialect`` (``sqlite`` or ``postgresql``)."""
    columns = TRACKED[table]
    if dialect == "sqlite":
        bump = "UPDATE companies SET list_menus_version = random() WHERE id"
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        return [f"CREATE TRIGGER {table}_list_menus_insert AFTER INSERT ON {table} "
                f"BEGIN {bump} = NEW.company_id; END",
                f"CREATE TRIGGER {table}_list_menus_delete AFTER DELETE ON {table} "
                f"BEGIN {bump} = OLD.company_id; END",
                f"CREATE TRIGGER {table}_list_menus_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
                f"WHEN {changed} BEGIN {bump} IN (OLD.company_id, NEW.company_id); END"]
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    return [function_statement(),
            f"CREATE TRIGGER {table}_list_menus AFTER INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()",
            f"CREATE TRIGGER {table}_list_menus_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {_FUNCTION}()"]


def function_statement() -> str:
    """PostgreSQL's trigger function (SQLite's triggers carry their statement inline)."""
    bump = f"UPDATE companies SET list_menus_version = {_PG_NEW} WHERE id"
    return (f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {bump} = NEW.company_id; "
            f"ELSIF TG_OP = 'DELETE' THEN {bump} = OLD.company_id; "
            f"ELSE {bump} IN (OLD.company_id, NEW.company_id); END IF; "
            "RETURN NULL; END $$")


for _table in (Job.__table__, Stage.__table__, SourceLink.__table__):
    for _dialect in ("sqlite", "postgresql"):
        for _statement in trigger_statements(_dialect, _table.name):
            event.listen(_table, "after_create", DDL(_statement).execute_if(dialect=_dialect))


def version(company):
    """The company's menus version as a scalar of the page statement (``company``: an expression
    of its id; a ``reads`` factory of ``listing.list_applications``)."""
    return select(Company.list_menus_version).where(Company.id == company).scalar_subquery()
