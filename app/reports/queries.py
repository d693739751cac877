"""The reports' reads: each a fixed number of statements whatever the number of rows, scoped
to the company and to what the user may see (``access.visible_applications``/``visible_jobs``:
a hiring manager their teams' jobs). No writes.

Definitions (the pages say them too):

* a **hire** is an application's first entry into a stage of kind ``hired``; time to hire runs
  from the application's ``created_at`` to it; the range picks hires made in it.
* **time in a stage** runs from an entry into a stage to the application's next entry; stays
  that have not ended are left out (they have no length yet); the range picks entries made in
  it; only ``normal`` stages (hired and rejected end the pipeline).
* **conversion**: an application reached a stage when it entered it or a later one (by stage
  position, rejected stages aside); of those that reached a stage, how many reached the next.
  The range picks applications created in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, any_, case, func, select

from app.accounts import access
from app.applications.models import (
    Application,
    ApplicationCount,
    ApplicationStatus,
    RejectionReason,
    SourceLink,
    StageEntry,
)
from app.assessments.models import AssessmentOrder, AssessmentStatus
from app.emrex.models import EmrexRequest, EmrexRequestStatus
from app.extensions import db
from app.jobs.models import Job, JobStatus, Stage
from app.reports.filters import Filters
from app.reports.stats import Spread, is_postgres, seconds_between, spreads


@dataclass(frozen=True)
class JobChoice:
    id: int
    title: str
    department: str


def job_choices(company_id: int, user) -> list[JobChoice]:
    """The jobs (and so the departments) the filter offers ``user``: one statement."""
    stmt = (select(Job.id, Job.title, Job.department).where(Job.company_id == company_id, *_scope(access.visible_jobs(user)))
            .order_by(Job.title, Job.id))
    return [JobChoice(*row) for row in db.session.execute(stmt)]


def _scope(clause) -> list:
    return [] if clause is None else [clause]


def _applications(company_id: int, f: Filters, user) -> list:
    """The WHERE of the applications a report counts: the company's, in a job, the filter's
    job or department, the user's scope."""
    where = [Application.company_id == company_id, Application.job_id.is_not(None),
             *_scope(access.visible_applications(user))]
    if f.job_id:
        where.append(Application.job_id == f.job_id)
    if f.department:
        where.append(Application.job_id.in_(select(Job.id).where(Job.company_id == company_id,
                                                                  Job.department == f.department)))
    return where


def _jobs(company_id: int, f: Filters, user) -> list:
    where = [Job.company_id == company_id, *_scope(access.visible_jobs(user))]
    if f.job_id:
        where.append(Job.id == f.job_id)
    if f.department:
        where.append(Job.department == f.department)
    return where


def _hires(company_id: int):
    """Each hired application's first entry into a hired stage: (application_id, hired_at).

    On PostgreSQL the company's hired stages are an array the entries are matched against
    (``stage_id = ANY (ARRAY(SELECT ...))``), not a join: joined, the planner guessed a sixth of
    every entry to be a hire (one stage in six is a hired stage; few entries are) and read all
    258,000 entries of the bench's big company (20 ms) where the index on ``stage_id`` gives
    its 742 hires (1 ms)."""
    hired_stages = select(Stage.id).where(Stage.company_id == company_id, Stage.kind == "hired")
    hired = (StageEntry.stage_id == any_(func.array(hired_stages.scalar_subquery())) if is_postgres()
             else StageEntry.stage_id.in_(hired_stages))
    return (select(StageEntry.application_id, func.min(StageEntry.entered_at).label("hired_at"))
            .where(StageEntry.company_id == company_id, hired)
            .group_by(StageEntry.application_id).subquery("hires"))


# ---------------------------------------------------------------- time to hire

def time_to_hire(company_id: int, f: Filters, user) -> tuple[list[tuple[int, str, Spread]], Spread]:
    """Per job (id, title, spread) of the hires made in the range, and all of them together."""
    hires = _hires(company_id)
    durations = (select(Application.job_id.label("job_id"), Job.title.label("title"),
                        seconds_between(Application.created_at, hires.c.hired_at).label("seconds"))
                 .join(hires, hires.c.application_id == Application.id)
                 .join(Job, Job.id == Application.job_id)
                 .where(*_applications(company_id, f, user), hires.c.hired_at >= f.since, hires.c.hired_at < f.until)
                 .subquery("durations"))
    result = spreads(durations, ["job_id", "title"], total=True)
    total = result.pop((), Spread(0, None, None))
    rows = sorted(((job_id, title, spread) for (job_id, title), spread in result.items()),
                  key=lambda row: (row[1].lower(), row[0]))
    return rows, total


# ---------------------------------------------------------------- time in each stage

def time_in_stage(company_id: int, f: Filters, user) -> list[tuple[str, Spread]]:
    """Per stage name (stages of the same name across jobs together), in pipeline order (the
    lowest position the name has): the spread of the stays that began in the range and have
    ended. One statement."""
    left_at = func.lead(StageEntry.entered_at).over(partition_by=StageEntry.application_id,
                                                    order_by=(StageEntry.entered_at, StageEntry.id))
    entries = (select(StageEntry.stage_id, StageEntry.entered_at, left_at.label("left_at"))
               .join(Application, Application.id == StageEntry.application_id)
               .where(StageEntry.company_id == company_id, StageEntry.entered_at >= f.since,
                      *_applications(company_id, f, user))
               .subquery("entries"))
    durations = (select(Stage.name.label("name"), Stage.position.label("position"),
                        seconds_between(entries.c.entered_at, entries.c.left_at).label("seconds"))
                 .join(Stage, Stage.id == entries.c.stage_id)
                 .where(Stage.kind == "normal", entries.c.left_at.is_not(None), entries.c.entered_at < f.until)
                 .subquery("durations"))
    result = spreads(durations, ["name"], first="position")
    return [(name, spread) for (name,), spread in sorted(result.items(), key=lambda item: (item[1].first or 0,
                                                                                          item[0][0]))]


# ---------------------------------------------------------------- conversion

@dataclass(frozen=True)
class StageStep:
    job_id: int
    job_title: str
    stage: str
    reached: int
    next_reached: int | None  # None: the last stage


def conversion(company_id: int, f: Filters, user) -> list[StageStep]:
    """Per job and stage (in position order): how many applications created in the range
    reached it and how many of those the next. Two statements."""
    # Each application's highest position is taken over the company's entries before they meet
    # the applications: grouping the joined rows by application cost 15% more on PostgreSQL.
    top = (select(StageEntry.application_id.label("application_id"), func.max(Stage.position).label("top"))
           .join(Stage, Stage.id == StageEntry.stage_id)
           .where(StageEntry.company_id == company_id, Stage.kind != "rejected")
           .group_by(StageEntry.application_id).subquery("top"))
    counts: dict[int, dict[int, int]] = {}
    for job_id, position, n in db.session.execute(
            select(Application.job_id, top.c.top, func.count()).join(top, top.c.application_id == Application.id)
            .where(*_applications(company_id, f, user), Application.created_at >= f.since,
                   Application.created_at < f.until)
            .group_by(Application.job_id, top.c.top)):
        counts.setdefault(job_id, {})[position] = n
    if not counts:
        return []
    stages = db.session.execute(
        select(Stage.job_id, Job.title, Stage.name, Stage.position).join(Job, Job.id == Stage.job_id)
        .where(Stage.company_id == company_id, Stage.job_id.in_(list(counts)), Stage.kind != "rejected")
        .order_by(Job.title, Stage.job_id, Stage.position, Stage.id)).all()
    by_job: dict[int, list] = {}
    for row in stages:
        by_job.setdefault(row.job_id, []).append(row)
    steps = []
    for job_id, rows in by_job.items():
        tops = counts[job_id]
        reached = [sum(n for position, n in tops.items() if position >= row.position) for row in rows]
        for index, row in enumerate(rows):
            following = reached[index + 1] if index + 1 < len(rows) else None
            steps.append(StageStep(job_id, row.title, row.name, reached[index], following))
    return steps


# ---------------------------------------------------------------- sources

def by_source(company_id: int, f: Filters, user) -> list[tuple[str, str | None, int, int]]:
    """Per source — and per share link for applications that came through one (its name) —
    applications created in the range and how many of them were hired. One statement."""
    hires = _hires(company_id)
    hired = func.sum(case((hires.c.application_id.is_not(None), 1), else_=0))
    stmt = (select(Application.source, SourceLink.name, func.count(), hired)
            .outerjoin(hires, hires.c.application_id == Application.id)
            .outerjoin(SourceLink, SourceLink.id == Application.source_link_id)
            .where(*_applications(company_id, f, user), Application.created_at >= f.since,
                   Application.created_at < f.until)
            .group_by(Application.source, SourceLink.name)
            .order_by(func.count().desc(), Application.source, SourceLink.name))
    return [(source, link, n, int(h or 0)) for source, link, n, h in db.session.execute(stmt)]


# ---------------------------------------------------------------- rejection reasons

def rejection_reasons(company_id: int, f: Filters, user) -> list[tuple[str | None, int]]:
    """Per reason (its label as the company wrote it; None: no reason recorded): applications
    rejected in the range. One statement."""
    stmt = (select(RejectionReason.label, func.count())
            .select_from(Application)
            .outerjoin(RejectionReason, and_(RejectionReason.id == Application.rejection_reason_id,
                                             RejectionReason.company_id == company_id))
            .where(*_applications(company_id, f, user), Application.rejected_at >= f.since,
                   Application.rejected_at < f.until)
            .group_by(RejectionReason.id, RejectionReason.label)
            .order_by(func.count().desc(), RejectionReason.id.is_(None), RejectionReason.label))
    return [(label, n) for label, n in db.session.execute(stmt)]


# ---------------------------------------------------------------- EMREX and assessments

def completion(company_id: int, f: Filters, user) -> dict[str, tuple[int, int]]:
    """Requests for study records (EMREX) and assessment orders made in the range: (asked,
    completed) each. Two statements."""
    where = _applications(company_id, f, user)
    emrex = db.session.execute(
        select(func.count(), func.sum(case((EmrexRequest.status == EmrexRequestStatus.COMPLETED, 1), else_=0)))
        .join(Application, Application.id == EmrexRequest.application_id)
        .where(EmrexRequest.company_id == company_id, EmrexRequest.created_at >= f.since,
               EmrexRequest.created_at < f.until, *where)).one()
    tests = db.session.execute(
        select(func.count(), func.sum(case((AssessmentOrder.status == AssessmentStatus.COMPLETE, 1), else_=0)))
        .join(Application, Application.id == AssessmentOrder.application_id)
        .where(AssessmentOrder.company_id == company_id, AssessmentOrder.created_at >= f.since,
               AssessmentOrder.created_at < f.until, *where)).one()
    return {"emrex": (emrex[0], int(emrex[1] or 0)), "assessments": (tests[0], int(tests[1] or 0))}


# ---------------------------------------------------------------- open jobs

@dataclass(frozen=True)
class OpenJob:
    id: int
    title: str
    department: str
    created_at: datetime
    applications: int


def open_jobs(company_id: int, f: Filters, user) -> list[OpenJob]:
    """The published jobs (the range does not apply: open is now), oldest first, with their
    applications from the kept counts (``application_counts``). One statement."""
    counted = (ApplicationStatus.OPEN, ApplicationStatus.CLOSED)
    stmt = (select(Job.id, Job.title, Job.department, Job.created_at, func.coalesce(func.sum(ApplicationCount.n), 0))
            .outerjoin(ApplicationCount, and_(ApplicationCount.company_id == company_id,
                                              ApplicationCount.job_id == Job.id,
                                              ApplicationCount.status.in_(counted)))
            .where(*_jobs(company_id, f, user), Job.status == JobStatus.PUBLISHED)
            .group_by(Job.id, Job.title, Job.department, Job.created_at)
            .order_by(Job.created_at, Job.id))
    return [OpenJob(*row) for row in db.session.execute(stmt)]
