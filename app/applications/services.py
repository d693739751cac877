"""Candidates and applications: apply, stage moves, the timeline, the Pending pool."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, case, false, or_, select
from sqlalchemy.orm import contains_eager

from app.accounts.models import Company, User
from app.applications import files, mentions, rows
from app.applications.models import (
    Application,
    ApplicationStatus,
    ApplicationView,
    Candidate,
    StageEntry,
    StoredFile,
    TimelineEvent,
)
from app.clock import utcnow
from app.extensions import db
from app.jobs.events import stage_entered
from app.jobs.models import Job, Stage, job_team
from app.jobs.queries import ApplyReads
from app.links import external_url, path_for
from app.problems import Problem
from app.signals import signal

#: A candidate's application from the careers page was created (not a repeat): receivers get
#: ``application`` and ``extra`` (what the apply form collected for features, e.g. the
#: ``"screening"`` answers) and write in the same transaction; they must not commit.
applied = signal("application-applied")

REAPPLY_AFTER = timedelta(days=120)
CONSENT_VERSION = "2026-11"


class ApplicationError(Problem):
    """A rule of applications was broken; ``code`` says which."""

    messages = {
        "job_closed": _l("This job is not open for applications."),
        "no_consent": _l("Please accept the privacy notice to apply."),
        "bad_stage": _l("That stage is not in this job's pipeline."),
        "no_job": _l("Assign the candidate to a job first."),
        "not_pending": _l("This candidate is no longer in the Pending pool."),
        "unknown_job": _l("Unknown job."),
        "duplicate": _l("You have already applied for this job."),
        "empty_note": _l("The note is empty."),
        "reason_required": _l("Choose a reason for the rejection."),
    }


class DuplicateApplication(ApplicationError):
    def __init__(self, existing: Application):
        super().__init__("duplicate")
        self.existing = existing


@dataclass
class CandidateData:
    given_names: str
    family_name: str
    email: str | None
    phone: str | None = None
    locale: str = "en"
    name_unverified: bool = False
    # The name as the source gave it, kept whole (a job board's single full-name field).
    display_name: str | None = None


def normalise_email(value: str | None) -> str | None:
    """The matching key of an email address: surrounding space removed and the whole address
    lower-cased (the domain is case-insensitive by standard; nearly every mailbox treats the
    local part so too, and so do most ATSs). Nothing else is folded: ``a.b@`` and ``ab@``, or
    ``a+x@`` and ``a@``, are different keys — such near-matches are only *suggested* as
    possible duplicates, never joined automatically."""
    value = (value or "").strip().lower()
    return value or None


def normalise_phone(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    if value.startswith("00"):
        digits = digits[2:]
    return ("+" if value.startswith(("+", "00")) else "") + digits if digits else None


# ---------------------------------------------------------------- timeline

def add_event(application: Application, kind: str, actor: User | None = None, data: dict | None = None,
              activity: bool = False) -> TimelineEvent:
    """A timeline line (the caller commits). ``activity``: it is news for the team (a reply, a
    transcript, a result, a note), so the board marks the chip for whoever has not seen it."""
    event = TimelineEvent(company_id=application.company_id, application_id=application.id, kind=kind,
                          actor_id=actor.id if actor is not None else None, data=data)
    db.session.add(event)
    if activity:
        application.last_activity_at = utcnow()
        application.last_activity_by_id = actor.id if actor is not None else None
    return event


def mark_seen(application: Application, user: User) -> None:
    """The user opened the card: its news so far is seen (one upsert, committed)."""
    table = ApplicationView.__table__
    values = {"user_id": user.id, "application_id": application.id, "seen_at": utcnow()}
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table).values(**values)
    db.session.execute(stmt.on_conflict_do_update(index_elements=[table.c.user_id, table.c.application_id],
                                                  set_={"seen_at": stmt.excluded.seen_at}))
    db.session.commit()


def merge_fields(application: Application) -> dict:
    """The values email templates may use for this application."""
    candidate = application.candidate
    job = application.job
    company = db.session.get(Company, application.company_id)
    careers = external_url("portal.careers", slug=company.slug)
    return {
        "candidate_name": candidate.full_name,
        # A name given whole (a job board's full-name field) greets whole: its split is a guess.
        "candidate_given_name": candidate.display_name or candidate.given_names,
        # In the Pending pool: the title the applicant applied for (a job board's).
        "job_title": job.title if job else str((application.pending_data or {}).get("job_title") or ""),
        "company_name": company.name,
        "stage_name": application.stage.name if application.stage else "",
        "job_url": external_url("portal.job", slug=company.slug, job_id=job.id) if job else careers,
        "careers_url": careers,
        "link": "",
    }


def email_languages(application: Application, locale: str | None = None) -> list[str]:
    """The languages an email to the candidate is written in, in order: the application's
    (the language the candidate applied in, or ``locale``), then the company's default
    (``template_for`` adds English last)."""
    company = db.session.get(Company, application.company_id)
    first = locale or (application.candidate.locale if application.candidate else None)
    return [code for code in (first, company.default_locale if company else None) if code]


# ---------------------------------------------------------------- candidates and dedupe

def find_candidate(company_id: int, email: str | None) -> Candidate | None:
    """The same person within one company, by normalised email only.

    Email is the only automatic key on the careers form. A phone number, a name or any other
    field the applicant merely types proves nothing: matching on it filed one person's
    application under another and sent the other's data to the wrong mailbox. Look-alikes are
    suggested to recruiters as possible duplicates instead."""
    email_n = normalise_email(email)
    if not email_n:
        return None
    return db.session.scalar(_by_email(), {"company_id": company_id, "email": email_n})


def job_to_apply(slug: str, job_id: int, email: str | None) -> tuple[Job, ApplyReads] | None:
    """The apply POST's job statement (``jobs.queries.open_job_to_apply``) with, in the same
    statement, the person on file for ``email`` (``find_candidate``'s answer: the company's
    lowest id with that normalised address), which ``apply(…, reads=…)`` then uses instead of a
    look-up of its own when the form's address is the same."""
    from app.jobs.queries import open_job_to_apply

    email_n = normalise_email(email)
    if email_n is not None and not email_n.isprintable():  # the form drops control characters (and
        email_n = None  # PostgreSQL's text cannot hold NUL): not the address applied with, not looked up
    found = open_job_to_apply(slug, job_id, also=("person", _with_person), params={"person_email": email_n})
    if found is not None:
        found[1].also = (email_n, found[1].also[0]) if email_n is not None or not email else ()
    return found


def _with_person(stmt):
    """``job_to_apply``'s addition to the job statement: the person (an entity, or None) of the
    job's company with the address ``person_email``, lowest id first as ``find_candidate``."""
    from sqlalchemy import func
    from sqlalchemy.orm import aliased

    other = aliased(Candidate)
    first = (select(func.min(other.id)).where(other.company_id == Job.company_id,
                                               other.email_normalized == bindparam("person_email"))
             .correlate(Job).scalar_subquery())
    return stmt.add_columns(Candidate).outerjoin(Candidate, Candidate.id == first)


def _reads_person(reads: ApplyReads | None, email: str | None) -> tuple[bool, Candidate | None]:
    """``(True, person)`` when ``job_to_apply`` read the person for this form's ``email``."""
    if reads is None or len(reads.also) != 2:
        return False, None
    email_n, person = reads.also
    return email_n == normalise_email(email), person


@lru_cache(maxsize=1)
def _by_email():
    """``find_candidate``'s statement, built once per process (at first use: the mappers are
    configured by then), bound per call."""
    return (select(Candidate).where(Candidate.company_id == bindparam("company_id"),
                                    Candidate.email_normalized == bindparam("email"))
            .order_by(Candidate.id).limit(1))


def new_candidate(company_id: int, data: CandidateData) -> Candidate:
    """A new person from ``data``, added to the session (inserted at the next flush)."""
    display_name = " ".join((data.display_name or "").split())[:400] or None
    candidate = Candidate(company_id=company_id, given_names=data.given_names.strip()[:200],
                          family_name=data.family_name.strip()[:200], display_name=display_name,
                          email=(data.email or "").strip() or None, email_normalized=normalise_email(data.email),
                          phone=(data.phone or "").strip() or None, phone_normalized=normalise_phone(data.phone),
                          locale=data.locale, name_unverified=data.name_unverified)
    db.session.add(candidate)
    return candidate


def typed_details(candidate: Candidate, data: CandidateData) -> dict:
    """What the applicant typed that differs from the person on file (name, phone), for the
    application's timeline; empty when nothing differs."""
    out: dict = {}
    typed_name = " ".join((data.display_name or f"{data.given_names} {data.family_name}").split())
    if typed_name and typed_name != " ".join(candidate.full_name.split()):
        out["name"] = typed_name[:400]
    phone = (data.phone or "").strip()
    if phone and normalise_phone(phone) != candidate.phone_normalized:
        out["phone"] = phone[:40]
    return out


def blocking_application(company_id: int, candidate_id: int, job_id: int) -> Application | None:
    """The application that makes a new one a duplicate (ARCHITECTURE's dedupe rule): an
    open one, or one closed less than 120 days ago."""
    cutoff = utcnow() - REAPPLY_AFTER
    rows = db.session.scalars(select(Application).where(
        Application.company_id == company_id, Application.candidate_id == candidate_id,
        Application.job_id == job_id).order_by(Application.id.desc())).all()
    for row in rows:
        if row.status in (ApplicationStatus.OPEN, ApplicationStatus.PENDING):
            return row
        if row.status == ApplicationStatus.CLOSED and row.closed_at and row.closed_at > cutoff:
            return row
    return None


# ---------------------------------------------------------------- creating applications

def create_application(company_id: int, candidate: Candidate, job: Job | None, *, source: str,
                       cover_letter: str = "", consent_version: str | None = None,
                       cv: tuple[str, bytes] | None = None, pending_reason: str | None = None,
                       pending_data: dict | None = None, event_data: dict | None = None,
                       source_link_id: int | None = None, referred_by_id: int | None = None,
                       consent_basis: str | None = None, actor: User | None = None,
                       cause: str = "apply", reads: ApplyReads | None = None,
                       notifications: list | None = None, source_ref: str | None = None) -> Application:
    """Create an application at the job's first stage (or in the Pending pool when ``job``
    is None), fire the stage event and notify the team. The caller commits.

    Written in few statements (the apply POST is hot, issue 15): the first stage is read alone
    (not the whole pipeline) and the application is inserted already in it (no UPDATE after).
    Born in a stage that leaves it open, on PostgreSQL the person (when new), the CV, the
    application, its count, its entry and its first timeline lines are one statement
    (``rows.insert_born_in_stage``); elsewhere the person, CV and application are one flush
    and the entry and lines plain rows after it. ``reads``: what the
    apply POST's job statement read with the job (``jobs.queries.open_job_to_apply``: the first
    stage, the stage-entry answers, the team), used instead of reading them again.
    ``notifications``: the team's ``notifications`` rows are appended to it as values, for the
    caller to insert (``acknowledge``), instead of added to the session."""
    if job is not None and reads is not None:
        first, answers = reads.stage, reads.answers
    else:
        first, answers = _first_stage_and_reads(job) if job is not None else (None, None)
    if job is not None and first is None:
        raise ApplicationError("bad_stage")
    application = Application(company_id=company_id, candidate_id=candidate.id, job_id=job.id if job else None,
                              source=source, source_ref=source_ref, cover_letter=cover_letter or "",
                              source_link_id=source_link_id, referred_by_id=referred_by_id,
                              consent_text_version=consent_version,
                              consent_at=utcnow() if consent_version or consent_basis else None,
                              consent_basis=consent_basis,
                              status=ApplicationStatus.OPEN if job else ApplicationStatus.PENDING,
                              pending_reason=pending_reason,
                              pending_data=pending_data)
    if first is not None:  # born in the first stage: its entry is recorded below, from no stage
        application.stage_id, application.stage_entered_at = first.id, utcnow()
    applied_data = {"source": source, **(event_data or {})}
    as_rows = job is not None and not first.closes_application  # the common case, as plain rows
    if as_rows and rows.one_statement():
        # PostgreSQL: the person when new, the CV, the application, its count, its entry and
        # timeline lines in one statement (app/applications/rows.py), no flush
        stored = StoredFile(**files.store_values(company_id, cv[0], cv[1])) if cv is not None else None
        entry = _first_entry(application, first, cause=cause, actor=actor, applied_data=applied_data,
                             answers=answers, born=(candidate, stored))
    else:
        entry = None
        application.candidate = candidate
        if cv is not None:
            application.cv_file = files.store(company_id, cv[0], cv[1])
        if first is not None:
            application.stage = first
        db.session.add(application)
        db.session.flush()
    if as_rows:
        if entry is None:  # SQLite: the entry and its lines after the flush
            entry = _first_entry(application, first, cause=cause, actor=actor, applied_data=applied_data,
                                 answers=answers)
    elif job is not None:
        add_event(application, "applied", actor=actor, data=applied_data)
        entry = _record_entry(application, first, from_stage_id=None, cause=cause, actor=actor,
                              now=application.stage_entered_at, depth=0, answers=answers)
    else:
        add_event(application, "applied", actor=actor, data=applied_data)
    if job is not None:
        # The latest entry of a new application: this one, or one an automation added after it.
        latest = application.__dict__.get(_LATEST_ENTRY, entry.id)
        notify_team(application, "new_application",
                    _l("New application: %(name)s for %(job)s", name=candidate.full_name, job=job.title),
                    exclude=actor, entry_id=latest, users=reads.team if reads is not None else None,
                    rows=notifications)
    else:
        from app.messaging.services import notify

        recruiters = db.session.scalars(select(User).where(User.company_id == company_id,
                                                           User.is_enabled.is_(True))).all()
        notify(recruiters, company_id=company_id, kind="pending_pool",
               title=_l("%(name)s is waiting in the Pending pool", name=candidate.full_name),
               link=path_for("admin.pending_pool"), dedupe_key=f"pending:{application.id}")
    return application


def first_stage(job: Job) -> Stage | None:
    """The first stage of ``job``'s pipeline: from the job's loaded stages when they are
    there, else one narrow query (not the whole pipeline)."""
    return _first_stage_and_reads(job)[0]


#: The first stage with the stage-entry reads (``app.jobs.events.entry_reads``), built once
#: per process for the set of registered keys.
_FIRST_STAGE: dict[tuple[str, ...], object] = {}


def _first_stage_and_reads(job: Job) -> tuple[Stage | None, dict | None]:
    """The job's first stage and the answers of the stage-entry reads about it, in one
    statement (the receivers of its entry then ask nothing when there is nothing for them).
    From the job's loaded stages (no answers) when they are there."""
    if "stages" in job.__dict__:
        return job.first_stage, None
    from app.jobs.events import entry_reads

    keys = tuple(entry_reads)
    stmt = _FIRST_STAGE.get(keys)
    if stmt is None:
        stmt = _FIRST_STAGE[keys] = (
            select(Stage, *(entry_reads[key]().label(f"r{n}") for n, key in enumerate(keys)))
            .where(Stage.job_id == bindparam("job_id")).order_by(Stage.position).limit(1))
    row = db.session.execute(stmt, {"job_id": job.id}).first()
    if row is None:
        return None, None
    return row[0], {key: row[n + 1] for n, key in enumerate(keys)}


def apply(job_id: int, slug: str, data: CandidateData, *, cover_letter: str, cv: tuple[str, bytes] | None,
          consent: bool, job: Job | None = None, src: str | None = None,
          extra: dict | None = None, reads: ApplyReads | None = None) -> Application:
    """A candidate applies from the careers page; returns the application the submission
    ended up on. ``job`` is the job the caller already loaded with its company (the apply
    form's ``open_job_at``); without it the job is read here. ``reads``: what the POST's job
    statement read with ``job`` (``jobs.queries.open_job_to_apply``), used instead of reading
    the first stage, the stage-entry answers and the team again.

    A second application to the same job (ARCHITECTURE's dedupe rule) is answered exactly
    like a first one, so the form is no oracle of who has applied: it becomes a timeline note
    on the existing application, and the address on file gets a short "we already have your
    application" email in the language of the person on file.

    ``src``: the code of one of the job's share links (``?src=``) the applicant came through;
    an unknown or archived code, or another job's, reads as the careers page."""
    if job is None or job.id != job_id or job.company.slug != slug:
        reads = None
        job = db.session.scalar(select(Job).join(Job.company).where(Company.slug == slug, Job.id == job_id)
                                .options(contains_eager(Job.company)))
    if job is None or not job.is_open:
        raise ApplicationError("job_closed")
    company = job.company
    if not consent:
        raise ApplicationError("no_consent")
    if cv is not None:
        files.check_pdf(cv[1], current_app.config["CV_MAX_BYTES"])
    known, candidate = _reads_person(reads, data.email)  # job_to_apply read the person with the job
    if not known:
        candidate = find_candidate(company.id, data.email)
    if candidate is None:  # a new person has no applications: nothing can block this one
        candidate, existing = new_candidate(company.id, data), None
    else:
        existing = blocking_application(company.id, candidate.id, job.id)
    typed = typed_details(candidate, data)
    from app.applications.share_links import active_link

    link = active_link(company.id, job.id, src) if src else None
    source = "link" if link is not None else "careers"
    if existing is not None:
        record_duplicate(existing, source=source, typed=typed, tell_applicant=True,
                         data={"link": link.name} if link is not None else None)
        db.session.commit()
        return existing
    event_data = {**({"typed": typed} if typed else {}), **({"link": link.name} if link is not None else {})}
    # PostgreSQL: the team's notifications go with the confirmation in one statement (acknowledge)
    notifications = [] if rows.one_statement() else None
    application = create_application(company.id, candidate, job, source=source, cover_letter=cover_letter,
                                     consent_version=CONSENT_VERSION, cv=cv, event_data=event_data or None,
                                     source_link_id=link.id if link is not None else None, reads=reads,
                                     notifications=notifications)
    acknowledge(application, data.locale, new=True, templates=reads.templates if reads is not None else None,
                notifications=notifications)
    applied.send(application, extra=extra or {})
    db.session.commit()
    return application


def acknowledge(application: Application, locale: str | None = None, *, new: bool = False,
                templates: list | None = None, notifications: list | None = None) -> None:
    """Queue the "application received" email to an applicant who gave an address, from any
    source (careers page, job board), in the language they applied in (``locale``) or the
    person's, else the company's; once per application. The caller commits.

    ``new``: the application was inserted by this transaction, so no outbox row can hold its
    key yet (the key names its id; ids are never reused while such a row exists: the row's
    ``application_id`` is the same id, ON DELETE CASCADE) and the dedupe look-up is skipped.
    ``templates``: the stored "application received" templates as the caller read them
    (``ApplyReads.templates``), instead of reading them here.
    ``notifications``: rows (values) of a new application (``new``) to insert with the email's
    rows, all in one statement on PostgreSQL (``rows.insert_plain``), even when no email goes."""
    candidate = application.candidate
    from app.messaging.services import queue_template_email, send_after_commit, template_email_values, template_for

    template = template_for(application.company_id, "application_received", email_languages(application, locale),
                            stored=templates) if candidate.email else None
    if notifications is not None and new:
        event, outbox = [], None
        if template is not None:
            event = [{"company_id": application.company_id, "application_id": application.id,
                      "kind": "confirmation_queued", "data": {"locale": template.locale}}]
            outbox = template_email_values(template, to=candidate.email, fields=merge_fields(application),
                                           kind="application_received", dedupe_key=f"applied:{application.id}",
                                           company_id=application.company_id, application_id=application.id)
        outbox_id = rows.insert_plain(notifications, event, outbox)
        if outbox_id is not None:
            send_after_commit(outbox_id)
        return
    if template is None:
        return
    # the event first: it is inserted in the outbox row's flush, not in one more at the commit
    add_event(application, "confirmation_queued", data={"locale": template.locale})
    queue_template_email(template, to=candidate.email, fields=merge_fields(application),
                         kind="application_received", dedupe_key=f"applied:{application.id}",
                         company_id=application.company_id, application_id=application.id, new_key=new)


def record_duplicate(existing: Application, *, source: str, typed: dict | None = None,
                     tell_applicant: bool = False, data: dict | None = None) -> TimelineEvent:
    """A repeat application becomes a note on the one already there (nothing of the person
    on file changes). With ``tell_applicant`` the address on file is told, at most once a
    day per application (a repeated form cannot flood a mailbox). The caller commits."""
    event = add_event(existing, "duplicate", data={"source": source, **(data or {}),
                                                    **({"typed": typed} if typed else {})}, activity=True)
    candidate = existing.candidate
    if tell_applicant and candidate.email:
        from app.messaging.models import OutboxEmail
        from app.messaging.services import queue_template_email, template_for

        template = template_for(existing.company_id, "application_duplicate", email_languages(existing))
        dedupe_key = f"already-applied:{existing.id}:{utcnow():%Y-%m-%d}"
        told_today = db.session.scalar(select(OutboxEmail.id).where(OutboxEmail.dedupe_key == dedupe_key))
        if template is not None and told_today is None:
            queue_template_email(template, to=candidate.email, fields=merge_fields(existing),
                                 kind="application_duplicate", dedupe_key=dedupe_key,
                                 company_id=existing.company_id, application_id=existing.id)
            event.data = {**event.data, "email_locale": template.locale}  # the card: "…; told by email (Suomi)"
    return event


# ---------------------------------------------------------------- stages

def enter_stage(application: Application, stage_id: int, *, cause: str, actor: User | None = None,
                depth: int = 0, detail: dict | None = None) -> StageEntry:
    """Put the application into a stage of its job and emit the stage-entry event (every
    entry, also re-entry). ``detail`` (``{"by": kind, …}``) says what moved it, on the same
    timeline line (a feature's ``stage_entered:<by>`` event text tells it). The caller commits."""
    stage = db.session.get(Stage, stage_id)
    if stage is None or application.job_id is None or stage.job_id != application.job_id:
        raise ApplicationError("bad_stage")
    now = utcnow()
    from_stage_id = application.stage_id
    application.stage_id = stage.id
    application.stage = stage
    application.stage_entered_at = now
    return _record_entry(application, stage, from_stage_id=from_stage_id, cause=cause, actor=actor, now=now,
                         depth=depth, detail=detail)


#: The id of the latest stage entry this session wrote for an application (kept on the
#: instance): a new application's team notification names it without asking the database.
_LATEST_ENTRY = "_haku_latest_entry_id"


def _record_entry(application: Application, stage: Stage, *, from_stage_id: int | None, cause: str,
                  actor: User | None, now, depth: int, detail: dict | None = None,
                  answers: dict | None = None) -> StageEntry:
    """The entry into ``stage`` (already set on the application), its timeline event, the
    status it implies and the audit line; one flush, then the stage-entry event."""
    entry = StageEntry(company_id=application.company_id, application_id=application.id, stage_id=stage.id,
                       from_stage_id=from_stage_id, cause=cause,
                       actor_id=actor.id if actor is not None else None, entered_at=now)
    db.session.add(entry)
    if stage.closes_application:
        application.status, application.closed_at = ApplicationStatus.CLOSED, now
    elif application.status == ApplicationStatus.CLOSED:
        application.status, application.closed_at = ApplicationStatus.OPEN, None
    add_event(application, "stage_entered", actor=actor, data={"stage": stage.name, "cause": cause, **(detail or {})})
    if cause in ("person", "automation"):
        from app import audit

        audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                     object=f"application:{application.id}", action="stage_move",
                     before={"stage_id": entry.from_stage_id}, after={"stage_id": stage.id, "stage": stage.name,
                                                                      "cause": cause})
    db.session.flush()
    application.__dict__[_LATEST_ENTRY] = entry.id
    stage_entered.send(application, entry=entry, depth=depth, answers=answers)
    return entry


def _first_entry(application: Application, stage: Stage, *, cause: str, actor: User | None, applied_data: dict,
                 answers: dict | None, born: tuple[Candidate, StoredFile | None] | None = None) -> StageEntry:
    """``_record_entry`` for a new application born in a stage that leaves it open: its entry
    (from no stage) and its two timeline lines ("applied", "stage_entered") are written as
    plain rows, not through the unit of work (issue 15: each flush of the apply POST cost more
    CPU than its statements), then the stage-entry event goes out as always. Its receivers get
    the entry as a read-only instance holding what was inserted and its ``stage`` (they read
    its id, stage, cause and time; nothing in the session tracks it).

    ``born``: the application is not inserted yet; it goes with its person (when new) and
    stored CV (when any) and these rows in one statement (``rows.insert_born_in_stage``)."""
    actor_id = actor.id if actor is not None else None
    values = {"company_id": application.company_id, "stage_id": stage.id, "from_stage_id": None, "cause": cause,
              "actor_id": actor_id, "entered_at": application.stage_entered_at}
    common = {"company_id": application.company_id, "actor_id": actor_id}
    lines = [{**common, "kind": "applied", "data": applied_data},
             {**common, "kind": "stage_entered", "data": {"stage": stage.name, "cause": cause}}]
    if born is not None:
        entry_id = rows.insert_born_in_stage(application, born[0], stage, born[1], values, lines)
        values["application_id"] = application.id
    else:
        values["application_id"] = application.id
        statements = _first_entry_statements()
        entry_id = db.session.execute(statements[0], values).scalar_one()
        db.session.execute(statements[1], [{**line, "application_id": application.id} for line in lines])
    entry = StageEntry.__mapper__.class_manager.new_instance()
    entry.__dict__.update(values, id=entry_id, stage=stage)
    application.__dict__[_LATEST_ENTRY] = entry_id
    stage_entered.send(application, entry=entry, depth=0, answers=answers)
    return entry


@lru_cache(maxsize=1)
def _first_entry_statements():
    """``_first_entry``'s two inserts, built once per process."""
    from sqlalchemy import insert

    entries, events = StageEntry.__table__, TimelineEvent.__table__
    return insert(entries).returning(entries.c.id), insert(events)


def move_to_stage(application: Application, stage_id: int, actor: User) -> Application:
    """A person moves an application (board drag, card menu). Not into a rejected stage:
    rejecting takes a reason (``rejections.reject``)."""
    if application.job_id is None:
        raise ApplicationError("no_job")
    if application.stage_id == stage_id:
        return application
    target = db.session.get(Stage, stage_id)
    if target is not None and target.kind == "rejected":
        raise ApplicationError("reason_required")
    enter_stage(application, stage_id, cause="person", actor=actor)
    notify_team(application, "stage_changed",
                _l("%(name)s moved to %(stage)s", name=application.candidate.full_name, stage=application.stage.name),
                exclude=actor)
    db.session.commit()
    return application


#: ``notify_team``'s ``entry_id`` when the caller does not know the latest stage entry.
UNKNOWN_ENTRY = object()


def notify_team(application: Application, kind: str, title, exclude: User | None = None,
                entry_id=UNKNOWN_ENTRY, users: list[User] | None = None, rows: list | None = None) -> None:
    """Tell the job's team; ``title`` is a lazy string (``_l``) so each member reads it in
    their own language. ``entry_id`` is the application's latest stage entry when the caller
    knows it, None when the caller knows it has none (else it is read). ``users``: the job's
    owner and team as the caller read them (``ApplyReads.team``), else they are read here.
    ``rows``: the ``notifications`` rows are appended to it as values, for the caller to insert
    with its own statement (``messaging.notification_rows``), instead of added as objects."""
    from app.messaging.services import notification_rows, notify

    job = application.job
    if job is None:
        return
    people = [u for u in users if u.is_enabled] if users is not None else notify_users(job)
    users = [u for u in people if exclude is None or u.id != exclude.id]
    if entry_id is UNKNOWN_ENTRY:
        entry_id = db.session.scalar(select(StageEntry.id).where(StageEntry.application_id == application.id)
                                     .order_by(StageEntry.id.desc()).limit(1))
    how = notify if rows is None else notification_rows
    written = how(users, company_id=application.company_id, kind=kind, title=title,
                  link=path_for("admin.application", application_id=application.id),
                  dedupe_key=f"{kind}:{application.id}:{entry_id}")
    if rows is not None:
        rows.extend(written)


def notify_users(job: Job) -> list[User]:
    """``Job.notify_users`` (owner, then the team by name; enabled, once each) in one
    statement instead of two lazy loads."""
    if "owner" in job.__dict__ and "team" in job.__dict__:
        return job.notify_users()
    has_owner = job.owner_id is not None
    stmt = _NOTIFY_USERS.get(has_owner)
    if stmt is None:  # built once per process (with and without an owner), bound per call
        team = select(job_team.c.user_id).where(job_team.c.job_id == bindparam("job_id"))
        is_owner = User.id == bindparam("owner_id") if has_owner else false()
        stmt = _NOTIFY_USERS[has_owner] = (select(User).where(or_(is_owner, User.id.in_(team)))
                                           .order_by(case((is_owner, 0), else_=1), User.name))
    params = {"job_id": job.id, **({"owner_id": job.owner_id} if has_owner else {})}
    people = db.session.scalars(stmt, params).all()
    return [person for person in people if person.is_enabled]


#: ``notify_users``' statement, by "the job has an owner".
_NOTIFY_USERS: dict[bool, object] = {}


# ---------------------------------------------------------------- Pending pool

def assign_pending(application: Application, job_id: int, actor: User) -> Application:
    if application.status != ApplicationStatus.PENDING:
        raise ApplicationError("not_pending")
    job = db.session.scalar(select(Job).where(Job.id == job_id, Job.company_id == application.company_id))
    if job is None:
        raise ApplicationError("unknown_job")
    if not job.is_open:
        raise ApplicationError("job_closed")
    existing = blocking_application(application.company_id, application.candidate_id, job.id)
    if existing is not None:
        raise DuplicateApplication(existing)
    application.job_id, application.job = job.id, job
    application.status, application.pending_reason = ApplicationStatus.OPEN, None
    add_event(application, "assigned_from_pool", actor=actor, data={"job": job.title})
    enter_stage(application, job.first_stage.id, cause="person", actor=actor)
    db.session.commit()
    return application


def dismiss_pending(application: Application, actor: User) -> Application:
    if application.status != ApplicationStatus.PENDING:
        raise ApplicationError("not_pending")
    application.status, application.closed_at = ApplicationStatus.DISMISSED, utcnow()
    add_event(application, "dismissed_from_pool", actor=actor)
    db.session.commit()
    return application


def add_note(application: Application, text: str, actor: User) -> TimelineEvent:
    text = (text or "").strip()
    if not text:
        raise ApplicationError("empty_note")
    event = add_event(application, "note", actor=actor, data={"text": text[:5000]}, activity=True)
    mentions.notify_mentions(application, event, actor)
    db.session.commit()
    return event


def on_email_failed(row, error: str, **_) -> None:
    """An email about an application failed for good: the card shows it (a flag for the list,
    a line in the timeline). Runs inside messaging's transaction; messaging commits."""
    if not row.application_id:
        return
    application = db.session.get(Application, row.application_id)
    if application is not None:
        application.email_failed = True
        db.session.add(TimelineEvent(company_id=application.company_id, application_id=application.id,
                                     kind="email_failed", data={"subject": row.subject, "to": row.to_addr,
                                                                "error": error}))


def job_has_applications(job, **_) -> bool:
    """A job with applications is closed, never deleted."""
    return db.session.scalar(select(Application.id).where(Application.job_id == job.id).limit(1)) is not None


def stage_has_applications(stage, **_) -> bool:
    """A stage with applications in it is emptied before it is deleted."""
    return db.session.scalar(select(Application.id).where(Application.stage_id == stage.id).limit(1)) is not None
