"""TopCV: the connection (keys, webhook URL), postings (post, update, close, link,
reconcile) and the inbound events (moderation notices, applicants).

Views call one function each; outbound calls run as logged partner deliveries in tasks;
inbound events arrive through ``partners.services.receive`` and are processed here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
from datetime import UTC, date, timedelta

from flask import current_app
from sqlalchemy import select

from app import audit, background
from app.accounts.models import Company, User
from app.applications import files
from app.applications import services as applications
from app.applications.matching import exact_matches, normalise_title
from app.applications.models import Application
from app.boards.models import OPEN_POSTING_STATUSES, Posting
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult, allowed_hosts
from app.integrations.topcv import TopCVClient
from app.jobs.models import Job, JobStatus
from app.links import external_url, path_for
from app.partners import services as partners
from app.partners.models import IntegrationStatus, PartnerDelivery, PartnerIntegration

VENDOR, PRODUCT = "topcv", "job_board"
RECONCILE_EVERY = timedelta(hours=6)
# The candidate accepted TopCV's terms, which pass the application to the employer.
TOPCV_CONSENT = "topcv-terms"
LEVELS = [("intern", "Intern"), ("fresher", "Fresher"), ("junior", "Junior"), ("middle", "Middle"),
          ("senior", "Senior"), ("lead", "Team lead"), ("manager", "Manager"), ("director", "Director")]
CURRENCIES = ["VND", "USD", "EUR"]

log = logging.getLogger(__name__)


class BoardError(ValueError):
    """A rule was broken or TopCV said no; the message is for the recruiter."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# ---------------------------------------------------------------- the connection

def boards_enabled(company_id: int) -> bool:
    company = db.session.get(Company, company_id)
    return bool(company and company.job_boards_enabled)


def connection(company_id: int, create: bool = False) -> PartnerIntegration | None:
    row = db.session.scalar(select(PartnerIntegration).where(
        PartnerIntegration.company_id == company_id, PartnerIntegration.vendor == VENDOR,
        PartnerIntegration.product == PRODUCT))
    if row is None and create:
        row = PartnerIntegration(company_id=company_id, vendor=VENDOR, product=PRODUCT,
                                 status=IntegrationStatus.NOT_CONFIGURED)
        db.session.add(row)
        db.session.flush()
    return row


def accepts_events(integration: PartnerIntegration) -> bool:
    """Known but switched off, disconnected or without keys → 410."""
    company = integration.company
    enabled = company.job_boards_enabled if company is not None else boards_enabled(integration.company_id)
    return (integration.is_active and bool(enabled)
            and integration.status in (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR)
            and bool(integration.signing_secret_enc))


def secret_as_whsec(secret: str) -> str:
    """TopCV signs with the Secret Key as pasted: its UTF-8 bytes are the HMAC key."""
    return "whsec_" + base64.b64encode(secret.encode("utf-8")).decode()


partners.register_gate(VENDOR, accepts_events, secret_as_whsec)


def webhook_url(integration: PartnerIntegration) -> str:
    return external_url("partner_api.topcv_events", external_id=integration.external_id)


def client_for(integration: PartnerIntegration, api_key: str | None = None) -> TopCVClient:
    key = api_key if api_key is not None else (partners.api_key(integration) or "")
    return TopCVClient(current_app.config["TOPCV_API_URL"], key,
                       allowed_hosts(current_app.config["OUTBOUND_ALLOWED_HOSTS"]),
                       timeout=current_app.config.get("PARTNER_HTTP_TIMEOUT", 10))


def _fail_reason(result: CallResult) -> str:
    if result.status_code in (401, 403):
        return "TopCV refused these keys. Check the Employer API key (Access Token)."
    if result.retryable:
        return f"TopCV could not be reached ({result.error}). Nothing was saved; try again in a moment."
    return f"TopCV said: {result.error}"


def save_keys(company_id: int, actor: User, api_key: str, secret_key: str) -> PartnerIntegration:
    """Validate the keys against TopCV (``GET /v1/me``) and store them encrypted."""
    api_key, secret_key = (api_key or "").strip(), (secret_key or "").strip()
    if not boards_enabled(company_id):
        raise BoardError("Job boards are not enabled for your company.")
    if not api_key:
        raise BoardError("Enter the Employer API key (TopCV calls it Access Token).", "api_key")
    if not secret_key:
        raise BoardError("Enter the Secret Key.", "secret_key")
    if len(api_key) > 500 or len(secret_key) > 500:
        raise BoardError("That key is too long to be a TopCV key.")
    integration = connection(company_id, create=True)
    result = partners.call_now(integration, "topcv.me", lambda: client_for(integration, api_key).me(),
                               summary="validate keys", actor=actor)
    if not result.ok or not isinstance(result.data, dict):
        background.commit()  # keep the log row; the keys are not stored
        raise BoardError(_fail_reason(result) if not result.ok else "TopCV answered something unexpected.")
    before = {"status": integration.status, "api_key_hint": integration.api_key_hint}
    partners.set_api_key(integration, api_key)
    partners.set_signing_secret(integration, secret_key)
    integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    integration.account_name = str(result.data.get("name") or "")[:200] or None
    integration.vendor_account_ref = str(result.data.get("employer_id") or "")[:200] or None
    integration.is_active = True
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"partner_integration:{integration.id}",
                 action="topcv.keys_saved", before=before,
                 after={"status": integration.status, "api_key_hint": integration.api_key_hint})
    background.commit()
    return integration


def disconnect(company_id: int, actor: User) -> PartnerIntegration | None:
    """Wipe the keys; the posting history stays."""
    integration = connection(company_id)
    if integration is None:
        return None
    before = {"status": integration.status, "api_key_hint": integration.api_key_hint}
    partners.set_api_key(integration, None)
    partners.set_signing_secret(integration, None)
    integration.status, integration.status_detail = IntegrationStatus.NOT_CONFIGURED, None
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"partner_integration:{integration.id}",
                 action="topcv.disconnected", before=before, after={"status": integration.status})
    background.commit()
    return integration


def _keys_refused(integration: PartnerIntegration, result: CallResult) -> None:
    """TopCV refused the stored keys: disconnected, and the admins are told."""
    if integration.status != IntegrationStatus.DISCONNECTED:
        integration.status = IntegrationStatus.DISCONNECTED
        integration.status_detail = "TopCV refused the stored keys; paste new ones."
        partners.alert_admins(integration, "TopCV refused the stored keys: paste new ones",
                              path_for("admin.topcv_settings"), f"topcv-refused:{integration.id}:{utcnow():%Y%m%d%H}")


def _note_result(integration: PartnerIntegration, result: CallResult) -> None:
    if result.status_code in (401, 403):
        _keys_refused(integration, result)
    elif result.ok and integration.status == IntegrationStatus.ERROR:
        integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    elif result.retryable and not result.ok:
        integration.status_detail = f"Last call failed: {result.error}"[:500]


def usable(company_id: int) -> PartnerIntegration:
    integration = connection(company_id)
    if not boards_enabled(company_id):
        raise BoardError("Job boards are not enabled for your company.")
    if integration is None or integration.status not in (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR):
        raise BoardError("Connect TopCV first: Settings → Recruitment networks → TopCV.")
    return integration


# ---------------------------------------------------------------- postings

def posting_defaults(job: Job, user: User) -> dict:
    """The posting form pre-filled from the job."""
    return {"title": job.title, "description": job.description or "", "requirements": "", "benefits": "",
            "city": job.location or "", "country": "VN", "salary_min": job.salary_min, "salary_max": job.salary_max,
            "currency": job.salary_currency if job.salary_currency in CURRENCIES else "VND",
            "negotiable": job.salary_min is None and job.salary_max is None,
            "employment_type": job.employment_type or "full_time", "level": "",
            "deadline": job.deadline.isoformat() if job.deadline else "", "quantity": 1,
            "contact_name": user.name, "contact_email": user.email, "contact_phone": ""}


def clean_payload(form: dict) -> dict:
    """Check the posting form; the fields TopCV needs are required here."""
    def text(key, limit=200):
        return str(form.get(key) or "").strip()[:limit]

    def number(key):
        value = form.get(key)
        if value in (None, ""):
            return None
        try:
            out = int(str(value).replace(" ", "").replace(",", ""))
        except ValueError:
            raise BoardError("Enter a whole number.", key) from None
        if out < 0:
            raise BoardError("Enter a positive number.", key)
        return out

    data = {"title": text("title"), "description": text("description", 20000), "requirements": text("requirements", 20000),
            "benefits": text("benefits", 20000), "city": text("city", 100), "country": text("country", 2).upper() or "VN",
            "salary_min": number("salary_min"), "salary_max": number("salary_max"),
            "currency": text("currency", 3).upper() or "VND", "negotiable": form.get("negotiable") in (True, "y", "on", "1"),
            "employment_type": text("employment_type", 32), "level": text("level", 32), "deadline": text("deadline", 10),
            "quantity": number("quantity") or 1, "contact_name": text("contact_name"),
            "contact_email": text("contact_email", 254), "contact_phone": text("contact_phone", 40)}
    required = [("title", "Enter the job title."), ("description", "Enter the job description."),
                ("city", "Enter the city TopCV should list the job in."), ("level", "Choose the level."),
                ("deadline", "Enter the application deadline."), ("contact_email", "Enter a contact email.")]
    for key, message in required:
        if not data[key]:
            raise BoardError(message, key)
    try:
        deadline = date.fromisoformat(data["deadline"])
    except ValueError:
        raise BoardError("Enter the deadline as a date (YYYY-MM-DD).", "deadline") from None
    if deadline <= date.today():
        raise BoardError("The deadline must be in the future.", "deadline")
    if data["level"] not in {k for k, _ in LEVELS}:
        raise BoardError("Choose the level.", "level")
    from app.jobs.models import EMPLOYMENT_TYPES

    if data["employment_type"] not in EMPLOYMENT_TYPES:
        raise BoardError("Choose the employment type.", "employment_type")
    if data["currency"] not in CURRENCIES:
        raise BoardError("Choose a currency.", "currency")
    if data["salary_min"] is not None and data["salary_max"] is not None and data["salary_min"] > data["salary_max"]:
        raise BoardError("The minimum salary is above the maximum.", "salary_min")
    if "@" not in data["contact_email"]:
        raise BoardError("Enter a valid contact email.", "contact_email")
    return data


def board_body(posting: Posting) -> dict:
    """The ``POST/PUT /v1/jobs`` body (absent values are null)."""
    p = posting.payload or {}
    return {"title": p.get("title"), "description": p.get("description"), "requirements": p.get("requirements") or None,
            "benefits": p.get("benefits") or None, "location": {"city": p.get("city"), "country": p.get("country")},
            "salary": {"min": p.get("salary_min"), "max": p.get("salary_max"), "currency": p.get("currency"),
                       "negotiable": bool(p.get("negotiable"))},
            "employment_type": p.get("employment_type"), "level": p.get("level"), "deadline": p.get("deadline"),
            "quantity": p.get("quantity") or 1,
            "contact": {"name": p.get("contact_name") or None, "email": p.get("contact_email"),
                        "phone": p.get("contact_phone") or None},
            "external_job_id": str(posting.job_id)}


def _hash(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def create_posting(job: Job, actor: User, form: dict) -> Posting:
    integration = usable(job.company_id)
    payload = clean_payload(form)
    posting = Posting(company_id=job.company_id, job_id=job.id, integration_id=integration.id, board=VENDOR,
                      status="draft", payload=payload, created_by_id=actor.id)
    db.session.add(posting)
    db.session.flush()
    partners.queue_call(integration, "topcv.post_job", target={"posting_id": posting.id},
                        summary=f"post “{payload['title']}”", actor=actor)
    audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"posting:{posting.id}",
                 action="topcv.post", after={"job_id": job.id, "title": payload["title"]})
    background.commit()
    return posting


def update_posting(posting: Posting, actor: User, form: dict) -> Posting:
    integration = usable(posting.company_id)
    if posting.status in ("closed", "expired"):
        raise BoardError("This posting is closed on TopCV; post the job again instead.")
    before = dict(posting.payload or {})
    posting.payload = clean_payload(form)
    posting.last_error = None
    kind = "topcv.update_job" if posting.board_job_id else "topcv.post_job"
    partners.queue_call(integration, kind, target={"posting_id": posting.id},
                        summary=f"update “{posting.payload['title']}”", actor=actor)
    audit.record(company_id=posting.company_id, actor=audit.actor_of(actor), object=f"posting:{posting.id}",
                 action="topcv.update", before=before, after=posting.payload)
    background.commit()
    return posting


def close_posting(posting: Posting, actor: User) -> Posting:
    integration = usable(posting.company_id)
    if posting.status in ("closed", "expired"):
        raise BoardError("This posting is already closed.")
    if not posting.board_job_id:
        posting.status = "closed"
    else:
        partners.queue_call(integration, "topcv.close_job", target={"posting_id": posting.id},
                            summary=f"close {posting.board_job_id}", actor=actor)
    audit.record(company_id=posting.company_id, actor=audit.actor_of(actor), object=f"posting:{posting.id}",
                 action="topcv.close", before={"status": posting.status})
    background.commit()
    return posting


def link_posting(job: Job, actor: User, board_job_id: str) -> Posting:
    """"Add posted job": a posting that already exists on TopCV, checked to be ours."""
    integration = usable(job.company_id)
    board_job_id = (board_job_id or "").strip()
    if not board_job_id or len(board_job_id) > 100:
        raise BoardError("Enter the TopCV job id.", "board_job_id")
    existing = db.session.scalar(select(Posting).where(Posting.integration_id == integration.id,
                                                       Posting.board_job_id == board_job_id))
    if existing is not None:
        raise BoardError(f"TopCV job {board_job_id} is already linked to “{existing.job.title}”.", "board_job_id")
    result = partners.call_now(integration, "topcv.get_job", lambda: client_for(integration).get_job(board_job_id),
                               summary=f"check ownership of {board_job_id}", actor=actor)
    _note_result(integration, result)
    if not result.ok or not isinstance(result.data, dict):
        background.commit()
        if result.status_code == 404:
            raise BoardError(f"Your TopCV account has no job {board_job_id}.", "board_job_id")
        raise BoardError(_fail_reason(result), "board_job_id")
    data = result.data
    posting = Posting(company_id=job.company_id, job_id=job.id, integration_id=integration.id, board=VENDOR,
                      board_job_id=board_job_id, linked=True, created_by_id=actor.id,
                      payload=_payload_from_board(data), last_synced_at=utcnow(),
                      sync_due_at=utcnow() + RECONCILE_EVERY)
    _apply_board_status(posting, data)
    db.session.add(posting)
    audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"job:{job.id}",
                 action="topcv.link", after={"board_job_id": board_job_id})
    background.commit()
    return posting


def _payload_from_board(data: dict) -> dict:
    location, salary, contact = data.get("location") or {}, data.get("salary") or {}, data.get("contact") or {}
    return {"title": data.get("title") or "", "description": data.get("description") or "",
            "requirements": data.get("requirements") or "", "benefits": data.get("benefits") or "",
            "city": location.get("city") or "", "country": location.get("country") or "VN",
            "salary_min": salary.get("min"), "salary_max": salary.get("max"), "currency": salary.get("currency") or "VND",
            "negotiable": bool(salary.get("negotiable")), "employment_type": data.get("employment_type") or "full_time",
            "level": data.get("level") or "", "deadline": data.get("deadline") or "", "quantity": data.get("quantity") or 1,
            "contact_name": contact.get("name") or "", "contact_email": contact.get("email") or "",
            "contact_phone": contact.get("phone") or ""}


def _apply_board_status(posting: Posting, data: dict) -> None:
    status = data.get("status")
    if status in ("pending_review", "approved", "rejected", "closed", "expired"):
        posting.status = status
    if status == "rejected":
        posting.reject_reason = str(data.get("reject_reason") or data.get("reason") or "")[:1000] or None
    elif status in ("approved", "pending_review"):
        posting.reject_reason = None


def postings_of(job: Job) -> list[Posting]:
    return list(db.session.scalars(select(Posting).where(Posting.job_id == job.id, Posting.company_id == job.company_id)
                                   .order_by(Posting.id.desc())))


# ---------------------------------------------------------------- outbound calls (tasks)

def _posting_of(delivery: PartnerDelivery) -> Posting | None:
    posting_id = (delivery.target or {}).get("posting_id")
    return db.session.get(Posting, posting_id) if posting_id else None


def _finish(posting: Posting | None, integration: PartnerIntegration, result: CallResult) -> CallResult:
    _note_result(integration, result)
    if posting is not None and not result.ok and not result.retryable:
        posting.last_error = _fail_reason(result)
    return result


@partners.register_outbound("topcv.post_job", on_dead=lambda d, i: _dead(d))
def _post_job(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    posting = _posting_of(delivery)
    if posting is None or posting.board_job_id:  # already posted (a retry after success)
        return CallResult(200, data={"note": "nothing to do"})
    body = board_body(posting)
    client = client_for(integration)
    result = None
    if delivery.attempts > 1:  # an earlier try may have created it at TopCV though we never saw the answer
        result = _created_unseen(client, posting, body)
        if result is not None and not result.ok:
            return _finish(posting, integration, result)  # cannot check: retry later rather than risk a second job
    if result is None:
        result = client.create_job(body)
    if result.ok and isinstance(result.data, dict) and result.data.get("board_job_id"):
        posting.board_job_id = str(result.data["board_job_id"])[:100]
        posting.status = result.data.get("status") or "pending_review"
        posting.last_payload_hash, posting.last_error = _hash(body), None
        posting.last_synced_at, posting.sync_due_at = utcnow(), utcnow() + RECONCILE_EVERY
    elif result.ok:
        result = CallResult(result.status_code, error="TopCV's answer had no board_job_id", latency_ms=result.latency_ms)
    return _finish(posting, integration, result)


def _created_unseen(client, posting: Posting, body: dict) -> CallResult | None:
    """Before a create is retried: the job an earlier, unanswered try (a timeout, a dropped
    connection) made at TopCV — same ``external_job_id`` and title, not yet any posting's —
    as if the create had answered; None when there is none; a failed result when TopCV
    cannot be asked (retried later, so a second remote job is never made blind)."""
    listed = client.list_jobs()
    if not listed.ok:
        return listed if listed.retryable else None
    claimed = set(db.session.scalars(select(Posting.board_job_id).where(
        Posting.company_id == posting.company_id, Posting.board_job_id.is_not(None))))
    for job in listed.data if isinstance(listed.data, list) else []:
        if (isinstance(job, dict) and job.get("board_job_id") and str(job["board_job_id"]) not in claimed
                and str(job.get("external_job_id") or "") == str(body.get("external_job_id") or "")
                and job.get("title") == body.get("title") and job.get("status") not in ("closed", "expired")):
            log.info("posting %s: adopting %s made by an unanswered earlier try", posting.id, job["board_job_id"])
            return CallResult(listed.status_code, data={"board_job_id": job["board_job_id"],
                                                        "status": job.get("status") or "pending_review"},
                              latency_ms=listed.latency_ms)
    return None


def _posted(fn):
    """A call about a posting that exists on TopCV: without one there is nothing to do."""
    def handler(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
        posting = _posting_of(delivery)
        if posting is None or not posting.board_job_id:
            return CallResult(200, data={"note": "nothing to do"})
        return _finish(posting, integration, fn(posting, integration))
    return handler


@partners.register_outbound("topcv.update_job", on_dead=lambda d, i: _dead(d))
@_posted
def _update_job(posting: Posting, integration: PartnerIntegration) -> CallResult:
    body = board_body(posting)
    if posting.last_payload_hash == _hash(body):
        return CallResult(200, data={"note": "no changes"})
    result = client_for(integration).update_job(posting.board_job_id, body)
    if result.ok:
        posting.last_payload_hash, posting.last_error, posting.last_synced_at = _hash(body), None, utcnow()
        if isinstance(result.data, dict):
            _apply_board_status(posting, result.data)
    return result


@partners.register_outbound("topcv.close_job", on_dead=lambda d, i: _dead(d))
@_posted
def _close_job(posting: Posting, integration: PartnerIntegration) -> CallResult:
    result = client_for(integration).close_job(posting.board_job_id)
    if result.ok:
        posting.status, posting.last_error, posting.last_synced_at = "closed", None, utcnow()
    return result


@partners.register_outbound("topcv.sync_job")
@_posted
def _sync_job(posting: Posting, integration: PartnerIntegration) -> CallResult:
    result = client_for(integration).get_job(posting.board_job_id)
    if result.ok and isinstance(result.data, dict):
        before = posting.status
        _apply_board_status(posting, result.data)
        posting.last_synced_at = utcnow()
        if before != posting.status and posting.status in ("approved", "rejected"):
            _notify_moderation(posting)
    elif result.status_code == 404:
        posting.last_error = "TopCV no longer knows this job."
    return result


def _dead(delivery: PartnerDelivery) -> None:
    posting = _posting_of(delivery)
    if posting is not None:
        posting.last_error = f"TopCV did not answer after {delivery.attempts} tries: {delivery.error}"[:1000]


def reconcile_postings(limit: int = 200) -> int:
    """Pull the status of open postings every 6 h, so a missed webhook still converges."""
    now = utcnow()
    rows = db.session.scalars(select(Posting).join(PartnerIntegration, PartnerIntegration.id == Posting.integration_id)
                              .where(Posting.status.in_(OPEN_POSTING_STATUSES), Posting.board_job_id.is_not(None),
                                     Posting.sync_due_at <= now,
                                     PartnerIntegration.status.in_((IntegrationStatus.CONFIGURED,
                                                                    IntegrationStatus.ERROR)))
                              .limit(limit)).all()
    for posting in rows:
        posting.sync_due_at = now + RECONCILE_EVERY
        partners.queue_call(db.session.get(PartnerIntegration, posting.integration_id), "topcv.sync_job",
                            target={"posting_id": posting.id}, summary=f"reconcile {posting.board_job_id}")
    background.commit()
    return len(rows)


# ---------------------------------------------------------------- inbound events (tasks)

def _posting_by_board_id(integration: PartnerIntegration, board_job_id) -> Posting | None:
    if not board_job_id:
        return None
    return db.session.scalar(select(Posting).where(Posting.integration_id == integration.id,
                                                   Posting.board_job_id == str(board_job_id)[:100]))


def _notify_moderation(posting: Posting) -> None:
    from app.messaging.services import notify

    job = posting.job
    if posting.status == "approved":
        title = f"TopCV approved the posting of {job.title}"
    else:
        title = f"TopCV rejected the posting of {job.title}: {posting.reject_reason or 'no reason given'}"
    notify(job.notify_users(), company_id=posting.company_id, kind="posting_moderated", title=title[:200],
           body=posting.reject_reason or "", link=path_for("admin.job_sources", job_id=job.id),
           dedupe_key=f"posting:{posting.id}:{posting.status}:{utcnow():%Y%m%d%H%M%S%f}")


def _moderation(status: str):
    def handle(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
        data = payload.get("data") or {}
        if not isinstance(data, dict):
            raise partners.InboundRejected("data must be an object")
        posting = _posting_by_board_id(integration, data.get("board_job_id"))
        if posting is None:  # e.g. a job posted on TopCV directly and never linked in Haku
            raise partners.InboundIgnored(f"no posting in Haku for TopCV job {str(data.get('board_job_id'))[:60]}")
        at = _event_time(payload)
        if posting.status in ("closed", "expired"):
            return  # a late notice about a posting that has ended
        if at is not None and posting.board_event_at is not None and at < posting.board_event_at:
            return  # an older notice delivered after a newer one
        if at is not None and at == posting.board_event_at and posting.status != status:
            # TopCV's timestamps have whole seconds: two different notices in the same second
            # cannot be ordered by time, so ask TopCV for the job's status now
            partners.queue_call(integration, "topcv.sync_job", target={"posting_id": posting.id},
                                summary=f"same-second notices for {posting.board_job_id}")
            return
        posting.board_event_at = at or posting.board_event_at
        if posting.status == status:
            return  # a repeated notice: the newest time is kept, nothing else changes
        posting.status = status
        posting.reject_reason = str(data.get("reason") or "")[:1000] or None if status == "rejected" else None
        posting.last_synced_at = utcnow()
        _notify_moderation(posting)
    return handle


partners.register_inbound(VENDOR, "job.approved")(_moderation("approved"))
partners.register_inbound(VENDOR, "job.rejected")(_moderation("rejected"))


def _event_time(payload: dict):
    from datetime import datetime

    try:
        at = datetime.fromisoformat(str(payload.get("timestamp")).replace("Z", "+00:00"))
    except ValueError:
        return None
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


def split_full_name(full_name: str) -> tuple[str, str]:
    """Given and family name of a TopCV full name (PARTNERS.md §3.3): Vietnamese names put
    the family name first ("Nguyễn Thị Lan": family Nguyễn, given names Thị Lan), so the first
    word is the family name and the rest the given names; a single word is kept as the given
    name. The whole name stays the display name and the person is marked "name unverified"."""
    full_name = " ".join((full_name or "").split())
    family, _, given = full_name.partition(" ")
    return (given, family) if given else (full_name, "")


def _resume(integration: PartnerIntegration, resume) -> tuple[tuple[str, bytes] | None, str | None]:
    """The CV as (name, bytes), or a reason it was dropped."""
    if not resume:
        return None, None
    if not isinstance(resume, dict):
        return None, "the resume field was not an object"
    limit = current_app.config["CV_MAX_BYTES"]
    name = str(resume.get("file_name") or "cv.pdf")[:200]
    try:
        if resume.get("data"):
            encoded = str(resume["data"])
            if len(encoded) > (limit * 4) // 3 + 8:
                return None, f"the CV is larger than {limit // (1024 * 1024)} MB"
            raw = base64.b64decode(encoded, validate=True)
        elif resume.get("url"):
            raw = client_for(integration).fetch_file(str(resume["url"]), limit)
        else:
            return None, None
        files.check_pdf(raw, limit)
    except (binascii.Error, ValueError) as exc:
        return None, f"the CV could not be used: {exc}"
    return (name, raw), None


@partners.register_inbound(VENDOR, "application.created")
def _application_created(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    data = payload.get("data")
    if not isinstance(data, dict):
        raise partners.InboundRejected("data must be an object")
    person = data.get("candidate") if isinstance(data.get("candidate"), dict) else {}
    full_name = str(person.get("full_name") or "").strip()
    email, phone = str(person.get("email") or "").strip()[:254], str(person.get("phone") or "").strip()[:40]
    ref = str(data.get("board_application_id") or "").strip()[:100]
    if not full_name or not (email or phone or ref):
        raise partners.InboundRejected("the applicant has no name, or no email, phone or application id")
    company_id = integration.company_id
    if ref and db.session.scalar(select(Application.id).where(Application.company_id == company_id,
                                                              Application.source == "topcv",
                                                              Application.source_ref == ref)):
        return  # the same TopCV application delivered again under another event id
    job, how = _job_for(integration, data)
    given, family = split_full_name(full_name)
    # The person is reused only by the same normalised email, never by phone or name (a
    # phone-only applicant is always a new person; look-alikes are suggested to recruiters).
    person_data = applications.CandidateData(
        given_names=given, family_name=family, email=email or None, phone=phone or None, locale="vi",
        name_unverified=True, display_name=full_name)
    candidate = applications.get_or_create_candidate(company_id, person_data)
    typed = applications.typed_details(candidate, person_data)
    if job is not None:
        existing = applications.blocking_application(company_id, candidate.id, job.id)
        if existing is not None:
            applications.record_duplicate(existing, source="topcv", typed=typed,
                                          data={"board_application_id": ref})
            return
    cv, cv_problem = _resume(integration, data.get("resume"))
    title = str(data.get("job_title") or "")[:200]
    pending_reason = None if job else how
    application = applications.create_application(
        company_id, candidate, job, source="topcv", cover_letter=str(data.get("cover_letter") or "")[:20000], cv=cv,
        consent_version=TOPCV_CONSENT,
        pending_reason=pending_reason,
        pending_data={"job_title": title, "board_job_id": data.get("board_job_id"),
                      "answers": data.get("answers") if isinstance(data.get("answers"), list) else []},
        event_data={"board_application_id": ref, "matched": how if job else None,
                    **({"typed": typed} if typed else {})})
    application.source_ref = ref or None
    if cv_problem:
        applications.add_event(application, "cv_dropped", data={"reason": cv_problem})


def _job_for(integration: PartnerIntegration, data: dict) -> tuple[Job | None, str]:
    posting = _posting_by_board_id(integration, data.get("board_job_id"))
    if posting is not None and posting.job is not None:
        return posting.job, "posting"
    title = str(data.get("job_title") or "")
    open_jobs = list(db.session.scalars(select(Job).where(Job.company_id == integration.company_id,
                                                          Job.status == JobStatus.PUBLISHED.value)))
    found = exact_matches(title, open_jobs)
    if len(found) == 1:
        return found[0], "matched by title"
    if not normalise_title(title):
        return None, "TopCV sent no job title and no known posting"
    if found:
        return None, f"{len(found)} open jobs have the title “{title}”"
    return None, f"no TopCV posting and no open job titled “{title}”"
