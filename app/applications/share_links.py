"""A job's share links: named addresses of the job page (``?src=<code>``) that recruiters hand
out (LinkedIn, a university fair); an application that came through one records it.

The code is random (not the row id, not the name): a visitor cannot guess another job's
links, and a name can change without breaking an address already shared."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app import audit
from app.accounts.models import User
from app.applications.models import Application, SourceLink
from app.extensions import db
from app.jobs.models import Job
from app.problems import Problem

MAX_NAME = 80
CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: a code read aloud at a fair
CODE_LENGTH = 10
#: How a code in an address looks: anything else is not looked up at all.
CODE_MAX = 16


class ShareLinkError(Problem):
    messages = {
        "empty_name": _l("Give the link a name, e.g. LinkedIn."),
        "name_too_long": _l("The name is too long (at most 80 characters)."),
        "duplicate_name": _l("This job already has a link with that name."),
    }


def links_of(job: Job) -> list[tuple[SourceLink, int]]:
    """The job's links (active first, then by name) with how many applications came through
    each: one query."""
    counts = (select(Application.source_link_id, func.count().label("n"))
              .where(Application.company_id == job.company_id, Application.job_id == job.id,
                     Application.source_link_id.is_not(None))
              .group_by(Application.source_link_id).subquery())
    rows = db.session.execute(select(SourceLink, func.coalesce(counts.c.n, 0))
                              .outerjoin(counts, counts.c.source_link_id == SourceLink.id)
                              .where(SourceLink.company_id == job.company_id, SourceLink.job_id == job.id)
                              .order_by(SourceLink.archived, func.lower(SourceLink.name), SourceLink.id)).all()
    return [(link, n) for link, n in rows]


def company_links(company_id: int) -> list[tuple[int, str, str]]:
    """Every link of the company as (id, name, job title), for the list's source filter (as
    the list page read them with its other menus, ``remember_links``, when it did)."""
    from flask import has_request_context, request

    if has_request_context() and company_id in request.environ.get("haku.share_links", {}):
        return request.environ["haku.share_links"][company_id]
    return [tuple(row) for row in db.session.execute(
        select(SourceLink.id, SourceLink.name, Job.title).join(Job, Job.id == SourceLink.job_id)
        .where(SourceLink.company_id == company_id).order_by(func.lower(Job.title), func.lower(SourceLink.name)))]


def remember_links(company_id: int, links: list[tuple[int, str, str]]) -> None:
    """Keep ``company_links``' answer for this request (read in the list's menus statement)."""
    from flask import has_request_context, request

    if has_request_context():
        request.environ.setdefault("haku.share_links", {})[company_id] = links


def active_link(company_id: int, job_id: int, code: str | None) -> SourceLink | None:
    """The job's link with ``code`` that still counts (not archived), or None: a code of
    another job, another company, an archived link or a malformed one reads as no link."""
    code = (code or "").strip()
    if not code or len(code) > CODE_MAX or not code.isalnum():
        return None
    return db.session.scalar(select(SourceLink).where(SourceLink.code == code, SourceLink.company_id == company_id,
                                                      SourceLink.job_id == job_id, SourceLink.archived.is_(False)))


def _clean_name(job: Job, name: str | None, link_id: int | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ShareLinkError("empty_name")
    if len(name) > MAX_NAME:
        raise ShareLinkError("name_too_long")
    taken = db.session.scalar(select(SourceLink.id).where(
        SourceLink.company_id == job.company_id, SourceLink.job_id == job.id,
        func.lower(SourceLink.name) == name.lower(), SourceLink.id != (link_id or 0)))
    if taken is not None:
        raise ShareLinkError("duplicate_name")
    return name


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_link(job: Job, name: str, actor: User) -> SourceLink:
    name = _clean_name(job, name)
    link = SourceLink(company_id=job.company_id, job_id=job.id, name=name, code=new_code(), created_by_id=actor.id)
    db.session.add(link)
    db.session.flush()
    audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"source_link:{link.id}",
                 action="create", after={"job_id": job.id, "name": name})
    db.session.commit()
    return link


def rename_link(job: Job, link: SourceLink, name: str, actor: User) -> SourceLink:
    name = _clean_name(job, name, link.id)
    before = link.name
    link.name = name
    audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"source_link:{link.id}",
                 action="rename", before={"name": before}, after={"name": name})
    db.session.commit()
    return link


def set_archived(job: Job, link: SourceLink, archived: bool, actor: User) -> SourceLink:
    """Archive (the address then reads as the careers page) or bring back a link."""
    if link.archived != archived:
        link.archived = archived
        audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"source_link:{link.id}",
                     action="archive" if archived else "restore")
        db.session.commit()
    return link
