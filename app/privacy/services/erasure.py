"""Candidate data rights, erasure and anonymisation within one company: the footprint, the
rows and files removed, the queued tasks dropped."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, select

from app import audit
from app.accounts.models import User
from app.applications import files
from app.applications.models import Application, Candidate, StageEntry, StoredFile, TimelineEvent
from app.assessments.models import AssessmentOrder, AssessmentSummary
from app.emrex.models import (
    EmrexAttachment,
    EmrexAttempt,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexSummary,
    EmrexTranscript,
)
from app.extensions import db
from app.jobs.models import AutomationRun
from app.links import path_for
from app.messaging.models import Notification, OutboxEmail
from app.partners.models import PartnerDelivery
from app.privacy.models import DataExportRequest
from app.privacy.services.common import ERASED_FAMILY, ERASED_GIVEN, PrivacyError
from app.scorecards.services import forget_applications as forget_scorecards
from app.screening import services as screening

log = logging.getLogger(__package__)  # "app.privacy.services", as before the split


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
    file_ids |= set(screening.file_ids_of(fp.applications))  # PDFs sent as answers to screening questions
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
    # the team's scorecards go with their notes (the timeline's "note" events), in both modes
    forget_scorecards(fp.applications)
    screening.forget_applications(fp.applications)  # the answers to screening questions, in both modes
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
        raise PrivacyError("unknown_candidate")
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
    from app.background import monitor
    from app.messaging.tasks import send_email
    from app.partners.tasks import process_inbound, run_delivery

    return monitor.drop_queued({send_email: outbox_ids, run_delivery: delivery_ids, process_inbound: delivery_ids})
