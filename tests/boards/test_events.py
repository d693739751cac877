"""TopCV → Haku events: intake answers (PARTNERS.md §0, §3.3) and what processing does.
Tasks run inline here (RQ_ASYNC off); the sandbox tests use a real worker."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import func, select

from app.applications.models import Application, TimelineEvent
from app.boards.models import Posting
from app.extensions import db
from app.messaging.models import Notification
from app.partners.models import PartnerDelivery
from app.partners.texts import describe
from tests.support.boards import applied, event, posting_for, signed


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


# ---------------------------------------------------------------- moderation

def test_approved_updates_posting_and_notifies_team_once(board, make, post_event):
    recruiter = make.user(board.company)
    job = make.job(board.company, team=[recruiter])
    posting = posting_for(board, job)
    payload = event("job.approved", {"board_job_id": "TCV-1", "reason": None})
    first = post_event(payload, msg_id="evt_1")
    assert first.status_code == 202
    assert db.session.get(Posting, posting.id).status == "approved"
    notes = db.session.scalars(select(Notification).where(Notification.kind == "posting_moderated")).all()
    assert {n.user_id for n in notes} == {board.admin.id, recruiter.id}
    assert "approved" in notes[0].title
    again = post_event(payload, msg_id="evt_1")  # TopCV's retry: same webhook-id
    assert again.status_code == 200 and again.get_json()["status"] == "duplicate"
    assert count(Notification, Notification.kind == "posting_moderated") == 2
    assert count(PartnerDelivery, PartnerDelivery.direction == "in") == 1


def test_rejected_keeps_reason_and_an_older_approval_changes_nothing(board, make, post_event):
    job = make.job(board.company)
    posting = posting_for(board, job)
    post_event(event("job.rejected", {"board_job_id": "TCV-1", "reason": "Salary missing"},
                     timestamp="2026-12-01T09:00:00Z"))
    post_event(event("job.approved", {"board_job_id": "TCV-1", "reason": None}, timestamp="2026-12-01T08:00:00Z"))
    row = db.session.get(Posting, posting.id)
    assert (row.status, row.reject_reason) == ("rejected", "Salary missing")


def test_moderation_for_an_unknown_posting_is_logged_as_ignored(board, post_event):
    resp = post_event(event("job.approved", {"board_job_id": "NOPE", "reason": None}))
    assert resp.status_code == 202
    row = db.session.scalar(select(PartnerDelivery))
    assert row.state == "ignored" and describe(row.error) == "Haku has no posting for TopCV job NOPE."


# ---------------------------------------------------------------- applicants

def test_applicant_lands_at_first_stage_with_cv_and_team_notified(board, make, post_event):
    job = make.job(board.company)
    posting_for(board, job, status="approved")
    assert post_event(applied()).status_code == 202
    app_row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert app_row.job_id == job.id and app_row.stage_id == job.first_stage.id and app_row.status == "open"
    assert app_row.source_ref == "APP-1" and app_row.cv_file is not None
    # PARTNERS.md §3.3: the name kept whole, family name first ("Nguyễn Thị Lan": family Nguyễn)
    assert (app_row.candidate.given_names, app_row.candidate.family_name) == ("Thị Lan", "Nguyễn")
    assert app_row.candidate.full_name == "Nguyễn Thị Lan"
    assert app_row.candidate.name_unverified is True
    assert app_row.consent_text_version == "topcv-terms" and app_row.consent_at is not None
    assert count(Notification, Notification.kind == "new_application") >= 1


def test_redelivery_under_a_new_id_and_the_same_person_do_not_duplicate(board, make, post_event):
    job = make.job(board.company)
    posting_for(board, job, status="approved")
    post_event(applied())
    post_event(applied())  # same board_application_id, new webhook-id
    post_event(applied(ref="APP-2", email="LAN@example.vn"))  # same person (email), same job
    rows = db.session.scalars(select(Application).where(Application.source == "topcv")).all()
    assert len(rows) == 1
    notes = db.session.scalars(select(TimelineEvent).where(TimelineEvent.kind == "duplicate")).all()
    assert len(notes) == 1 and notes[0].application_id == rows[0].id


def test_a_phone_only_applicant_is_never_matched_by_phone(board, make, post_event):
    """Was part of the test above ("same person by phone" became a duplicate note): a phone
    proves nothing, so the same phone without an email is a new person and application."""
    job = make.job(board.company)
    posting_for(board, job, status="approved")
    post_event(applied())
    post_event(applied(ref="APP-3", email=None, name="Trần Văn Minh"))
    rows = db.session.scalars(select(Application).where(Application.source == "topcv")
                              .order_by(Application.id)).all()
    assert len(rows) == 2 and rows[0].candidate_id != rows[1].candidate_id
    assert rows[0].candidate.full_name == "Nguyễn Thị Lan" and rows[0].candidate.email == "lan@example.vn"
    assert rows[1].candidate.full_name == "Trần Văn Minh" and rows[1].candidate.email is None
    assert count(TimelineEvent, TimelineEvent.kind == "duplicate") == 0


def test_title_match_without_posting(board, make, post_event):
    make.job(board.company, title="Data analyst")
    job = make.job(board.company, title="Lập trình viên Python")
    post_event(applied(board_job_id="TCV-OTHER", title="  lap trinh  vien PYTHON "))
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert row.job_id == job.id
    applied_event = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "applied"))
    assert applied_event.data["matched"] == "matched by title"


@pytest.mark.parametrize("titles,reason", [((), "no TopCV posting"), (("Tester", "Tester"), "2 open jobs")])
def test_no_or_several_matches_go_to_the_pending_pool(board, make, post_event, titles, reason):
    for title in titles:
        make.job(board.company, title=title)
    post_event(applied(board_job_id=None, title="Tester"))
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert row.status == "pending" and row.job_id is None and reason in describe(row.pending_reason)
    assert row.pending_data["job_title"] == "Tester"
    assert count(Notification, Notification.kind == "pending_pool") >= 1


def test_bar_38_a_bad_cv_is_dropped_with_a_note_and_the_applicant_kept(board, make, post_event):
    job = make.job(board.company)
    posting_for(board, job, status="approved")
    payload = applied()
    payload["data"]["resume"]["data"] = base64.b64encode(b"MZ not a pdf").decode()
    post_event(payload)
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert row is not None and row.cv_file_id is None
    note = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "cv_dropped"))
    assert "not a PDF" in note.data["reason"]


def test_applicant_without_contact_is_rejected_in_the_log(board, post_event):
    payload = applied(email=None, phone=None, ref="")
    assert post_event(payload).status_code == 202
    assert count(Application) == 0
    assert db.session.scalar(select(PartnerDelivery.state)) == "failed"


def test_stage_automations_fire_for_topcv_applicants(board, make, post_event):
    from app.emrex import services as emrex
    from app.emrex.models import EmrexRequest

    board.company.emrex_enabled = True
    job = make.job(board.company)
    emrex.save_settings(job, email_template_id=None, trigger_stage_id=job.first_stage.id, reminders_enabled=True)
    posting_for(board, job, status="approved")
    post_event(applied())
    assert count(EmrexRequest) == 1


# ---------------------------------------------------------------- intake answers

def test_intake_refusals_store_nothing(board, client, post_event, app):
    ok_payload = event("job.approved", {"board_job_id": "X", "reason": None})
    unknown = post_event(ok_payload, url="/partner/v1/boards/topcv/00000000-0000-4000-8000-000000000000/events")
    assert unknown.status_code == 404 and unknown.get_json()["error"]["code"] == "not_found"
    assert post_event(ok_payload, secret="wrong-secret").status_code == 401
    body, headers = signed(board.secret, ok_payload)
    assert client.post(board.url, data=body, headers={**headers, "Content-Type": "text/plain"}).status_code == 415
    unsigned = {k: v for k, v in headers.items() if k != "webhook-signature"}
    assert client.post(board.url, data=body, headers=unsigned).status_code == 401
    old = post_event(ok_payload, timestamp=1_000_000_000)
    assert old.status_code == 401
    assert post_event(b"{not json").status_code == 400
    assert post_event({"type": "job.approved", "data": {}}).status_code == 400  # no api_version
    app.config["TOPCV_WEBHOOK_MAX_BYTES"] = 100
    assert post_event(applied()).status_code == 413
    app.config["TOPCV_WEBHOOK_MAX_BYTES"] = 20 * 1024 * 1024
    assert count(PartnerDelivery) == 0


def test_unknown_type_is_acknowledged_and_ignored(board, post_event):
    resp = post_event(event("job.viewed", {"board_job_id": "X"}))
    assert resp.status_code == 200 and resp.get_json()["status"] == "ignored"
    assert db.session.scalar(select(PartnerDelivery.state)) == "ignored"


@pytest.mark.parametrize("switch", ["disconnect", "staff_off", "inactive"])
def test_disconnected_or_disabled_is_410(board, post_event, switch):
    from app.boards import services

    if switch == "disconnect":
        services.disconnect(board.company.id, board.admin)
    elif switch == "staff_off":
        board.company.job_boards_enabled = False
        db.session.commit()
    else:
        board.integration.is_active = False
        db.session.commit()
    resp = post_event(event("job.approved", {"board_job_id": "X", "reason": None}))
    assert resp.status_code == 410
    assert count(PartnerDelivery, PartnerDelivery.direction == "in") == 0


def test_a_too_large_cv_or_a_url_off_the_allowlist_is_dropped(board, make, post_event, app):
    job = make.job(board.company)
    posting_for(board, job, status="approved")
    app.config["CV_MAX_BYTES"] = 100
    post_event(applied(ref="BIG"))
    app.config["CV_MAX_BYTES"] = 10 * 1024 * 1024
    payload = applied(ref="URL", email="other@example.vn", phone=None)
    payload["data"]["resume"] = {"file_name": "x.pdf", "content_type": "application/pdf", "data": None,
                                 "url": "http://evil.example.com/cv.pdf"}
    post_event(payload)
    rows = db.session.scalars(select(Application).where(Application.source == "topcv")).all()
    assert len(rows) == 2 and all(r.cv_file_id is None for r in rows)
    reasons = [e.data["reason"] for e in db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.kind == "cv_dropped").order_by(TimelineEvent.id))]
    assert "larger than" in reasons[0] and "OUTBOUND_ALLOWED_HOSTS" in reasons[1]


def test_calls_that_keep_failing_end_dead_and_tell_the_admins(board, make, app):
    """TopCV unreachable: RQ's quick retries, then the sweeper's schedule, then dead."""
    from app.boards import services
    from app.partners import services as partners

    app.config["TOPCV_API_URL"] = "http://127.0.0.1:9"
    job = make.job(board.company)
    form = services.posting_defaults(job, board.admin)
    form.update(level="junior", deadline="2099-01-01", city="Hà Nội", description="x")
    posting = services.create_posting(job, board.admin, form)
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert (delivery.state, delivery.attempts) == ("retrying", 4)  # the first call and three quick retries
    due = []
    while delivery.state == "retrying":
        due.append(delivery.next_retry_at - delivery.updated_at)
        partners.run_delivery(delivery.id)  # what the sweeper does when it is due
        db.session.refresh(delivery)
    assert delivery.state == "dead" and delivery.attempts == 9
    assert [round(d.total_seconds() / 60) for d in due] == [15, 60, 120, 240, 480]
    assert "did not answer" in describe(db.session.get(Posting, posting.id).last_error)
    alert = db.session.scalar(select(Notification).where(Notification.kind == "integration_alert"))
    assert alert.user_id == board.admin.id


def test_replay_runs_a_failed_delivery_again(board, post_event, make):
    from app.partners import services as partners

    post_event(applied(email=None, phone=None, ref=""))  # fails: no way to reach the person
    failed = db.session.scalar(select(PartnerDelivery))
    assert failed.state == "failed" and failed.replayable
    partners.replay(failed, board.admin)
    db.session.refresh(failed)
    assert failed.state == "failed"  # still nothing to go on, and said so again
    from app.audit import AuditEntry

    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.object == f"partner_delivery:{failed.id}")) \
        == "replay"


def test_nul_characters_from_a_partner_are_dropped_not_a_500(board, make, post_event, client):
    """JSON may carry \\u0000; PostgreSQL text cannot (the fuzz test found this on PostgreSQL)."""
    job = make.job(board.company)
    posting_for(board, job, status="approved")
    payload = applied(name="Lan\u0000 Nguyễn", ref="NUL\u00001")
    payload["data"]["board_job_id"] = "TCV-1\u0000"
    assert post_event(payload).status_code == 202
    row = db.session.scalar(select(PartnerDelivery))
    assert row.state == "processed" and "\x00" not in (row.summary or "")
    app_row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert app_row.source_ref == "NUL1" and app_row.job_id == job.id
    body, headers = signed(board.secret, event("job.approved", {"board_job_id": "X", "reason": None}))
    assert client.post("/partner/v1/boards/topcv/%00/events", data=body, headers=headers).status_code == 404
