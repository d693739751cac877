"""SECURITY_BAR.md section E (inbound partner calls), item by item, on the TopCV endpoint
(the assessment callbacks share the same intake; tests/assessments covers their routes)."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, select, update

from app.applications.models import Application
from app.boards.models import Posting
from app.extensions import db
from app.partners.models import PartnerDelivery
from tests.boards.conftest import connect, event, signed
from tests.boards.test_events import applied, posting_for


def stored() -> int:
    return db.session.scalar(select(func.count()).select_from(PartnerDelivery).where(PartnerDelivery.direction == "in"))


def test_bar_24_signatures_are_checked_with_the_integrations_own_secret(board, client, make):
    other = make.company("other-board")
    other_integration = connect(other, secret="the-other-companys-secret")
    payload = event("job.approved", {"board_job_id": "TCV-1", "reason": None})
    body, headers = signed(board.secret, payload)
    cases = {
        "missing": {k: v for k, v in headers.items() if k != "webhook-signature"},
        "wrong": {**headers, "webhook-signature": "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="},
        "stale": signed(board.secret, payload, timestamp=1_700_000_000)[1],
    }
    for name, h in cases.items():
        assert client.post(board.url, data=body, headers=h).status_code == 401, name
    assert client.post(board.url, data=body[:-1] + b" ", headers=headers).status_code == 401  # one byte changed
    # B's secret on A's URL, and A's secret on B's URL
    body_b, headers_b = signed("the-other-companys-secret", payload)
    assert client.post(board.url, data=body_b, headers=headers_b).status_code == 401
    assert client.post(f"/partner/v1/boards/topcv/{other_integration.external_id}/events", data=body,
                       headers=headers).status_code == 401
    assert stored() == 0


def test_bar_25_size_type_malformed_and_unknown_types(board, client, post_event, app):
    app.config["TOPCV_WEBHOOK_MAX_BYTES"] = 50
    assert post_event(event("job.approved", {"board_job_id": "x" * 100, "reason": None})).status_code == 413
    app.config["TOPCV_WEBHOOK_MAX_BYTES"] = 20 * 1024 * 1024
    body, headers = signed(board.secret, event("job.approved", {"board_job_id": "X", "reason": None}))
    assert client.post(board.url, data=body, headers={**headers, "Content-Type": "text/xml"}).status_code == 415
    assert post_event(b"[1, 2").status_code == 400
    assert stored() == 0
    assert post_event(event("candidate.viewed", {})).get_json() == {"status": "ignored"}


def test_bar_26_the_same_delivery_twice_in_parallel_makes_one_application(board, make, live, test_env, app):
    from tests.conftest import partner_env, run_worker

    job = make.job(board.company)
    posting_for(board, job, status="approved")
    body, headers = signed(board.secret, applied())
    url = f"{live}{board.url}"
    answers, start = [], threading.Barrier(4)

    def send():
        start.wait()
        answers.append(requests.post(url, data=body, headers=headers, timeout=30).status_code)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 200, 200, 202]
    run_worker(partner_env(test_env, app))
    db.session.expire_all()
    assert stored() == 1
    assert db.session.scalar(select(func.count()).select_from(Application).where(Application.source == "topcv")) == 1


def test_bar_27_redis_down_at_intake_keeps_the_event_and_the_sweeper_enqueues_it(board, make, app_config, app):
    from app import create_app
    from app.partners import services as partners

    job = make.job(board.company)
    posting_for(board, job, status="approved")
    no_redis = create_app({**app_config, "RQ_CONNECTION": "redis://127.0.0.1:1/0"})
    body, headers = signed(board.secret, applied())
    with no_redis.app_context():
        resp = no_redis.test_client().post(board.url, data=body, headers=headers)
        db.session.remove()
    assert resp.status_code == 202  # stored and committed before Redis was asked
    row = db.session.scalar(select(PartnerDelivery))
    assert row.state == "received"
    db.session.execute(update(PartnerDelivery).values(updated_at=PartnerDelivery.updated_at - timedelta(minutes=5)))
    db.session.commit()
    assert partners.sweep_deliveries() == 1  # runs inline here (RQ_ASYNC off)
    db.session.expire_all()
    assert db.session.get(PartnerDelivery, row.id).state == "processed"
    assert db.session.scalar(select(func.count()).select_from(Application)) == 1


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_bar_28_out_of_order_notices_converge_to_the_latest(board, make, post_event, order):
    job = make.job(board.company)
    posting = posting_for(board, job)
    notices = [event("job.approved", {"board_job_id": "TCV-1", "reason": None}, "2026-12-01T08:00:00Z"),
               event("job.rejected", {"board_job_id": "TCV-1", "reason": "Missing salary"}, "2026-12-01T09:00:00Z"),
               event("job.approved", {"board_job_id": "TCV-1", "reason": None}, "2026-12-01T10:00:00Z")]
    for index in order:
        assert post_event(notices[index], msg_id=f"evt_{index}").status_code == 202
    row = db.session.get(Posting, posting.id)
    assert (row.status, row.reject_reason) == ("approved", None)
    unknown = post_event(notices[0], url="/partner/v1/boards/topcv/7c9e6679-7425-40de-944b-e07fc1f90ae7/events")
    assert unknown.status_code == 404
    assert json.loads(unknown.data)["error"]["code"] == "not_found"
