"""TopCV end to end over real HTTP: the sandbox in its own process, the app served live
(its intake enqueues to Redis), and a real ``flask rq worker --burst`` doing the work."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.applications.models import Application
from app.boards import services
from app.boards.models import Posting
from app.extensions import db
from app.messaging.models import Notification
from app.partners.models import IntegrationStatus, PartnerDelivery
from app.partners.texts import describe
from tests.support.builders import PDF
from tests.support.processes import wait_for
from tests.support.topcv_flow import Flow

pytestmark = pytest.mark.integration


@pytest.fixture
def app_config(app_config):
    """Tasks go to Redis here (the worker process runs them), as in production."""
    return {**app_config, "RQ_ASYNC": True}


@pytest.fixture
def flow(app, make, topcv, test_env, live):
    app.config["TOPCV_API_URL"] = topcv.base
    app.config["PARTNER_HTTP_TIMEOUT"] = 2.0
    return Flow(app, make, topcv, test_env, live)


def test_connect_post_approve_apply(flow):
    integration = flow.connect()
    assert integration.status == IntegrationStatus.CONFIGURED and integration.account_name == flow.company.name
    posting = flow.post_job()
    flow.work()
    posting = db.session.get(Posting, posting.id)
    assert posting.status == "pending_review" and posting.board_job_id
    on_board = flow.http.get(f"{flow.topcv.base}/v1/jobs/{posting.board_job_id}",
                             headers={"Authorization": f"Bearer {flow.employer['access_token']}"}, timeout=10).json()
    assert on_board["title"] == "Kỹ sư dữ liệu" and on_board["external_job_id"] == str(flow.job.id)

    flow.control(f"jobs/{posting.board_job_id}/approve")
    flow.inbound(1, "job.approved")
    assert db.session.get(Posting, posting.id).status == "approved"
    assert db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.kind == "posting_moderated")) >= 1

    flow.control(f"jobs/{posting.board_job_id}/apply", {
        "full_name": "Lê Văn Nam", "email": "nam@example.vn", "phone": "0901234567", "cover_letter": "Chào",
        "resume": {"file_name": "nam.pdf", "content_type": "application/pdf", "data": base64.b64encode(PDF).decode()}})
    flow.inbound(1, "application.created")
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert row.job_id == flow.job.id and row.stage_id == flow.job.first_stage.id and row.cv_file_id is not None

    services.close_posting(db.session.get(Posting, posting.id), flow.admin)
    flow.work()
    assert db.session.get(Posting, posting.id).status == "closed"


def test_rejection_reason_and_the_pending_pool(flow):
    flow.connect()
    posting = flow.post_job()
    flow.work()
    posting = db.session.get(Posting, posting.id)
    flow.control(f"jobs/{posting.board_job_id}/reject", {"reason": "Thiếu mức lương"})
    flow.inbound(1, "job.rejected")
    posting = db.session.get(Posting, posting.id)
    assert (posting.status, posting.reject_reason) == ("rejected", "Thiếu mức lương")

    other = flow.control("jobs", {"access_token": flow.employer["access_token"], "title": "Chuyên viên tuyển dụng",
                                  "description": "Tuyển dụng", "location": {"city": "Hà Nội", "country": "VN"},
                                  "deadline": "2099-01-01", "employment_type": "full_time", "level": "junior",
                                  "contact": {"email": "hr@example.vn"}})
    flow.control(f"jobs/{other['board_job_id']}/approve")
    flow.control(f"jobs/{other['board_job_id']}/apply", {"full_name": "Phạm Thu", "email": "thu@example.vn"})
    flow.inbound(1, "application.created")
    pending = db.session.scalar(select(Application).where(Application.status == "pending"))
    assert pending is not None and "Chuyên viên tuyển dụng" in describe(pending.pending_reason)


def test_wrong_keys_and_topcv_down_save_nothing(flow, app):
    with pytest.raises(services.BoardError, match="refused"):
        services.save_keys(flow.company.id, flow.admin, "not-a-token", "whatever")
    app.config["TOPCV_API_URL"] = "http://127.0.0.1:9"
    with pytest.raises(services.BoardError, match="could not be reached"):
        services.save_keys(flow.company.id, flow.admin, flow.employer["access_token"], flow.employer["secret_key"])
    integration = services.connection(flow.company.id)
    assert integration.api_key_enc is None and integration.status == IntegrationStatus.NOT_CONFIGURED
    states = set(db.session.scalars(select(PartnerDelivery.state)))
    assert states == {"failed"}  # both attempts are in the activity log


def test_bar_33_5xx_and_429_are_retried_and_4xx_fails_with_topcvs_reason(flow):
    flow.connect()
    flow.switches(api_500=2, api_429=1)
    posting = flow.post_job()
    first = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert first.attempts == 0 and first.state == "pending"
    flow.work()
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert (delivery.state, delivery.attempts) == ("ok", 4)
    assert db.session.get(Posting, posting.id).board_job_id

    bad = flow.post_job()
    row = db.session.get(Posting, bad.id)
    row.payload = {**row.payload, "level": ""}  # TopCV requires it; the sandbox says so
    db.session.commit()
    flow.work()
    row = db.session.get(Posting, bad.id)
    failed = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job")
                               .order_by(PartnerDelivery.id.desc()))
    assert failed.state == "failed" and failed.attempts == 1 and failed.status_code == 422
    assert row.board_job_id is None and "level" in (row.last_error or "")

    from app.partners import services as partners

    row.payload = {**row.payload, "level": "junior"}  # the recruiter fixes it; an admin replays the call
    db.session.commit()
    partners.replay(failed, flow.admin)
    flow.work()
    assert db.session.get(PartnerDelivery, failed.id).state == "ok"
    assert db.session.get(Posting, bad.id).board_job_id


def test_bar_33_timeouts_are_retried_then_handed_to_the_sweeper(flow):
    flow.connect()
    flow.switches(api_timeout=10, api_timeout_seconds=4)
    posting = flow.post_job()
    flow.work()
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert delivery.state == "retrying" and delivery.attempts == 4 and delivery.next_retry_at is not None
    assert "No answer within 2 seconds" in describe(delivery.error)
    flow.switches(api_timeout=0)
    from app.clock import utcnow

    delivery.next_retry_at = utcnow() - timedelta(minutes=2)  # 15 minutes later, past the grace minute
    db.session.commit()
    from app.sweeper import sweep

    assert sweep()["partner_deliveries"] >= 1
    flow.work()
    assert db.session.get(PartnerDelivery, delivery.id).state == "ok"
    assert db.session.get(Posting, posting.id).board_job_id


def test_duplicate_and_repeated_deliveries_create_one_application(flow):
    flow.connect()
    posting = flow.post_job()
    flow.work()
    posting = db.session.get(Posting, posting.id)
    flow.control(f"jobs/{posting.board_job_id}/approve")
    flow.inbound(1, "job.approved")
    flow.switches(duplicate_delivery=True)
    for _ in range(2):  # the same person applies twice, each event delivered twice
        flow.control(f"jobs/{posting.board_job_id}/apply", {"full_name": "Võ Anh", "email": "anh@example.vn"})
    wait_for(lambda: len([d for d in flow.http.get(f"{flow.topcv.base}/control/deliveries", timeout=10).json()
                          if d["type"] == "application.created" and d["status"] == "delivered"]) >= 2,
             timeout=30, message="deliveries done")
    flow.inbound(2, "application.created")
    rows = db.session.scalars(select(Application).where(Application.source == "topcv")).all()
    assert len(rows) == 1
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery).where(
        PartnerDelivery.type == "application.created")) == 2


def test_reconciliation_converges_without_webhooks(flow):
    from app.clock import utcnow
    from app.sweeper import sweep

    flow.connect()
    posting = flow.post_job()
    flow.work()
    posting = db.session.get(Posting, posting.id)
    flow.switches(webhooks_paused=True)
    flow.control(f"jobs/{posting.board_job_id}/approve")
    posting.sync_due_at = utcnow()
    db.session.commit()
    assert sweep()["board_reconcile"] == 1
    flow.work()
    assert db.session.get(Posting, posting.id).status == "approved"


def test_link_existing_posting_checks_ownership(flow, make):
    flow.connect()
    ours = flow.control("jobs", {"access_token": flow.employer["access_token"], "title": "Kế toán",
                                 "description": "x", "location": {"city": "Huế", "country": "VN"},
                                 "deadline": "2099-01-01", "employment_type": "full_time", "level": "junior",
                                 "contact": {"email": "hr@example.vn"}})
    stranger = flow.control("employers", {"name": "Someone else", "email": "x@example.vn"})
    theirs = flow.control("jobs", {"access_token": stranger["access_token"], "title": "Kế toán",
                                   "description": "x", "location": {"city": "Huế", "country": "VN"},
                                   "deadline": "2099-01-01", "employment_type": "full_time", "level": "junior",
                                   "contact": {"email": "x@example.vn"}})
    with pytest.raises(services.BoardError, match="has no job"):
        services.link_posting(flow.job, flow.admin, theirs["board_job_id"])
    linked = services.link_posting(flow.job, flow.admin, ours["board_job_id"])
    assert linked.linked and linked.status == "pending_review" and linked.payload["title"] == "Kế toán"


def test_refused_stored_keys_mark_disconnected_and_tell_admins(flow):
    flow.connect()
    flow.control("reset", {"wipe": True})  # TopCV forgets the employer: the stored key is refused
    posting = flow.post_job()
    flow.work()
    integration = services.connection(flow.company.id)
    assert integration.status == IntegrationStatus.DISCONNECTED
    assert "refused" in db.session.get(Posting, posting.id).last_error
    assert db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.kind == "integration_alert", Notification.user_id == flow.admin.id)) == 1
