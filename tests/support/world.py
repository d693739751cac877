"""Two tenants with one of everything, for the route walks (tests/support/routes.py):
``ids["a"]`` and ``ids["b"]`` hold a value for every URL parameter a tenant's routes take."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.clock import utcnow
from app.extensions import db


def build_world(make) -> dict:
    from app.applications import automations
    from app.applications import services as applications
    from app.jobs import services as jobs
    from app.messaging.models import EmailTemplate, Notification
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()
    a, b = make.company("alpha"), make.company("bravo")
    ua = make.user(a, role="admin", email="boss@alpha.test")
    member_a, member_b = make.user(a, email="member@alpha.test"), make.user(b, email="member@bravo.test")
    job_a, job_b = make.job(a, "Alpha job"), make.job(b, "Bravo job")
    app_a, app_b = make.application(job_a), make.application(job_b)
    tpl_a = jobs.create_template(a.id, "Alpha template", {}, from_job=job_a)
    tpl_b = jobs.create_template(b.id, "Bravo template", {}, from_job=job_b)
    auto_b = automations.add_automation(job_b, stage_id=job_b.stages[1].id, email_template_id=None,
                                 move_to_stage_id=job_b.stages[2].id)
    auto_a = automations.add_automation(job_a, stage_id=job_a.stages[1].id, email_template_id=None,
                                 move_to_stage_id=job_a.stages[2].id)
    etpl_b = EmailTemplate(company_id=b.id, key="custom", name="Bravo mail", subject="s", body="b")
    etpl_a = EmailTemplate(company_id=a.id, key="custom", name="Alpha mail", subject="s", body="b")
    db.session.add_all([etpl_a, etpl_b])
    pending_b = applications.create_application(b.id, app_b.candidate, None, source="topcv",
                                                pending_reason="no match", pending_data={"job_title": "X"})
    pending_a = applications.create_application(a.id, app_a.candidate, None, source="topcv",
                                                pending_reason="no match", pending_data={"job_title": "X"})
    a.emrex_enabled = b.emrex_enabled = True
    emrex_a, emrex_b = _emrex_rows(app_a), _emrex_rows(app_b)
    boards_a, boards_b = _board_rows(a, job_a), _board_rows(b, job_b)
    merge_a, merge_b = _merge_row(app_a), _merge_row(app_b)
    reply_a, reply_b = _reply_row(app_a), _reply_row(app_b)
    for row in (job_a, job_b, tpl_a, tpl_b, app_a, app_b):
        _screening_row(row)
    db.session.commit()
    from app.applications.rejections import reasons

    reason_a, reason_b = reasons(a.id)[0].id, reasons(b.id)[0].id
    bulk_a, bulk_b = _bulk_row(a), _bulk_row(b)
    from app.applications import tags

    tag_a = tags.add_to_application(app_a, ua, name="Tag of alpha").id
    tag_b = tags.add_to_application(app_b, member_b, name="Tag of bravo").id
    interview_a, interview_b = _interview_row(app_a, ua), _interview_row(app_b, member_b)
    from app.applications import share_links

    link_a = share_links.create_link(job_a, "Alpha fair", ua).id
    link_b = share_links.create_link(job_b, "Bravo fair", member_b).id
    note_b = db.session.scalar(select(Notification).where(Notification.company_id == b.id))
    ids = {
        "a": {"job_id": job_a.id, "application_id": app_a.id, "stage_id": job_a.stages[1].id,
              "automation_id": auto_a.id, "template_id": tpl_a.id, "email_template_id": etpl_a.id,
              "pending_id": pending_a.id, "owner_job": job_a.id, "owner_template": tpl_a.id, **emrex_a,
              **boards_a, "user_id": member_a.id, "candidate_id": app_a.candidate_id, "merge_id": merge_a,
              "reply_file_id": reply_a, "company_id": a.id, "slug": a.slug, "reason_id": reason_a,
              "bulk_id": bulk_a, "tag_id": tag_a, "interview_id": interview_a, "link_id": link_a},
        "b": {"job_id": job_b.id, "application_id": app_b.id, "stage_id": job_b.stages[1].id,
              "automation_id": auto_b.id, "template_id": tpl_b.id, "email_template_id": etpl_b.id,
              "pending_id": pending_b.id, "owner_job": job_b.id, "owner_template": tpl_b.id, **emrex_b, **boards_b,
              "notification": note_b.id if note_b else None, "user_id": member_b.id,
              "candidate_id": app_b.candidate_id, "merge_id": merge_b, "reply_file_id": reply_b, "company_id": b.id,
              "slug": b.slug, "reason_id": reason_b, "bulk_id": bulk_b, "tag_id": tag_b,
              "interview_id": interview_b, "link_id": link_b},
    }
    return {"a": a, "b": b, "user_a": ua, "ids": ids}


def _interview_row(application, user) -> int:
    """An interview of ``application`` (no time yet) with ``user`` interviewing."""
    from app.interviews import services

    return services.create(application, user, kind="video", duration_minutes=30, interviewer_ids=[user.id]).id


def _screening_row(row) -> None:
    """A job's or template's screening question ``q1`` (a PDF), or an application's answer to it."""
    from app.applications import files
    from app.screening.models import ScreeningAnswer
    from tests.support.builders import PDF

    if hasattr(row, "candidate_id"):
        db.session.add(ScreeningAnswer(company_id=row.company_id, application_id=row.id, question_key="q1",
                                       label="Your portfolio", kind="file", value="portfolio.pdf",
                                       text="portfolio.pdf", file=files.store(row.company_id, "portfolio.pdf", PDF)))
        return
    row.integration_settings = {**(row.integration_settings or {}), "screening": {"last": 1, "questions": [
        {"key": "q1", "kind": "file", "label": "Your portfolio", "help": "", "required": False, "choices": [],
         "knockout": None}]}}


def _reply_row(application) -> int:
    """A candidate's reply to ``application`` with one PDF attachment; its attachment's id."""
    from app.applications import files
    from app.conversations.models import InboundAttachment, InboundEmail
    from tests.support.builders import PDF

    reply = InboundEmail(company_id=application.company_id, application_id=application.id,
                         from_addr="c@example.com", subject="Re", body_text="Thanks", raw_sha256=f"{application.id:064d}")
    db.session.add(reply)
    stored = files.store(application.company_id, "reply.pdf", PDF)
    db.session.flush()
    attachment = InboundAttachment(inbound_email_id=reply.id, stored_file_id=stored.id, filename="reply.pdf",
                                   content_type="application/pdf", size=len(PDF))
    db.session.add(attachment)
    db.session.flush()
    return attachment.id


def _emrex_rows(application) -> dict:
    """A request, attempt, transcript (raw document) and PDF attachment of ``application``."""
    from app.applications import files
    from app.emrex.models import EmrexAttachment, EmrexAttempt, EmrexRequest, EmrexTranscript
    from tests.support.builders import PDF

    cid = application.company_id
    request = EmrexRequest(company_id=cid, application_id=application.id, status="completed")
    db.session.add(request)
    db.session.flush()
    attempt = EmrexAttempt(company_id=cid, request_id=request.id, emp_url="https://emp.example/x",
                           session_id=f"s{application.id:031d}", outcome="imported")
    db.session.add(attempt)
    db.session.flush()
    transcript = EmrexTranscript(company_id=cid, request_id=request.id, attempt_id=attempt.id,
                                 application_id=application.id, institution=f"University of {cid}",
                                 raw_file=files.store(cid, "elmo.xml", b"<elmo/>", "application/xml"))
    db.session.add(transcript)
    db.session.flush()
    attachment = EmrexAttachment(company_id=cid, transcript_id=transcript.id, file=files.store(cid, "t.pdf", PDF),
                                 title="Transcript")
    db.session.add(attachment)
    db.session.flush()
    return {"transcript_id": transcript.id, "attachment_id": attachment.id}


def _board_rows(company, job) -> dict:
    """TopCV connected, one posting and one logged delivery of ``company``."""
    from app.boards.models import Posting
    from app.partners.models import PartnerDelivery
    from tests.support.boards import connect

    integration = connect(company)
    posting = Posting(company_id=company.id, job_id=job.id, integration_id=integration.id, board_job_id=f"T{job.id}",
                      status="approved", payload={"title": job.title, "level": "junior"})
    delivery = PartnerDelivery(company_id=company.id, integration_id=integration.id, direction="out",
                               type="topcv.post_job", state="failed", target={"posting_id": 0})
    db.session.add_all([posting, delivery])
    db.session.flush()
    return {"posting_id": posting.id, "integration_id": integration.id, "delivery_id": delivery.id}


def _merge_row(application) -> int:
    """The undo record of a merge into ``application``'s candidate (what ``split`` reads)."""
    from app.duplicates.models import CandidateMerge

    merge = CandidateMerge(company_id=application.company_id, survivor_id=application.candidate_id,
                           merged_candidate_id=10_000 + application.id, merged_data={}, survivor_before={},
                           survivor_after={}, moved_application_ids=[], event_ids=[], dismissals=[],
                           expires_at=utcnow() + timedelta(days=30))
    db.session.add(merge)
    db.session.flush()
    return merge.id


def _bulk_row(company) -> int:
    """A finished bulk action of the company (its page is a tenant's URL)."""
    from app.applications.models import BulkAction

    row = BulkAction(company_id=company.id, action="move", params={"stage": "Offer"}, ids=[], total=0,
                     status="finished")
    db.session.add(row)
    db.session.commit()
    return row.id
