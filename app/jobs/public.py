"""The "public version" of a company: what its careers and job pages show.

Any flush that inserts, changes or deletes one of the company's jobs, or changes the
company row itself (its name is on every page), bumps ``Company.public_version`` and
stamps ``Company.public_changed_at`` in the same transaction, so the bump commits or rolls
back with the change. It lives in the database, so every web process (and every host) sees
it with one query: the careers and job pages derive their ETag, Last-Modified and the key
of their rendered-page cache from it (app/portal/cache.py).

A listener rather than a call in each service: every writer of a job (the admin, the partner
API, TopCV intake, the sweeper's closing of jobs, tests) goes through the ORM, and none can
forget it. Bulk ``update(Job)`` statements would bypass it; there are none (keep it so).
The other half of "is this job open", the deadline passing at midnight, is not a change
here: the pages put the day into their keys instead.
"""

from __future__ import annotations

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from app.accounts.models import Company
from app.clock import utcnow
from app.extensions import db
from app.jobs.models import Job

_PENDING = "haku_public_changes"


def public_stamp(slug: str):
    """``(id, public_version, changed_at)`` of the company with this slug, or None: one
    narrow query, enough to answer a conditional request without loading the company's
    jobs. ``changed_at`` falls back to the company's creation for rows older than the
    column."""
    return db.session.execute(
        select(Company.id, Company.public_version, func.coalesce(Company.public_changed_at, Company.created_at))
        .where(Company.slug == slug)).first()


@event.listens_for(Session, "before_flush")
def _note_changes(session: Session, flush_context, instances) -> None:
    """Note which companies' public pages this flush changes (read now: a deleted job's
    company is still loadable before the DELETE; a new job's is known only after the
    INSERT, so it is kept as the object)."""
    ids: set[int] = set()
    new_jobs = []
    for obj in session.deleted:
        if isinstance(obj, Job):  # a deleted company's pages go with it (404)
            ids.add(obj.company_id)
    for obj in session.dirty:
        if isinstance(obj, Job | Company) and session.is_modified(obj, include_collections=False):
            ids.add(obj.company_id if isinstance(obj, Job) else obj.id)
    for obj in session.new:
        if isinstance(obj, Job):
            new_jobs.append(obj)
    if ids or new_jobs:
        pending = session.info.setdefault(_PENDING, ([], set()))
        pending[0].extend(new_jobs)
        pending[1].update(ids)


@event.listens_for(Session, "after_flush")
def _bump(session: Session, flush_context) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is None:
        return
    new_jobs, ids = pending
    ids = {i for i in ids | {job.company_id for job in new_jobs} if i is not None}
    if not ids:
        return
    session.connection().execute(
        update(Company.__table__).where(Company.__table__.c.id.in_(sorted(ids)))
        .values(public_version=Company.__table__.c.public_version + 1, public_changed_at=utcnow()))


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, previous_transaction) -> None:
    session.info.pop(_PENDING, None)
