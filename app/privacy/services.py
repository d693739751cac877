"""Candidate data rights: export by email link, erasure / anonymisation, retention.

Export is across companies: the data subject is the owner of the email address, and the
link proves they read that mailbox, so they get every application made with it (each
company's part is audited in that company's log). Erasure and retention act within one
company: a company can only delete what it holds.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import secrets
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update

from app import audit, background
from app.accounts.models import Company, User
from app.applications import files
from app.applications.models import Application, Candidate, StageEntry, StoredFile, TimelineEvent
from app.applications.services import normalise_email
from app.assessments.models import AssessmentOrder, AssessmentSummary
from app.clock import utcnow
from app.emrex.models import (
    COUNTED_REVIEWS,
    EmrexAttachment,
    EmrexAttempt,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexSummary,
    EmrexTranscript,
)
from app.extensions import db
from app.jobs.models import AutomationRun, Stage
from app.links import external_url, path_for
from app.messaging.models import Notification, OutboxEmail
from app.partners.models import PartnerDelivery
from app.privacy.models import DataExportRequest

log = logging.getLogger(__name__)

EXPORT_LINK_VALID = timedelta(hours=24)
# One email per address in this window, however often the form is sent (no mail bombing).
EXPORT_RESEND_AFTER = timedelta(minutes=10)
EXPORT_KEEP_AFTER_EXPIRY = timedelta(days=1)
ERASED_GIVEN, ERASED_FAMILY = "Erased", "candidate"
RETENTION_BATCH = 200
# Timeline kinds the candidate does not see: the team's internal notes.
INTERNAL_EVENT_KINDS = {"note"}


class PrivacyError(ValueError):
    """A rule of data rights was broken; the message is for the user."""


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
    background.commit()
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
        raise PrivacyError("This link is no longer valid.")
    claimed = db.session.execute(update(DataExportRequest).where(
        DataExportRequest.id == row.id, DataExportRequest.used_at.is_(None))
        .values(used_at=utcnow())).rowcount
    if not claimed:
        db.session.rollback()
        raise PrivacyError("This link is no longer valid.")
    data, attachments = collect_export(row.email_normalized)
    for company_id, count in sorted(data.pop("_companies").items()):
        audit.record(company_id=company_id, actor="candidate", object=f"data_export:{row.id}", action="data_export",
                     after={"applications": count})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))
        for name, stored in attachments:
            try:
                archive.writestr(name, files.read(stored))
            except FileNotFoundError:
                log.warning("stored file %s is missing on disk", stored.id)
    db.session.commit()
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
                    "given_at": _iso(application.consent_at)},
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
    }
    return item, attachments


# ---------------------------------------------------------------- erasure and anonymisation

@dataclass
class Footprint:
    """The ids of everything one candidate left in one company."""

    candidate_id: int
    company_id: int
    email: str | None
    full_name: str
    applications: list[int] = field(default_factory=list)
    hired: bool = False
    orders: list[int] = field(default_factory=list)
    emrex_requests: list[int] = field(default_factory=list)
    transcripts: list[int] = field(default_factory=list)
    files: list[int] = field(default_factory=list)
    outbox: list[int] = field(default_factory=list)
    deliveries: list[int] = field(default_factory=list)
    notifications: list[int] = field(default_factory=list)


def _shared(candidate: Candidate) -> set[str]:
    """Which of the person's strings (``name``, ``phone``, ``email``) another candidate of the
    same company also carries, whole or inside theirs. Rows found only by such a string (a
    team email naming "Aino Virtanen", a board event with a phone) cannot be told apart from
    the other person's, so erasure leaves them: it removes what is tied to this person."""
    others = select(Candidate.id).where(Candidate.company_id == candidate.company_id, Candidate.id != candidate.id)
    shared = set()
    name = candidate.full_name
    if name and db.session.scalar(others.where(or_(
            (Candidate.given_names + " " + Candidate.family_name).contains(name, autoescape=True),
            Candidate.display_name.contains(name, autoescape=True))).limit(1)):
        shared.add("name")
    if candidate.phone and db.session.scalar(others.where(or_(
            Candidate.phone.contains(candidate.phone, autoescape=True),
            Candidate.phone_normalized == candidate.phone_normalized)).limit(1)):
        shared.add("phone")
    if candidate.email and db.session.scalar(others.where(
            func.lower(Candidate.email).contains(candidate.email.lower(), autoescape=True)).limit(1)):
        shared.add("email")
    return shared


def footprint(candidate: Candidate) -> Footprint:
    cid = candidate.company_id
    shared = _shared(candidate)
    fp = Footprint(candidate.id, cid, candidate.email_normalized, candidate.full_name)
    by_name = fp.full_name if "name" not in shared else ""
    apps = db.session.scalars(select(Application).where(Application.candidate_id == candidate.id,
                                                        Application.company_id == cid)).all()
    fp.applications = [a.id for a in apps]
    fp.hired = any(a.stage is not None and a.stage.kind == "hired" for a in apps)
    app_ids = fp.applications or [-1]
    fp.orders = list(db.session.scalars(select(AssessmentOrder.id).where(AssessmentOrder.application_id.in_(app_ids))))
    fp.emrex_requests = list(db.session.scalars(select(EmrexRequest.id).where(
        EmrexRequest.application_id.in_(app_ids))))
    transcripts = db.session.execute(select(EmrexTranscript.id, EmrexTranscript.raw_file_id).where(
        EmrexTranscript.application_id.in_(app_ids))).all()
    fp.transcripts = [t for t, _f in transcripts]
    file_ids = {a.cv_file_id for a in apps} | {f for _t, f in transcripts}
    file_ids |= set(db.session.scalars(select(EmrexAttachment.file_id).where(
        EmrexAttachment.transcript_id.in_(fp.transcripts or [-1]))))
    fp.files = sorted(f for f in file_ids if f is not None)
    mail = [OutboxEmail.application_id.in_(app_ids)]
    if by_name:  # notification emails to the team name the candidate in the subject
        mail.append((OutboxEmail.company_id == cid) & OutboxEmail.kind.like("notify:%")
                    & OutboxEmail.subject.contains(by_name, autoescape=True))
    if fp.email:
        mail.append(or_(OutboxEmail.company_id == cid, OutboxEmail.kind == "data_export")
                    & (func.lower(OutboxEmail.to_addr) == fp.email))
    fp.outbox = sorted(db.session.scalars(select(OutboxEmail.id).where(or_(*mail))))
    fp.deliveries = _deliveries(candidate, apps, fp, shared)
    links = [path_for("admin.application", application_id=a) for a in fp.applications]
    conditions = [Notification.link.in_(links)] if links else []
    if by_name:
        conditions.append(Notification.title.contains(by_name, autoescape=True))
    fp.notifications = list(db.session.scalars(select(Notification.id).where(
        Notification.company_id == cid, or_(*conditions)))) if conditions else []
    return fp


def _deliveries(candidate: Candidate, apps: list[Application], fp: Footprint, shared: set[str]) -> list[int]:
    """Partner calls that carry the person's data: outbound calls about their assessment
    orders, inbound events naming their board application, interview or email."""
    cid = candidate.company_id
    ids: set[int] = set()
    orders = set(fp.orders)
    if orders:
        for delivery_id, target in db.session.execute(select(PartnerDelivery.id, PartnerDelivery.target).where(
                PartnerDelivery.company_id == cid, PartnerDelivery.target.is_not(None))):
            if isinstance(target, dict) and target.get("order_id") in orders:
                ids.add(delivery_id)
    needles = [a.source_ref for a in apps if a.source_ref]
    needles += [i for i in db.session.scalars(select(AssessmentOrder.partner_interview_id).where(
        AssessmentOrder.id.in_(fp.orders or [-1]))) if i]
    needles += [a.ref for a in apps]
    if candidate.email and "email" not in shared:
        needles.append(candidate.email)
    if candidate.phone and "phone" not in shared:
        needles.append(candidate.phone)
    if needles:
        ids |= set(db.session.scalars(select(PartnerDelivery.id).where(
            PartnerDelivery.company_id == cid,
            or_(*[PartnerDelivery.body.contains(n, autoescape=True) for n in needles],
                *[PartnerDelivery.summary.contains(n, autoescape=True) for n in needles]))))
    return sorted(ids)


def _remove_files(file_ids: list[int]) -> list[StoredFile]:
    rows = db.session.scalars(select(StoredFile).where(StoredFile.id.in_(file_ids))).all() if file_ids else []
    for row in rows:
        db.session.delete(row)
    return rows


def _unlink(rows: list[StoredFile]) -> None:
    for row in rows:
        try:
            files.path_of(row).unlink()
        except FileNotFoundError:
            pass


def _purge_common(fp: Footprint) -> None:
    """What goes in both erasure and anonymisation: study records, assessments, emails,
    partner calls, notifications and their audit traces."""
    transcripts = fp.transcripts or [-1]
    requests = fp.emrex_requests or [-1]
    db.session.execute(delete(EmrexAttachment).where(EmrexAttachment.transcript_id.in_(transcripts)))
    db.session.execute(delete(EmrexTranscript).where(EmrexTranscript.id.in_(transcripts)))
    db.session.execute(delete(EmrexRequestEvent).where(EmrexRequestEvent.request_id.in_(requests)))
    db.session.execute(delete(EmrexAttempt).where(EmrexAttempt.request_id.in_(requests)))
    db.session.execute(delete(EmrexRequest).where(EmrexRequest.id.in_(requests)))
    db.session.execute(delete(EmrexSummary).where(EmrexSummary.application_id.in_(fp.applications or [-1])))
    db.session.execute(delete(AssessmentSummary).where(AssessmentSummary.application_id.in_(fp.applications or [-1])))
    db.session.execute(delete(AssessmentOrder).where(AssessmentOrder.id.in_(fp.orders or [-1])))
    db.session.execute(delete(OutboxEmail).where(OutboxEmail.id.in_(fp.outbox or [-1])))
    db.session.execute(delete(PartnerDelivery).where(PartnerDelivery.id.in_(fp.deliveries or [-1])))
    db.session.execute(delete(Notification).where(Notification.id.in_(fp.notifications or [-1])))
    objects = [f"assessment_order:{i}" for i in fp.orders] + [f"partner_delivery:{i}" for i in fp.deliveries]
    if objects:
        db.session.execute(delete(audit.AuditEntry).where(audit.AuditEntry.company_id == fp.company_id,
                                                          audit.AuditEntry.object.in_(objects)))
    if fp.email:
        db.session.execute(delete(DataExportRequest).where(DataExportRequest.email_normalized == fp.email))


def erase_candidate(candidate_id: int, company_id: int, actor: User | None = None, *,
                    anonymise: bool = False) -> str:
    """Remove one candidate from one company (GDPR Art. 17). Where they were hired, or
    when ``anonymise`` is asked for, keep the applications and stage history for statistics
    with the person's data replaced. Returns ``"erased"`` or ``"anonymised"``; raises
    PrivacyError for an unknown candidate. Commits, then drops queued tasks and files."""
    mode, fp = _erase(candidate_id, company_id, actor, anonymise=anonymise)
    drop_queued_tasks(outbox_ids=fp.outbox, delivery_ids=fp.deliveries)
    return mode


def _erase(candidate_id: int, company_id: int, actor: User | None, *, anonymise: bool) -> tuple[str, Footprint]:
    candidate = db.session.scalar(select(Candidate).where(Candidate.id == candidate_id,
                                                          Candidate.company_id == company_id))
    if candidate is None:
        raise PrivacyError("Unknown candidate.")
    fp = footprint(candidate)
    mode = "anonymised" if anonymise or fp.hired else "erased"
    _purge_common(fp)
    from app.duplicates.services import forget_candidate

    forget_candidate(company_id, candidate.id)
    apps = fp.applications or [-1]
    if mode == "erased":
        db.session.execute(delete(AutomationRun).where(AutomationRun.application_id.in_(apps)))
        db.session.execute(delete(StageEntry).where(StageEntry.application_id.in_(apps)))
        db.session.execute(delete(TimelineEvent).where(TimelineEvent.application_id.in_(apps)))
        db.session.execute(delete(audit.AuditEntry).where(
            audit.AuditEntry.company_id == company_id,
            audit.AuditEntry.object.in_([f"application:{i}" for i in fp.applications] or ["-"])))
        db.session.execute(delete(Application).where(Application.id.in_(apps)))
        stored = _remove_files(fp.files)
        db.session.execute(delete(Candidate).where(Candidate.id == candidate.id))
    else:
        db.session.execute(delete(TimelineEvent).where(TimelineEvent.application_id.in_(apps),
                                                       TimelineEvent.kind != "stage_entered"))
        for application in db.session.scalars(select(Application).where(Application.id.in_(apps))):
            application.cover_letter, application.cv_file_id, application.source_ref = "", None, None
            application.pending_data, application.ref = None, str(uuid.uuid4())
        db.session.flush()
        stored = _remove_files(fp.files)
        candidate.given_names, candidate.family_name = ERASED_GIVEN, ERASED_FAMILY
        candidate.email = candidate.email_normalized = candidate.phone = candidate.phone_normalized = None
        candidate.name_unverified = False
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"candidate:{candidate_id}",
                 action=f"candidate_{mode}", after={"applications": len(fp.applications)})
    db.session.commit()
    _unlink(stored)
    return mode, fp


def drop_queued_tasks(*, outbox_ids: list[int], delivery_ids: list[int]) -> int:
    """Remove waiting, scheduled and failed RQ tasks that name the erased rows. The tasks
    would find nothing (they load by id), but their arguments should not outlive the data.
    A Redis outage is logged: the rows are gone, so the tasks do nothing when they run."""
    from rq.job import Job
    from rq.registry import DeferredJobRegistry, FailedJobRegistry, ScheduledJobRegistry

    from app.config import QUEUES
    from app.extensions import rq

    targets = {("send_email", i) for i in outbox_ids}
    targets |= {(name, i) for i in delivery_ids for name in ("run_board_delivery", "run_assessment_delivery",
                                                             "process_board_inbound", "process_assessment_inbound")}
    if not targets:
        return 0
    removed = 0
    try:
        for name in QUEUES:
            queue = rq.get_queue(name)
            ids = set(queue.get_job_ids())
            for registry in (ScheduledJobRegistry, FailedJobRegistry, DeferredJobRegistry):
                ids |= set(registry(queue=queue).get_job_ids())
            for job in Job.fetch_many(sorted(ids), connection=queue.connection):
                if job is None or not job.args:
                    continue
                if (job.func_name.rsplit(".", 1)[-1], job.args[0]) in targets:
                    job.delete()
                    removed += 1
    except Exception as exc:
        if getattr(exc, "__module__", "").startswith(("redis", "rq")) or isinstance(exc, OSError):
            log.warning("could not clean the task queues after an erasure (%s)", type(exc).__name__)
            return removed
        raise
    return removed


# ---------------------------------------------------------------- retention

def set_retention(company_id: int, months: int, actor: User) -> Company:
    if not isinstance(months, int) or not 1 <= months <= 120:
        raise PrivacyError("Keep candidates between 1 and 120 months.")
    company = db.session.get(Company, company_id)
    before = company.retention_months
    if before != months:
        company.retention_months = months
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"company:{company_id}",
                     action="retention_changed", before={"retention_months": before},
                     after={"retention_months": months})
    db.session.commit()
    return company


def last_activity_query():
    """Per candidate, their last activity: the newest of the candidate row's creation, an
    application's creation or update (stage moves update it), a stage entry, a timeline
    event (notes, emails, imports, results) and an email to them."""
    parts = [
        select(Candidate.id.label("cid"), Candidate.created_at.label("at")),
        select(Application.candidate_id, func.max(Application.updated_at)).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(Application.created_at)).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(StageEntry.entered_at))
        .join(StageEntry, StageEntry.application_id == Application.id).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(TimelineEvent.created_at))
        .join(TimelineEvent, TimelineEvent.application_id == Application.id).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(OutboxEmail.created_at))
        .join(OutboxEmail, OutboxEmail.application_id == Application.id).group_by(Application.candidate_id),
    ]
    union = parts[0].union_all(*parts[1:]).subquery()
    return select(union.c.cid, func.max(union.c.at).label("last")).group_by(union.c.cid).subquery()


def expired_candidates(company_id: int, months: int, now: datetime | None = None,
                       limit: int = RETENTION_BATCH) -> list[int]:
    """Candidates of the company with no activity for ``months`` (30-day months) and not
    already anonymised."""
    cutoff = (now or utcnow()) - timedelta(days=30 * months)
    last = last_activity_query()
    stmt = (select(Candidate.id).join(last, last.c.cid == Candidate.id)
            .where(Candidate.company_id == company_id, last.c.last < cutoff,
                   ~((Candidate.given_names == ERASED_GIVEN) & (Candidate.family_name == ERASED_FAMILY)
                     & Candidate.email.is_(None) & Candidate.phone.is_(None)))
            .order_by(Candidate.id).limit(limit))
    return list(db.session.scalars(stmt))


def sweep_retention() -> int:
    """Sweeper step: erase (or anonymise, where hired) every expired candidate of every
    company, purge used-up export links, and make merges older than 30 days final (their
    undo snapshots go). Idempotent: an erased candidate is gone, an anonymised one is
    skipped."""
    from app.duplicates.services import purge_expired

    done = 0
    now = utcnow()
    purge_expired(now)
    db.session.commit()  # always: on SQLite even a DELETE of nothing holds the write lock until commit
    outbox_ids: list[int] = []
    delivery_ids: list[int] = []
    for company_id, months in db.session.execute(select(Company.id, Company.retention_months)).all():
        for candidate_id in expired_candidates(company_id, months, now):
            try:
                _mode, fp = _erase(candidate_id, company_id, None, anonymise=False)
            except PrivacyError:
                db.session.rollback()
                continue
            done += 1
            outbox_ids += fp.outbox
            delivery_ids += fp.deliveries
    drop_queued_tasks(outbox_ids=outbox_ids, delivery_ids=delivery_ids)  # one pass over the queues
    stale = now - EXPORT_LINK_VALID - EXPORT_KEEP_AFTER_EXPIRY
    old = list(db.session.scalars(select(DataExportRequest.id).where(DataExportRequest.created_at < stale)))
    if old:
        db.session.execute(delete(OutboxEmail).where(OutboxEmail.dedupe_key.in_([f"data-export:{i}" for i in old]),
                                                     OutboxEmail.status.in_(("sent", "failed"))))
        db.session.execute(delete(DataExportRequest).where(DataExportRequest.id.in_(old)))
        db.session.commit()
    return done
