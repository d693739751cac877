"""Reads of applications and their timeline for the screens (no writes, no commits).

Each function is a fixed number of queries however many rows it returns (the card and the
lists have query-count tests)."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Text, bindparam, cast, exists, func, literal_column, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import aliased, contains_eager, defer, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from app.accounts import access
from app.accounts.models import User
from app.accounts.tenancy import current_company_id, scoped
from app.applications.models import (
    Application,
    ApplicationCount,
    ApplicationStatus,
    ApplicationTag,
    Candidate,
    Tag,
    TimelineEvent,
)
from app.extensions import db
from app.jobs.models import Job, Stage


def open_counts_by_job(company_id: int) -> dict[int, int]:
    """Open applications per job id: from the kept counts, or, for a user who sees only some
    applications (app/accounts/access.py), counted over those."""
    narrowed = access.filters(Application)
    if narrowed:
        return dict(db.session.execute(
            select(Application.job_id, func.count(Application.id))
            .where(Application.company_id == company_id, Application.status == ApplicationStatus.OPEN, *narrowed)
            .group_by(Application.job_id)).all())
    return {job_id: n for job_id, n in db.session.execute(
        select(ApplicationCount.job_id, func.sum(ApplicationCount.n))
        .where(ApplicationCount.company_id == company_id, ApplicationCount.status == ApplicationStatus.OPEN)
        .group_by(ApplicationCount.job_id)) if n}


def dashboard_counts(company_id: int) -> tuple[dict[int, int], int, int]:
    """The dashboard's figures: open applications per job id, all open applications and the
    Pending pool, from the kept counts (``app/applications/counts.py``: a few rows per job of
    the company, not a pass over every open application on each view). A user who sees only
    some applications (a hiring manager's jobs, an interviewer's reviews) gets them counted
    over those: a few jobs' rows, by index."""
    narrowed = access.filters(Application)
    if narrowed:
        open_ = func.count().filter(Application.status == ApplicationStatus.OPEN)
        pending = func.count().filter(Application.status == ApplicationStatus.PENDING)
        rows = db.session.execute(
            select(Application.job_id, open_, pending).where(
                Application.company_id == company_id, *narrowed,
                Application.status.in_([ApplicationStatus.OPEN, ApplicationStatus.PENDING]))
            .group_by(Application.job_id)).all()
        by_job = {job_id: n for job_id, n, _ in rows if job_id is not None and n}
        return by_job, sum(n for _, n, _ in rows), sum(p for _, _, p in rows)
    n = func.sum(ApplicationCount.n)
    rows = db.session.execute(
        select(ApplicationCount.job_id, ApplicationCount.status, n).where(
            ApplicationCount.company_id == company_id,
            ApplicationCount.status.in_([ApplicationStatus.OPEN, ApplicationStatus.PENDING]))
        .group_by(ApplicationCount.job_id, ApplicationCount.status)).all()
    by_job = {job_id: n for job_id, status, n in rows if status == ApplicationStatus.OPEN and job_id and n}
    return (by_job, sum(n for _, status, n in rows if status == ApplicationStatus.OPEN),
            sum(n for _, status, n in rows if status == ApplicationStatus.PENDING))


def pending_count(company_id: int) -> int:
    return db.session.scalar(select(func.count(Application.id)).where(
        Application.company_id == company_id, Application.status == ApplicationStatus.PENDING)) or 0


def recent(company_id: int, limit: int = 8) -> list[Application]:
    """The newest applications to a job (the dashboard)."""
    return list(db.session.scalars(scoped(Application, company_id).where(Application.job_id.is_not(None))
        .options(joinedload(Application.candidate), joinedload(Application.job), joinedload(Application.stage))
        .order_by(Application.created_at.desc()).limit(limit)))


def for_card(application_id: int) -> Application | None:
    """The application for its card (``card`` without the panels' reads)."""
    found = card(application_id)
    return found[0] if found else None


def card(application_id: int, reads: Mapping[str, Callable[[], Any]] | None = None,
         params: Mapping[str, Any] | None = None, timeline_hide: Collection[str] | None = None,
         ) -> tuple[Application, dict[str, Any], CardValues | None] | None:
    """The application for its card, in the current company, with what the card and its
    panels read (candidate, job and its stages, stage, CV file, tags; the candidate's other
    applications with their jobs) loaded up front: no lazy loads. ``reads`` are the panels'
    (app/plugins.py, ``card_panel``): ``{key: fn() -> a scalar correlated to Application}``,
    answered in the same statement (``params``: the values of their named parameters).
    With ``timeline_hide`` (the kinds ``timeline`` leaves out), on PostgreSQL the statement
    carries the timeline, the tags and the job's stages as values (``CardValues``: JSON
    arrays, ``_carried_columns``) instead of joining the stages and tags as entities: one
    round trip fewer, and one row per card instead of the job's stages × the tags
    (``job.stages`` and ``application.tags`` are then not loaded: the card reads the values).
    Returns the application, the answers by key and the carried values (None when the
    statement did not carry them: SQLite, or not asked)."""
    # Without the carried values, the job's stages and the tags are joined (a handful of rows
    # for one application): one round trip, which also tells whether the candidate has other
    # applications. Only then a second one reads them (with their jobs) for the "other
    # applications" list and the duplicates panel; most candidates have applied once.
    reads = reads or {}
    hide = tuple(sorted(timeline_hide)) if timeline_hide is not None and _timeline_in_card() else None
    narrowed = access.filters(Application)  # a hiring manager's or an interviewer's scope
    stmt = (_card_statement(tuple(reads.items()), hide) if not narrowed
            else _card_select(reads, hide).where(*narrowed))
    values = {"card_application_id": application_id, "card_company_id": current_company_id(), **(params or {})}
    result = db.session.execute(stmt, values)
    if hide is None:
        rows = result.unique().all()  # the joined collections (stages, tags) repeat the application
        if not rows:
            return None
        application, others, *answers = rows[0]
        carried = None
    else:
        row = result.first()  # one row: nothing joined repeats it
        if row is None:
            return None
        application, others, *answers, timeline_json, tags_json, stages_json = row
        carried = CardValues([_line(*v) for v in json.loads(timeline_json)], [CardTag(*v) for v in json.loads(tags_json)],
                             [CardStage(*v) for v in json.loads(stages_json)])
    _candidate_applications(application, others)
    return application, dict(zip(reads, answers, strict=True)), carried


class CardTag(NamedTuple):
    """A tag on the card (the tags panel reads these attributes of a ``Tag`` too)."""
    id: int
    name: str
    colour: str


class CardStage(NamedTuple):
    """One of the job's stages on the card (the stage select, "Reject…"): a ``Stage``'s attributes."""
    id: int
    name: str
    kind: str


class CardValues(NamedTuple):
    """What the card's statement carries as values on PostgreSQL: the timeline's lines (newest
    first), the application's tags (by name) and its job's stages (in order)."""
    timeline: list[TimelineLine]
    tags: list[CardTag]
    stages: list[CardStage]


def _timeline_in_card() -> bool:
    """Whether this database carries the timeline in the card's statement (a JSON aggregate
    ordered inside: PostgreSQL; SQLite reads it with a statement of its own)."""
    return db.session.get_bind().dialect.name == "postgresql"


def _card_select(reads: Mapping[str, Callable[[], Any]], hide: tuple[str, ...] | None = None):
    stmt = (select(Application).join(Candidate, Candidate.id == Application.candidate_id)
            .where(Application.id == bindparam("card_application_id"),
                   Application.company_id == bindparam("card_company_id"))
            .add_columns(*_read_columns(reads, others=True)).options(*_card_loads(carried=hide is not None)))
    return stmt.add_columns(*_carried_columns(hide)) if hide is not None else stmt


_CARD_STATEMENTS: dict[tuple, Any] = {}


def _card_statement(reads: tuple, hide: tuple[str, ...] | None = None):
    """The card's statement for a user whose role narrows nothing, built once per set of reads
    (the panels the user sees), hidden timeline kinds and process: SQLAlchemy keeps a
    statement object's cache key, and a statement this size costs more CPU to build and to key
    than to run."""
    key = (reads, hide)
    stmt = _CARD_STATEMENTS.get(key)
    if stmt is None:
        stmt = _CARD_STATEMENTS[key] = _card_select(dict(reads), hide)
    return stmt


def card_answers(application: Application, reads: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """The panels' reads for an application loaded some other way (a write's answer that
    shows the card again): one statement for all of them."""
    if not reads:
        return {}
    row = db.session.execute(select(*_read_columns(reads)).select_from(Application)
                             .join(Candidate, Candidate.id == Application.candidate_id)
                             .where(Application.id == application.id)).one()
    return dict(zip(reads, row, strict=True))


@cache
def _card_loads(carried: bool = False) -> tuple:
    """The card's loader options, built once per process on first use (not at import: building
    them configures every mapper, which needs every feature's models imported first). The
    candidate is joined by name (not an anonymous joinedload alias) so that the reads may
    correlate to it too (the duplicates panel's: someone else with the same email or phone).
    Left out: the job ad's text and fields and a pending application's data, which the card
    does not show (a deferred column read later would be a statement of its own); with
    ``carried``, the job's stages and the tags (the statement carries them as values)."""
    job = joinedload(Application.job).options(defer(Job.description), defer(Job.location), defer(Job.employment_type),
                                              defer(Job.salary_min), defer(Job.salary_max), defer(Job.salary_currency),
                                              defer(Job.salary_period), defer(Job.department), defer(Job.workplace),
                                              defer(Job.deadline))
    many = () if carried else (job.joinedload(Job.stages), joinedload(Application.tags))
    return (contains_eager(Application.candidate), job, *many, joinedload(Application.stage),
            joinedload(Application.cv_file), defer(Application.pending_data))
_READ_COLUMNS: dict[tuple, list] = {}


def _read_columns(reads: Mapping[str, Callable[[], Any]], others: bool = False) -> list:
    """The labelled columns of the reads (and, with ``others``, whether the candidate has other
    applications first), built once per set of reads and process: building SQL expressions
    (aliases, EXISTS) costs more CPU than the statement's execution, and they are immutable."""
    key = (others, *reads.items())
    columns = _READ_COLUMNS.get(key)
    if columns is None:
        columns = [fn().label(f"read_{n}") for n, fn in enumerate(reads.values())]
        if others:
            other = aliased(Application)
            columns.insert(0, exists().where(other.company_id == Application.company_id,  # its index's first column
                                             other.candidate_id == Application.candidate_id,
                                             other.id != Application.id).label("has_others"))
        _READ_COLUMNS[key] = columns
    return columns


def _candidate_applications(application: Application, others: bool) -> None:
    """Fill ``candidate.applications`` (with their jobs) without a statement when the
    candidate has no other application, else with one."""
    candidate = application.candidate
    if "applications" in candidate.__dict__:  # loaded earlier in this session
        return
    rows = [application]
    if others:
        rows = list(db.session.scalars(select(Application).where(Application.company_id == candidate.company_id,
                                                                 Application.candidate_id == candidate.id)
                                       .options(joinedload(Application.job)).order_by(Application.id)))
    set_committed_value(candidate, "applications", rows)


def others_on_card(application: Application) -> list[Application]:
    """The same candidate's other applications in the company, with their jobs, from what
    ``card`` loaded (no statement when it did)."""
    return sorted((a for a in application.candidate.applications
                   if a.id != application.id and a.company_id == application.company_id), key=lambda a: a.id)


def counts_by_company() -> dict[int, int]:
    """Applications per company (platform staff)."""
    return dict(db.session.execute(select(Application.company_id, func.count(Application.id))
                                   .group_by(Application.company_id)).all())


class Actor(NamedTuple):
    id: int
    name: str


class TimelineLine(NamedTuple):
    """One line of the card's timeline: the event's values and its actor's id and name (None
    when nobody, or nobody left, did it), not entities: the card shows nothing else of them."""
    id: int
    kind: str
    data: dict | None
    created_at: datetime
    actor: Actor | None


def _line(event_id, kind, data, created_at, actor_id, actor_name) -> TimelineLine:
    if isinstance(created_at, str):  # from the card's JSON (ISO 8601, as PostgreSQL writes a timestamp)
        created_at = datetime.fromisoformat(created_at)
    return TimelineLine(event_id, kind, data, created_at, Actor(actor_id, actor_name) if actor_id is not None else None)


def timeline(application: Application, hide: Collection[str] = ()) -> list[TimelineLine]:
    """The card's timeline, newest first, with each event's actor (their name: the card shows
    nothing else of them); events of the ``hide`` kinds are left out (details a feature shows
    in its own panel)."""
    return [_line(*row) for row in db.session.execute(
        _timeline_statement(tuple(sorted(hide))),
        {"timeline_application_id": application.id, "timeline_company_id": application.company_id})]


_TIMELINE_STATEMENTS: dict[tuple, Any] = {}


def _timeline_columns() -> tuple:
    return (TimelineEvent.id, TimelineEvent.kind, TimelineEvent.data, TimelineEvent.created_at, User.id, User.name)


def _timeline_statement(hide: tuple[str, ...]):
    """Built once per set of hidden kinds (they are the features' registrations): building a
    statement costs CPU on every card, its parameters do not."""
    stmt = _TIMELINE_STATEMENTS.get(hide)
    if stmt is None:
        stmt = _TIMELINE_STATEMENTS[hide] = select(*_timeline_columns()).outerjoin(
            User, User.id == TimelineEvent.actor_id).where(
            TimelineEvent.application_id == bindparam("timeline_application_id"),
            TimelineEvent.company_id == bindparam("timeline_company_id"),
            *([TimelineEvent.kind.not_in(hide)] if hide else [])).order_by(
            TimelineEvent.created_at.desc(), TimelineEvent.id.desc())
    return stmt


def _carried_columns(hide: tuple[str, ...]) -> tuple:
    """What the card's statement carries as values on PostgreSQL, each one JSON array as text
    (parsed here: ``json.loads`` of one text is cheaper than psycopg's and the ORM's handling
    of joined rows and entities): ``timeline``'s lines (``[id, kind, data, created_at, actor
    id, actor name]``, newest first), the application's tags (``[id, name, colour]``, by name,
    as ``Application.tags``) and its job's stages (``[id, name, kind]``, in order, as
    ``Job.stages``); ``[]`` for none. Nothing is joined that repeats the card's row."""
    def array(values, *order_by):
        return cast(func.coalesce(func.json_agg(aggregate_order_by(func.json_build_array(*values), *order_by)),
                                  literal_column("'[]'::json")), Text)

    timeline = (select(array(_timeline_columns(), TimelineEvent.created_at.desc(), TimelineEvent.id.desc()))
                .select_from(TimelineEvent).outerjoin(User, User.id == TimelineEvent.actor_id)
                .where(TimelineEvent.application_id == Application.id, TimelineEvent.company_id == Application.company_id,
                       *([TimelineEvent.kind.not_in(hide)] if hide else []))
                .correlate(Application).scalar_subquery())
    tags = (select(array((Tag.id, Tag.name, Tag.colour), Tag.name_key)).select_from(ApplicationTag)
            .join(Tag, Tag.id == ApplicationTag.tag_id).where(ApplicationTag.application_id == Application.id)
            .correlate(Application).scalar_subquery())
    stages = (select(array((Stage.id, Stage.name, Stage.kind), Stage.position, Stage.id))
              .where(Stage.job_id == Application.job_id).correlate(Application).scalar_subquery())
    return timeline.label("card_timeline"), tags.label("card_tags"), stages.label("card_stages")


def of_candidate(company_id: int, candidate_id: int) -> list[Application]:
    return list(db.session.scalars(scoped(Application, company_id).where(
        Application.candidate_id == candidate_id).order_by(Application.id)))


def latest_of_candidate(company_id: int, candidate_id: int) -> Application | None:
    return db.session.scalar(scoped(Application, company_id).where(Application.candidate_id == candidate_id)
        .order_by(Application.id.desc()).limit(1))


def pending_pool(company_id: int) -> list[Application]:
    """The Pending pool, newest first, with each candidate."""
    return list(db.session.scalars(scoped(Application, company_id).where(Application.status == ApplicationStatus.PENDING)
        .options(joinedload(Application.candidate)).order_by(Application.created_at.desc())))
