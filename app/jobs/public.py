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

The stamp itself is kept in Redis for ``STAMP_TTL`` seconds under the company's slug (issue
15: the one statement was most of a cached page's cost), and the key is deleted after the
commit of any change that bumps the version (and for a renamed or deleted company, its old
slug). The database stays the truth: a key is only ever written from a fresh read, with
``NX`` so that it never replaces another, and lives a few seconds, so a deletion that never
happened (Redis down at the commit) or a read racing a commit shows the old version for at
most ``STAMP_TTL`` seconds, far less than the minute a CDN may keep the page anyway.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask import current_app, has_app_context
from redis.exceptions import RedisError
from sqlalchemy import bindparam, event, func, inspect, select, update
from sqlalchemy.orm import Session

from app.accounts.models import Company
from app.background.queues import connection
from app.clock import utcnow
from app.extensions import db
from app.jobs.models import Job

log = logging.getLogger(__name__)

_PENDING = "haku_public_changes"
_SLUGS = "haku_public_slugs"
#: Seconds a company's stamp stays in Redis (the bound on a missed invalidation).
STAMP_TTL = 10
_STAMP_PREFIX = "haku:stamp:"
#: Built once per process (a bound parameter): building the select was a third of its cost.
_STAMP_STATEMENT = (
    select(Company.id, Company.public_version, func.coalesce(Company.public_changed_at, Company.created_at))
    .where(Company.slug == bindparam("slug")))


def public_stamp(slug: str):
    """``(id, public_version, changed_at)`` of the company with this slug, or None: from
    Redis when a recent read left it there, else one narrow query, enough to answer a
    conditional request without loading the company's jobs. ``changed_at`` falls back to
    the company's creation for rows older than the column."""
    use_cache = current_app.config.get("PUBLIC_PAGE_CACHE", True)
    if use_cache:
        try:
            found = connection().get(_STAMP_PREFIX + slug)
        except RedisError as exc:  # quietly: /readyz and the queues report a Redis outage
            log.debug("stamp cache unavailable: %s", exc)
            use_cache, found = False, None
        if found is not None:
            company_id, version, changed_at = found.decode().split("|")
            return int(company_id), int(version), datetime.fromisoformat(changed_at)
    row = db.session.execute(_STAMP_STATEMENT, {"slug": slug}).first()
    if row is not None and use_cache:
        try:
            connection().set(_STAMP_PREFIX + slug, f"{row[0]}|{row[1]}|{row[2].isoformat()}", ex=STAMP_TTL, nx=True)
        except RedisError as exc:
            log.debug("stamp cache unavailable, not stored: %s", exc)
    return row


@event.listens_for(Session, "before_flush")
def _note_changes(session: Session, flush_context, instances) -> None:
    """Note which companies' public pages this flush changes (read now: a deleted job's
    company is still loadable before the DELETE; a new job's is known only after the
    INSERT, so it is kept as the object)."""
    ids: set[int] = set()
    new_jobs = []
    slugs: set[str] = set()
    for obj in session.deleted:
        if isinstance(obj, Job):  # a deleted company's pages go with it (404)
            ids.add(obj.company_id)
        elif isinstance(obj, Company) and obj.slug:  # its cached stamp goes too
            slugs.add(obj.slug)
    for obj in session.dirty:
        if isinstance(obj, Job | Company) and session.is_modified(obj, include_collections=False):
            ids.add(obj.company_id if isinstance(obj, Job) else obj.id)
            if isinstance(obj, Company):  # a new slug: the old one's stamp must go
                slugs.update(s for s in inspect(obj).attrs.slug.history.deleted if s)
    if slugs:
        session.info.setdefault(_SLUGS, set()).update(slugs)
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
    table = Company.__table__
    bumped = session.connection().execute(
        update(table).where(table.c.id.in_(sorted(ids)))
        .values(public_version=table.c.public_version + 1, public_changed_at=utcnow()).returning(table.c.slug))
    session.info.setdefault(_SLUGS, set()).update(bumped.scalars())


@event.listens_for(Session, "after_commit")
def _drop_stamps(session: Session) -> None:
    """After the commit (never before: a reader would cache the old version again), the
    changed companies' stamps leave Redis; the next request reads the new one."""
    slugs = session.info.pop(_SLUGS, None)
    if not slugs or not has_app_context():
        return
    try:
        connection().delete(*(_STAMP_PREFIX + slug for slug in slugs))
    except Exception as exc:  # never fail a committed change: the key expires within STAMP_TTL seconds anyway
        log.warning("public stamp not dropped from Redis (expires in %s s): %s", STAMP_TTL, exc)


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, previous_transaction) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_SLUGS, None)
