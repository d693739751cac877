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
from tests.support.boards import applied, connect, event, posting_for, signed


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
    from tests.support.processes import partner_env, run_worker

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


# ---------------------------------------------------------------- outbound URLs (items 33 and 40)

@pytest.fixture
def hosts(app):
    """The TopCV API on 127.0.0.1 (allowlisted) and another host, 127.0.0.2, that is not."""
    from tests.support.listener import Listener

    api, other = Listener("127.0.0.1"), Listener("127.0.0.2")
    app.config.update(TOPCV_API_URL=f"http://{api.netloc}", OUTBOUND_ALLOWED_HOSTS="127.0.0.1")
    yield api, other
    api.close()
    other.close()


def differential_urls(allowed: str, evil: str) -> list[str]:
    """URLs that one parser reads as ``allowed`` and another as ``evil`` (or that hide a host)."""
    evil_port = evil.rpartition(":")[2]
    return [
        f"http://{evil}\\@{allowed}/cv.pdf",
        f"http://{evil}\\\\@{allowed}/cv.pdf",
        f"http://{evil}/\\@{allowed}/cv.pdf",
        f"HTTP://{evil}\\@{allowed}/cv.pdf",
        f"http://{allowed}@{evil}/cv.pdf",
        f"http://{allowed}:x@{evil}/cv.pdf",
        f"http://127.0.0.1:80@{evil}/cv.pdf",
        f"http://{evil}#@{allowed}/cv.pdf",
        f"http://{evil}?@{allowed}/cv.pdf",
        f"http://{evil}%5c@{allowed}/cv.pdf",
        f"http://{evil}%5C@{allowed}/cv.pdf",
        f"http://{evil}%2f@{allowed}/cv.pdf",
        f"http://{evil}%23@{allowed}/cv.pdf",
        f"http://{evil}\t@{allowed}/cv.pdf",
        f"http://{evil}\n@{allowed}/cv.pdf",
        f"http://{evil} @{allowed}/cv.pdf",
        f"http://{evil}\r\n@{allowed}/cv.pdf",
        f"http://{evil}\x00@{allowed}/cv.pdf",
        f" http://{evil}/cv.pdf",
        f"http://{evil}/cv.pdf",
        f"http://127.0.0.1.127.0.0.2:{evil_port}/cv.pdf",
        f"http://127.0.0.2.:{evil_port}/cv.pdf",
        f"http://127.2:{evil_port}/cv.pdf",
        f"http://2130706434:{evil_port}/cv.pdf",
        f"http://0x7f000002:{evil_port}/cv.pdf",
        f"http://%31%32%37.0.0.2:{evil_port}/cv.pdf",
        f"http://127\u30020\u30020\u30022:{evil_port}/cv.pdf",
        f"http://[::ffff:127.0.0.2]:{evil_port}/cv.pdf",
        f"http://[::ffff:7f00:2]:{evil_port}/cv.pdf",
        f"http://[0:0:0:0:0:ffff:127.0.0.2]:{evil_port}/cv.pdf",
        f"//{evil}/cv.pdf",
        f"http:{evil}/cv.pdf",
        f"http:/{evil}/cv.pdf",
        f"ftp://{allowed}/cv.pdf",
        f"file://{allowed}/etc/passwd",
    ]


def topcv_resume_at(url: str) -> dict:
    payload = applied()
    payload["data"]["resume"] = {"file_name": "lan.pdf", "content_type": "application/pdf", "data": None, "url": url}
    return payload


def test_finding_outbound_allowlist_bypass(board, make, post_event, hosts):
    """Old code: ``urlsplit`` read the host as 127.0.0.1 (allowlisted) while requests connected
    to 127.0.0.2 and sent it the company's TopCV key as ``Authorization: Bearer``."""
    from tests.support.boards import API_KEY

    api, other = hosts
    posting_for(board, make.job(board.company), status="approved")
    assert post_event(topcv_resume_at(f"http://{other.netloc}\\@{api.netloc}/cv.pdf")).status_code == 202
    assert other.heads() == [] and api.heads() == []
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert row is not None and row.cv_file_id is None  # the applicant is kept, the CV dropped with a note
    assert all(API_KEY.encode() not in head for head in other.heads())


def test_bar_40_parser_differential_urls_never_reach_another_host(board, make, post_event, hosts):
    api, other = hosts
    posting_for(board, make.job(board.company), status="approved")
    table = differential_urls(api.netloc, other.netloc)
    for index, url in enumerate(table):
        assert post_event(topcv_resume_at(url), msg_id=f"evt_url_{index}").status_code == 202, url
        assert other.heads() == [], url
        assert api.heads() == [], url  # refused outright, not even sent to the allowed host
    assert db.session.scalar(select(func.count()).select_from(Application)
                             .where(Application.source == "topcv", Application.cv_file_id.is_not(None))) == 0


def test_bar_40_the_api_key_goes_only_to_the_configured_api_host(board, make, post_event, hosts, app):
    """A CV on another allowlisted origin is fetched without the key; on the API's own origin, with it."""
    from tests.support.boards import API_KEY
    from tests.support.listener import Listener

    api, _ = hosts
    files = Listener("127.0.0.1")  # same host, another port: another origin
    try:
        posting_for(board, make.job(board.company), status="approved")
        post_event(topcv_resume_at(f"http://{files.netloc}/cv.pdf"), msg_id="evt_files")
        second = topcv_resume_at(f"http://{api.netloc}/cv.pdf")
        second["data"]["board_application_id"] = "APP-2"
        second["data"]["candidate"].update(email="minh@example.vn", phone="+84 902 000 111", full_name="Trần Minh")
        post_event(second, msg_id="evt_api")
    finally:
        files.close()
    [to_files] = files.heads()
    assert to_files.startswith(b"GET /cv.pdf ") and b"authorization" not in to_files.lower()
    assert API_KEY.encode() not in to_files
    [to_api] = api.heads()
    assert f"Authorization: Bearer {API_KEY}".encode() in to_api
    assert db.session.scalar(select(func.count()).select_from(Application)
                             .where(Application.source == "topcv", Application.cv_file_id.is_not(None))) == 2


def test_bar_33_partner_calls_refuse_parser_differential_hosts(hosts):
    """The configured API URL itself goes through the same check: a differential base URL
    never reaches another host, with either partner's credentials."""
    from app.integrations.alva import AlvaClient
    from app.integrations.topcv import TopCVClient

    api, other = hosts
    for url in differential_urls(api.netloc, other.netloc):
        base = url.removesuffix("/cv.pdf")
        topcv = TopCVClient(base, "topcv-key", {"127.0.0.1"}).me()
        alva = AlvaClient(base, "alva-key", {"127.0.0.1"}).list_tests()
        assert topcv.status_code is None and not topcv.retryable, url
        assert alva.status_code is None and not alva.retryable, url
    assert other.heads() == [] and api.heads() == []
    assert TopCVClient(f"http://{api.netloc}", "topcv-key", {"127.0.0.1"}).me().status_code == 200
    assert len(api.heads()) == 1 and b"Authorization: Bearer topcv-key" in api.heads()[0]
