"""TopCV, postings: post, update, close and link a job's listing on the board."""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlalchemy import select

from app import audit
from app.accounts.models import User
from app.boards.models import POSTING_STATUSES, Posting, PostingStatus
from app.boards.services.common import CURRENCIES, LEVELS, RECONCILE_EVERY, VENDOR, BoardError
from app.boards.services.integration import _note_result, _refusal, client_for, usable
from app.clock import utcnow
from app.extensions import db
from app.jobs.models import Job
from app.partners import services as partners
from app.problems import store

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
            raise BoardError("not_whole_number", key) from None
        if out < 0:
            raise BoardError("negative_number", key)
        return out

    data = {"title": text("title"), "description": text("description", 20000), "requirements": text("requirements", 20000),
            "benefits": text("benefits", 20000), "city": text("city", 100), "country": text("country", 2).upper() or "VN",
            "salary_min": number("salary_min"), "salary_max": number("salary_max"),
            "currency": text("currency", 3).upper() or "VND", "negotiable": form.get("negotiable") in (True, "y", "on", "1"),
            "employment_type": text("employment_type", 32), "level": text("level", 32), "deadline": text("deadline", 10),
            "quantity": number("quantity") or 1, "contact_name": text("contact_name"),
            "contact_email": text("contact_email", 254), "contact_phone": text("contact_phone", 40)}
    required = [("title", "no_title"), ("description", "no_description"), ("city", "no_city"), ("level", "no_level"),
                ("deadline", "no_deadline"), ("contact_email", "no_contact_email")]
    for key, code in required:
        if not data[key]:
            raise BoardError(code, key)
    try:
        deadline = date.fromisoformat(data["deadline"])
    except ValueError:
        raise BoardError("bad_deadline", "deadline") from None
    if deadline <= date.today():
        raise BoardError("past_deadline", "deadline")
    if data["level"] not in {k for k, _ in LEVELS}:
        raise BoardError("no_level", "level")
    from app.jobs.models import EMPLOYMENT_TYPES

    if data["employment_type"] not in EMPLOYMENT_TYPES:
        raise BoardError("no_employment_type", "employment_type")
    if data["currency"] not in CURRENCIES:
        raise BoardError("no_currency", "currency")
    if data["salary_min"] is not None and data["salary_max"] is not None and data["salary_min"] > data["salary_max"]:
        raise BoardError("salary_order", "salary_min")
    if "@" not in data["contact_email"]:
        raise BoardError("bad_contact_email", "contact_email")
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
    if not job.is_open:  # the one rule: only a job that takes applications is listed on a board
        raise BoardError("job_not_open")
    payload = clean_payload(form)
    posting = Posting(company_id=job.company_id, job_id=job.id, integration_id=integration.id, board=VENDOR,
                      status=PostingStatus.DRAFT, payload=payload, created_by_id=actor.id)
    db.session.add(posting)
    db.session.flush()
    partners.queue_call(integration, "topcv.post_job", target={"posting_id": posting.id},
                        summary=store("topcv.post_summary", title=payload["title"]), actor=actor)
    audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"posting:{posting.id}",
                 action="topcv.post", after={"job_id": job.id, "title": payload["title"]})
    db.session.commit()
    return posting


def update_posting(posting: Posting, actor: User, form: dict) -> Posting:
    integration = usable(posting.company_id)
    if posting.status in (PostingStatus.CLOSED, PostingStatus.EXPIRED):
        raise BoardError("posting_closed")
    before = dict(posting.payload or {})
    posting.payload = clean_payload(form)
    posting.last_error = None
    kind = "topcv.update_job" if posting.board_job_id else "topcv.post_job"
    partners.queue_call(integration, kind, target={"posting_id": posting.id},
                        summary=store("topcv.update_summary", title=posting.payload["title"]), actor=actor)
    audit.record(company_id=posting.company_id, actor=audit.actor_of(actor), object=f"posting:{posting.id}",
                 action="topcv.update", before=before, after=posting.payload)
    db.session.commit()
    return posting


def close_posting(posting: Posting, actor: User) -> Posting:
    integration = usable(posting.company_id)
    if posting.status in (PostingStatus.CLOSED, PostingStatus.EXPIRED):
        raise BoardError("already_closed")
    if not posting.board_job_id:
        posting.status = PostingStatus.CLOSED
    else:
        partners.queue_call(integration, "topcv.close_job", target={"posting_id": posting.id},
                            summary=store("topcv.close_summary", job=posting.board_job_id), actor=actor)
    audit.record(company_id=posting.company_id, actor=audit.actor_of(actor), object=f"posting:{posting.id}",
                 action="topcv.close", before={"status": posting.status})
    db.session.commit()
    return posting


def link_posting(job: Job, actor: User, board_job_id: str) -> Posting:
    """"Add posted job": a posting that already exists on TopCV, checked to be ours."""
    integration = usable(job.company_id)
    board_job_id = (board_job_id or "").strip()
    if not board_job_id or len(board_job_id) > 100:
        raise BoardError("no_board_job_id", "board_job_id")
    existing = db.session.scalar(select(Posting).where(Posting.integration_id == integration.id,
                                                       Posting.board_job_id == board_job_id))
    if existing is not None:
        raise BoardError("already_linked", "board_job_id", id=board_job_id, job=existing.job.title)
    result = partners.call_now(integration, "topcv.get_job", lambda: client_for(integration).get_job(board_job_id),
                               summary=store("topcv.ownership_summary", job=board_job_id), actor=actor)
    _note_result(integration, result)
    if not result.ok or not isinstance(result.data, dict):
        db.session.commit()
        if result.status_code == 404:
            raise BoardError("no_such_job", "board_job_id", id=board_job_id)
        raise _refusal(result, "board_job_id")
    data = result.data
    posting = Posting(company_id=job.company_id, job_id=job.id, integration_id=integration.id, board=VENDOR,
                      board_job_id=board_job_id, linked=True, created_by_id=actor.id,
                      payload=_payload_from_board(data), last_synced_at=utcnow(),
                      sync_due_at=utcnow() + RECONCILE_EVERY)
    _apply_board_status(posting, data)
    db.session.add(posting)
    audit.record(company_id=job.company_id, actor=audit.actor_of(actor), object=f"job:{job.id}",
                 action="topcv.link", after={"board_job_id": board_job_id})
    db.session.commit()
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
    if status in POSTING_STATUSES and status != PostingStatus.DRAFT:  # a board never reports a draft
        posting.status = status
    if status == PostingStatus.REJECTED:
        posting.reject_reason = str(data.get("reject_reason") or data.get("reason") or "")[:1000] or None
    elif status in (PostingStatus.APPROVED, PostingStatus.PENDING_REVIEW):
        posting.reject_reason = None


def postings_of(job: Job) -> list[Posting]:
    return list(db.session.scalars(select(Posting).where(Posting.job_id == job.id, Posting.company_id == job.company_id)
                                   .order_by(Posting.id.desc())))
