"""Outages (SECURITY_BAR 34): the test's own Redis stopped, the TopCV sandbox process stopped,
the EMREX registry unreachable. The screens keep working and say what is true: nothing is
shown as sent or posted that was not; when the part comes back the work is done once.
(SMTP stopped: test_smtp.py; the assessment vendor down: tests/assessments/test_assessment_orders.py.)"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import create_app
from app.boards.models import Posting
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import OutboxEmail
from app.partners.models import PartnerDelivery
from tests.support.builders import PDF
from tests.support.clients import Auth, FreshGClient
from tests.support.faults import badge
from tests.support.processes import free_port
from tests.support.sandbox_process import SandboxProcess
from tests.support.topcv_flow import Flow


def logged_in(app, email: str) -> FreshGClient:
    app.test_client_class = FreshGClient
    client = app.test_client()
    assert Auth(client).login(email).status_code == 302  # staff: both steps (password, then the code)
    return client


def test_bar_34_redis_stopped_the_screens_work_and_say_so(app, app_config, make, own_redis, faulty_smtp):
    import io

    redis = {"REDIS_URL": own_redis.url, "RQ_CONNECTION": own_redis.url, "RATELIMIT_STORAGE_URI": own_redis.url}
    web = create_app({**app_config, **redis, "RQ_ASYNC": True})
    company = make.company("acme")
    job = make.job(company)
    make.staff()
    own_redis.stop()
    with web.app_context():
        candidate = web.test_client()
        resp = candidate.post(f"/c/acme/jobs/{job.id}/apply", content_type="multipart/form-data", data={
            "given_names": "Aino", "family_name": "Virtanen", "email": "aino@example.fi", "phone": "",
            "cover_letter": "", "consent": "y", "cv": (io.BytesIO(PDF), "cv.pdf")})
        assert resp.status_code == 303  # the application is taken; its email waits in the outbox
        row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.to_addr == "aino@example.fi"))
        assert (row.status, row.attempts) == ("pending", 0)

        recruiter = logged_in(web, f"admin@{company.slug}.test")
        for path in ("/admin/", "/admin/applications", f"/admin/jobs/{job.id}"):
            assert recruiter.get(path).status_code == 200, path
        card = recruiter.get(f"/admin/applications/{row.application_id}").get_data(as_text=True)
        assert badge("pending") in card and badge("sent") not in card

        staff = logged_in(web, "staff@haku.test")
        tasks = staff.get("/staff/tasks")
        assert tasks.status_code == 200 and "The task queue (Redis) is not reachable" in tasks.get_data(as_text=True)
        assert staff.get("/staff/").status_code == 200  # no failed-task badge to show, and no error either

        health = web.test_client().get("/healthz")
        assert health.status_code == 200 and health.get_json()["status"] == "degraded"
        assert health.get_json()["checks"]["redis"].startswith("unreachable")
        assert web.test_client().get("/readyz").status_code == 503
    assert faulty_smtp.accepted == []


@pytest.fixture
def own_topcv(tmp_path):
    sandbox = SandboxProcess("sandboxes.topcv", tmp_path / "topcv", "--retry-base", "0.2").wait_ready()
    yield sandbox
    sandbox.stop()


@pytest.fixture
def flow(app, make, own_topcv, test_env, live):
    app.config["RQ_ASYNC"] = True
    app.config["TOPCV_API_URL"] = own_topcv.base
    app.config["PARTNER_HTTP_TIMEOUT"] = 2.0
    return Flow(app, make, own_topcv, test_env, live)


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RQ_ASYNC": True}


def test_bar_34_topcv_down_the_posting_waits_honestly_then_posts_once(flow, app, own_topcv, tmp_path):
    from app.sweeper import sweep

    integration = flow.connect()
    own_topcv.stop()  # TopCV is down: connection refused
    posting = flow.post_job()
    flow.work()
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    assert delivery.state == "retrying" and delivery.next_retry_at is not None and delivery.attempts == 4
    assert db.session.get(Posting, posting.id).board_job_id is None
    admin = logged_in(app, flow.admin.email)
    sources = admin.get(f"/admin/jobs/{flow.job.id}/sources").get_data(as_text=True)
    assert "Sending" in sources and "not posted yet" in sources and "Pending review" not in sources
    log = admin.get(f"/admin/integrations/{integration.id}/log").get_data(as_text=True)
    assert '<span class="badge badge-retrying">retrying</span>' in log
    assert admin.get("/admin/settings/recruitment-networks/topcv").status_code == 200

    back = SandboxProcess("sandboxes.topcv", tmp_path / "topcv", "--retry-base", "0.2").wait_ready()  # same data
    try:
        app.config["TOPCV_API_URL"] = back.base
        flow.topcv = back
        delivery.next_retry_at = utcnow() - timedelta(minutes=2)  # its due time, past the grace minute
        db.session.commit()
        assert sweep()["partner_deliveries"] >= 1
        flow.work()
        delivery = db.session.get(PartnerDelivery, delivery.id)
        posting = db.session.get(Posting, posting.id)
        assert delivery.state == "ok" and posting.board_job_id
        listed = flow.http.get(f"{back.base}/v1/jobs", timeout=10,
                               headers={"Authorization": f"Bearer {flow.employer['access_token']}"}).json()
        assert [j["board_job_id"] for j in listed] == [posting.board_job_id]
        sources = admin.get(f"/admin/jobs/{flow.job.id}/sources").get_data(as_text=True)
        assert posting.board_job_id in sources and "Pending review" in sources
    finally:
        back.stop()


def test_bar_34_emrex_registry_down_keeps_the_last_list_and_staff_see_the_failure(app, make, emp_registry):
    from app.emrex import services
    from app.emrex.models import EmrexContactPoint

    before = db.session.query(EmrexContactPoint).filter_by(is_active=True).count()
    assert before >= 6
    app.config["EMREX_REGISTRY_URLS"] = f"http://127.0.0.1:{free_port()}/registry/emp-list.json"  # nobody there
    sync = services.refresh_registry()
    assert not sync.ok and sync.detail
    assert db.session.query(EmrexContactPoint).filter_by(is_active=True).count() == before  # the old list stays
    make.staff()
    page = logged_in(app, "staff@haku.test").get("/staff/emrex").get_data(as_text=True)
    assert '<span class="badge badge-failed">failed</span>' in page
