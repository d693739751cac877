"""Candidate data rights, export: the request by email link, and the archive of every
application made with the address (across companies; each company's part is audited in its
own log)."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import secrets
import zipfile
from datetime import datetime
from decimal import Decimal

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select, update

from app import audit
from app.accounts.models import Company
from app.applications import files
from app.applications.models import Application, Candidate, StageEntry, StoredFile, TimelineEvent
from app.applications.services import normalise_email
from app.assessments.models import AssessmentOrder
from app.clock import utcnow
from app.emrex.models import (
    COUNTED_REVIEWS,
    EmrexRequest,
    EmrexTranscript,
)
from app.extensions import db
from app.jobs.models import Stage
from app.links import external_url
from app.messaging.models import OutboxEmail
from app.privacy.models import DataExportRequest
from app.privacy.services.common import EXPORT_LINK_VALID, EXPORT_RESEND_AFTER, INTERNAL_EVENT_KINDS, PrivacyError
from app.screening import services as screening

log = logging.getLogger(__package__)  # "app.privacy.services", as before the split


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# ---------------------------------------------------------------- export: the request

def request_export(email: str, locale: str = "en") -> DataExportRequest | None:
    """Send a download link to ``email`` if any application was made with it.

    The caller answers the same way whatever happens here (no account enumeration).
    Returns the new request, or None (unknown address, or a link was sent moments ago).
    """
    email_n = normalise_email(email)
    if not email_n or len(email_n) > 254:
        return None
    has_applications = db.session.scalar(
        select(Application.id).join(Candidate, Candidate.id == Application.candidate_id)
        .where(Candidate.email_normalized == email_n).limit(1))
    if not has_applications:
        return None
    now = utcnow()
    recent = db.session.scalar(select(DataExportRequest.id).where(
        DataExportRequest.email_normalized == email_n, DataExportRequest.created_at > now - EXPORT_RESEND_AFTER))
    if recent:
        return None
    token = secrets.token_urlsafe(32)  # 256 bits from the OS CSPRNG
    row = DataExportRequest(email_normalized=email_n, token_hash=_hash(token), locale=locale, created_at=now,
                            expires_at=now + EXPORT_LINK_VALID)
    db.session.add(row)
    db.session.flush()
    link = external_url("portal.your_data_download", token=token)
    with force_locale(locale):
        subject = _("Your data: download link")
        body = _("Hello,\n\nSomeone (we hope you) asked for a copy of the data held about this email address by "
                 "employers who use Haku. Open this link to download it (it works once, for 24 hours):\n\n"
                 "%(link)s\n\nIf you did not ask for this, you can ignore this email: nothing is sent without "
                 "the link.\n", link=link)
    from app.messaging.services import queue_email

    queue_email(to=email_n, subject=subject, body=body, kind="data_export", dedupe_key=f"data-export:{row.id}")
    db.session.commit()
    return row


def export_request_for(token: str) -> DataExportRequest | None:
    """The request behind a link token, if it can still be used."""
    if not token or len(token) > 100:
        return None
    row = db.session.scalar(select(DataExportRequest).where(DataExportRequest.token_hash == _hash(token)))
    return row if row is not None and row.is_usable else None


def download_export(token: str) -> bytes:
    """Use the link (once) and build the ZIP: ``data.json`` and the candidate's files.

    The claim is one UPDATE … WHERE used_at IS NULL, so two clicks never both download.
    """
    row = export_request_for(token)
    if row is None:
        raise PrivacyError("link_invalid")
    claimed = db.session.execute(update(DataExportRequest).where(
        DataExportRequest.id == row.id, DataExportRequest.used_at.is_(None))
        .values(used_at=utcnow())).rowcount
    if not claimed:
        db.session.rollback()
        raise PrivacyError("link_invalid")
    data, attachments = collect_export(row.email_normalized)
    for company_id, count in sorted(data.pop("_companies").items()):
        audit.record(company_id=company_id, actor="candidate", object=f"data_export:{row.id}", action="data_export",
                     after={"applications": count})
    archive = _zip(data, attachments)
    db.session.commit()
    return archive


def candidate_export(candidate_id: int, company_id: int, actor) -> bytes:
    """The company's part of one person's data (every application of theirs in the company,
    as the candidate's own export has it, with their files) as a ZIP for a company admin,
    audited: what the ⋯ menu's "Export data" downloads, e.g. to answer a request by post."""
    candidate = db.session.scalar(select(Candidate).where(Candidate.id == candidate_id,
                                                          Candidate.company_id == company_id))
    if candidate is None:
        raise PrivacyError("unknown_candidate")
    company = db.session.get(Company, company_id)
    out: list[dict] = []
    attachments: list[tuple[str, StoredFile]] = []
    for application in db.session.scalars(select(Application).where(Application.candidate_id == candidate.id)
                                          .order_by(Application.id)):
        item, item_files = _application_export(company, candidate, application)
        out.append(item)
        attachments.extend(item_files)
    data = {"generated_at": _iso(utcnow()), "email": candidate.email_normalized, "applications": out}
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"candidate:{candidate.id}",
                 action="data_export",
                 after={"applications": len(out)})
    archive = _zip(data, attachments)
    db.session.commit()
    return archive


def _zip(data: dict, attachments: list) -> bytes:
    """``data.json`` and the files (a file missing on disk is logged and left out)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))
        for name, stored in attachments:
            try:
                archive.writestr(name, files.read(stored))
            except FileNotFoundError:
                log.warning("stored file %s is missing on disk", stored.id)
    return buffer.getvalue()


def _json_default(value):
    if isinstance(value, datetime):
        return value.isoformat() + "Z"
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value else None


def collect_export(email_n: str) -> tuple[dict, list[tuple[str, StoredFile]]]:
    """Everything Haku holds about the owner of ``email_n``, across companies, and the
    files to put next to it (``files/<application ref>/<name>``)."""
    candidates = db.session.scalars(select(Candidate).where(Candidate.email_normalized == email_n)
                                    .order_by(Candidate.id)).all()
    out: list[dict] = []
    attachments: list[tuple[str, StoredFile]] = []
    per_company: dict[int, int] = {}
    for candidate in candidates:
        company = db.session.get(Company, candidate.company_id)
        apps = db.session.scalars(select(Application).where(Application.candidate_id == candidate.id)
                                  .order_by(Application.id)).all()
        for application in apps:
            per_company[company.id] = per_company.get(company.id, 0) + 1
            item, item_files = _application_export(company, candidate, application)
            out.append(item)
            attachments.extend(item_files)
    data = {
        "generated_at": _iso(utcnow()),
        "email": email_n,
        "about": "Every application made with this email address at employers using Haku, with the files "
                 "you sent. Internal notes of the recruiting team are not included.",
        "applications": out,
        "_companies": per_company,
    }
    return data, attachments


def _file_entry(folder: str, stored: StoredFile | None, used: set[str], attachments: list) -> str | None:
    if stored is None:
        return None
    filename = files.download_name(stored.filename, stored.content_type)
    name = f"{folder}/{filename}"
    n = 1
    while name in used:
        n += 1
        name = f"{folder}/{n}-{filename}"
    used.add(name)
    attachments.append((name, stored))
    return name


def _application_export(company: Company, candidate: Candidate, application: Application):
    folder = f"files/{application.ref}"
    used: set[str] = set()
    attachments: list[tuple[str, StoredFile]] = []
    stages = db.session.execute(
        select(StageEntry.entered_at, Stage.name).join(Stage, Stage.id == StageEntry.stage_id)
        .where(StageEntry.application_id == application.id).order_by(StageEntry.id)).all()
    events = db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id, TimelineEvent.kind.not_in(INTERNAL_EVENT_KINDS))
        .order_by(TimelineEvent.id)).all()
    emails = db.session.scalars(select(OutboxEmail).where(OutboxEmail.application_id == application.id)
                                .order_by(OutboxEmail.id)).all()
    requests = db.session.scalars(select(EmrexRequest).where(EmrexRequest.application_id == application.id)
                                  .order_by(EmrexRequest.id)).all()
    # Held (the identity check said someone else's: a forwarded invite link) and discarded
    # transcripts are not this person's records: only those that count are exported.
    transcripts = db.session.scalars(select(EmrexTranscript).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.review_status.in_(COUNTED_REVIEWS))
        .order_by(EmrexTranscript.id)).all()
    orders = db.session.scalars(select(AssessmentOrder).where(AssessmentOrder.application_id == application.id)
                                .order_by(AssessmentOrder.id)).all()
    item = {
        "company": company.name,
        "application_reference": application.ref,
        "person": {"given_names": candidate.given_names, "family_name": candidate.family_name,
                   "email": candidate.email, "phone": candidate.phone, "language": candidate.locale},
        "job": ({"title": application.job.title, "location": application.job.location}
                if application.job else None),
        "source": application.source,
        "source_reference": application.source_ref,
        "source_details": application.pending_data,
        "status": application.status,
        "applied_at": _iso(application.created_at),
        "closed_at": _iso(application.closed_at),
        "cover_letter": application.cover_letter,
        "consent": {"privacy_notice_version": application.consent_text_version,
                    "given_at": _iso(application.consent_at),
                    # a person a recruiter added: no notice accepted; the legal basis recorded instead
                    **({"recorded_as": "added by recruiter", "legal_basis": application.consent_basis}
                       if application.consent_basis else {})},
        "current_stage": application.stage.name if application.stage else None,
        "stages": [{"stage": name, "entered_at": _iso(at)} for at, name in stages],
        "timeline": [{"event": e.kind, "at": _iso(e.created_at), "details": e.data} for e in events],
        "emails_to_you": [{"subject": e.subject, "body": e.body_text, "to": e.to_addr, "status": e.status,
                           "sent_at": _iso(e.sent_at), "created_at": _iso(e.created_at)} for e in emails],
        "cv": _file_entry(folder, application.cv_file, used, attachments),
        "study_record_requests": [{"status": r.status, "requested_at": _iso(r.created_at),
                                   "finished_at": _iso(r.finished_at),
                                   "stated_birth_date": r.stated_birth_date.isoformat() if r.stated_birth_date
                                   else None} for r in requests],
        "study_records": [{
            "institution": t.institution, "degree": t.degree, "total_ects": t.total_ects, "gpa": t.gpa,
            "gpa_scale": t.gpa_scale, "gpa_detail": t.gpa_detail, "learner": t.learner,
            "reports": t.reports, "signature_verified": t.signature_verified, "imported_at": _iso(t.created_at),
            "signed_document": _file_entry(folder, t.raw_file, used, attachments),
            "attachments": [{"title": a.title, "kind": a.kind,
                             "file": _file_entry(folder, a.file, used, attachments)} for a in t.attachments],
        } for t in transcripts],
        "assessments": [{
            "product": o.product_name, "test": o.partner_test_name or o.partner_test_id, "status": o.status,
            "score": o.score, "max_score": o.max_score, "sub_scores": o.sub_scores, "result": o.result_card,
            "profile_url": o.profile_url, "invited_at": _iso(o.invited_at), "completed_at": _iso(o.completed_at),
        } for o in orders],
        # the screening questions as they were asked, with the answers given (a PDF among the files)
        "screening_answers": "not asked" if screening.not_asked(application) else [{
            "question": a.label, "kind": a.kind, "answer": a.value,
            "file": _file_entry(folder, a.file, used, attachments) if a.file is not None else None,
        } for a in screening.answers_of(application.id)],
    }
    return item, attachments
