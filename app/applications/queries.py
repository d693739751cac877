"""Reads of applications and their timeline for the screens (no writes, no commits).

Each function is a fixed number of queries however many rows it returns (the card and the
lists have query-count tests)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.accounts import access
from app.accounts.tenancy import scoped
from app.applications.models import Application, ApplicationCount, ApplicationStatus, Candidate, TimelineEvent
from app.extensions import db
from app.jobs.models import Job


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
    """The application for its card, in the current company, with what the card and its
    panels read (candidate, job and its stages, stage, CV file, tags; the candidate's other
    applications with their jobs) loaded up front: no lazy loads."""
    # The job's stages and the tags joined too (a handful of rows for one application): one
    # round trip. The candidate's applications in a second one, read by both the "other
    # applications" list (``others_on_card``) and the duplicates panel.
    return db.session.scalars(scoped(Application).where(Application.id == application_id).options(
        joinedload(Application.candidate).selectinload(Candidate.applications).joinedload(Application.job),
        joinedload(Application.job).joinedload(Job.stages), joinedload(Application.tags),
        joinedload(Application.stage), joinedload(Application.cv_file))).unique().first()


def others_on_card(application: Application) -> list[Application]:
    """The same candidate's other applications in the company, with their jobs, from what
    ``for_card`` loaded (no statement when it did)."""
    return sorted((a for a in application.candidate.applications
                   if a.id != application.id and a.company_id == application.company_id), key=lambda a: a.id)


def counts_by_company() -> dict[int, int]:
    """Applications per company (platform staff)."""
    return dict(db.session.execute(select(Application.company_id, func.count(Application.id))
                                   .group_by(Application.company_id)).all())


def timeline(application: Application, hide: Collection[str] = ()) -> list[TimelineEvent]:
    """The card's timeline, newest first, with each event's actor; events of the ``hide``
    kinds are left out (details a feature shows in its own panel)."""
    return list(db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id, TimelineEvent.company_id == application.company_id,
        *([TimelineEvent.kind.not_in(sorted(hide))] if hide else []))
        .options(joinedload(TimelineEvent.actor)).order_by(TimelineEvent.created_at.desc(), TimelineEvent.id.desc())))


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
