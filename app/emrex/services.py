"""EMREX requests: triggers, invites and reminders, the candidate's hand-off, the return
endpoint's import, opt-out, the registry cache. Wire protocol: PROTOCOL.md; behaviour:
PARTNERS.md §1."""

from __future__ import annotations

import enum
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from flask import current_app
from sqlalchemy import select, update

from app import audit, background
from app.accounts.models import Company, User
from app.accounts.secrets import decrypt, encrypt
from app.applications import files
from app.applications import services as applications
from app.applications.models import Application
from app.clock import utcnow
from app.emrex.models import (
    COUNTED_REVIEWS,
    OPEN_STATES,
    EmrexAttachment,
    EmrexAttempt,
    EmrexContactPoint,
    EmrexCountry,
    EmrexRegistrySync,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexSummary,
    EmrexTranscript,
    Review,
)
from app.extensions import db
from app.jobs.events import stage_entered
from app.links import external_url
from app.messaging.models import EmailTemplate
from app.messaging.services import queue_template_email, template_for

log = logging.getLogger(__name__)

REMINDER_DAYS = (3, 7, 14)
EXPIRE_AFTER = timedelta(days=44)
HANDOFF_WINDOW = timedelta(minutes=15)
TOKEN_PURPOSE = "emrex-invite-token"
INVITE_KEY = "emrex_invite"
REMINDER_KEY = "emrex_reminder"


class EmrexError(ValueError):
    """A rule of EMREX was broken; the message is for the user."""


class ReviewError(EmrexError):
    """A recruiter's decision on a held transcript could not be made; ``code`` says why
    (``not_held``: it was decided already, by someone else or in another tab)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# ---------------------------------------------------------------- settings

DEFAULT_SETTINGS = {"email_template_id": None, "trigger_stage_id": None, "reminders_enabled": True}


def settings_of(owner) -> dict:
    """The EMREX settings of a job or job template (defaults: manual only, reminders on)."""
    return {**DEFAULT_SETTINGS, **((owner.integration_settings or {}).get("emrex") or {})}


def email_templates() -> list[EmailTemplate]:
    """The EMREX invite templates staff manage; recruiters pick from these."""
    return list(db.session.scalars(select(EmailTemplate).where(
        EmailTemplate.company_id.is_(None), EmailTemplate.key.like("emrex_invite%"))
        .order_by(EmailTemplate.key, EmailTemplate.locale)))


def save_settings(owner, *, email_template_id: int | None, trigger_stage_id: int | None,
                  reminders_enabled: bool) -> dict:
    from app.jobs.services import set_integration_settings

    if trigger_stage_id is not None and trigger_stage_id not in {s.id for s in owner.stages}:
        raise EmrexError("Pick a stage of this pipeline.")
    if email_template_id is not None and email_template_id not in {t.id for t in email_templates()}:
        raise EmrexError("Pick one of the EMREX email templates.")
    value = {"email_template_id": email_template_id, "trigger_stage_id": trigger_stage_id,
             "reminders_enabled": bool(reminders_enabled)}
    set_integration_settings(owner, "emrex", value)
    background.commit()
    return value


def set_company(company: Company, *, enabled: bool, gpa_scale: str) -> None:
    """Staff: switch EMREX on (after the agreement is signed) and pick the GPA scale."""
    if gpa_scale not in ("4.0", "5.0"):
        raise EmrexError("The scale is 4.0 or 5.0.")
    company.emrex_enabled, company.gpa_scale = bool(enabled), gpa_scale
    background.commit()


# ---------------------------------------------------------------- requests and invites

def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _event(request: EmrexRequest, kind: str, detail: str | None = None) -> None:
    db.session.add(EmrexRequestEvent(company_id=request.company_id, request_id=request.id, kind=kind,
                                     detail=(detail or None) and detail[:500]))


def _summary(application: Application, **values) -> None:
    row = db.session.get(EmrexSummary, application.id)
    if row is None:
        row = EmrexSummary(application_id=application.id, company_id=application.company_id, status="pending")
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
        raise EmrexError("EMREX is not enabled for this company.")
    if not application.candidate.email:
        raise EmrexError("The candidate has no email address.")
    if application.job_id is None:
        raise EmrexError("Assign the candidate to a job first.")
    settings = settings_of(application.job)
    existing = open_request(application.id)
    if existing is not None:
        existing.sends += 1
        _send_invite(existing, application, kind="resent")
        return existing
    token = secrets.token_urlsafe(24)  # 192 bits from the OS CSPRNG
    now = utcnow()
    request = EmrexRequest(company_id=application.company_id, application_id=application.id, status="sent",
                           token_hash=_hash(token), token_encrypted=encrypt(token, purpose=TOKEN_PURPOSE),
                           email_template_id=settings["email_template_id"],
                           reminders_enabled=settings["reminders_enabled"], created_by_id=actor.id if actor else None,
                           cause=cause, sent_at=now, expires_at=now + EXPIRE_AFTER, sends=1,
                           next_reminder_at=now + timedelta(days=REMINDER_DAYS[0]) if settings["reminders_enabled"]
                           else None)
    db.session.add(request)
    db.session.flush()
    _send_invite(request, application, kind="sent")
    _summary(application, status="sent")
    applications.add_event(application, "emrex_requested", actor=actor, data={"cause": cause})
    return request


def _template(request: EmrexRequest, key: str, locale: str) -> EmailTemplate:
    if key == INVITE_KEY and request.email_template_id:
        chosen = db.session.get(EmailTemplate, request.email_template_id)
        if chosen is not None:
            return chosen
    return template_for(None, key, locale)


def _send_invite(request: EmrexRequest, application: Application, *, kind: str) -> None:
    candidate = application.candidate
    fields = {**applications.merge_fields(application), "link": invite_link(request)}
    key = REMINDER_KEY if kind == "reminded" else INVITE_KEY
    step = f"reminder-{request.reminders_sent}" if kind == "reminded" else f"send-{request.sends}"
    queue_template_email(_template(request, key, candidate.locale), to=candidate.email, fields=fields,
                         kind=f"emrex_{kind}", dedupe_key=f"emrex:{request.id}:{step}",
                         company_id=request.company_id, application_id=application.id)
    _event(request, kind)


def request_manually(application: Application, actor: User) -> EmrexRequest:
    request = request_records(application, cause="manual", actor=actor)
    background.commit()
    return request


@stage_entered.connect
def _on_stage_entered(application, entry, depth: int = 0, **_) -> None:
    """The job's trigger stage sends the request (the first stage: on apply)."""
    if application.job_id is None:
        return
    company = db.session.get(Company, application.company_id)
    if not company.emrex_enabled or not application.candidate.email:
        return
    if settings_of(application.job)["trigger_stage_id"] != entry.stage_id:
        return
    request_records(application, cause=entry.cause)


# ---------------------------------------------------------------- the candidate's side

def find_link(token: str) -> EmrexRequest | None:
    """The request of an invite token, whatever its state (the link keeps answering after
    the request ends, with a page saying how it ended); unknown tokens are None."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(select(EmrexRequest).where(EmrexRequest.token_hash == _hash(token)))


def find_by_token(token: str) -> EmrexRequest | None:
    """The open request of an invite token; unknown, foreign or terminal tokens are None."""
    request = find_link(token)
    return request if request is not None and request.is_open else None


class LinkState(enum.StrEnum):
    """What an invite link leads to: the picker, or a page saying how the request ended."""

    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


def link_state(request: EmrexRequest) -> LinkState:
    """An open request past its ``expires_at`` is expired already, before the sweeper gets
    to it; a cancelled one keeps saying "you chose not to share" after that date (the
    change of mind is what it can no longer offer)."""
    if request.status == "completed":
        return LinkState.COMPLETED
    if request.status == "cancelled":
        return LinkState.CANCELLED
    if request.status == "expired" or (request.expires_at is not None and request.expires_at <= utcnow()):
        return LinkState.EXPIRED
    return LinkState.OPEN


def newer_request(request: EmrexRequest) -> EmrexRequest | None:
    """A later request for the same application (the recruiter asked again after an
    opt-out): the old link then points the candidate to the newer email."""
    return db.session.scalar(select(EmrexRequest).where(
        EmrexRequest.application_id == request.application_id, EmrexRequest.id > request.id)
        .order_by(EmrexRequest.id.desc()).limit(1))


def can_reopen(request: EmrexRequest) -> bool:
    """An opt-out can be taken back while the request's 44 days last and no newer request
    was sent."""
    return (request.status == "cancelled" and request.expires_at is not None and request.expires_at > utcnow()
            and newer_request(request) is None)


def reopen(request: EmrexRequest) -> None:
    """The candidate changed their mind after opting out: the request is open again
    (``opened``), as if they had just opened the link. Reminders stay off; the recruiter
    sees it on the card. Only called after the person said the request is for them."""
    if request.status != "cancelled":
        if request.is_open:
            return  # a second click, or another tab: already open
        raise EmrexError("This request is closed.")
    if not can_reopen(request):
        raise EmrexError("This request can no longer be reopened.")
    request.status, request.finished_at, request.next_reminder_at = "opened", None, None
    request.opened_at = request.opened_at or utcnow()
    _event(request, "reopened")
    _summary(request.application, status="opened")
    applications.add_event(request.application, "emrex_reopened")
    background.commit()


def mark_opened(request: EmrexRequest) -> None:
    if request.opened_at is None:
        request.opened_at = utcnow()
        _event(request, "opened")
    if request.status == "sent":
        request.status = "opened"
        _summary(request.application, status="opened")
    background.commit()


def applicant_label(request: EmrexRequest) -> str:
    """Whom the request is for, masked for whoever holds the link (a forwarded invite must
    not show the applicant's name). A name kept whole (TopCV, family name first) is masked
    in its own order; other Vietnamese names are shown family name first."""
    from app.emrex.identity import mask_name

    candidate = request.application.candidate
    if candidate.display_name:
        return mask_name(*candidate.display_name.split())
    if candidate.locale == "vi":
        return mask_name(candidate.family_name, candidate.given_names)
    return mask_name(candidate.given_names, candidate.family_name)


def confirm_identity(request: EmrexRequest) -> None:
    """The person with the link said the request is for them: kept in the request's
    history (if the records then do not match, the recruiter sees that it was confirmed)."""
    if not request.is_open:
        raise EmrexError("This request is closed.")
    _event(request, "confirmed")
    background.commit()


def countries() -> list[EmrexCountry]:
    used = {code for (code,) in db.session.execute(
        select(EmrexContactPoint.country_code).where(EmrexContactPoint.is_active.is_(True)).distinct())}
    rows = db.session.scalars(select(EmrexCountry).where(EmrexCountry.code.in_(used))).all()
    return sorted(rows, key=lambda c: c.name)


@dataclass
class Choice:
    """One line of the university picker: a contact point and the name shown for it."""

    contact_point_id: int
    label: str


def choices_for(country_code: str) -> list[Choice]:
    """The universities of a country. With ``singleFetch`` one contact point serves one
    institution: show the first institution of each (PROTOCOL §2a)."""
    country = db.session.get(EmrexCountry, country_code)
    points = db.session.scalars(select(EmrexContactPoint).where(
        EmrexContactPoint.country_code == country_code, EmrexContactPoint.is_active.is_(True))).all()
    out = []
    for point in points:
        names = point.institutions or [point.display_name]
        if country is not None and country.single_fetch:
            names = names[:1]
        label = point.name or ", ".join(n for n in names if n and n.lower() != "all") or point.acronym or point.url
        out.append(Choice(point.id, label))
    return sorted(out, key=lambda c: c.label.lower())


def start_attempt(request: EmrexRequest, contact_point_id: int, birth_date: date | None) -> EmrexAttempt:
    """The hand-off: a fresh single-use ``sessionId`` bound to this contact point and its
    registry certificates. The target URL comes from the stored registry only."""
    if not request.is_open:
        raise EmrexError("This request is closed.")
    point = db.session.get(EmrexContactPoint, contact_point_id)
    if point is None or not point.is_active:
        raise EmrexError("Pick a university from the list.")
    if not point.url.startswith("https://") and not current_app.config["EMREX_ALLOW_HTTP_RETURN"]:
        raise EmrexError("This university's contact point is not reachable securely.")
    if birth_date is not None:
        request.stated_birth_date = birth_date
    attempt = EmrexAttempt(company_id=request.company_id, request_id=request.id, contact_point_id=point.id,
                           emp_url=point.url, emp_name=point.display_name, certificates=list(point.certificates),
                           session_id=secrets.token_hex(16))
    db.session.add(attempt)
    request.status = "in_progress"
    _event(request, "handed_off", point.display_name)
    _summary(request.application, status="in_progress")
    background.commit()
    return attempt


def return_url(session_id: str | None = None) -> str:
    """Where the contact point posts the browser back. With the attempt's ``sessionId`` in
    the query (``/emrex/return?s=…``) a return refused before its body is read (too large,
    wrong content type) still names its attempt; a hex id passes XSS filters untouched."""
    if session_id is None:
        return external_url("portal.emrex_return")
    return external_url("portal.emrex_return", s=session_id)


# ---------------------------------------------------------------- the return

@dataclass
class ReturnOutcome:
    """What the candidate's result page shows."""

    kind: str  # imported | cancelled | no_results | error | rejected | late | refused | unknown
    message: str = ""
    request: EmrexRequest | None = None
    transcript: EmrexTranscript | None = None
    reason: str = ""  # why a rejected return was rejected, when the candidate can act on it (cert_expired)


OK_CODES = {"EMP_OK", "NCP_OK"}
CANCEL_CODES = {"EMP_CANCEL", "NCP_CANCEL"}
NO_RESULT_CODES = {"EMP_NO_RESULTS", "NCP_NO_RESULTS"}


def _claim(session_id: str | None) -> EmrexAttempt | None:
    """One UPDATE marks the open attempt used: a replay or a parallel duplicate finds
    nothing to claim."""
    session_id = (session_id or "").strip()
    if not session_id or len(session_id) > 32:
        return None
    claimed = db.session.execute(
        update(EmrexAttempt).where(EmrexAttempt.session_id == session_id, EmrexAttempt.used_at.is_(None),
                                   EmrexAttempt.outcome == "open").values(used_at=utcnow())).rowcount
    db.session.commit()
    if not claimed:
        return None
    return db.session.scalar(select(EmrexAttempt).where(EmrexAttempt.session_id == session_id))


REFUSALS = {"too_large": "The return was too large to accept.",
            "content_type": "The return had the wrong content type.",
            "session_mismatch": "The sessionId in the return does not match its return address."}


def refuse_return(url_session_id: str | None, reason: str) -> ReturnOutcome:
    """A return refused before its body was read (``too_large``, ``content_type``) or whose
    body names another attempt than its address (``session_mismatch``): the attempt named
    in the return address is closed at once as ``rejected`` (the request goes back to
    sent/opened, as for any return that imports nothing), not left for the sweeper."""
    attempt = _claim(url_session_id)
    if attempt is None:
        return ReturnOutcome("refused", reason)
    outcome = _close(attempt, "rejected", REFUSALS[reason])
    return ReturnOutcome("refused", reason, outcome.request)


def handle_return(session_id: str | None, return_code: str | None, return_message: str | None,
                  elmo: str | None, *, url_session_id: str | None = None) -> ReturnOutcome:
    """PROTOCOL §4–§6. ``url_session_id`` is the ``s`` of the return address, when the
    attempt was started with one: it must name the same attempt as the body."""
    if url_session_id is not None and url_session_id.strip() != (session_id or "").strip():
        return refuse_return(url_session_id, "session_mismatch")
    now = utcnow()
    attempt = _claim(session_id)
    if attempt is None:
        return ReturnOutcome("unknown")
    request = attempt.request
    code = (return_code or "").strip().upper()
    attempt.return_code = code[:40] or None
    attempt.return_message = (return_message or "")[:500] or None
    if now - attempt.created_at > HANDOFF_WINDOW:
        return _close(attempt, "late", "The return came after the 15-minute window.")
    if not request.is_open:
        return _close(attempt, "rejected", "The request was closed meanwhile.", reopen=False)
    if code in CANCEL_CODES:
        return _close(attempt, "cancelled", "")
    if code in NO_RESULT_CODES:
        return _close(attempt, "no_results", "")
    if code not in OK_CODES:
        return _close(attempt, "error", attempt.return_message or "The university reported an error.")
    return _import(attempt, elmo or "")


def _close(attempt: EmrexAttempt, outcome: str, detail: str, *, reopen: bool = True) -> ReturnOutcome:
    """Every return that imports nothing closes the attempt; the request goes back to
    ``sent`` so the link still works and reminders continue."""
    request = attempt.request
    attempt.outcome, attempt.detail = outcome, (detail or None) and detail[:500]
    if reopen and request.is_open:
        request.status = "opened" if request.opened_at else "sent"
        _summary(request.application, status=request.status)
    _event(request, {"cancelled": "emp_cancelled", "no_results": "no_results"}.get(outcome, "error"),
           detail or outcome)
    applications.add_event(request.application, "emrex_attempt_closed", data={"outcome": outcome,
                                                                            "detail": detail or ""})
    background.commit()
    return ReturnOutcome(outcome, detail, request)


def _import(attempt: EmrexAttempt, elmo_field: str) -> ReturnOutcome:
    from app.emrex import elmo, grades, identity

    request = attempt.request
    application = request.application
    try:
        xml_bytes = elmo.decode_elmo_field(elmo_field)
        root = elmo.parse_xml(xml_bytes)
        signature = elmo.verify_signature(root, attempt.certificates)
        transcript = elmo.parse_transcript(root)  # the same tree whose signature was verified
    except elmo.ElmoError as exc:
        log.info("EMREX return rejected: %s", getattr(exc, "reason", type(exc).__name__))
        return _close(attempt, "rejected", str(exc))
    if signature.sha1:
        log.info("EMREX transcript signed with SHA-1 (accepted, noted on the card): attempt %s, %s", attempt.id,
                 attempt.emp_name)
    if signature.cert_expired:
        log.warning("EMREX registry certificate expired: attempt %s, %s (policy %s)", attempt.id, attempt.emp_name,
                    current_app.config["EMREX_EXPIRED_CERTIFICATES"])
        if current_app.config["EMREX_EXPIRED_CERTIFICATES"] == "reject":
            outcome = _close(attempt, "rejected", "The university's signing certificate has expired.")
            outcome.reason = "cert_expired"
            return outcome
    schema_valid = elmo.validate_schema(root)
    candidate = application.candidate
    learner = transcript.learner
    check = identity.check_learner(learner.given_names, learner.family_name, learner.bday,
                                   app_given=candidate.given_names, app_family=candidate.family_name,
                                   stated_bday=request.stated_birth_date)
    company = db.session.get(Company, request.company_id)
    summary = grades.transcript_gpa(transcript.reports, company.gpa_scale)
    degrees = transcript.degrees()
    raw = files.store(request.company_id, f"elmo-{attempt.session_id}.xml", xml_bytes, "application/xml")
    learner_row = {"given_names": learner.given_names, "family_name": learner.family_name,
                   "bday": learner.bday.isoformat() if learner.bday else None}
    if learner.bday_unreadable:
        learner_row["bday_unreadable"] = learner.bday_unreadable[:40]
    row = EmrexTranscript(
        company_id=request.company_id, request_id=request.id, attempt_id=attempt.id, application_id=application.id,
        raw_file=raw, signature_verified=True, signature_algorithm=signature.algorithm,
        cert_expired=signature.cert_expired, schema_valid=schema_valid, legacy=transcript.legacy,
        identity_status=check.status, identity_detail=_jsonable(check.details), learner=learner_row,
        reports=[_report_dict(report) for report in transcript.reports],
        institution=(transcript.reports[0].issuer_name if transcript.reports else None),
        degree=(degrees[0].title if degrees else None), total_ects=elmo.total_ects(transcript),
        gpa=summary.value, gpa_scale=company.gpa_scale, gpa_detail=_gpa_dict(summary),
        checks={"issuer": _issuer_check(attempt, transcript), "sha1": signature.sha1})
    row.review_status = Review.HELD if check.status == "mismatch" else Review.CLEAR
    db.session.add(row)
    db.session.flush()
    for report in transcript.reports:
        for attachment in report.attachments:
            _store_attachment(row, attachment)
    for attachment in getattr(transcript, "attachments", []) or []:
        _store_attachment(row, attachment)
    attempt.outcome = "imported"
    request.status, request.finished_at, request.next_reminder_at = "completed", utcnow(), None
    request.stated_birth_date = None  # used for the identity check; not kept
    _event(request, "submitted", row.institution)
    if row.needs_review:
        # Someone else's records (a forwarded link) must not count for this candidate
        # until a recruiter has looked: nothing of them reaches the summary or the timeline.
        _summary(application, status="held", needs_review=True)
        applications.add_event(application, "emrex_held", data={"identity": check.status,
                                                                **_jsonable(check.details)})
        applications.notify_team(application, "emrex_submitted",
                                 f"Study records for {application.candidate.full_name} need review")
    else:
        _summary(application, status="completed", institution=row.institution, degree=row.degree,
                 credits_total=row.total_ects, gpa=row.gpa, needs_review=_other_held(application, row))
        applications.add_event(application, "emrex_imported", data={
            "institution": row.institution or "", "identity": check.status, "gpa": str(row.gpa or "")})
        applications.notify_team(application, "emrex_submitted",
                                 f"{application.candidate.full_name} transferred study records")
    background.commit()
    return ReturnOutcome("imported", "", request, row)


def _issuer_check(attempt: EmrexAttempt, transcript) -> dict | None:
    """The institution named in the document against the one the candidate picked (the
    contact point's institutions): None when there is nothing to compare."""
    from app.emrex.identity import issuer_agrees

    point = db.session.get(EmrexContactPoint, attempt.contact_point_id) if attempt.contact_point_id else None
    picked = list(point.institutions or []) + [point.name] if point is not None else []
    issuers = [r for r in transcript.reports if r.issuer_names or r.issuer_schac]
    if not issuers:
        return None
    verdicts = [issuer_agrees(picked, r.issuer_names, r.issuer_schac) for r in issuers]
    if all(v is None for v in verdicts):
        return None
    differing = [r for r, v in zip(issuers, verdicts, strict=True) if v is False]
    return {"picked": (attempt.emp_name or "")[:300], "agrees": not differing,
            "document": ((differing or issuers)[0].issuer_name or "")[:300]}


def _store_attachment(row: EmrexTranscript, attachment) -> None:
    data = getattr(attachment, "data", None)
    file = None
    if data and files.looks_like_pdf(data):
        file = files.store(row.company_id, (attachment.title or "attachment")[:150] + ".pdf", data)
    db.session.add(EmrexAttachment(company_id=row.company_id, transcript_id=row.id, file=file,
                                   title=(attachment.title or "")[:300], kind=(attachment.type or "")[:60]))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, Decimal)):
        return str(value)
    return value


def _opportunity_dict(opp) -> dict:
    return {
        "title": opp.title, "code": opp.code, "type": opp.type,
        "credits": [{"scheme": c[0], "value": str(c[1]) if c[1] is not None else None, "level": c[2]}
                    for c in (opp.credits or [])],
        "grade": opp.result_label, "status": opp.status, "date": str(opp.date) if opp.date else None,
        "term": opp.academic_term, "language": opp.language,
        "outcome": opp.outcome, "derived": opp.derived, "scheme": opp.grading_scheme,
        "unreadable": list(opp.unreadable), "gpa": opp.gpa_role,
        "children": [_opportunity_dict(child) for child in opp.children],
    }


def _report_dict(report) -> dict:
    return {"issuer": report.issuer_name, "country": report.issuer_country, "schac": report.issuer_schac,
            "issue_date": str(report.issue_date) if report.issue_date else None,
            "opportunities": [_opportunity_dict(o) for o in report.opportunities]}


def _gpa_dict(summary) -> dict:
    return _jsonable({k: getattr(summary, k) for k in (
        "value", "credits_counted", "graded_count", "failed_count", "pass_fail_count", "not_convertible_count",
        "no_credits_count", "components_skipped", "level", "levels")})


# ---------------------------------------------------------------- review of held transcripts

def _other_held(application: Application, row: EmrexTranscript) -> bool:
    return db.session.scalar(select(EmrexTranscript.id).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.id != row.id,
        EmrexTranscript.review_status == Review.HELD).limit(1)) is not None


def _newest_counted(application: Application) -> EmrexTranscript | None:
    return db.session.scalar(select(EmrexTranscript).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.review_status.in_(COUNTED_REVIEWS))
        .order_by(EmrexTranscript.id.desc()).limit(1))


def _counted_values(application: Application) -> dict:
    """The list columns' values: those of the newest transcript that counts (none: empty)."""
    newest = _newest_counted(application)
    return {"institution": newest.institution if newest else None, "degree": newest.degree if newest else None,
            "credits_total": newest.total_ects if newest else None, "gpa": newest.gpa if newest else None}


def _claim_held(transcript_id: int, company_id: int, decision: Review, actor: User) -> EmrexTranscript:
    """One UPDATE … WHERE review_status = 'held': of two recruiters deciding at once (or
    one double click), exactly one decides; the other gets ``not_held``."""
    claimed = db.session.execute(update(EmrexTranscript).where(
        EmrexTranscript.id == transcript_id, EmrexTranscript.company_id == company_id,
        EmrexTranscript.review_status == Review.HELD).values(
        review_status=decision.value, reviewed_by_id=actor.id, reviewed_at=utcnow())).rowcount
    if not claimed:
        db.session.rollback()
        raise ReviewError("not_held")
    row = db.session.scalar(select(EmrexTranscript).where(EmrexTranscript.id == transcript_id)
                            .execution_options(populate_existing=True))
    return row


def _record_review(row: EmrexTranscript, action: str, actor: User) -> None:
    audit.record(company_id=row.company_id, actor=audit.actor_of(actor), object=f"emrex_transcript:{row.id}",
                 action=action, before={"review": Review.HELD.value, "identity": row.identity_status,
                                        "identity_detail": row.identity_detail},
                 after={"review": row.review_status})


def accept_transcript(transcript_id: int, company_id: int, actor: User) -> EmrexTranscript:
    """A recruiter checked a held transcript and says it is the candidate's: from now on it
    counts (export, list columns, GPA). Audited."""
    row = _claim_held(transcript_id, company_id, Review.ACCEPTED, actor)
    application = db.session.get(Application, row.application_id)
    summary = db.session.get(EmrexSummary, application.id)
    values = {"needs_review": _other_held(application, row), **_counted_values(application)}
    if summary is None or summary.status == "held":
        values["status"] = "completed"
    _summary(application, **values)
    applications.add_event(application, "emrex_accepted", actor=actor, data={
        "institution": row.institution or "", "gpa": str(row.gpa or "")})
    _record_review(row, "emrex.transcript_accepted", actor)
    background.commit()
    return row


def discard_transcript(transcript_id: int, company_id: int, actor: User) -> EmrexTranscript:
    """A recruiter says a held transcript is not the candidate's: its content (the other
    person's name, birth date, courses, grades, the signed document and attachments) is
    deleted; a marker with who decided and why stays on the card. Audited."""
    row = _claim_held(transcript_id, company_id, Review.DISCARDED, actor)
    application = db.session.get(Application, row.application_id)
    stored = [row.raw_file] + [a.file for a in row.attachments]
    for attachment in list(row.attachments):
        db.session.delete(attachment)
    row.raw_file = None
    row.learner = row.reports = row.gpa_detail = row.checks = None
    row.institution = row.degree = row.total_ects = row.gpa = None
    _record_review(row, "emrex.transcript_discarded", actor)
    db.session.flush()
    files_gone = [f for f in stored if f is not None]
    for stored_file in files_gone:
        db.session.delete(stored_file)
    summary = db.session.get(EmrexSummary, application.id)
    values = {"needs_review": _other_held(application, row), **_counted_values(application)}
    if summary is not None and summary.status == "held":
        values["status"] = "completed" if _newest_counted(application) is not None else "discarded"
    _summary(application, **values)
    applications.add_event(application, "emrex_discarded", actor=actor)
    paths = [files.path_of(f) for f in files_gone]
    background.commit()
    for path in paths:  # after the commit: a failed commit keeps rows and files together
        path.unlink(missing_ok=True)
    return row


# ---------------------------------------------------------------- opt-out

def opt_out(request: EmrexRequest) -> None:
    """Idempotent: the request is cancelled and no more reminders go. The token stays: the
    link then says the candidate chose not to share, and lets them change their mind
    (``reopen``) while the request's 44 days last."""
    if request.status == "cancelled":
        return
    if not request.is_open:
        raise EmrexError("This request is already closed.")
    request.status, request.finished_at, request.next_reminder_at = "cancelled", utcnow(), None
    request.stated_birth_date = None
    _event(request, "opted_out")
    _summary(request.application, status="cancelled")
    applications.add_event(request.application, "emrex_opted_out")
    background.commit()


# ---------------------------------------------------------------- the sweeper's work

def send_due_reminders(limit: int = 500) -> int:
    """Days 3, 7 and 14 after the request, while it is open and reminders are on."""
    now = utcnow()
    ids = db.session.scalars(select(EmrexRequest.id).where(
        EmrexRequest.status.in_(OPEN_STATES), EmrexRequest.reminders_enabled.is_(True),
        EmrexRequest.next_reminder_at.is_not(None), EmrexRequest.next_reminder_at <= now).limit(limit)).all()
    sent = 0
    for request_id in ids:
        request = db.session.get(EmrexRequest, request_id, with_for_update=True)
        if request is None or not request.is_open or request.next_reminder_at is None or request.next_reminder_at > now:
            continue
        request.reminders_sent += 1
        _send_invite(request, request.application, kind="reminded")
        later = [d for d in REMINDER_DAYS if request.sent_at + timedelta(days=d) > now]
        request.next_reminder_at = request.sent_at + timedelta(days=later[0]) if later else None
        background.commit()
        sent += 1
    return sent


def close_stale_attempts() -> int:
    """An attempt with no return after 15 minutes is closed; the request goes back to sent."""
    cutoff = utcnow() - HANDOFF_WINDOW
    ids = db.session.scalars(select(EmrexAttempt.id).where(EmrexAttempt.outcome == "open",
                                                           EmrexAttempt.created_at < cutoff)).all()
    for attempt_id in ids:
        claimed = db.session.execute(update(EmrexAttempt).where(
            EmrexAttempt.id == attempt_id, EmrexAttempt.outcome == "open", EmrexAttempt.used_at.is_(None))
            .values(used_at=utcnow())).rowcount
        if claimed:
            _close(db.session.get(EmrexAttempt, attempt_id), "abandoned", "No return within 15 minutes.")
        else:
            db.session.rollback()
    return len(ids)


def expire_requests() -> int:
    now = utcnow()
    rows = db.session.scalars(select(EmrexRequest).where(EmrexRequest.status.in_(OPEN_STATES),
                                                         EmrexRequest.expires_at <= now)).all()
    for request in rows:
        request.status, request.finished_at, request.next_reminder_at = "expired", now, None
        # The hash stays so the link can say "this request expired"; the encrypted token,
        # kept only to resend the link, goes (an expired request is never sent again).
        request.token_encrypted = request.stated_birth_date = None
        _event(request, "expired")
        _summary(request.application, status="expired")
    background.commit()
    return len(rows)


# ---------------------------------------------------------------- registry

def refresh_registry() -> EmrexRegistrySync:
    """Fetch every configured source and replace the cached registry (a failed refresh
    keeps the previous cache)."""
    from app.integrations import emrex_registry

    sources = [s.strip() for s in (current_app.config["EMREX_REGISTRY_URLS"] or "").split(",") if s.strip()]
    sync = EmrexRegistrySync()
    db.session.add(sync)
    registry = emrex_registry.load(sources)
    sync.finished_at = utcnow()
    sync.detail = "; ".join(registry.problems)[:4000]
    if not registry.contact_points:
        sync.ok = False
        sync.detail = (sync.detail or "no contact points found") if sources else "EMREX_REGISTRY_URLS is empty"
        db.session.commit()
        return sync
    for code, country in registry.countries.items():
        row = db.session.get(EmrexCountry, code) or EmrexCountry(code=code)
        row.name, row.single_fetch = country.name, country.single_fetch
        db.session.add(row)
    existing = {p.url: p for p in db.session.scalars(select(EmrexContactPoint))}
    for url, point in registry.contact_points.items():
        row = existing.pop(url, None) or EmrexContactPoint(url=url)
        row.acronym, row.name, row.country_code = point.acronym, point.name, point.country_code
        row.institutions, row.certificates, row.source, row.is_active = (
            point.institutions, point.certificates, point.source, bool(point.certificates))
        db.session.add(row)
    for gone in existing.values():
        gone.is_active = False
    sync.ok, sync.contact_points = True, len(registry.contact_points)
    db.session.commit()
    return sync


def registry_due() -> bool:
    last = db.session.scalar(select(EmrexRegistrySync).where(EmrexRegistrySync.ok.is_(True))
                             .order_by(EmrexRegistrySync.id.desc()).limit(1))
    return last is None or last.finished_at is None or last.finished_at < utcnow() - timedelta(days=1)
