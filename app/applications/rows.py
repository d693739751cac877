"""A new application born in its job's first stage, written as plain rows in one statement on
PostgreSQL (issue 15: the apply POST's rows cost more in SQLAlchemy's unit of work and in round
trips than in the database; docs/performance.md, "Session 27").

One statement of data-modifying CTEs inserts the person (when new), the stored CV, the
application, its kept count (``counts.upsert_one``), its first stage entry and its two timeline
lines ("applied", "stage_entered", in that order), and returns the new ids. The objects then
join the session as if they had been loaded (``_attach``): nothing is flushed for them, and a
later change to the application (an automation's move) is an UPDATE counted as any other.
Every value is computed here as the ORM would have (its column defaults, the validators of the
constructors), so the rows are those the unit of work wrote. After the stage-entry receivers,
a second statement (``insert_plain``) writes the team's notifications, the confirmation's
timeline line and its outbox row, as values. SQLite has no data-modifying CTE: there the unit
of work writes them (``services.create_application``, ``services.acknowledge``)."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import bindparam, insert, null, select, union_all
from sqlalchemy.orm import attributes, make_transient_to_detached

from app.applications import counts
from app.applications.models import Application, Candidate, StageEntry, StoredFile, TimelineEvent
from app.extensions import db


def one_statement() -> bool:
    """Whether this database takes the application's rows in one statement."""
    return db.session.get_bind().dialect.name == "postgresql"


def _values(obj, table, skip: tuple[str, ...] = ()) -> dict:
    """Every column of ``obj``'s row but its id, as the ORM's INSERT would write them: the value
    set on the object, else the column's Python default, else NULL. The defaults are set on the
    object too, so it holds its whole row when it joins the session."""
    out = _complete(table, obj.__dict__, skip)
    obj.__dict__.update(out)
    return out


def _complete(table, given: dict, skip: tuple[str, ...] = ()) -> dict:
    """The row of ``table`` (its id and ``skip`` aside) from ``given``, with the columns' Python
    defaults for what is not given, as an INSERT through SQLAlchemy fills them."""
    out = {}
    for column in table.columns:
        if column.primary_key or column.key in skip:
            continue
        if column.key in given:
            out[column.key] = given[column.key]
        elif column.default is None:
            out[column.key] = None
        elif column.default.is_callable:
            out[column.key] = column.default.arg(None)
        elif column.default.is_scalar:
            out[column.key] = column.default.arg
        else:  # a SQL default: none of these tables has one
            raise NotImplementedError(f"{table.name}.{column.key}")
    return out


def insert_born_in_stage(application: Application, candidate: Candidate, stage, stored: StoredFile | None,
                         entry: dict, events: list[dict]) -> int:
    """Insert ``application`` (in ``stage`` since its time of entry, not yet in the session) with the
    person (``candidate``: pending in the session when new, else persistent), the stored CV
    (transient, or None), the kept count, the stage entry (``entry``: its values but the
    application's id) and the timeline lines (``events``: values but the application's id), in
    one statement; then put them in the session as persistent rows. Returns the entry's id."""
    session = db.session()
    new_person = candidate.id is None
    if new_person and candidate in session:
        session.expunge(candidate)  # inserted here, not by a flush
    params: dict = {}
    if new_person:
        params.update(_prefixed("c_", _values(candidate, Candidate.__table__)))
    if stored is not None:
        params.update(_prefixed("f_", _values(stored, StoredFile.__table__)))
    skip = ("candidate_id",) if new_person else ()
    params.update(_prefixed("a_", _values(application, Application.__table__,
                                          skip=skip + (("cv_file_id",) if stored is not None else ()))))
    params.update(_prefixed("e_", _complete(StageEntry.__table__, entry, ("application_id",))))
    for n, event in enumerate(events):
        params.update(_prefixed(f"t{n}_", _complete(TimelineEvent.__table__, event, ("application_id",))))
    params.update(counts.upsert_params("n_", application.company_id, application.job_id, application.stage_id,
                                       application.status))
    nulls = _nulls(params)
    for name in nulls:
        del params[name]
    row = session.execute(_statement(new_person, stored is not None, len(events), nulls), params).one()
    if new_person:
        _attach(session, candidate, row.candidate_id)
    if stored is not None:
        _attach(session, stored, row.file_id)
        application.cv_file_id = stored.id
    application.candidate_id = candidate.id
    _attach(session, application, row.application_id)
    for name, value in (("candidate", candidate), ("stage", stage), ("cv_file", stored)):
        attributes.set_committed_value(application, name, value)
    return row.entry_id


def _prefixed(prefix: str, values: dict) -> dict:
    return {prefix + key: value for key, value in values.items()}


def _attach(session, obj, row_id: int) -> None:
    """``obj`` (transient, holding its whole row) becomes the persistent row ``row_id``."""
    obj.__dict__["id"] = row_id
    make_transient_to_detached(obj)
    session.add(obj)


#: The bound parameters of ``_statement`` whose value None is written as SQL NULL in the
#: statement itself rather than sent, by name (a JSON column's None is JSON ``null``, sent).
_NULLABLE: dict[str, bool] = {}


#: The application's references ``_statement`` binds itself when no CTE of it gives them.
_BOUND_ALWAYS = frozenset({"a_candidate_id", "a_cv_file_id"})


def _nulls(params: dict) -> frozenset[str]:
    """The parameters of ``insert_born_in_stage`` that are None and may be written as NULL in the
    statement: most of a new application's columns are empty, and without them the statement
    has fewer than psycopg's 50 parameters, so psycopg keeps its conversion of the statement
    instead of redoing it on every apply (issue 15). A shape per set; the apply has one."""
    if not _NULLABLE:
        tables = {"c_": Candidate.__table__, "f_": StoredFile.__table__, "a_": Application.__table__,
                  "e_": StageEntry.__table__, "t": TimelineEvent.__table__}
        for prefix, table in tables.items():
            for column in table.columns:
                _NULLABLE[(prefix, column.key)] = not column.type.should_evaluate_none
    out = []
    for name, value in params.items():
        if value is None and name not in _BOUND_ALWAYS:
            prefix = "t" if name[0] == "t" else name[:2]
            if _NULLABLE.get((prefix, name.split("_", 1)[1]), False):
                out.append(name)
    return frozenset(out)


@lru_cache(maxsize=32)
def _statement(new_person: bool, with_file: bool, n_events: int, nulls: frozenset[str] = frozenset()):
    """The CTEs of ``insert_born_in_stage`` with bound parameters (``c_``, ``f_``, ``a_``,
    ``e_``, ``t<n>_``, ``n_`` + column) but those in ``nulls`` (NULL in the statement), built
    once per process and shape."""
    people, stored, applications = Candidate.__table__, StoredFile.__table__, Application.__table__
    entries, events = StageEntry.__table__, TimelineEvent.__table__
    ids = []
    application = _bound(applications, "a_", ("candidate_id", "cv_file_id"), nulls)
    application["candidate_id"] = bindparam("a_candidate_id", type_=applications.c.candidate_id.type)
    if new_person:
        person = insert(people).values(_bound(people, "c_", (), nulls)).returning(people.c.id).cte("new_person")
        application["candidate_id"] = select(person.c.id).scalar_subquery()
        ids.append(person.c.id.label("candidate_id"))
    if with_file:
        file = insert(stored).values(_bound(stored, "f_", (), nulls)).returning(stored.c.id).cte("new_file")
        application["cv_file_id"] = select(file.c.id).scalar_subquery()
        ids.append(file.c.id.label("file_id"))
    else:
        application["cv_file_id"] = bindparam("a_cv_file_id", type_=applications.c.cv_file_id.type)
    new = insert(applications).values(application).returning(applications.c.id).cte("new_application")
    ids.insert(0, new.c.id.label("application_id"))
    new_id = select(new.c.id).scalar_subquery()
    entry = (insert(entries).values({**_bound(entries, "e_", ("application_id",), nulls), "application_id": new_id})
             .returning(entries.c.id).cte("new_entry"))
    ids.insert(1, entry.c.id.label("entry_id"))
    lines = _lines(events, "t", n_events, "new_events", fixed={"application_id": new_id}, nulls=nulls)
    kept = counts.upsert_one("postgresql", "n_").cte("new_count")
    # one row of the new ids, each a scalar subquery (no FROM list to multiply)
    return select(*(select(column).scalar_subquery().label(column.name) for column in ids)).add_cte(lines, kept)


def insert_plain(notifications: list[dict], events: list[dict], outbox: dict | None) -> int | None:
    """The rows an apply writes after its application's (the team's notifications, the
    application's timeline lines, the confirmation's outbox row), as values, in one statement
    on PostgreSQL; returns the outbox row's id (None without one)."""
    from app.messaging.models import Notification, OutboxEmail

    params: dict = {}
    for n, row in enumerate(notifications):
        params.update(_prefixed(f"n{n}_", _complete(Notification.__table__, row)))
    for n, row in enumerate(events):
        params.update(_prefixed(f"t{n}_", _complete(TimelineEvent.__table__, row)))
    if outbox is not None:
        params.update(_prefixed("o_", _complete(OutboxEmail.__table__, outbox)))
    if not params:
        return None
    return db.session.execute(_plain_statement(len(notifications), len(events), outbox is not None), params).scalar()


@lru_cache(maxsize=32)
def _plain_statement(n_notifications: int, n_events: int, with_outbox: bool):
    """``insert_plain``'s statement for a shape, built once per process (``n<k>_``, ``t<k>_``,
    ``o_`` + column)."""
    from app.messaging.models import Notification, OutboxEmail

    ctes = [_lines(Notification.__table__, "n", n_notifications, "new_notifications"),
            _lines(TimelineEvent.__table__, "t", n_events, "new_events")]
    ctes = [cte for cte in ctes if cte is not None]
    if not with_outbox:
        return select(null()).add_cte(*ctes)
    table = OutboxEmail.__table__
    outbox = insert(table).values(_bound(table, "o_")).returning(table.c.id).cte("new_outbox")
    return select(select(outbox.c.id).scalar_subquery()).add_cte(*ctes)


def _bound(table, prefix: str, skip: tuple[str, ...] = (), nulls: frozenset[str] = frozenset()) -> dict:
    """A bound parameter per column of ``table`` (its id and ``skip`` aside), named ``prefix`` +
    column; a NULL of the column's type for those named in ``nulls``."""
    return {c.key: null().cast(c.type) if prefix + c.key in nulls else bindparam(prefix + c.key, type_=c.type)
            for c in table.columns if not c.primary_key and c.key not in skip}


def _lines(table, prefix: str, count: int, name: str, fixed: dict | None = None,
           nulls: frozenset[str] = frozenset()):
    """One INSERT … SELECT of ``count`` rows of ``table`` in order (``prefix<k>_`` + column; the
    columns in ``fixed`` the same expression for each; NULL for those named in ``nulls``),
    UNION ALL — a multi-row VALUES is not cached by SQLAlchemy; None for no rows."""
    if not count:
        return None
    fixed = fixed or {}
    columns = [c.key for c in table.columns if not c.primary_key]
    lines = [{**_bound(table, f"{prefix}{n}_", tuple(fixed), nulls), **fixed} for n in range(count)]
    return insert(table).from_select(columns, union_all(*(select(*(line[c].label(c) for c in columns))
                                                          for line in lines))).cte(name)
