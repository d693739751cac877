"""Candidates a recruiter adds: by hand (a CV that came by email, someone met at a fair) or
as a team member's referral. Same person and dedupe rules as the careers form
(``services.find_candidate``, ``blocking_application``, ``record_duplicate``); the person
gave no consent on Haku's form, so the recruiter records the legal basis of processing."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import audit
from app.accounts import access
from app.accounts.models import User
from app.applications import files, mentions
from app.applications.models import Application
from app.applications.services import (
    ApplicationError,
    CandidateData,
    acknowledge,
    add_event,
    blocking_application,
    create_application,
    find_candidate,
    new_candidate,
    record_duplicate,
    typed_details,
)
from app.applications.sources import LEGAL_BASES
from app.extensions import db
from app.jobs.models import Job, JobStatus

ADDED_SOURCES = ("manual", "referral")


class AddCandidateError(ApplicationError):
    messages = {
        "bad_source": _l("Choose how the candidate came: added by hand or referred."),
        "bad_basis": _l("Choose the legal basis for processing the candidate's data."),
        "bad_referrer": _l("Choose the team member who referred the candidate."),
    }


@dataclass
class Added:
    application: Application
    created: bool  # False: the person already had an application for the job (noted on it)


def referrers(company_id: int) -> list[User]:
    """Who can be named as the referrer: the company's enabled users, by name."""
    return list(db.session.scalars(select(User).where(User.company_id == company_id, User.is_enabled.is_(True))
                                   .order_by(User.name, User.id)))


def add_candidate(company_id: int, job_id: int, data: CandidateData, *, actor: User, source: str, basis: str,
                  cv: tuple[str, bytes] | None = None, note: str = "", referred_by_id: int | None = None,
                  send_confirmation: bool = False) -> Added:
    """Add a person to a job (draft or published, one ``actor`` may see). Refused with
    nothing written: an unknown job, source, basis or referrer, a file that is not a PDF. An
    existing person (same email) is not created again; if they already have an application
    that blocks a new one (ARCHITECTURE's dedupe rule) the addition becomes a note on it. No
    email to the candidate unless ``send_confirmation``."""
    job = db.session.scalar(select(Job).where(Job.id == job_id, Job.company_id == company_id,
                                              *access.filters(Job, actor)))
    if job is None:
        raise AddCandidateError("unknown_job")
    if job.status == JobStatus.CLOSED.value:
        raise AddCandidateError("job_closed")
    if source not in ADDED_SOURCES:
        raise AddCandidateError("bad_source")
    if basis not in LEGAL_BASES:
        raise AddCandidateError("bad_basis")
    referrer = None
    if source == "referral":
        referrer = db.session.scalar(select(User).where(User.id == (referred_by_id or 0), User.company_id == company_id,
                                                        User.is_enabled.is_(True)))
        if referrer is None:
            raise AddCandidateError("bad_referrer")
    if cv is not None:
        files.check_pdf(cv[1], current_app.config["CV_MAX_BYTES"])
    candidate = find_candidate(company_id, data.email)
    existing = blocking_application(company_id, candidate.id, job.id) if candidate is not None else None
    details = {"by_name": actor.name, **({"referred_by": referrer.name} if referrer is not None else {})}
    if candidate is None:
        candidate = new_candidate(company_id, data)
        db.session.flush()
    typed = typed_details(candidate, data)
    if existing is not None:
        record_duplicate(existing, source=source, typed=typed, data=details)
        if note.strip():
            add_event(existing, "note", actor=actor, data={"text": note.strip()[:5000]}, activity=True)
        db.session.commit()
        return Added(existing, False)
    application = create_application(company_id, candidate, job, source=source, cv=cv, consent_basis=basis,
                                     referred_by_id=referrer.id if referrer is not None else None, actor=actor,
                                     cause="added", event_data={**details, **({"typed": typed} if typed else {})})
    if note.strip():
        event = add_event(application, "note", actor=actor, data={"text": note.strip()[:5000]})
        mentions.notify_mentions(application, event, actor)
    if send_confirmation:
        acknowledge(application, data.locale)
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"application:{application.id}",
                 action="add_candidate", after={"source": source, "basis": basis, "job_id": job.id,
                                                "referred_by_id": application.referred_by_id})
    db.session.commit()
    return Added(application, True)


def jobs_to_add_to(company_id: int, user: User) -> list[tuple[int, str]]:
    """(id, title) of the jobs ``user`` may add a candidate to: not closed, in their scope."""
    return [tuple(row) for row in db.session.execute(
        select(Job.id, Job.title).where(Job.company_id == company_id, Job.status != JobStatus.CLOSED.value,
                                        *access.filters(Job, user)).order_by(Job.title, Job.id))]
