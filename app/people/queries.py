"""Reads for the person's page and the people search. Each is a fixed number of statements,
however many applications, emails or files the person has."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from app.accounts import access
from app.accounts.tenancy import scoped
from app.applications.listing import candidate_matches
from app.applications.models import Application, Candidate, Tag, TimelineEvent
from app.conversations.models import InboundAttachment, InboundEmail
from app.extensions import db
from app.messaging.models import OutboxEmail

#: People per page of the search (keyset by newest person first).
PER_PAGE = 50


@dataclass
class Email:
    """One email of the person's: sent by us (``outbound``) or a reply of theirs."""

    application: Application
    outbound: bool
    subject: str
    address: str
    at: datetime | None
    status: str | None = None
    scheduled: bool = False


@dataclass
class File:
    application: Application
    kind: str  # "cv" | "reply"
    filename: str
    size: int
    at: datetime | None
    file_id: int  # the StoredFile (cv) or the InboundAttachment (reply)


@dataclass
class Person:
    candidate: Candidate
    applications: list[Application]
    tags: list[Tag] = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    notes: list[TimelineEvent] = field(default_factory=list)


def person(company_id: int, candidate_id: int) -> Person | None:
    """The person with everything of theirs in the company, or None (unknown, or another company's)."""
    candidate = db.session.scalar(scoped(Candidate, company_id).where(Candidate.id == candidate_id))
    if candidate is None:
        return None
    applications = list(db.session.scalars(
        scoped(Application, company_id).where(Application.candidate_id == candidate.id)
        .options(joinedload(Application.job), joinedload(Application.stage), joinedload(Application.cv_file),
                 selectinload(Application.tags))
        .order_by(Application.created_at.desc(), Application.id.desc())).unique())
    page = Person(candidate=candidate, applications=applications)
    if not applications:
        return page
    by_id = {a.id: a for a in applications}
    ids = sorted(by_id)
    seen: dict[int, Tag] = {}
    for application in applications:
        for tag in application.tags:
            seen.setdefault(tag.id, tag)
    page.tags = sorted(seen.values(), key=lambda t: t.name_key)
    page.files = [File(a, "cv", a.cv_file.filename, a.cv_file.size, a.cv_file.created_at, a.cv_file.id)
                  for a in applications if a.cv_file is not None]
    outbox = db.session.scalars(select(OutboxEmail).where(
        OutboxEmail.company_id == company_id, OutboxEmail.application_id.in_(ids)))
    page.emails = [Email(by_id[e.application_id], True, e.subject, e.to_addr, e.sent_at or e.due_at or e.created_at,
                         e.status, scheduled=e.sent_at is None and e.due_at is not None) for e in outbox]
    replies = list(db.session.scalars(select(InboundEmail).where(
        InboundEmail.company_id == company_id, InboundEmail.application_id.in_(ids))
        .options(selectinload(InboundEmail.attachments).joinedload(InboundAttachment.stored_file))))
    for reply in replies:
        application = by_id[reply.application_id]
        page.emails.append(Email(application, False, reply.subject, reply.from_addr, reply.received_at))
        page.files += [File(application, "reply", att.filename, att.size, reply.received_at, att.id)
                       for att in reply.attachments if att.stored_file is not None]
    page.emails.sort(key=lambda e: e.at or datetime.min, reverse=True)
    page.files.sort(key=lambda f: f.at or datetime.min, reverse=True)
    page.notes = list(db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.company_id == company_id, TimelineEvent.application_id.in_(ids), TimelineEvent.kind == "note")
        .options(joinedload(TimelineEvent.actor)).order_by(TimelineEvent.created_at.desc(), TimelineEvent.id.desc())))
    return page


@dataclass
class PeoplePage:
    rows: list[tuple[Candidate, int]]  # (person, how many applications in the company)
    next_after: int | None  # the cursor of the next page (a person id), None on the last page


def search(company_id: int, q: str = "", after: int | None = None, per_page: int | None = None) -> PeoplePage:
    """People of the company with at least one application, newest first, found by name, email
    or phone (``candidate_matches``): one row per person with their application count. Keyset
    paged on the person's id: one statement per page, whatever the number of people."""
    per_page = per_page or PER_PAGE
    count = func.count(Application.id)
    stmt = (select(Candidate, count).join(Application, Application.candidate_id == Candidate.id)
            .where(Candidate.company_id == company_id, Application.company_id == company_id,
                   *access.filters(Application))
            .group_by(Candidate.id).order_by(Candidate.id.desc()).limit(per_page + 1))
    if q and q.strip():
        stmt = stmt.where(candidate_matches(q))
    if after is not None:
        stmt = stmt.where(Candidate.id < after)
    rows = [(c, n) for c, n in db.session.execute(stmt)]
    more = len(rows) > per_page
    rows = rows[:per_page]
    return PeoplePage(rows=rows, next_after=rows[-1][0].id if more else None)

