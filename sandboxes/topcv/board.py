"""What happens on the board itself: moderation, applications, postings made on TopCV directly.

The HTML screens and the control API share these, so a test that uses the JSON shortcut
goes down the same path as a person clicking through the pages.
"""

from __future__ import annotations

import base64
import datetime as dt
import json

from flask import current_app

from . import jobs, store
from .webhooks import queue_event


def current():
    return current_app.extensions["topcv_sandbox"]


DEFAULT_REJECT_REASON = "The posting does not meet TopCV's posting guidelines."


def moderate(conn, board_job_id: str, approve: bool, reason: str | None = None) -> str:
    """Approve or reject a posting and queue ``job.approved`` / ``job.rejected``; returns the event id."""
    row = store.job(conn, board_job_id)
    reason = None if approve else ((reason or "").strip() or DEFAULT_REJECT_REASON)
    with store.transaction(conn):
        store.update_job(conn, board_job_id, status="approved" if approve else "rejected", reject_reason=reason)
    employer = store.employer(conn, row["employer_id"])
    return queue_event(conn, current(), employer, "job.approved" if approve else "job.rejected",
                       {"board_job_id": board_job_id, "reason": reason})


def apply(conn, job_row, full_name, email, phone, cover_letter, resume: dict | None,
          answers: list | None = None) -> tuple[str, str]:
    """Store an application and queue ``application.created``; returns (board_application_id, event_id).

    ``resume`` is ``{"file_name", "content_type", "data": bytes}`` or None.
    """
    sandbox = current()
    with store.transaction(conn):
        application_id, token = store.create_application(conn, job_row, full_name, email, phone, cover_letter,
                                                         answers, resume)
    board_job_id = store.board_job_id(job_row["id"])
    resume_json = None
    if resume:
        as_url = sandbox.switches.on("resume_as_url")
        resume_json = {"file_name": resume.get("file_name"), "content_type": resume.get("content_type"),
                       "data": None if as_url else base64.b64encode(resume["data"]).decode(),
                       "url": f"{sandbox.public_url()}/files/{token}" if as_url else None}
    data = {
        "board_application_id": application_id,
        "board_job_id": board_job_id,
        "job_title": json.loads(job_row["body"])["title"],
        "candidate": {"full_name": full_name, "email": email, "phone": phone},
        "resume": resume_json,
        "cover_letter": cover_letter,
        "answers": answers or [],
        "applied_at": store.applied_at(conn, application_id),
    }
    employer = store.employer(conn, job_row["employer_id"])
    return application_id, queue_event(conn, sandbox, employer, "application.created", data)


def console_posting(employer, fields: dict) -> dict:
    """A full posting from the few fields of the employer page (the rest gets TopCV's defaults)."""
    deadline = (jobs.today() + dt.timedelta(days=30)).isoformat()
    body = {"title": "", "description": "", "location": {"city": "", "country": "Vietnam"},
            "employment_type": "full_time", "level": "Staff", "deadline": deadline, "quantity": 1,
            "contact": {"name": employer["name"], "email": employer["email"], "phone": None}}
    for key, value in fields.items():
        if isinstance(body.get(key), dict) and isinstance(value, dict):
            body[key] = {**body[key], **value}
        elif value not in (None, "") or key not in body:
            body[key] = value
    return body
