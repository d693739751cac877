"""Reads of jobs, templates and stages for the screens (no writes, no commits).

Whether a job takes applications is ``Job.is_open`` (one rule, on the model); the careers
page, the apply form, TopCV and the Pending pool all go through ``open_jobs``/``open_job`` (the
careers page and job page through ``open_job_rows``/``open_job_at``, which use the same rule).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Select, bindparam, case, or_, select
from sqlalchemy.orm import aliased, contains_eager, joinedload, load_only
from sqlalchemy.orm.attributes import set_committed_value

from app.accounts.models import Company, User
from app.accounts.tenancy import scoped
from app.clock import today
from app.extensions import db
from app.jobs.models import Job, JobStatus, JobTemplate, Stage


def open_jobs(company_id: int, *, by_title: bool = False) -> list[Job]:
    """The company's jobs that take applications, newest first (or by title)."""
    order = Job.title if by_title else Job.created_at.desc()
    return list(db.session.scalars(scoped(Job, company_id).where(Job.is_open).order_by(order)))


def open_job_rows(company_id: int) -> list:
    """The careers page's list: the open jobs' id, title, location, workplace, department and
    employment type as rows (not entities: the page shows these columns of each), newest first."""
    return list(db.session.execute(
        select(Job.id, Job.title, Job.location, Job.workplace, Job.department, Job.employment_type)
        .where(Job.company_id == company_id, Job.is_open).order_by(Job.created_at.desc())))


def open_job_at(slug: str, job_id: int) -> Job | None:
    """The open job ``job_id`` of the company at ``slug``, with its company, in one statement
    (the job page and the apply form): ``None`` for an unknown company or a job that is not
    open (``Job.is_open``) or not that company's."""
    return db.session.scalar(select(Job).join(Job.company).where(Company.slug == slug, Job.id == job_id, Job.is_open)
                             .options(contains_eager(Job.company)))


@dataclass
class ApplyReads:
    """What the apply POST's job statement read besides the job: its first ``stage``, the
    ``answers`` of the stage-entry reads about it (``app.jobs.events.entry_reads``) and the
    people its notifications go to (``team``: owner first, then the team by name; disabled
    users included, as ``Job.notify_users`` filters them)."""

    stage: Stage | None
    answers: dict | None
    team: list = field(default_factory=list)
    #: the stored "application received" templates (the company's and the global ones), for
    #: ``messaging.template_for(…, stored=…)``; None when not read
    templates: list | None = None
    #: the values of the caller's own columns (``open_job_to_apply(…, also=…)``), first row
    also: tuple = ()


def open_job_to_apply(slug: str, job_id: int, *, also: tuple | None = None,
                      params: dict | None = None) -> tuple[Job, ApplyReads] | None:
    """``open_job_at`` for the apply POST: the same job and company, and in the same statement
    (one row per person to notify) the job's first stage, the stage-entry answers about it and
    the owner and team, and the stored texts of the confirmation email (the company's and the
    global "application received" templates, one JSON array), which the apply service is given
    (``apply(…, reads=…)``) instead of statements of its own.

    ``also``: ``(key, add)`` from a feature above this one that reads something of its own in
    the same statement (the person applying, ``applications.services.job_to_apply``):
    ``add(statement)`` returns the statement with its columns added after the job's (one value
    each per row; the first row's are ``ApplyReads.also``), ``params`` their bound values; the
    statement is built once per process and ``key``."""
    from app.jobs.events import entry_reads
    from app.messaging.services import templates_of

    keys = (db.engine.dialect.name, also[0] if also is not None else None, *entry_reads)
    stmt = _TO_APPLY.get(keys)
    if stmt is None:
        stmt = _to_apply_statement(keys[2:], keys[0])
        stmt = _TO_APPLY[keys] = also[1](stmt) if also is not None else stmt
    # ``Job.is_open`` with today's date as a parameter: the statement stays the one built
    rows = db.session.execute(stmt, {**(params or {}), "slug": slug, "job_id": job_id, "today": today()}).all()
    if not rows:
        return None
    job, stage = rows[0][0], rows[0][1]
    answers = {key: rows[0][n + 4] for n, key in enumerate(keys[2:])} if stage is not None else None
    return job, ApplyReads(stage, answers, [row[2] for row in rows if row[2] is not None], templates_of(rows[0][3]),
                           tuple(rows[0][4 + len(keys) - 2:]))


#: ``open_job_to_apply``'s statement by dialect and the stage-entry reads' keys, built once
#: per process (its construction cost as much as its run; today's date is a parameter).
_TO_APPLY: dict[tuple[str, ...], object] = {}


def _to_apply_statement(keys: tuple[str, ...], dialect: str):
    from app.accounts.models import User
    from app.jobs.events import entry_reads
    from app.jobs.models import job_team
    from app.messaging.services import templates_read

    first = aliased(Stage)
    first_id = (select(first.id).where(first.job_id == Job.id).order_by(first.position).limit(1)
                .correlate(Job).scalar_subquery())
    is_owner = User.id == Job.owner_id
    in_team = User.id.in_(select(job_team.c.user_id).where(job_team.c.job_id == Job.id).correlate(Job))
    # the email the apply sends: its stored texts ride along (one JSON array, not a statement)
    templates = templates_read("application_received", Job.company_id, dialect).correlate(Job).label("templates")
    return (select(Job, Stage, User, templates, *(entry_reads[key]().label(f"r{n}") for n, key in enumerate(keys)))
            .join(Job.company).outerjoin(Stage, Stage.id == first_id).outerjoin(User, or_(is_owner, in_team))
            .where(Company.slug == bindparam("slug"), Job.id == bindparam("job_id"),
                   Job.open_on(bindparam("today")))
            .order_by(case((is_owner, 0), else_=1), User.name)
            .options(contains_eager(Job.company)))


def open_job(company_id: int, job_id: int | None) -> Job | None:
    if job_id is None:
        return None
    return db.session.scalar(scoped(Job, company_id).where(Job.id == job_id, Job.is_open))


def job_of(company_id: int, job_id: int | None) -> Job | None:
    """A job of this company whatever its state (None for another company's)."""
    if job_id is None:
        return None
    return db.session.scalar(scoped(Job, company_id).where(Job.id == job_id))


@cache
def _board_statement(columns: tuple) -> Select:
    """The board's job statement, built once per set of page reads (``columns``): the job's
    company and id are bound parameters, and only the columns the board's head and columns read
    are loaded (the job's title, status, location and deadline; its owner's and team's names;
    its stages). Built per request, with its options and its cache key, it cost about as much
    CPU as running it (docs/performance.md, session 27)."""
    return (select(Job).where(Job.company_id == bindparam("board_job_company"), Job.id == bindparam("board_job_id"))
            .options(load_only(Job.company_id, Job.title, Job.status, Job.location, Job.deadline, Job.owner_id),
                     joinedload(Job.owner).load_only(User.name), joinedload(Job.team).load_only(User.name),
                     joinedload(Job.stages))
            .add_columns(*columns))


def for_board(company: Company, job_id: int, columns=(), params: dict | None = None):
    """A job of ``company`` (the signed-in user's) with what its board's head and columns read
    (its owner's and team's names, its stages) in one statement; None for another company's job
    or one outside the user's scope (``access.filters``). ``job.company`` is ``company``, set on
    the job without a statement. With ``columns`` (scalar expressions the page asks in the same
    statement, ``params`` their values), the row ``(job, *answers)`` instead, or None."""
    from app.accounts.access import filters  # the signed-in user's role narrows the jobs they see

    query = _board_statement(tuple(columns))
    scope = filters(Job)
    if scope:
        query = query.where(*scope)
    values = {"board_job_company": company.id, "board_job_id": job_id, **(params or {})}
    row = db.session.execute(query, values).unique().one_or_none()
    if row is None:
        return None
    set_committed_value(row[0], "company", company)
    return row if columns else row[0]


def active_jobs(company_id: int, limit: int = 10) -> list[Job]:
    """Drafts and published jobs, newest first (the dashboard)."""
    return list(db.session.scalars(scoped(Job, company_id).where(Job.status != JobStatus.CLOSED.value)
                                   .order_by(Job.created_at.desc()).limit(limit)))


def jobs_of(company_id: int, status: str | None = None) -> list[Job]:
    """The jobs list, newest first, optionally of one status."""
    stmt = scoped(Job, company_id).order_by(Job.created_at.desc())
    if status:
        stmt = stmt.where(Job.status == status)
    return list(db.session.scalars(stmt))


def templates_of(company_id: int) -> list[JobTemplate]:
    return list(db.session.scalars(scoped(JobTemplate, company_id).order_by(JobTemplate.name)))


def fresh(owner: Job | JobTemplate) -> Job | JobTemplate:
    """The job or template as the database has it now: its stages and automations are read
    again on next use (after a change made through a service)."""
    db.session.expire(owner)
    return owner
