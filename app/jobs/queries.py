"""Reads of jobs, templates and stages for the screens (no writes, no commits).

Whether a job takes applications is ``Job.is_open`` (one rule, on the model); the careers
page, the apply form, TopCV and the Pending pool all go through ``open_jobs``/``open_job`` (the
careers page and job page through ``open_job_rows``/``open_job_at``, which use the same rule).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased, contains_eager, joinedload

from app.accounts import access
from app.accounts.models import Company
from app.accounts.tenancy import scoped
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


#: Where ``open_job_to_apply`` leaves the job's first stage and the stage-entry answers
#: (``(stage, answers)``) for the apply service, which takes them once (``take_first_stage``).
_FIRST_STAGE = "_haku_first_stage"


def open_job_to_apply(slug: str, job_id: int) -> Job | None:
    """``open_job_at`` for the apply POST: the same job and company, and in the same statement
    the job's first stage with the answers of the stage-entry reads about it
    (``app.jobs.events.entry_reads``), which the apply service takes (``take_first_stage``)
    instead of a statement of its own."""
    from app.jobs.events import entry_reads

    keys = tuple(entry_reads)
    first = aliased(Stage)
    first_id = (select(first.id).where(first.job_id == Job.id).order_by(first.position).limit(1)
                .correlate(Job).scalar_subquery())
    row = db.session.execute(
        select(Job, Stage, *(entry_reads[key]().label(f"r{n}") for n, key in enumerate(keys)))
        .join(Job.company).outerjoin(Stage, Stage.id == first_id)
        .where(Company.slug == slug, Job.id == job_id, Job.is_open)
        .options(contains_eager(Job.company))).first()
    if row is None:
        return None
    job, stage = row[0], row[1]
    job.__dict__[_FIRST_STAGE] = (stage, {key: row[n + 2] for n, key in enumerate(keys)} if stage else None)
    return job


def take_first_stage(job: Job) -> tuple | None:
    """What ``open_job_to_apply`` read of ``job``'s first stage (``(stage, answers)``), once;
    None when it was not read so."""
    return job.__dict__.pop(_FIRST_STAGE, None)


def open_job(company_id: int, job_id: int | None) -> Job | None:
    if job_id is None:
        return None
    return db.session.scalar(scoped(Job, company_id).where(Job.id == job_id, Job.is_open))


def job_of(company_id: int, job_id: int | None) -> Job | None:
    """A job of this company whatever its state (None for another company's)."""
    if job_id is None:
        return None
    return db.session.scalar(scoped(Job, company_id).where(Job.id == job_id))


def for_board(company_id: int, job_id: int) -> Job | None:
    """A job of this company with what its board's head and columns read (its company, owner,
    team and stages) in one statement; None for another company's."""
    return db.session.scalars(scoped(Job, company_id).where(Job.id == job_id).options(
        joinedload(Job.company), joinedload(Job.owner), joinedload(Job.team), joinedload(Job.stages))
    ).unique().one_or_none()


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


def job_titles(company_id: int) -> list[tuple[int, str]]:
    """(id, title) of every job of the company by title: the list's job filter menu, as rows
    rather than whole jobs."""
    return [tuple(row) for row in db.session.execute(
        select(Job.id, Job.title).where(Job.company_id == company_id, *access.filters(Job)).order_by(Job.title))]


def templates_of(company_id: int) -> list[JobTemplate]:
    return list(db.session.scalars(scoped(JobTemplate, company_id).order_by(JobTemplate.name)))


def job_stage_names(company_id: int) -> list[str]:
    """The distinct names of the company's job stages, sorted (the list's stage filter)."""
    return sorted({name for (name,) in db.session.execute(
        select(Stage.name).where(Stage.company_id == company_id, Stage.job_id.is_not(None)).distinct())})


def fresh(owner: Job | JobTemplate) -> Job | JobTemplate:
    """The job or template as the database has it now: its stages and automations are read
    again on next use (after a change made through a service)."""
    db.session.expire(owner)
    return owner
