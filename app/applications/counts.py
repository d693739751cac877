"""Applications per company, job, stage and status, kept as they change (``ApplicationCount``):
the dashboard and the board's column heads read a few short rows instead of counting every
open application of the company, or every application of a job, on each view (issue 15;
docs/performance.md, "After: board and dashboard, session 23").

One place keeps them, whatever service made the change (apply, move, reject, reopen,
withdraw, accept or dismiss from the Pending pool, merge, erase, retention): a flush hook on
the session turns the applications inserted, deleted or changed in company, job, stage or
status into +1/−1 per (company, job, stage, status) and writes them in the same flush, so they commit or
roll back with the change. A bulk ``DELETE`` of applications through the session is counted
before it runs (``_on_bulk``); a bulk ``UPDATE`` that sets one of those four columns is
refused there, since it cannot be counted (none exists: services change those through the
ORM). ``rebuild`` recomputes a company's rows from scratch (tests, the bench's seed, repair).

Deltas are written as one upsert per flush, keys sorted, so two transactions lock the
counter rows in the same order (no deadlock between them); rows at 0 stay (they are few). An
application inserted as a plain row, not through a flush (the apply POST on PostgreSQL,
``rows.insert_born_in_stage``), carries its +1 in its own statement with ``upsert_one``."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import bindparam, delete, event, func, insert, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.applications.models import Application, ApplicationCount, ApplicationStatus
from app.extensions import db

_KEYED = ("company_id", "job_id", "stage_id", "status")
_NONE = 0  # job_id and stage_id of rows without (the Pending pool)


def _key(company_id, job_id, stage_id, status) -> tuple[int, int, int, str]:
    return company_id, job_id or _NONE, stage_id or _NONE, str(status or ApplicationStatus.OPEN)  # the default


def _before(obj) -> tuple:
    """The key ``obj`` was counted under before this flush (its loaded values)."""
    state = inspect(obj)
    values = []
    for name in _KEYED:
        history = state.attrs[name].history
        old = history.deleted or history.unchanged
        values.append(old[0] if old else getattr(obj, name))
    return _key(*values)


def _now(obj) -> tuple:
    return _key(obj.company_id, obj.job_id, obj.stage_id, obj.status)


def _changes(session: Session) -> Counter:
    delta: Counter = Counter()
    for obj in session.new:
        if isinstance(obj, Application):
            delta[_now(obj)] += 1
    for obj in session.deleted:
        if isinstance(obj, Application):
            delta[_before(obj)] -= 1
    for obj in session.dirty:
        if isinstance(obj, Application) and obj not in session.deleted:
            state = inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in _KEYED):
                delta[_before(obj)] -= 1
                delta[_now(obj)] += 1
    return delta


def _write(connection, delta: Counter) -> None:
    rows = [{"company_id": c, "job_id": j, "stage_id": g, "status": s, "n": n}
            for (c, j, g, s), n in sorted(delta.items()) if n]
    if not rows:
        return
    dialect = connection.dialect.name
    if dialect not in ("postgresql", "sqlite"):
        raise NotImplementedError(dialect)
    stmt = _UPSERT.get(dialect)
    if stmt is None:  # built once per process and dialect (its construction cost more than its run)
        make = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = make(ApplicationCount.__table__)
        stmt = _UPSERT[dialect] = stmt.on_conflict_do_update(
            index_elements=["company_id", "job_id", "stage_id", "status"],
            set_={"n": ApplicationCount.__table__.c.n + stmt.excluded.n})
    connection.execute(stmt, rows)


#: The counts' upsert by dialect name.
_UPSERT: dict = {}


def upsert_one(dialect: str, prefix: str):
    """The upsert of one key's delta with bound parameters named ``prefix`` + column
    (``upsert_params``), for an application inserted as a plain row inside a statement of its
    own (``rows.insert_born_in_stage``'s CTE) rather than through a flush."""
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = ApplicationCount.__table__
    stmt = make(table).values({name: bindparam(prefix + name, type_=table.c[name].type) for name in (*_KEYED, "n")})
    return stmt.on_conflict_do_update(index_elements=list(_KEYED), set_={"n": table.c.n + stmt.excluded.n})


def upsert_params(prefix: str, company_id, job_id, stage_id, status, n: int = 1) -> dict:
    """``upsert_one``'s parameters: ``n`` more under the key of these values."""
    return {prefix + name: value for name, value in zip((*_KEYED, "n"), (*_key(company_id, job_id, stage_id, status), n),
                                                        strict=True)}


@event.listens_for(Session, "after_flush")
def _on_flush(session: Session, _context) -> None:
    # After the flush the new rows have their ids and defaults; new/dirty/deleted and the
    # attributes' history still describe what this flush wrote.
    delta = _changes(session)
    if delta:
        _write(session.connection(), delta)


@event.listens_for(Session, "do_orm_execute")
def _on_bulk(state) -> None:
    if not (state.is_delete or state.is_update):
        return
    table = getattr(state.statement, "table", None)  # the table, or an ORM-annotated copy of it
    if getattr(table, "name", None) != Application.__tablename__:
        return
    if state.is_update:
        touched = {getattr(k, "key", k) for k in (getattr(state.statement, "_values", None) or {})}
        if touched & set(_KEYED):
            raise NotImplementedError("a bulk UPDATE of an application's company, job, stage or status is not counted")
        return
    where = state.statement.whereclause
    keyed = [Application.company_id, Application.job_id, Application.stage_id, Application.status]
    rows = state.session.execute(select(*keyed, func.count()).where(*([where] if where is not None else []))
                                 .group_by(*keyed)).all()
    delta: Counter = Counter()
    for *key, n in rows:
        delta[_key(*key)] -= n
    _write(state.session.connection(), delta)


def recount(company_id: int) -> dict[tuple[int, int, str], int]:
    """The company's figures counted from its applications, (job id, stage id — 0 for none —,
    status) → number: what ``kept(company_id)`` must equal."""
    keyed = [Application.job_id, Application.stage_id, Application.status]
    rows = db.session.execute(select(*keyed, func.count()).where(Application.company_id == company_id)
                              .group_by(*keyed)).all()
    return {_key(company_id, *key)[1:]: n for *key, n in rows}


def kept(company_id: int) -> dict[tuple[int, int, str], int]:
    """The company's kept figures, as ``recount`` gives them (rows at 0 left out)."""
    rows = db.session.execute(select(ApplicationCount.job_id, ApplicationCount.stage_id, ApplicationCount.status,
                                     ApplicationCount.n)
                              .where(ApplicationCount.company_id == company_id, ApplicationCount.n != 0)).all()
    return {(job_id, stage_id, status): n for job_id, stage_id, status, n in rows}


def rebuild(company_id: int | None = None) -> None:
    """Recount a company's rows (every company's for None) from its applications. The caller commits."""
    db.session.execute(delete(ApplicationCount).where(
        *([] if company_id is None else [ApplicationCount.company_id == company_id])))
    keyed = [Application.company_id, func.coalesce(Application.job_id, _NONE),
             func.coalesce(Application.stage_id, _NONE), Application.status]
    source = (select(*keyed, func.count()).group_by(*keyed)
              .where(*([] if company_id is None else [Application.company_id == company_id])))
    db.session.execute(insert(ApplicationCount).from_select(["company_id", "job_id", "stage_id", "status", "n"],
                                                             source))
