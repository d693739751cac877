"""TopCV, the inbound events (run in tasks by the registered handlers): moderation notices and
applicants."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import Company
from app.applications import files
from app.applications import services as applications
from app.applications.matching import exact_matches, normalise_title
from app.applications.models import Application
from app.boards.models import Posting, PostingStatus
from app.boards.services.common import TOPCV_CONSENT
from app.boards.services.integration import client_for
from app.clock import utcnow
from app.extensions import db
from app.jobs import queries as jobs
from app.jobs.models import Job
from app.links import path_for
from app.partners import services as partners
from app.partners.models import PartnerDelivery, PartnerIntegration
from app.problems import store

# ---------------------------------------------------------------- inbound events (tasks)

def _posting_by_board_id(integration: PartnerIntegration, board_job_id) -> Posting | None:
    """The posting and its job (every caller reads the job), in one statement."""
    if not board_job_id:
        return None
    return db.session.scalar(select(Posting).options(joinedload(Posting.job)).where(
        Posting.integration_id == integration.id, Posting.board_job_id == str(board_job_id)[:100]))


def _notify_moderation(posting: Posting) -> None:
    from app.messaging.services import notify

    job = posting.job
    if posting.status == PostingStatus.APPROVED:
        title = _l("TopCV approved the posting of %(job)s", job=job.title)
    elif posting.reject_reason:
        title = _l("TopCV rejected the posting of %(job)s: %(reason)s", job=job.title, reason=posting.reject_reason)
    else:
        title = _l("TopCV rejected the posting of %(job)s (no reason given)", job=job.title)
    notify(job.notify_users(), company_id=posting.company_id, kind="posting_moderated", title=title,
           body=posting.reject_reason or "", link=path_for("admin.job_sources", job_id=job.id),
           dedupe_key=f"posting:{posting.id}:{posting.status}:{utcnow():%Y%m%d%H%M%S%f}")


def on_moderation(status: PostingStatus):
    def handle(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
        data = payload.get("data") or {}
        if not isinstance(data, dict):
            raise partners.InboundRejected("topcv.data_not_object")
        posting = _posting_by_board_id(integration, data.get("board_job_id"))
        if posting is None:  # e.g. a job posted on TopCV directly and never linked in Haku
            raise partners.InboundIgnored("topcv.no_posting", job=str(data.get("board_job_id"))[:60])
        at = _event_time(payload)
        if posting.status in (PostingStatus.CLOSED, PostingStatus.EXPIRED):
            return  # a late notice about a posting that has ended
        if at is not None and posting.board_event_at is not None and at < posting.board_event_at:
            return  # an older notice delivered after a newer one
        if at is not None and at == posting.board_event_at and posting.status != status:
            # TopCV's timestamps have whole seconds: two different notices in the same second
            # cannot be ordered by time, so ask TopCV for the job's status now
            partners.queue_call(integration, "topcv.sync_job", target={"posting_id": posting.id},
                                summary=store("topcv.same_second_summary", job=posting.board_job_id))
            return
        posting.board_event_at = at or posting.board_event_at
        if posting.status == status:
            return  # a repeated notice: the newest time is kept, nothing else changes
        posting.status = status
        posting.reject_reason = (str(data.get("reason") or "")[:1000] or None if status == PostingStatus.REJECTED
                                 else None)
        posting.last_synced_at = utcnow()
        _notify_moderation(posting)
    return handle


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


def on_application_created(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    data = payload.get("data")
    if not isinstance(data, dict):
        raise partners.InboundRejected("topcv.data_not_object")
    person = data.get("candidate") if isinstance(data.get("candidate"), dict) else {}
    full_name = str(person.get("full_name") or "").strip()
    email, phone = str(person.get("email") or "").strip()[:254], str(person.get("phone") or "").strip()[:40]
    ref = str(data.get("board_application_id") or "").strip()[:100]
    if not full_name or not (email or phone or ref):
        raise partners.InboundRejected("topcv.applicant_incomplete")
    # Held for the whole event: the session keeps only what is referenced, and the stage-entry
    # receivers, the team's notifications and the confirmation each ask for the company by its
    # key, which is then answered from the session instead of by a statement each (issue 15).
    company = db.session.get(Company, integration.company_id)
    company_id = company.id
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
    candidate = applications.find_candidate(company_id, person_data.email)
    if candidate is None:  # a new person (inserted with the application) has no applications to block it
        candidate = applications.new_candidate(company_id, person_data)
    elif job is not None:
        existing = applications.blocking_application(company_id, candidate.id, job.id)
        if existing is not None:
            typed = applications.typed_details(candidate, person_data)
            applications.record_duplicate(existing, source="topcv", typed=typed,
                                          data={"board_application_id": ref})
            return
    typed = applications.typed_details(candidate, person_data)
    cv, cv_problem = _resume(integration, data.get("resume"))
    title = str(data.get("job_title") or "")[:200]
    pending_reason = None if job else how
    application = applications.create_application(
        company_id, candidate, job, source="topcv", cover_letter=str(data.get("cover_letter") or "")[:20000], cv=cv,
        consent_version=TOPCV_CONSENT, source_ref=ref or None,
        pending_reason=pending_reason,
        pending_data={"job_title": title, "board_job_id": data.get("board_job_id"),
                      "answers": data.get("answers") if isinstance(data.get("answers"), list) else []},
        event_data={"board_application_id": ref, "matched": how if job else None,
                    **({"typed": typed} if typed else {})})
    if cv_problem:
        applications.add_event(application, "cv_dropped", data={"reason": cv_problem})
    applications.acknowledge(application, person_data.locale, new=True)  # as careers-page applicants are


def _job_for(integration: PartnerIntegration, data: dict) -> tuple[Job | None, str]:
    posting = _posting_by_board_id(integration, data.get("board_job_id"))
    if posting is not None and posting.job is not None:
        if posting.job.is_open:
            return posting.job, "posting"
        # The one rule (``Job.is_open``): a closed job takes no applications, from any source.
        return None, store("topcv.pending_job_closed", title=posting.job.title[:100])
    title = str(data.get("job_title") or "")
    open_jobs = jobs.open_jobs(integration.company_id)
    found = exact_matches(title, open_jobs)
    if len(found) == 1:
        return found[0], "matched by title"
    if not normalise_title(title):
        return None, store("topcv.pending_no_title")
    if found:
        return None, store("topcv.pending_many_jobs", count=len(found), title=title[:100])
    return None, store("topcv.pending_no_job", title=title[:100])
