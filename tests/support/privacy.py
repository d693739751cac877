"""A person with data of every kind (applications, files, EMREX, partner results, emails), its
needles for "nothing left" checks, and the data-export round trip."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.extensions import db

EMAIL = "Erkki.Esimerkki@Example.com"
EMAIL_N = EMAIL.lower()
PHONE = "+358401234567"
TOPCV_REF = "TCV-APP-77731"
INTERVIEW_ID = "alva-int-5521"
COURSE = "Distributed Systems 9174"
XML = b"<?xml version='1.0'?><elmo><learner>Erkki Esimerkki</learner></elmo>"
ATTACHMENT = b"%PDF-1.4\n% diploma supplement of Erkki\n%%EOF\n"


@dataclass
class Person:
    company: object
    admin: object
    candidate_id: int
    applications: list[int] = field(default_factory=list)
    careers_id: int = 0
    topcv_id: int = 0
    orders: list[int] = field(default_factory=list)
    deliveries: list[int] = field(default_factory=list)
    files: list[int] = field(default_factory=list)
    storage_keys: list[str] = field(default_factory=list)
    outbox: list[int] = field(default_factory=list)
    emrex_requests: list[int] = field(default_factory=list)
    transcripts: list[int] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)


def build_person(make, company=None, *, given="Erkki", family="Esimerkki", email=EMAIL, phone=PHONE,
                 suffix="") -> Person:
    """Everything through the services where a service exists; partner results are written
    as the partner handlers would store them (the partner flows have their own tests)."""
    from app.applications import files
    from app.applications import services as applications
    from app.applications.models import Application, StoredFile
    from app.assessments.models import AssessmentOrder, AssessmentSummary
    from app.emrex.models import (
        EmrexAttachment,
        EmrexAttempt,
        EmrexRequest,
        EmrexRequestEvent,
        EmrexSummary,
        EmrexTranscript,
    )
    from app.messaging.models import OutboxEmail
    from app.partners.models import PartnerDelivery

    company = company or make.company()
    admin = make.admin_of(company)
    admin.email_notification_kinds = ["new_application", "pending_pool"]  # team emails that name the candidate
    db.session.commit()
    job = make.job(company, title=f"Data engineer{suffix}", team=[admin])
    app1 = applications.apply(job.id, company.slug, applications.CandidateData(
        given_names=given, family_name=family, email=email, phone=phone), cover_letter=f"Dear team{suffix}, hire me",
        cv=("erkki-cv.pdf", _pdf(f"CV of {given}{suffix}")), consent=True)
    second_stage = job.stages[1]
    applications.move_to_stage(app1, second_stage.id, admin)
    applications.add_note(app1, f"Internal: strong candidate {given}{suffix}", admin)

    # EMREX: a completed request with its transcript, signed document and an attachment.
    request = EmrexRequest(company_id=company.id, application_id=app1.id, status="completed",
                           stated_birth_date=date(1990, 5, 17), sends=1)
    db.session.add(request)
    db.session.flush()
    attempt = EmrexAttempt(company_id=company.id, request_id=request.id, emp_url="https://emp.example/",
                           emp_name="Example University", session_id=uuid.uuid4().hex, outcome="imported")
    db.session.add(attempt)
    db.session.add(EmrexRequestEvent(company_id=company.id, request_id=request.id, kind="submitted"))
    db.session.flush()
    raw = files.store(company.id, "elmo.xml", XML, "application/xml")
    transcript = EmrexTranscript(
        company_id=company.id, request_id=request.id, attempt_id=attempt.id, application_id=app1.id, raw_file=raw,
        signature_verified=True, identity_status="match",
        learner={"given_names": given, "family_name": family, "bday": "1990-05-17"},
        reports=[{"issuer": "Example University", "opportunities": [
            {"title": "Master of Science (Technology)", "type": "Degree", "grade": "4", "credits": "120"},
            {"title": COURSE, "type": "Course", "grade": "5", "credits": "5"}]}],
        institution="Example University", degree="Master of Science (Technology)", total_ects=Decimal(120),
        gpa=Decimal("4.50"), gpa_scale="5.0")
    db.session.add(transcript)
    db.session.flush()
    att_file = files.store(company.id, "diploma-supplement.pdf", ATTACHMENT)
    db.session.add(EmrexAttachment(company_id=company.id, transcript_id=transcript.id, file=att_file,
                                   title="Diploma supplement", kind="DiplomaSupplement"))
    db.session.add(EmrexSummary(application_id=app1.id, company_id=company.id, status="completed",
                                institution="Example University", degree="MSc", gpa=Decimal("4.50")))

    # Assessment: an order with its result, the outbound call and the vendor's callback.
    alva = _integration(company, "alva", "personality_logic")
    order = AssessmentOrder(company_id=company.id, application_id=app1.id, integration_id=alva.id,
                            partner_test_id="t-1", partner_test_name="Logic test", status="complete",
                            partner_interview_id=tagged(INTERVIEW_ID, suffix), score=87.0, max_score=100.0,
                            sub_scores=[{"title": "Logic", "value": 9, "max": 10}], result_card={"summary": f"Very logical {given}{suffix}"})
    db.session.add(order)
    db.session.flush()
    db.session.add(AssessmentSummary(application_id=app1.id, company_id=company.id, order_id=order.id,
                                     status="complete", score=87.0, max_score=100.0))
    out_call = PartnerDelivery(company_id=company.id, integration_id=alva.id, direction="out",
                               type="alva.send_test", state="retrying", target={"order_id": order.id},
                               summary="send test")
    callback = PartnerDelivery(company_id=company.id, integration_id=alva.id, direction="in",
                               type="test.completed", webhook_id=f"msg_{uuid.uuid4().hex}", state="processed",
                               summary=f"partner_interview_id={tagged(INTERVIEW_ID, suffix)}, score=87",
                               body=json.dumps({"type": "test.completed", "data": {
                                   "partner_interview_id": tagged(INTERVIEW_ID, suffix), "score": 87}}))
    db.session.add_all([out_call, callback])

    # TopCV: an applicant from the board (Pending pool) and the raw event that brought them.
    topcv = _integration(company, "topcv", "job_board")
    candidate = app1.candidate
    app2 = applications.create_application(
        company.id, candidate, None, source="topcv", consent_version="topcv-terms",
        pending_reason="unknown_job", pending_data={"job_title": "Data engineer", "answers": ["Yes"]},
        event_data={"board_application_id": tagged(TOPCV_REF, suffix)})
    app2.source_ref = tagged(TOPCV_REF, suffix)
    event = PartnerDelivery(company_id=company.id, integration_id=topcv.id, direction="in",
                            type="application.created", webhook_id=f"msg_{uuid.uuid4().hex}", state="processed",
                            summary=f"board_application_id={tagged(TOPCV_REF, suffix)}",
                            body=json.dumps({"type": "application.created", "data": {
                                "board_application_id": tagged(TOPCV_REF, suffix),
                                "candidate": {"full_name": f"{given} {family}", "email": email, "phone": phone}}}))
    db.session.add(event)
    db.session.commit()  # commit, then enqueue the emails the services deferred

    person = Person(company=company, admin=admin, candidate_id=candidate.id, careers_id=app1.id, topcv_id=app2.id)
    person.applications = [app1.id, app2.id]
    person.orders = [order.id]
    person.deliveries = [out_call.id, callback.id, event.id]
    person.emrex_requests = [request.id]
    person.transcripts = [transcript.id]
    person.files = [app1.cv_file_id, raw.id, att_file.id]
    person.storage_keys = [db.session.get(StoredFile, f).storage_key for f in person.files]
    person.outbox = list(db.session.scalars(select(OutboxEmail.id).where(
        OutboxEmail.application_id.in_(person.applications))))
    refs = dict(db.session.execute(select(Application.id, Application.ref).where(
        Application.id.in_(person.applications))).all())
    person.refs = [refs[i] for i in person.applications]  # careers, then TopCV (a query has no order)
    return person


def _integration(company, vendor: str, product: str):
    from app.partners.models import PartnerIntegration

    row = db.session.scalar(select(PartnerIntegration).where(PartnerIntegration.company_id == company.id,
                                                             PartnerIntegration.vendor == vendor))
    if row is None:
        row = PartnerIntegration(company_id=company.id, vendor=vendor, product=product, status="configured")
        db.session.add(row)
        db.session.flush()
    return row


def tagged(base: str, suffix: str) -> str:
    """A variant of ``base`` that does not contain it (so one person's strings never match
    another's)."""
    return f"{base[:3]}{suffix}{base[3:]}"


def _pdf(text: str) -> bytes:
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n% " + text.encode() +
            b"\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def export_of(client, mailbox, email: str):
    """The "Your data" journey for ``email`` as its owner makes it: ask on the page, read the
    link from the email that arrives over SMTP, download. Returns (data.json, {name: bytes}),
    or None when no link came (an unknown address gets the same page and no email)."""
    import io
    import re
    import zipfile

    from tests.support.mail import text_of

    mailbox.messages.clear()
    page = client.post("/your-data", data={"email": email})
    assert page.status_code == 200
    links = [re.search(r"(/your-data/d/[A-Za-z0-9_\-]+)", text_of(m)) for m in mailbox.messages]
    links = [m.group(1) for m in links if m]
    if not links:
        return None
    (link,) = links
    resp = client.post(link)
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(resp.data))
    return json.loads(archive.read("data.json")), {n: archive.read(n) for n in archive.namelist()}


# The tables whose own ``id`` is one of the person's rows (kind of id → table).
OWN_IDS = {"applications": "applications", "candidates": "candidate", "stored_files": "files",
           "assessment_orders": "orders", "emrex_requests": "emrex_requests", "emrex_transcripts": "transcripts",
           "partner_deliveries": "deliveries", "outbox_emails": "outbox"}


# Foreign keys that point at the person's rows (referenced table → kind of id).
REFERENCED = {"applications": "applications", "candidates": "candidate", "stored_files": "files",
              "assessment_orders": "orders", "emrex_requests": "emrex_requests",
              "emrex_transcripts": "transcripts", "partner_deliveries": "deliveries", "outbox_emails": "outbox"}


def _ids(person) -> dict[str, set[int]]:
    return {"applications": set(person.applications), "candidate": {person.candidate_id},
            "files": set(person.files), "orders": set(person.orders), "emrex_requests": set(person.emrex_requests),
            "transcripts": set(person.transcripts), "deliveries": set(person.deliveries),
            "outbox": set(person.outbox)}


def _needles(person) -> list[str]:
    return [EMAIL, EMAIL_N, PHONE, "Erkki", "Esimerkki", TOPCV_REF, INTERVIEW_ID, "Dear team, hire me", "strong candidate Erkki",
            "Very logical Erkki", *person.refs, *person.storage_keys]


def traces(person, *, skip: set[tuple[str, int]] = frozenset()) -> list[str]:
    """Every row of every table that still holds one of the person's ids (by primary key or
    foreign key) or one of their strings (in any column)."""
    ids = _ids(person)
    needles = _needles(person)
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)).mappings():
            key = (table.name, row.get("id"))
            if key in skip:
                continue
            kind = OWN_IDS.get(table.name)
            if kind and row.get("id") in ids[kind]:
                found.append(f"{table.name} #{row['id']} still exists")
            for column in table.columns:
                for fk in column.foreign_keys:
                    ref = REFERENCED.get(fk.column.table.name)
                    if ref and row[column.name] in ids[ref]:
                        found.append(f"{table.name}.{column.name}={row[column.name]}")
            text = json.dumps({k: v for k, v in row.items()}, default=str)
            for needle in needles:
                if needle in text:
                    found.append(f"{table.name} #{row.get('id')} contains {needle!r}")
            if table.name == "audit_entries" and any(
                    row["object"] == f"{prefix}:{i}" for prefix, kind in
                    (("application", "applications"), ("assessment_order", "orders"),
                     ("partner_delivery", "deliveries")) for i in ids[kind]):
                found.append(f"audit_entries #{row['id']} names {row['object']}")
    return found
