"""Interviews: create, book a time (recruiter or candidate), reschedule, cancel, the
self-scheduling link, reminders. Each public function owns its transaction (commits).

Never double-booked: a booking writes one ``InterviewerBusy`` row per interviewer and start,
unique on (user, start), after locking the interviewers' rows (PostgreSQL ``FOR UPDATE``;
SQLite serialises writers, and the booking's first statement is a write) and checking for an
overlapping interview. Two bookings of the same slot at once: one commits, the other gets
``InterviewError("taken")`` and the page shows the remaining slots.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_time
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from app.accounts.models import Company, Role, User
from app.accounts.tenancy import scoped
from app.applications.models import Application
from app.applications.services import add_event, email_languages, merge_fields
from app.clock import utcnow
from app.extensions import db
from app.interviews import availability, ics
from app.interviews.events import interview_booked
from app.interviews.models import (
    OPEN_STATES,
    Interview,
    InterviewerBusy,
    InterviewInterviewer,
    InterviewKind,
    InterviewPlan,
    InterviewStatus,
)
from app.jobs.events import entry_answer
from app.jobs.models import Stage
from app.links import external_url
from app.messaging.services import queue_email, queue_template_email, template_for
from app.problems import Problem

#: How long a self-scheduling link offers slots, and how far ahead.
LINK_DAYS = 14
#: The candidate may not book sooner than this.
MIN_NOTICE = timedelta(hours=12)
#: The candidate may reschedule or cancel until this long before the interview.
CANDIDATE_CUTOFF = timedelta(hours=24)
#: The reminder goes this long before the interview.
REMIND_BEFORE = timedelta(hours=24)

KIND_LABELS = {InterviewKind.PHONE: _l("Phone"), InterviewKind.VIDEO: _l("Video"), InterviewKind.ONSITE: _l("On site")}
STATUS_LABELS = {InterviewStatus.DRAFT: _l("No time yet"), InterviewStatus.AWAITING: _l("Waiting for the candidate"),
                 InterviewStatus.BOOKED: _l("Booked"), InterviewStatus.CANCELLED: _l("Cancelled")}


class InterviewError(Problem):
    messages = {
        "no_interviewers": _l("Choose at least one interviewer."),
        "not_team": _l("Only members of your team can interview."),
        "duration": _l("The duration must be between 15 and 480 minutes."),
        "past": _l("That time has already passed. Choose a later one."),
        "taken": _l("Sorry, that time was just taken. Choose another one."),
        "busy": _l("%(name)s already has an interview at that time."),
        "closed": _l("This interview was cancelled."),
        "no_email": _l("The candidate has no email address, so no invitation can be sent."),
        "cutoff": _l("The interview is less than %(hours)s hours away, so it can no longer be changed here. "
                     "Please reply to the invitation email instead."),
        "bad_time": _l("Give a date and a time."),
    }


class LinkError(Problem):
    """Why a self-scheduling link does not work (the portal answers 404 or 410)."""

    messages = {
        "unknown": _l("This link does not work. Check that you copied the whole address from the email."),
        "expired": _l("This link has expired. Please reply to the email you got it with, and we will send a new one."),
        "cancelled": _l("This interview was cancelled."),
    }

    @property
    def status(self) -> int:
        return 404 if self.code == "unknown" else 410


# ---------------------------------------------------------------- reads

def team(company_id: int) -> list[User]:
    """Who can interview: the company's enabled users."""
    return list(db.session.scalars(select(User).where(User.company_id == company_id, User.is_enabled.is_(True),
                                                      User.role != Role.STAFF.value).order_by(User.name)))


def any_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application has interviews."""
    return exists().where(Interview.application_id == Application.id)


def interviews_of(application: Application) -> list[Interview]:
    return list(db.session.scalars(select(Interview).where(Interview.application_id == application.id)
                                   .order_by(Interview.id)))


def get(company_id: int, interview_id: int) -> Interview | None:
    """The company's interview, within what the signed-in user may see (``scoped``: a hiring
    manager's jobs, an interviewer's reviews)."""
    return db.session.scalar(scoped(Interview, company_id).where(Interview.id == interview_id))


def upcoming_for(user_id: int, now: datetime | None = None) -> list[Interview]:
    """The user's booked interviews that have not ended, soonest first (My interviews)."""
    now = now or utcnow()
    return list(db.session.scalars(
        select(Interview).join(InterviewInterviewer, InterviewInterviewer.interview_id == Interview.id)
        .where(InterviewInterviewer.user_id == user_id, Interview.status == InterviewStatus.BOOKED,
               Interview.ends_at > now).order_by(Interview.starts_at)))


def flagged_interviewers(interview: Interview) -> list[User]:
    """Interviewers who have left the team (disabled) since: the card flags the interview."""
    return [i.user for i in interview.interviewers if not i.user.is_enabled]


def zone_name(name: str | None, fallback: str = "UTC") -> str:
    """``name`` when it is a known IANA zone, else ``fallback``."""
    try:
        ZoneInfo(name or "")
        return name
    except (ZoneInfoNotFoundError, ValueError):
        return fallback


def company_zone(company_id: int) -> str:
    company = db.session.get(Company, company_id)
    return zone_name(company.timezone if company else None)


def when_text(value: datetime, zone: str, locale: str) -> str:
    """A naive-UTC time as the reader reads it: ``Tuesday, October 27, 2026 10:00 (Europe/Helsinki)``."""
    local = value.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(zone))
    day = format_date(local.date(), format="full", locale=locale)
    return f"{day} {format_time(local.time(), 'HH:mm', locale=locale)} ({zone})"


# ---------------------------------------------------------------- create

def create(application: Application, actor: User | None, *, kind: str, duration_minutes: int,
           interviewer_ids: list[int], location: str = "", stage_id: int | None = None,
           cause: str = "manual", commit: bool = True) -> Interview:
    if not interviewer_ids:
        raise InterviewError("no_interviewers")
    if not 15 <= duration_minutes <= 480:
        raise InterviewError("duration")
    members = {u.id: u for u in team(application.company_id)}
    if any(uid not in members for uid in interviewer_ids):
        raise InterviewError("not_team")
    interview = Interview(company_id=application.company_id, application_id=application.id,
                          stage_id=stage_id if stage_id is not None else application.stage_id,
                          kind=InterviewKind(kind), duration_minutes=duration_minutes, location=location.strip()[:500],
                          status=InterviewStatus.DRAFT, uid=f"{uuid.uuid4()}@haku", sequence=0,
                          created_by_id=actor.id if actor else None, cause=cause)
    interview.interviewers = [InterviewInterviewer(user_id=uid) for uid in dict.fromkeys(interviewer_ids)]
    db.session.add(interview)
    db.session.flush()
    add_event(application, "interview_created", actor, {"interview_id": interview.id, "kind": str(kind),
                                                        "by": "automation" if cause == "automation" else None})
    if commit:
        db.session.commit()
    return interview


# ---------------------------------------------------------------- book, reschedule, cancel

def book(interview: Interview, starts_at: datetime, *, actor: User | None = None, by_candidate: bool = False,
         candidate_timezone: str | None = None, token: str | None = None) -> Interview:
    """Book (or move) the interview to ``starts_at`` (naive UTC); emails everyone with the
    calendar invitation. Raises ``InterviewError`` (``taken``, ``busy``, ``past``, …)."""
    interview_id = interview.id
    for attempt in range(3):
        try:
            return _book(interview_id, starts_at, actor_id=actor.id if actor else None, by_candidate=by_candidate,
                         candidate_timezone=candidate_timezone, token=token)
        except OperationalError:  # SQLite: another writer's snapshot won; start again
            db.session.rollback()
            if attempt == 2:
                raise InterviewError("taken") from None
    raise AssertionError("unreachable")


def _book(interview_id: int, starts_at: datetime, *, actor_id: int | None, by_candidate: bool,
          candidate_timezone: str | None, token: str | None) -> Interview:
    db.session.commit()  # no read transaction before the booking's first statement, its write
    now = utcnow()
    # The write first: on SQLite it takes the database's write lock, on PostgreSQL the row's.
    db.session.execute(update(Interview).where(Interview.id == interview_id)
                       .values(sequence=Interview.sequence))
    interview = db.session.get(Interview, interview_id, populate_existing=True)
    if interview.status == InterviewStatus.CANCELLED:
        db.session.rollback()
        raise InterviewError("closed")
    if starts_at <= now:
        db.session.rollback()
        raise InterviewError("past")
    if by_candidate and interview.starts_at is not None and interview.starts_at - now < CANDIDATE_CUTOFF:
        db.session.rollback()
        raise InterviewError("cutoff", hours=int(CANDIDATE_CUTOFF.total_seconds() // 3600))
    user_ids = sorted(i.user_id for i in interview.interviewers)
    users = list(db.session.scalars(select(User).where(User.id.in_(user_ids)).order_by(User.id).with_for_update()))
    ends_at = starts_at + interview.duration
    for user in users:
        clash = db.session.scalar(select(InterviewerBusy.id).where(
            InterviewerBusy.user_id == user.id, InterviewerBusy.interview_id != interview.id,
            InterviewerBusy.starts_at < ends_at, InterviewerBusy.ends_at > starts_at).limit(1))
        if clash is not None:
            db.session.rollback()
            raise InterviewError("taken" if by_candidate else "busy", name=user.name)
    moving = interview.starts_at is not None and interview.status == InterviewStatus.BOOKED
    db.session.execute(delete(InterviewerBusy).where(InterviewerBusy.interview_id == interview.id))
    for user in users:
        db.session.add(InterviewerBusy(interview_id=interview.id, user_id=user.id, starts_at=starts_at, ends_at=ends_at))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise InterviewError("taken") from None
    if moving:
        interview.sequence += 1
    interview.starts_at, interview.ends_at, interview.status = starts_at, ends_at, InterviewStatus.BOOKED
    if candidate_timezone:
        interview.candidate_timezone = zone_name(candidate_timezone, company_zone(interview.company_id))
    remind = starts_at - REMIND_BEFORE
    interview.remind_at, interview.reminded_at = (remind if remind > now else None), None
    if token is not None and interview.token_hash == _hash(token):  # the candidate's own link keeps working
        interview.link_expires_at = starts_at
    else:
        token = _new_token(interview, until=starts_at)
    actor = db.session.get(User, actor_id) if actor_id else None
    _send_all(interview, "interview_rescheduled" if moving else "interview_invitation", ics.REQUEST, token)
    add_event(interview.application, "interview_rescheduled" if moving else "interview_booked", actor,
              {"interview_id": interview.id, "at": starts_at.isoformat(), "by": "candidate" if by_candidate else None})
    interview_booked.send(interview, user_ids=user_ids)
    db.session.commit()
    return interview


def cancel(interview: Interview, *, actor: User | None = None, by_candidate: bool = False) -> Interview:
    if interview.status == InterviewStatus.CANCELLED:
        return interview
    now = utcnow()
    if by_candidate and interview.starts_at is not None and interview.starts_at - now < CANDIDATE_CUTOFF:
        raise InterviewError("cutoff", hours=int(CANDIDATE_CUTOFF.total_seconds() // 3600))
    was_booked = interview.status == InterviewStatus.BOOKED
    interview.status, interview.cancelled_at = InterviewStatus.CANCELLED, now
    interview.sequence += 1
    interview.remind_at = None
    db.session.execute(delete(InterviewerBusy).where(InterviewerBusy.interview_id == interview.id))
    if was_booked:
        _send_all(interview, "interview_cancelled", ics.CANCEL, None)
    add_event(interview.application, "interview_cancelled", actor,
              {"interview_id": interview.id, "by": "candidate" if by_candidate else None})
    db.session.commit()
    return interview


# ---------------------------------------------------------------- the self-scheduling link

def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token(interview: Interview, *, until: datetime) -> str:
    """A fresh link for the candidate (older links stop working): 192 random bits, only the
    hash stored."""
    token = secrets.token_urlsafe(24)
    interview.token_hash = _hash(token)
    interview.link_expires_at = until
    return token


def send_link(interview: Interview, actor: User | None = None, *, commit: bool = True) -> str:
    """Email the candidate a link to pick a time; returns the token (tests, the card's copy)."""
    application = interview.application
    if not application.candidate.email:
        raise InterviewError("no_email")
    if not interview.is_open:
        raise InterviewError("closed")
    now = utcnow()
    token = _new_token(interview, until=now + timedelta(days=LINK_DAYS))
    if interview.status == InterviewStatus.DRAFT:
        interview.status = InterviewStatus.AWAITING
    fields = merge_fields(application) | {"link": external_url("portal.interview_slots", token=token),
                                          "interview_time": "", "interview_place": place_text(interview)}
    template = template_for(application.company_id, "interview_scheduling_link", email_languages(application))
    queue_template_email(template, to=application.candidate.email, fields=fields, kind="interview_link",
                         dedupe_key=f"interview-link:{interview.id}:{interview.token_hash[:16]}",
                         company_id=application.company_id, application_id=application.id)
    add_event(application, "interview_link_sent", actor, {"interview_id": interview.id})
    if commit:
        db.session.commit()
    return token


def by_token(token: str, now: datetime | None = None) -> Interview:
    """The interview of a link, or ``LinkError`` (unknown: 404; expired or cancelled: 410)."""
    interview = db.session.scalar(select(Interview).where(Interview.token_hash == _hash(token or ""))) \
        if token and len(token) < 100 else None
    if interview is None:
        raise LinkError("unknown")
    if interview.status == InterviewStatus.CANCELLED:
        raise LinkError("cancelled")
    now = now or utcnow()
    if interview.status != InterviewStatus.BOOKED and interview.link_expires_at and interview.link_expires_at < now:
        raise LinkError("expired")
    if interview.status == InterviewStatus.BOOKED and interview.ends_at and interview.ends_at < now:
        raise LinkError("expired")
    return interview


def open_slots(interview: Interview, now: datetime | None = None) -> list[datetime]:
    """Slots the candidate can pick: every interviewer free (see ``availability.slots``)."""
    users = [i.user for i in interview.interviewers if i.user.is_enabled]
    now = now or utcnow()
    days = LINK_DAYS
    if interview.link_expires_at and interview.status != InterviewStatus.BOOKED:
        days = max(0, min(LINK_DAYS, (interview.link_expires_at - now).days + 1))
    return availability.slots(users, interview.duration, days=days, notice=MIN_NOTICE, now=now,
                              except_interview=interview.id)


def cancel_by_candidate(token: str) -> Interview:
    return cancel(by_token(token), by_candidate=True)


def can_change(interview: Interview, now: datetime | None = None) -> bool:
    """Whether the candidate may still reschedule or cancel a booked interview."""
    now = now or utcnow()
    return interview.starts_at is None or interview.starts_at - now >= CANDIDATE_CUTOFF


def book_by_candidate(token: str, starts_at: datetime, zone: str | None) -> Interview:
    """The candidate picks ``starts_at`` (must be one of the offered slots)."""
    interview = by_token(token)
    if starts_at <= utcnow():
        raise InterviewError("past")
    if starts_at not in open_slots(interview):
        raise InterviewError("taken")
    return book(interview, starts_at, by_candidate=True, candidate_timezone=zone, token=token)


# ---------------------------------------------------------------- emails

def place_text(interview: Interview) -> str:
    label = str(KIND_LABELS.get(interview.kind, interview.kind))
    return f"{label}: {interview.location}" if interview.location else label


def _organizer(company_id: int) -> tuple[str, str]:
    from email.utils import parseaddr

    company = db.session.get(Company, company_id)
    _, address = parseaddr(current_app.config["MAIL_DEFAULT_SENDER"])
    return (company.name if company else "Haku", address or "no-reply@haku.test")


def _ics_text(interview: Interview, method: str) -> str:
    application = interview.application
    candidate = application.candidate
    job_title = application.job.title if application.job else ""
    attendees = [(candidate.full_name, candidate.email)] if candidate.email else []
    attendees += [(i.user.name, i.user.email) for i in interview.interviewers]
    return ics.build(uid=interview.uid, sequence=interview.sequence, method=method, starts_at=interview.starts_at,
                     ends_at=interview.ends_at, summary=f"{job_title}: {candidate.full_name}".strip(": "),
                     description=place_text(interview), location=interview.location,
                     organizer=_organizer(interview.company_id), attendees=attendees)


def _send_all(interview: Interview, key: str, method: str, token: str | None) -> None:
    """The candidate's email (the company's template in their language and zone) and each
    interviewer's (in theirs), every one with the same calendar invitation."""
    application = interview.application
    candidate = application.candidate
    ics_text = _ics_text(interview, method)
    stamp = f"{interview.id}:{interview.sequence}:{method}"
    if candidate.email:
        template = template_for(application.company_id, key, email_languages(application))
        zone = interview.candidate_timezone or company_zone(application.company_id)
        with force_locale(template.locale):
            fields = merge_fields(application) | {
                "interview_time": when_text(interview.starts_at, zone, template.locale),
                "interview_place": place_text(interview),
                "link": external_url("portal.interview_slots", token=token) if token else ""}
        queue_template_email(template, to=candidate.email, fields=fields, kind=key,
                             dedupe_key=f"interview:{stamp}:candidate", company_id=application.company_id,
                             application_id=application.id, ics=(method, ics_text))
    job_title = application.job.title if application.job else ""
    for member in interview.interviewers:
        user = member.user
        if not user.is_enabled:
            continue
        locale = user.email_locale
        with force_locale(locale):
            when = when_text(interview.starts_at, availability.zone_of(user).key, locale)
            if method == ics.CANCEL:
                subject = _("Interview cancelled: %(candidate)s, %(job)s", candidate=candidate.full_name, job=job_title)
                body = _("The interview with %(candidate)s for %(job)s on %(time)s was cancelled.",
                         candidate=candidate.full_name, job=job_title, time=when)
            else:
                subject = _("Interview: %(candidate)s, %(job)s", candidate=candidate.full_name, job=job_title)
                body = _("You interview %(candidate)s for %(job)s.\n\nTime: %(time)s\nWhere: %(place)s",
                         candidate=candidate.full_name, job=job_title, time=when, place=place_text(interview))
            link = external_url("admin.application", application_id=application.id)
        queue_email(to=user.email, subject=subject, body=f"{body}\n\n{link}\n", kind=f"{key}:team",
                    dedupe_key=f"interview:{stamp}:user:{user.id}", company_id=application.company_id,
                    locale=locale, ics=(method, ics_text))


def send_due_reminders(now: datetime | None = None) -> int:
    """Sweep step: the candidate's reminder for each booked interview whose time has come;
    once per booking (``reminded_at`` and the outbox's dedupe key)."""
    now = now or utcnow()
    due = list(db.session.scalars(select(Interview).where(
        Interview.status == InterviewStatus.BOOKED, Interview.remind_at <= now, Interview.reminded_at.is_(None),
        Interview.starts_at > now).limit(200)))
    for interview in due:
        application = interview.application
        if application.candidate.email:
            template = template_for(application.company_id, "interview_reminder", email_languages(application))
            zone = interview.candidate_timezone or company_zone(application.company_id)
            with force_locale(template.locale):
                fields = merge_fields(application) | {
                    "interview_time": when_text(interview.starts_at, zone, template.locale),
                    "interview_place": place_text(interview)}
            queue_template_email(template, to=application.candidate.email, fields=fields, kind="interview_reminder",
                                 dedupe_key=f"interview-reminder:{interview.id}:{interview.sequence}",
                                 company_id=application.company_id, application_id=application.id)
        interview.reminded_at = now
    db.session.commit()
    return len(due)


def open_interviews_of(application_id: int) -> list[Interview]:
    return list(db.session.scalars(select(Interview).where(Interview.application_id == application_id,
                                                           Interview.status.in_(OPEN_STATES))))


# ---------------------------------------------------------------- the job's automation

#: The stage-entry read (``app.jobs.events.entry_read``, registered in ``hooks.py``): the job
#: has an active plan on the entered stage.
PLAN_ON_STAGE = "interviews.plan_on_stage"


def plan_on_stage():
    """EXISTS an active interview plan of ``Stage``'s job on that stage (correlated to ``Stage``)."""
    return select(InterviewPlan.id).where(InterviewPlan.job_id == Stage.job_id, InterviewPlan.stage_id == Stage.id,
                                          InterviewPlan.is_active.is_(True)).exists()


def plan_of(job_id: int) -> InterviewPlan | None:
    return db.session.scalar(select(InterviewPlan).where(InterviewPlan.job_id == job_id))


def save_plan(job, *, stage_id: int | None, kind: str, duration_minutes: int, interviewer_ids: list[int],
              location: str, is_active: bool) -> InterviewPlan:
    """The job's "entering <stage> sends a self-scheduling link" automation."""
    if not 15 <= duration_minutes <= 480:
        raise InterviewError("duration")
    members = {u.id for u in team(job.company_id)}
    if is_active and stage_id is not None and not interviewer_ids:
        raise InterviewError("no_interviewers")
    if any(uid not in members for uid in interviewer_ids):
        raise InterviewError("not_team")
    if stage_id is not None and stage_id not in {s.id for s in job.stages}:
        stage_id = None
    plan = plan_of(job.id)
    if plan is None:
        plan = InterviewPlan(company_id=job.company_id, job_id=job.id)
        db.session.add(plan)
    plan.stage_id, plan.kind, plan.duration_minutes = stage_id, InterviewKind(kind), duration_minutes
    plan.interviewer_ids, plan.location, plan.is_active = list(dict.fromkeys(interviewer_ids)), location[:500], is_active
    db.session.commit()
    return plan


def on_stage_entered(application, entry, depth: int = 0, answers: dict | None = None, **_) -> None:
    """The job's plan: entering its stage creates an interview and sends the candidate the
    scheduling link, in the move's transaction (no commit here). Nothing when the candidate
    already has an open interview, has no email, or no planned interviewer is still on the team."""
    if application.job_id is None or entry_answer(answers, PLAN_ON_STAGE) is False:
        return
    plan = plan_of(application.job_id)
    if plan is None or not plan.is_active or plan.stage_id != entry.stage_id or not application.candidate.email:
        return
    if open_interviews_of(application.id):
        return
    members = {u.id for u in team(application.company_id)}
    ids = [uid for uid in plan.interviewer_ids if uid in members]
    if not ids:
        return
    interview = create(application, None, kind=plan.kind, duration_minutes=plan.duration_minutes,
                       interviewer_ids=ids, location=plan.location, stage_id=entry.stage_id, cause="automation",
                       commit=False)
    send_link(interview, None, commit=False)
