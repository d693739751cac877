"""The whole loop with real processes: Haku served over HTTP, a real RQ worker, the vendor
sandbox calling back with signed requests. Vendor failures come from the sandbox's switches."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from app import create_app
from app.applications import services as applications
from app.applications.models import Application, TimelineEvent
from app.assessments import services
from app.assessments.models import AssessmentOrder
from app.extensions import db
from app.partners.models import PartnerDelivery, PartnerIntegration
from tests.support.assessments import add_integration, deliveries
from tests.support.builders import PASSWORD
from tests.support.mail import text_of
from tests.support.processes import run_worker, wait_for

pytestmark = pytest.mark.integration


@pytest.fixture
def haku(app_config, live_haku, vendor):
    """The app as a web process runs it: tasks go to Redis for the worker."""
    return create_app({**app_config, "RQ_ASYNC": True, "BASE_URL": live_haku, "ASSESSMENT_VENDOR_URL": vendor.base})


@pytest.fixture
def env(worker_env, live_haku):
    return {**worker_env, "BASE_URL": live_haku}


def _connected(haku, live_haku, vendor, env, make, product="coding"):
    """Staff add the integration; the vendor connects through Haku's endpoint; the worker
    processes the connect event."""
    company = make.company("acme", "Acme Oy")
    account = vendor.account(product)
    with haku.app_context():
        integration, secret = add_integration(db.session.merge(company), product, api_key=account["api_key"])
        integration_id, external_id = integration.id, integration.external_id
    answer = vendor.connect(account["api_key"], live_haku, external_id, secret)
    assert answer["status_code"] == 202, answer
    run_worker(env)
    db.session.expire_all()
    integration = db.session.get(PartnerIntegration, integration_id)
    assert integration.status == "configured" and integration.vendor_account_ref == account["ref"]
    job = make.job(company, "Backend developer")
    services.tests_of(integration)
    db.session.commit()
    return company, integration, job


def _invites(mailbox):
    return [m for m in mailbox.messages if "assessment" in m["Subject"]]


def _orders():
    db.session.expire_all()
    return db.session.scalars(select(AssessmentOrder).order_by(AssessmentOrder.id)).all()


def _send_by_trigger(haku, make, job, integration, move=None):
    services.save_settings(job, integration_id=integration.id, partner_test_id="alva-code-python",
                           trigger_stage_id=job.stages[1].id, move_threshold=move[0] if move else None,
                           move_target_stage_id=job.stages[move[1]].id if move else None)
    application = make.application(job, email="aino@example.fi")
    with haku.app_context():
        moved = db.session.get(Application, application.id)
        applications.move_to_stage(moved, job.stages[1].id, make.admin_of(job.company))
    return application


def _callbacks_delivered(vendor, count):
    rows = [d for d in vendor.deliveries() if d["type"] != "integration.connect"]
    return len(rows) >= count and all(d["status"] == "delivered" for d in rows)


def test_trigger_send_invite_complete_result_and_move(live_haku, haku, env, vendor, make, mailbox):
    _, integration, job = _connected(haku, live_haku, vendor, env, make)
    application = _send_by_trigger(haku, make, job, integration, move=(70, 3))
    assert [o.status for o in _orders()] == ["pending"]
    run_worker(env)
    (order,) = _orders()
    assert order.status == "invited" and order.candidate_url
    (mail,) = [m for m in mailbox.messages if "assessment" in m["Subject"]]
    assert mail["To"] == "aino@example.fi" and order.candidate_url in text_of(mail)
    # the vendor's CV link works over HTTP for the vendor
    (iv,) = vendor.interviews(application.ref)
    cv = requests.get(iv["candidate"]["resume_url"], timeout=10)
    assert cv.status_code == 200 and cv.content.startswith(b"%PDF")
    # the candidate finishes (control API); the sandbox calls back: PATCH, result, logs
    done = vendor.post(f"/control/interviews/{order.partner_interview_id}/complete", {"score": 85})
    assert done["status"] == "complete"
    wait_for(lambda: _callbacks_delivered(vendor, 5), message="callbacks delivered")  # start: 2, complete: 3
    run_worker(env)
    (order,) = _orders()
    assert order.status == "complete" and order.score == 85 and order.max_score == 100
    assert order.profile_url.startswith(vendor.base) and order.result_card["links"][0]["title"] == "Full report"
    assert order.moved_on_score
    db.session.expire_all()
    application = db.session.get(Application, application.id)
    assert application.stage_id == job.stages[3].id
    logs = db.session.scalars(select(TimelineEvent.data).where(TimelineEvent.application_id == application.id,
                                                               TimelineEvent.kind == "assessment_log")).all()
    assert [d["message"] for d in logs] == ["Candidate started the test",
                                            "Candidate submitted the test (0 of 5 answered)", "Scored 85 / 100"]
    inbound = deliveries(integration.id, "in")
    assert [d.state for d in inbound] == ["processed"] * 6  # connect + 5 callbacks


def _card(client, application_id: int) -> str:
    client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    return client.get(f"/admin/applications/{application_id}").get_data(as_text=True)


def test_vendor_errors_are_retried_into_one_interview_and_one_email(live_haku, haku, env, vendor, make, mailbox,
                                                                    client):
    _, integration, job = _connected(haku, live_haku, vendor, env, make)
    vendor.switches(api_500=2, api_429=1)
    application = _send_by_trigger(haku, make, job, integration)
    out = run_worker(env)
    (order,) = _orders()
    assert order.status == "invited", out.stderr[-8000:]
    (call,) = [d for d in deliveries(integration.id, "out") if d.type == "alva.send_test"]
    assert call.state == "ok" and call.attempts == 4
    assert len(vendor.interviews()) == 1 and len(_invites(mailbox)) == 1
    card = _card(client, application.id)
    assert 'class="badge badge-invited"' in card and 'class="badge badge-failed"' not in card


def test_empty_patch_fetches_status_and_duplicates_do_nothing_twice(live_haku, haku, env, vendor, make):
    _, integration, job = _connected(haku, live_haku, vendor, env, make)
    application = _send_by_trigger(haku, make, job, integration)
    run_worker(env)
    (order,) = _orders()
    vendor.switches(patch_mode="empty", duplicate_callbacks=True)
    vendor.post(f"/control/interviews/{order.partner_interview_id}/complete", {"score": 40})
    wait_for(lambda: _callbacks_delivered(vendor, 5), message="callbacks delivered")
    run_worker(env)  # the PATCHes queue test_status calls, which the same burst runs
    (order,) = _orders()
    assert order.status == "complete" and order.score == 40 and not order.moved_on_score
    status_calls = [d for d in deliveries(integration.id, "out") if d.type == "alva.test_status"]
    assert status_calls and all(d.state == "ok" for d in status_calls)
    inbound = deliveries(integration.id, "in")
    assert len(inbound) == 6 and len({d.webhook_id for d in inbound}) == 6  # each duplicate stored once
    completes = db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id, TimelineEvent.kind == "assessment_status")).all()
    # the status is fetched when the worker runs: the order goes straight to where the test is now
    assert [e.data["status"] for e in completes] == ["complete"]


def test_wrong_signatures_are_refused_then_the_retry_gets_through(live_haku, haku, env, vendor, make):
    _, integration, job = _connected(haku, live_haku, vendor, env, make)
    _send_by_trigger(haku, make, job, integration)
    run_worker(env)
    (order,) = _orders()
    vendor.switches(bad_signature=True)
    vendor.post(f"/control/interviews/{order.partner_interview_id}/start")
    wait_for(lambda: any(a["status_code"] == 401 for d in vendor.deliveries() for a in d["attempts"]),
             message="a refused callback")
    assert deliveries(integration.id, "in")[1:] == []  # nothing stored from the forged calls
    vendor.switches(bad_signature=False)
    wait_for(lambda: _callbacks_delivered(vendor, 2), timeout=30, message="the retries delivered")
    run_worker(env)
    (order,) = _orders()
    assert order.status == "started"
    assert db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "assessment.logs")).state == \
        "processed"


@pytest.mark.faults
def test_a_timed_out_send_is_retried_without_a_second_interview(live_haku, haku, env, vendor, make, mailbox,
                                                                 client):
    """The vendor answers after Haku gave up (10 s): the retry finds the same interview."""
    _, integration, job = _connected(haku, live_haku, vendor, env, make)
    vendor.switches(api_timeout=1, api_timeout_seconds=11)
    application = _send_by_trigger(haku, make, job, integration)
    run_worker(env)
    (order,) = _orders()
    assert order.status == "invited"
    (call,) = [d for d in deliveries(integration.id, "out") if d.type == "alva.send_test"]
    assert call.attempts == 2 and call.state == "ok"
    assert len(vendor.interviews()) == 1 and len(_invites(mailbox)) == 1
    assert 'class="badge badge-invited"' in _card(client, application.id)


def test_one_assessment_is_one_timeline_line_per_state_change_in_time_order(live_haku, haku, env, vendor, make,
                                                                           client):
    """Issue 16: one assessment wrote about ten near-duplicate lines (the vendor's log lines
    repeating each status at the vendor's earlier times, and the move twice), some out of
    order. Now: ordered, sent, started, complete, moved — newest first; the vendor's log sits
    under the test on the panel, oldest first."""
    import re

    from lxml import html as lxml_html

    _, integration, job = _connected(haku, live_haku, vendor, env, make)
    application = _send_by_trigger(haku, make, job, integration, move=(70, 3))
    run_worker(env)
    (order,) = _orders()
    vendor.post(f"/control/interviews/{order.partner_interview_id}/complete", {"score": 85})
    wait_for(lambda: _callbacks_delivered(vendor, 5), message="callbacks delivered")
    run_worker(env)
    page = lxml_html.fromstring(_card(client, application.id))
    lines = [" ".join(li.text_content().split()) for li in page.xpath(f'//*[@id="timeline-{application.id}"]//li')]
    assessment = [re.sub(r"^.*? [AP]M ", "", line) for line in lines if "Python coding" in line or "Offer" in line]
    assert assessment == [
        "Moved to Offer: assessment score 85 / 100 passed the job's threshold",
        "Assessment “Python coding” complete: score 85 / 100",
        "Assessment “Python coding”: started",
        "Assessment “Python coding” sent to the candidate (English)",
        "Assessment “Python coding” ordered (by the job's trigger stage)",
    ]
    assert not [line for line in lines if "Candidate started the test" in line or "Scored" in line]
    times = [t.get("datetime") for t in page.xpath(f'//*[@id="timeline-{application.id}"]//li/time')]
    assert times == sorted(times, reverse=True)
    log = [" ".join(li.text_content().split()) for li in page.xpath('//details[contains(@class, "vendor-log")]//li')]
    assert [line.split(": ", 1)[1] for line in log] == [
        "Candidate started the test", "Candidate submitted the test (0 of 5 answered)", "Scored 85 / 100"]
