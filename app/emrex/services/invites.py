"""EMREX requests and invites: a request is opened by the trigger stage or by hand, and the
invite (and each reminder) is sent by email."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select

from app.accounts.models import Company, User
from app.applications import services as applications
from app.applications.models import Application
from app.clock import utcnow
from app.emrex.models import (
    OPEN_STATES,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexRequestStatus,
    EmrexSummary,
    EmrexSummaryStatus,
)
from app.emrex.services.common import EXPIRE_AFTER, INVITE_KEY, REMINDER_DAYS, REMINDER_KEY, TOKEN_PURPOSE, EmrexError
from app.emrex.services.settings import settings_of
from app.extensions import db
from app.i18n import language_name
from app.links import external_url
from app.messaging.models import EmailTemplate
from app.messaging.services import queue_template_email, template_for, template_in_language
from app.secrets import decrypt, encrypt

# ---------------------------------------------------------------- requests and invites

def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _event(request: EmrexRequest, kind: str, detail: str | None = None, *, reason: str | None = None) -> None:
    """One line of the request's history; ``reason`` is a code of ``app.emrex.reasons``."""
    db.session.add(EmrexRequestEvent(company_id=request.company_id, request_id=request.id, kind=kind,
                                     detail=(detail or None) and detail[:500], reason=reason))


def _summary(application: Application, **values) -> None:
    loaded = "emrex_summary" in application.__dict__  # came with the application (the return's one statement)
    row = application.__dict__["emrex_summary"] if loaded else db.session.get(EmrexSummary, application.id)
    if row is None:
        row = EmrexSummary(application_id=application.id, company_id=application.company_id,
                           status=EmrexSummaryStatus.PENDING)
        if loaded:  # keep the loaded side true for a second call in this session
            application.emrex_summary = row
        db.session.add(row)
    for key, value in values.items():
        setattr(row, key, value)


def invite_link(request: EmrexRequest) -> str:
    token = decrypt(request.token_encrypted, purpose=TOKEN_PURPOSE)
    return external_url("portal.emrex_token", token=token)


def open_request(application_id: int) -> EmrexRequest | None:
    return db.session.scalar(select(EmrexRequest).where(
        EmrexRequest.application_id == application_id, EmrexRequest.status.in_(OPEN_STATES))
        .order_by(EmrexRequest.id.desc()).limit(1))


def request_records(application: Application, *, cause: str, actor: User | None = None) -> EmrexRequest:
    """Ask the candidate for study records; while a request is open, resend its link.
    Writes rows and the outbox email in the caller's transaction (the caller commits)."""
    company = db.session.get(Company, application.company_id)
    if not company.emrex_enabled:
        raise EmrexError("not_enabled")
    if not application.candidate.email:
        raise EmrexError("no_email")
    if application.job_id is None:
        raise EmrexError("no_job")
    settings = settings_of(application.job)
    existing = open_request(application.id)
    if existing is not None:
        existing.sends += 1
        _send_invite(existing, application, kind="resent")
        return existing
    token = secrets.token_urlsafe(24)  # 192 bits from the OS CSPRNG
    now = utcnow()
    request = EmrexRequest(company_id=application.company_id, application_id=application.id,
                           status=EmrexRequestStatus.SENT,
                           token_hash=_hash(token), token_encrypted=encrypt(token, purpose=TOKEN_PURPOSE),
                           email_template_id=settings["email_template_id"],
                           reminders_enabled=settings["reminders_enabled"], created_by_id=actor.id if actor else None,
                           cause=cause, sent_at=now, expires_at=now + EXPIRE_AFTER, sends=1,
                           next_reminder_at=now + timedelta(days=REMINDER_DAYS[0]) if settings["reminders_enabled"]
                           else None)
    db.session.add(request)
    db.session.flush()
    _send_invite(request, application, kind="sent")
    _summary(application, status=EmrexSummaryStatus.SENT)
    applications.add_event(application, "emrex_requested", actor=actor, data={"cause": cause})
    return request


def _template(request: EmrexRequest, key: str, languages: list[str]) -> EmailTemplate:
    """The invite the company chose (in the candidate's language when it exists in it), else
    the default; reminders always the default, in the candidate's language."""
    if key == INVITE_KEY and request.email_template_id:
        chosen = db.session.get(EmailTemplate, request.email_template_id)
        if chosen is not None:
            return template_in_language(chosen, languages)
    return template_for(None, key, languages)


def _send_invite(request: EmrexRequest, application: Application, *, kind: str) -> None:
    candidate = application.candidate
    fields = {**applications.merge_fields(application), "link": invite_link(request)}
    key = REMINDER_KEY if kind == "reminded" else INVITE_KEY
    step = f"reminder-{request.reminders_sent}" if kind == "reminded" else f"send-{request.sends}"
    template = _template(request, key, applications.email_languages(application))
    queue_template_email(template, to=candidate.email, fields=fields,
                         kind=f"emrex_{kind}", dedupe_key=f"emrex:{request.id}:{step}",
                         company_id=request.company_id, application_id=application.id)
    _event(request, kind, language_name(template.locale))


def request_manually(application: Application, actor: User) -> EmrexRequest:
    request = request_records(application, cause="manual", actor=actor)
    db.session.commit()
    return request


def on_stage_entered(application, entry, depth: int = 0, **_) -> None:
    """The job's trigger stage sends the request (the first stage: on apply)."""
    if application.job_id is None:
        return
    company = db.session.get(Company, application.company_id)
    if not company.emrex_enabled or not application.candidate.email:
        return
    if settings_of(application.job)["trigger_stage_id"] != entry.stage_id:
        return
    request_records(application, cause=entry.cause)
