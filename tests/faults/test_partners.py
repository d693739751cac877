"""Partner faults through the sandboxes' failure switches, over real HTTP, with a real
worker (SECURITY_BAR 33): TopCV answering 500, 429 and hanging. After recovery the board
has exactly one job for the posting, and the recruiter's Sources screen says so."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from app.boards.models import Posting
from app.extensions import db
from app.partners.models import PartnerDelivery
from app.partners.texts import describe
from tests.support.builders import PASSWORD
from tests.support.processes import wait_for
from tests.support.topcv_flow import Flow


@pytest.fixture
def app_config(app_config):
    """Tasks go to Redis here (the worker process runs them), as in production."""
    return {**app_config, "RQ_ASYNC": True}


@pytest.fixture
def flow(app, make, topcv, test_env, live):
    app.config["TOPCV_API_URL"] = topcv.base
    app.config["PARTNER_HTTP_TIMEOUT"] = 2.0
    return Flow(app, make, topcv, test_env, live)


def remote_jobs(flow) -> list[dict]:
    resp = flow.http.get(f"{flow.topcv.base}/v1/jobs", timeout=10,
                         headers={"Authorization": f"Bearer {flow.employer['access_token']}"})
    assert resp.status_code == 200, resp.text
    return resp.json()


def sources_page(flow) -> str:
    client = flow.app.test_client()
    client.post("/admin/login", data={"email": flow.admin.email, "password": PASSWORD})
    resp = client.get(f"/admin/jobs/{flow.job.id}/sources")
    assert resp.status_code == 200
    return resp.get_data(as_text=True)


def test_bar_33_topcv_500_then_200_makes_one_remote_posting(flow):
    flow.connect()
    flow.switches(api_500=2, api_429=1)
    posting = flow.post_job()
    assert "Sending" in sources_page(flow)
    flow.work()
    posting = db.session.get(Posting, posting.id)
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert (delivery.state, delivery.attempts) == ("ok", 4)
    assert [j["board_job_id"] for j in remote_jobs(flow)] == [posting.board_job_id]
    page = sources_page(flow)
    assert posting.board_job_id in page and "Pending review" in page


def test_bar_33_topcv_400_fails_with_the_boards_reason_and_posts_nothing(flow):
    flow.connect()
    posting = flow.post_job()
    row = db.session.get(Posting, posting.id)
    row.payload = {**row.payload, "level": ""}  # TopCV refuses the body and says why
    db.session.commit()
    flow.work()
    row = db.session.get(Posting, posting.id)
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert delivery.state == "failed" and delivery.attempts == 1 and 400 <= delivery.status_code < 500
    assert row.board_job_id is None and "level" in row.last_error
    assert remote_jobs(flow) == []
    page = sources_page(flow)
    assert "not posted yet" in page and "level is required" in page and "TopCV said: The partner refused the call (HTTP 422)" in page


def test_bar_33_topcv_timeout_is_retried_and_adopts_the_job_the_unanswered_try_made(flow):
    from app.partners import services as partners

    flow.connect()
    flow.switches(api_timeout=1, api_timeout_seconds=4)  # longer than our 2 s timeout; TopCV still creates it
    posting = flow.post_job()
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert partners.run_delivery(delivery.id) == "retrying"  # the first try, here: it times out
    delivery = db.session.get(PartnerDelivery, delivery.id)
    assert "No answer within" in describe(delivery.error) and db.session.get(Posting, posting.id).board_job_id is None
    assert "Sending" in sources_page(flow)
    (made,) = wait_for(lambda: remote_jobs(flow), timeout=30, message="TopCV to finish the unanswered create")
    flow.work()  # the retry finds that job instead of making a second one
    delivery = db.session.get(PartnerDelivery, delivery.id)
    assert (delivery.state, delivery.attempts) == ("ok", 2)
    assert db.session.get(Posting, posting.id).board_job_id == made["board_job_id"]
    assert [j["board_job_id"] for j in remote_jobs(flow)] == [made["board_job_id"]]
    page = sources_page(flow)
    assert made["board_job_id"] in page and "Pending review" in page


@pytest.mark.xfail(strict=True, reason="FOUND: TopCV's create-job call has no idempotency key. When the retry runs "
                   "while the timed-out create is still in flight at TopCV (retry interval 0 in testing), neither "
                   "call can see the other and TopCV ends with TWO jobs for one posting. Needs an idempotency key "
                   "(e.g. an Idempotency-Key header or a unique external reference per posting) in PARTNERS.md §3 "
                   "and the sandbox. Strict: the fix makes this fail; then drop the mark.")
def test_bar_33_topcv_timeout_is_retried_into_one_remote_posting(flow):
    flow.connect()
    flow.switches(api_timeout=1, api_timeout_seconds=4)  # longer than our 2 s timeout; TopCV still creates it
    posting = flow.post_job()
    flow.work()
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert delivery.state == "ok" and delivery.attempts >= 2 and db.session.get(Posting, posting.id).board_job_id
    # the hung call finishes at TopCV 4 s after it started, whatever we did meanwhile: look after that
    hung_until = time.monotonic() + 5
    wait_for(lambda: time.monotonic() > hung_until, timeout=30, message="the hung call to finish at TopCV")
    assert [j["board_job_id"] for j in remote_jobs(flow)] == [db.session.get(Posting, posting.id).board_job_id]
    assert "Pending review" in sources_page(flow)


# ---------------------------------------------------------------- inbound: duplicate and out-of-order webhooks

def test_duplicate_and_out_of_order_topcv_events_converge_to_one_application_and_the_latest_status(flow):
    from app.applications.models import Application

    flow.connect()
    posting = flow.post_job()
    flow.work()
    posting = db.session.get(Posting, posting.id)
    flow.switches(out_of_order=True, duplicate_delivery=True)  # held, then sent newest first, each twice
    flow.control(f"jobs/{posting.board_job_id}/approve")
    for _ in range(2):  # the same person applies twice
        flow.control(f"jobs/{posting.board_job_id}/apply", {"full_name": "Võ Anh", "email": "anh@example.vn"})
    flow.control(f"jobs/{posting.board_job_id}/reject", {"reason": "Thiếu mức lương"})  # within the same second
    flow.control("flush")
    flow.inbound(4)  # 4 events stored once each, whatever the copies; notices the timestamps cannot order
    #                  (same second) make Haku ask TopCV for the job's status, in the same worker run
    posting = db.session.get(Posting, posting.id)
    assert (posting.status, posting.reject_reason) == ("rejected", "Thiếu mức lương")
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery).where(
        PartnerDelivery.direction == "in")) == 4
    (application,) = db.session.scalars(select(Application).where(Application.source == "topcv")).all()
    page = sources_page(flow)
    assert "Rejected" in page and "Thiếu mức lương" in page and "Approved" not in page
    client = flow.app.test_client()
    client.post("/admin/login", data={"email": flow.admin.email, "password": PASSWORD})
    listing = client.get("/admin/applications").get_data(as_text=True)
    # one row: the name once as the row's text (its title attribute repeats it for hover)
    assert listing.count(f"/admin/applications/{application.id}\"") >= 1 and listing.count(">Võ Anh<") == 1
    assert client.get(f"/admin/applications/{application.id}").status_code == 200
