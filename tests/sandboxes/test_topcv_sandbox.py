"""The TopCV sandbox as a black box: its own process, real HTTP, real Standard Webhooks.

The sandbox is started with ``python -m sandboxes.topcv`` on a free port with a temporary
data dir. A small HTTP server in this process plays Haku's webhook endpoint: it records
every request and can be told to fail or to answer slowly. Signatures are checked with
the ``standardwebhooks`` package and the key Haku derives from the pasted Secret Key.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
import threading
import time
from pathlib import Path

import pytest
import requests
from lxml import html
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from sandboxes.topcv import jobs as topcv_jobs
from tests.support.sandbox_process import SandboxProcess, free_port

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DEADLINE_S = 20.0


def wait_for(predicate, timeout: float = DEADLINE_S, message: str = "condition"):
    """The suite's poll-with-a-deadline helper, with this file's deadline."""
    from tests.support.processes import wait_for as poll

    return poll(predicate, timeout=timeout, interval=0.02, message=message)


# ------------------------------------------------------------------ Haku's side: a webhook receiver

class Receiver:
    """Records webhook requests per path; ``fail(path, n)`` answers 500 to the next n."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: list[dict] = []
        self.failures: dict[str, int] = {}
        self.delays: dict[str, float] = {}
        self.server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    @Request.application
    def wsgi(self, request: Request) -> Response:
        started = time.monotonic()
        with self.lock:
            failing = self.failures.get(request.path, 0) > 0
            if failing:
                self.failures[request.path] -= 1
            delay = self.delays.get(request.path, 0.0)
        if delay:
            time.sleep(delay)
        with self.lock:
            self.seen.append({"path": request.path, "headers": dict(request.headers), "body": request.get_data(),
                              "started": started, "answered": 500 if failing else 204})
        return Response("boom", status=500) if failing else Response(status=204)

    def hook(self) -> str:
        return f"/hooks/{secrets.token_hex(6)}"

    def fail(self, path: str, times: int) -> None:
        with self.lock:
            self.failures[path] = times

    def requests_for(self, path: str) -> list[dict]:
        with self.lock:
            return [r for r in self.seen if r["path"] == path]

    def wait(self, path: str, count: int = 1, timeout: float = DEADLINE_S) -> list[dict]:
        return wait_for(lambda: (got := self.requests_for(path)) and len(got) >= count and got,
                        timeout, f"{count} webhook request(s) on {path}")

    def stop(self) -> None:
        self.server.shutdown()


def verify(secret: str, request: dict) -> dict:
    """Verify like Haku does: the pasted Secret Key's UTF-8 bytes are the HMAC key."""
    key = "whsec_" + base64.b64encode(secret.encode()).decode()
    return Webhook(key).verify(request["body"], request["headers"])


# ------------------------------------------------------------------ fixtures and helpers

@pytest.fixture(scope="module")
def receiver():
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    sandbox = SandboxProcess("sandboxes.topcv", tmp_path_factory.mktemp("topcv") / "data", "--retry-base", "0.2")
    try:
        yield sandbox.wait_ready().base
    finally:
        sandbox.stop()


@pytest.fixture(autouse=True)
def _reset(request):
    if "base" in request.fixturenames:
        base = request.getfixturevalue("base")
        assert requests.post(f"{base}/control/reset", json={}, timeout=10).status_code == 200


def make_employer(base: str, webhook_url: str | None = None, **extra) -> dict:
    body = {"name": "Công ty Sao Mai", "email": "hr@saomai.vn", "webhook_url": webhook_url, **extra}
    response = requests.post(f"{base}/control/employers", json=body, timeout=10)
    assert response.status_code in (200, 201), response.text
    return response.json()


@pytest.fixture
def hooked(base, receiver):
    """An employer whose webhook URL is a fresh path on the receiver: (employer, path)."""
    path = receiver.hook()
    return make_employer(base, receiver.base + path), path


def auth(employer: dict) -> dict:
    return {"Authorization": f"Bearer {employer['access_token']}"}


def future(days: int = 30) -> str:
    return (topcv_jobs.today() + dt.timedelta(days=days)).isoformat()


def posting(**overrides) -> dict:
    body = {
        "title": "Kỹ sư phần mềm Python", "description": "Build Haku integrations.", "requirements": "3 years Python",
        "benefits": "13th month salary", "location": {"city": "Hà Nội", "country": "Vietnam"},
        "salary": {"min": 20_000_000, "max": 35_000_000, "currency": "VND", "negotiable": False},
        "employment_type": "full_time", "level": "Senior", "deadline": future(), "quantity": 2,
        "contact": {"name": "Nguyễn Lan", "email": "lan@saomai.vn", "phone": "+84 912 345 678"},
        "external_job_id": "haku-42",
    }
    body.update(overrides)
    return body


def create_job(base: str, employer: dict, **overrides) -> str:
    response = requests.post(f"{base}/v1/jobs", json=posting(**overrides), headers=auth(employer), timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["board_job_id"]


def approved_job(base: str, employer: dict) -> str:
    board_job_id = create_job(base, employer)
    assert requests.post(f"{base}/control/jobs/{board_job_id}/approve", timeout=10).status_code == 200
    return board_job_id


def deliveries(base: str, employer: dict, status: str | None = None) -> list[dict]:
    params = {"employer": employer["access_token"], **({"status": status} if status else {})}
    return requests.get(f"{base}/control/deliveries", params=params, timeout=10).json()


def delivery(base: str, event_id: str, employer: dict) -> dict:
    return next(d for d in deliveries(base, employer) if d["event_id"] == event_id)


def switches(base: str, **values) -> dict:
    response = requests.post(f"{base}/control/switches", json=values, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def form(page: requests.Response, action_suffix: str):
    doc = html.fromstring(page.content)
    return next(f for f in doc.forms if f.action.endswith(action_suffix))


# ------------------------------------------------------------------ employer API

def test_health(base):
    assert requests.get(f"{base}/healthz", timeout=10).json() == {"status": "ok"}


@pytest.mark.parametrize("header", [None, "Bearer nope", "Basic dXNlcjpwYXNz", "Bearer "])
def test_api_needs_a_valid_access_token(base, header):
    headers = {"Authorization": header} if header else {}
    response = requests.get(f"{base}/v1/me", headers=headers, timeout=10)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.json()["error"]["field"] is None
    assert requests.post(f"{base}/v1/jobs", json=posting(), headers=headers, timeout=10).status_code == 401


def test_me(base, hooked):
    employer, path = hooked
    me = requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).json()
    assert me == {"employer_id": employer["employer_id"], "name": "Công ty Sao Mai", "email": "hr@saomai.vn",
                  "webhook_url": employer["webhook_url"]}
    assert me["webhook_url"].endswith(path)


def test_job_lifecycle(base, hooked):
    employer, _ = hooked
    created = requests.post(f"{base}/v1/jobs", json=posting(), headers=auth(employer), timeout=10)
    assert created.status_code == 201
    board_job_id = created.json()["board_job_id"]
    assert created.json() == {"board_job_id": board_job_id, "status": "pending_review"}
    assert board_job_id.startswith("TCV-") and board_job_id[4:].isdigit()

    job = requests.get(f"{base}/v1/jobs/{board_job_id}", headers=auth(employer), timeout=10).json()
    for key, value in posting().items():
        assert job[key] == value, key
    assert job["status"] == "pending_review" and job["reject_reason"] is None and job["applications_count"] == 0
    assert job["updated_at"].endswith("Z")

    updated = requests.put(f"{base}/v1/jobs/{board_job_id}", json=posting(title="Senior Python engineer"),
                           headers=auth(employer), timeout=10)
    assert updated.status_code == 200
    assert updated.json() == {"board_job_id": board_job_id, "status": "pending_review"}
    listed = requests.get(f"{base}/v1/jobs", headers=auth(employer), timeout=10).json()
    assert [(j["board_job_id"], j["title"]) for j in listed] == [(board_job_id, "Senior Python engineer")]

    closed = requests.post(f"{base}/v1/jobs/{board_job_id}/close", headers=auth(employer), timeout=10)
    assert closed.status_code == 200 and closed.json() == {"board_job_id": board_job_id, "status": "closed"}
    again = requests.put(f"{base}/v1/jobs/{board_job_id}", json=posting(), headers=auth(employer), timeout=10)
    assert again.status_code == 409
    assert "closed" in again.json()["error"]["message"]
    job = requests.get(f"{base}/v1/jobs/{board_job_id}", headers=auth(employer), timeout=10).json()
    assert job["status"] == "closed" and job["title"] == "Senior Python engineer"


def test_approved_job_stays_approved_and_rejected_job_returns_to_review(base, hooked):
    employer, _ = hooked
    approved = approved_job(base, employer)
    response = requests.put(f"{base}/v1/jobs/{approved}", json=posting(), headers=auth(employer), timeout=10)
    assert response.json()["status"] == "approved"

    rejected = create_job(base, employer)
    requests.post(f"{base}/control/jobs/{rejected}/reject", json={"reason": "Salary missing"}, timeout=10)
    job = requests.get(f"{base}/v1/jobs/{rejected}", headers=auth(employer), timeout=10).json()
    assert (job["status"], job["reject_reason"]) == ("rejected", "Salary missing")
    response = requests.put(f"{base}/v1/jobs/{rejected}", json=posting(), headers=auth(employer), timeout=10)
    assert response.json() == {"board_job_id": rejected, "status": "pending_review"}
    job = requests.get(f"{base}/v1/jobs/{rejected}", headers=auth(employer), timeout=10).json()
    assert (job["status"], job["reject_reason"]) == ("pending_review", None)


@pytest.mark.parametrize(("overrides", "field"), [
    ({"title": ""}, "title"),
    ({"title": None}, "title"),
    ({"description": "  "}, "description"),
    ({"location": {"country": "Vietnam"}}, "location.city"),
    ({"location": "Hà Nội"}, "location"),
    ({"deadline": None}, "deadline"),
    ({"deadline": "31/12/2030"}, "deadline"),
    ({"deadline": "2030-02-30"}, "deadline"),
    ({"deadline": "2020-01-01"}, "deadline"),
    ({"employment_type": "freelance"}, "employment_type"),
    ({"employment_type": None}, "employment_type"),
    ({"level": ""}, "level"),
    ({"contact": {"name": "Lan"}}, "contact.email"),
    ({"contact": {"email": "not-an-email"}}, "contact.email"),
    ({"salary": {"min": 50, "max": 10}}, "salary.min"),
    ({"salary": {"min": -1}}, "salary.min"),
    ({"salary": {"currency": "dong"}}, "salary.currency"),
    ({"quantity": 0}, "quantity"),
])
def test_validation_errors(base, hooked, overrides, field):
    employer, _ = hooked
    response = requests.post(f"{base}/v1/jobs", json=posting(**overrides), headers=auth(employer), timeout=10)
    assert response.status_code == 422, response.text
    err = response.json()["error"]
    assert err["code"] == "validation_error" and err["field"] == field and err["message"]
    assert requests.get(f"{base}/v1/jobs", headers=auth(employer), timeout=10).json() == []


def test_validation_on_update_and_non_json_body(base, hooked):
    employer, _ = hooked
    board_job_id = create_job(base, employer)
    response = requests.put(f"{base}/v1/jobs/{board_job_id}", json=posting(employment_type="gig"),
                            headers=auth(employer), timeout=10)
    assert response.status_code == 422 and response.json()["error"]["field"] == "employment_type"
    response = requests.post(f"{base}/v1/jobs", data="title=x", headers=auth(employer), timeout=10)
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_request"


def test_jobs_of_another_employer_are_not_found(base, hooked):
    owner, _ = hooked
    other = make_employer(base, None, name="Other Co")
    board_job_id = create_job(base, owner)
    for method, suffix in (("GET", ""), ("PUT", ""), ("POST", "/close")):
        response = requests.request(method, f"{base}/v1/jobs/{board_job_id}{suffix}", json=posting(),
                                    headers=auth(other), timeout=10)
        assert response.status_code == 404, (method, suffix)
        assert response.json()["error"]["code"] == "not_found"
    assert requests.get(f"{base}/v1/jobs", headers=auth(other), timeout=10).json() == []
    assert requests.get(f"{base}/v1/jobs/TCV-999999999", headers=auth(owner), timeout=10).status_code == 404
    assert requests.get(f"{base}/v1/jobs/nonsense", headers=auth(owner), timeout=10).status_code == 404
    assert requests.get(f"{base}/v1/jobs/{board_job_id}", headers=auth(owner), timeout=10).status_code == 200


def test_expired_status_after_the_deadline():
    body = '{"deadline": "%s"}'
    yesterday = (topcv_jobs.today() - dt.timedelta(days=1)).isoformat()
    assert topcv_jobs.status({"status": "approved", "body": body % yesterday}) == "expired"
    assert topcv_jobs.status({"status": "closed", "body": body % yesterday}) == "closed"
    assert topcv_jobs.status({"status": "approved", "body": body % topcv_jobs.today().isoformat()}) == "approved"


# ------------------------------------------------------------------ API failure switches

def test_api_500_switch(base, hooked):
    employer, _ = hooked
    switches(base, api_500=2)
    for _ in range(2):
        response = requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10)
        assert response.status_code == 500 and response.json()["error"]["code"] == "internal_error"
    assert requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).status_code == 200
    assert requests.get(f"{base}/control/switches", timeout=10).json()["api_500"] == 0


def test_api_429_switch(base, hooked):
    employer, _ = hooked
    switches(base, api_429=1)
    response = requests.post(f"{base}/v1/jobs", json=posting(), headers=auth(employer), timeout=10)
    assert response.status_code == 429 and response.headers["Retry-After"] == "1"
    assert response.json()["error"]["code"] == "rate_limited"
    assert requests.get(f"{base}/v1/jobs", headers=auth(employer), timeout=10).json() == []
    assert requests.post(f"{base}/v1/jobs", json=posting(), headers=auth(employer), timeout=10).status_code == 201


def test_api_timeout_switch(base, hooked):
    employer, _ = hooked
    switches(base, api_timeout=1, api_timeout_seconds=1.5)
    started = time.monotonic()
    with pytest.raises(requests.ReadTimeout):
        requests.get(f"{base}/v1/me", headers=auth(employer), timeout=0.5)
    assert time.monotonic() - started < 1.4
    started = time.monotonic()
    assert requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).status_code == 200
    assert time.monotonic() - started < 1.0


def test_switch_updates_are_all_or_nothing(base):
    before = requests.get(f"{base}/control/switches", timeout=10).json()
    assert before["api_timeout_seconds"] == 15.0 and before["webhooks_paused"] is False
    for bad in ({"api_500": 3, "nope": True}, {"api_500": 3, "bad_signature": "yes"}, {"api_500": -1},
                {"api_timeout_seconds": 0}, {"api_429": True}, ["api_500"]):
        response = requests.post(f"{base}/control/switches", json=bad, timeout=10)
        assert response.status_code == 400, bad
        assert requests.get(f"{base}/control/switches", timeout=10).json() == before
    assert switches(base, api_500=3, resume_as_url=True)["api_500"] == 3
    assert requests.post(f"{base}/control/reset", json={}, timeout=10).json() == before


# ------------------------------------------------------------------ moderation and webhooks

def test_moderation_page_approves_and_the_signed_webhook_arrives(base, receiver, hooked):
    employer, path = hooked
    board_job_id = create_job(base, employer)
    page = requests.get(f"{base}/moderation", timeout=10)
    assert board_job_id in page.text and "Approve" in page.text
    approve = form(page, f"/moderation/{board_job_id}/approve")
    done = requests.post(f"{base}{approve.action}", timeout=10)
    assert done.status_code == 200 and f"{board_job_id} approved" in done.text

    [hook] = receiver.wait(path)
    payload = verify(employer["secret_key"], hook)
    assert payload["api_version"] == "1" and payload["type"] == "job.approved"
    assert payload["data"] == {"board_job_id": board_job_id, "reason": None}
    assert payload["timestamp"].endswith("Z")
    assert hook["headers"]["Content-Type"] == "application/json"
    assert hook["headers"]["Webhook-Id"].startswith("evt_")
    job = requests.get(f"{base}/v1/jobs/{board_job_id}", headers=auth(employer), timeout=10).json()
    assert job["status"] == "approved"
    assert board_job_id not in requests.get(f"{base}/moderation", timeout=10).text
    wait_for(lambda: deliveries(base, employer, "delivered"), message="delivered status")


def test_moderation_page_rejects_with_a_reason(base, receiver, hooked):
    employer, path = hooked
    board_job_id = create_job(base, employer)
    page = requests.get(f"{base}/moderation", timeout=10)
    reject = form(page, f"/moderation/{board_job_id}/reject")
    assert reject.inputs["reason"].get("id") == f"reason-{board_job_id}"
    requests.post(f"{base}{reject.action}", data={"reason": "Thiếu mức lương"}, timeout=10)

    [hook] = receiver.wait(path)
    payload = verify(employer["secret_key"], hook)
    assert payload["type"] == "job.rejected"
    assert payload["data"] == {"board_job_id": board_job_id, "reason": "Thiếu mức lương"}
    job = requests.get(f"{base}/v1/jobs/{board_job_id}", headers=auth(employer), timeout=10).json()
    assert (job["status"], job["reject_reason"]) == ("rejected", "Thiếu mức lương")


def test_control_api_moderation(base, receiver, hooked):
    employer, path = hooked
    first, second = create_job(base, employer), create_job(base, employer)
    approved = requests.post(f"{base}/control/jobs/{first}/approve", timeout=10).json()
    rejected = requests.post(f"{base}/control/jobs/{second}/reject", json={"reason": "Duplicate"}, timeout=10).json()
    assert approved["status"] == "approved" and rejected["reject_reason"] == "Duplicate"
    hooks = receiver.wait(path, 2)
    assert [h["headers"]["Webhook-Id"] for h in hooks] == [approved["event_id"], rejected["event_id"]]
    assert [verify(employer["secret_key"], h)["type"] for h in hooks] == ["job.approved", "job.rejected"]
    assert requests.post(f"{base}/control/jobs/TCV-999999999/approve", timeout=10).status_code == 404


def test_delivery_list_takes_a_limit(base, receiver, hooked):
    """The control list shows the newest 200 by default; ``limit`` asks for more or fewer
    (the load bench reads every delivery's timings)."""
    employer, path = hooked
    for job in (create_job(base, employer), create_job(base, employer), create_job(base, employer)):
        assert requests.post(f"{base}/control/jobs/{job}/approve", timeout=10).status_code == 200
    receiver.wait(path, 3)
    params = {"employer": employer["access_token"]}
    everything = requests.get(f"{base}/control/deliveries", params=params, timeout=10).json()
    newest = requests.get(f"{base}/control/deliveries", params={**params, "limit": 2}, timeout=10).json()
    assert len(everything) == 3 and [d["event_id"] for d in newest] == [d["event_id"] for d in everything[:2]]


def test_retries_keep_the_webhook_id(base, receiver, hooked):
    employer, path = hooked
    receiver.fail(path, 2)
    event_id = requests.post(f"{base}/control/jobs/{create_job(base, employer)}/approve", timeout=10).json()["event_id"]
    hooks = receiver.wait(path, 3)
    assert [h["answered"] for h in hooks] == [500, 500, 204]
    assert {h["headers"]["Webhook-Id"] for h in hooks} == {event_id}
    assert hooks[2]["started"] - hooks[1]["started"] > hooks[1]["started"] - hooks[0]["started"]  # backoff grows
    for hook in hooks:
        verify(employer["secret_key"], hook)
    record = wait_for(lambda: (d := delivery(base, event_id, employer))["status"] == "delivered" and d)
    assert [a["status_code"] for a in record["attempts"]] == [500, 500, 204]
    assert record["attempts"][0]["error"] == "HTTP 500" and record["attempts"][2]["error"] is None
    assert all(a["latency_ms"] >= 0 and a["at"] for a in record["attempts"])


def test_duplicate_delivery_sends_two_concurrent_copies(base, receiver, hooked):
    employer, path = hooked
    receiver.delays[path] = 0.5
    switches(base, duplicate_delivery=True)
    event_id = requests.post(f"{base}/control/jobs/{create_job(base, employer)}/approve", timeout=10).json()["event_id"]
    hooks = receiver.wait(path, 2)
    assert [h["headers"]["Webhook-Id"] for h in hooks] == [event_id, event_id]
    assert abs(hooks[0]["started"] - hooks[1]["started"]) < 0.4  # the copy overlaps the original
    assert verify(employer["secret_key"], hooks[0]) == verify(employer["secret_key"], hooks[1])
    record = wait_for(lambda: (d := delivery(base, event_id, employer))["status"] == "delivered"
                      and len(d["attempts"]) == 2 and d)
    assert sorted(a["duplicate"] for a in record["attempts"]) == [False, True]


def test_out_of_order_holds_events_until_flush_then_newest_first(base, receiver, hooked):
    employer, path = hooked
    switches(base, out_of_order=True)
    sent = [requests.post(f"{base}/control/events", json={"access_token": employer["access_token"],
                                                          "type": "test.ping", "data": {"n": n}}, timeout=10)
            .json()["event_id"] for n in range(3)]
    held = deliveries(base, employer)
    assert {d["event_id"] for d in held if d["held"] and d["status"] == "queued"} == set(sent)
    assert requests.post(f"{base}/control/flush", timeout=10).json() == {"released": 3}
    hooks = receiver.wait(path, 3)
    assert [h["headers"]["Webhook-Id"] for h in hooks] == sent[::-1]
    assert [verify(employer["secret_key"], h)["data"]["n"] for h in hooks] == [2, 1, 0]


def test_out_of_order_releases_held_events_on_its_own(base, receiver, hooked):
    employer, path = hooked
    switches(base, out_of_order=True)
    queued_at = time.monotonic()
    requests.post(f"{base}/control/events", json={"access_token": employer["access_token"], "type": "test.ping",
                                                   "data": {}}, timeout=10)
    [hook] = receiver.wait(path, timeout=15)
    assert hook["started"] - queued_at >= 4.5


def test_bad_signature_fails_verification(base, receiver, hooked):
    employer, path = hooked
    switches(base, bad_signature=True)
    approved_job(base, employer)
    [hook] = receiver.wait(path)
    with pytest.raises(WebhookVerificationError):
        verify(employer["secret_key"], hook)
    switches(base, bad_signature=False)
    approved_job(base, employer)
    verify(employer["secret_key"], receiver.wait(path, 2)[1])


def test_paused_webhooks_wait_for_unpause(base, receiver, hooked):
    employer, path = hooked
    switches(base, webhooks_paused=True)
    event_id = requests.post(f"{base}/control/jobs/{create_job(base, employer)}/approve", timeout=10).json()["event_id"]
    assert delivery(base, event_id, employer)["status"] == "queued"
    assert receiver.requests_for(path) == []
    switches(base, webhooks_paused=False)
    assert receiver.wait(path)[0]["headers"]["Webhook-Id"] == event_id


def test_employer_without_webhook_url_gets_a_failed_delivery(base):
    employer = make_employer(base, None)
    event_id = requests.post(f"{base}/control/events", json={"access_token": employer["access_token"],
                                                             "type": "test.ping", "data": {}}, timeout=10).json()["event_id"]
    record = delivery(base, event_id, employer)
    assert record["status"] == "failed" and "no webhook URL" in record["attempts"][0]["error"]
    assert requests.post(f"{base}/control/events", json={"type": "x"}, timeout=10).status_code == 400


# ------------------------------------------------------------------ applications

def test_apply_through_the_job_page(base, receiver, hooked):
    employer, path = hooked
    board_job_id = approved_job(base, employer)
    receiver.wait(path)  # job.approved
    page = requests.get(f"{base}/jobs/{board_job_id}", timeout=10)
    assert "Kỹ sư phần mềm Python" in page.text
    apply = form(page, f"/jobs/{board_job_id}/apply")
    assert {"full_name", "email", "phone", "resume", "cover_letter"} <= set(apply.inputs.keys())
    assert board_job_id in requests.get(f"{base}/jobs", timeout=10).text
    thanks = requests.post(f"{base}{apply.action}", files={"resume": ("CV Trần Minh.pdf", PDF, "application/pdf")},
                           data={"full_name": "Trần Minh", "email": "minh@example.vn", "phone": "0912 000 111",
                                 "cover_letter": "Xin chào!"}, timeout=10)
    assert thanks.status_code == 200 and "Thank you for applying" in thanks.text

    hook = receiver.wait(path, 2)[1]
    payload = verify(employer["secret_key"], hook)
    assert payload["type"] == "application.created"
    data = payload["data"]
    assert data["board_application_id"] in thanks.text
    assert data["board_job_id"] == board_job_id and data["job_title"] == "Kỹ sư phần mềm Python"
    assert data["candidate"] == {"full_name": "Trần Minh", "email": "minh@example.vn", "phone": "0912 000 111"}
    assert data["resume"]["file_name"] == "CV Trần Minh.pdf" and data["resume"]["content_type"] == "application/pdf"
    assert base64.b64decode(data["resume"]["data"]) == PDF and data["resume"]["url"] is None
    assert data["cover_letter"] == "Xin chào!" and data["answers"] == [] and data["applied_at"].endswith("Z")
    job = requests.get(f"{base}/v1/jobs/{board_job_id}", headers=auth(employer), timeout=10).json()
    assert job["applications_count"] == 1


def test_only_approved_jobs_take_applications_on_the_page(base, hooked):
    employer, _ = hooked
    board_job_id = create_job(base, employer)
    page = requests.get(f"{base}/jobs/{board_job_id}", timeout=10)
    assert "not open for applications" in page.text and "Apply</button>" not in page.text
    response = requests.post(f"{base}/jobs/{board_job_id}/apply", files={"resume": ("cv.pdf", PDF)},
                             data={"full_name": "A", "email": "a@example.vn"}, timeout=10)
    assert response.status_code == 400
    approved = approved_job(base, employer)
    response = requests.post(f"{base}/jobs/{approved}/apply", files={"resume": ("cv.docx", b"PK\x03\x04")},
                             data={"full_name": "A", "email": "a@example.vn"}, timeout=10)
    assert response.status_code == 400 and "PDF" in response.text
    assert deliveries(base, employer) and all(d["type"] != "application.created" for d in deliveries(base, employer))


def test_apply_through_the_control_api_to_a_closed_job(base, receiver, hooked):
    employer, path = hooked
    board_job_id = create_job(base, employer)
    requests.post(f"{base}/v1/jobs/{board_job_id}/close", headers=auth(employer), timeout=10)
    body = {"full_name": "Lê Hoa", "email": "hoa@example.vn", "phone": None, "cover_letter": None,
            "resume": {"file_name": "hoa.pdf", "content_type": "application/pdf",
                       "data": base64.b64encode(PDF).decode()},
            "answers": [{"question": "Notice period?", "answer": "30 days"}]}
    response = requests.post(f"{base}/control/jobs/{board_job_id}/apply", json=body, timeout=10)
    assert response.status_code == 201
    [hook] = receiver.wait(path)
    assert hook["headers"]["Webhook-Id"] == response.json()["event_id"]
    data = verify(employer["secret_key"], hook)["data"]
    assert data["board_application_id"] == response.json()["board_application_id"]
    assert data["candidate"] == {"full_name": "Lê Hoa", "email": "hoa@example.vn", "phone": None}
    assert base64.b64decode(data["resume"]["data"]) == PDF
    assert data["answers"] == [{"question": "Notice period?", "answer": "30 days"}] and data["cover_letter"] is None
    bad = requests.post(f"{base}/control/jobs/{board_job_id}/apply", json={**body, "resume": {"data": "%%%"}},
                        timeout=10)
    assert bad.status_code == 400


def test_resume_as_url_serves_the_file(base, receiver, hooked):
    employer, path = hooked
    board_job_id = approved_job(base, employer)
    switches(base, resume_as_url=True)
    requests.post(f"{base}/control/jobs/{board_job_id}/apply", json={
        "full_name": "Phạm An", "email": "an@example.vn",
        "resume": {"file_name": "an.pdf", "content_type": "application/pdf", "data": base64.b64encode(PDF).decode()},
    }, timeout=10)
    hook = receiver.wait(path, 2)[1]
    resume = verify(employer["secret_key"], hook)["data"]["resume"]
    assert resume["data"] is None and resume["url"].startswith(f"{base}/files/")
    file = requests.get(resume["url"], timeout=10)
    assert file.status_code == 200 and file.content == PDF
    assert file.headers["Content-Type"] == "application/pdf"
    assert requests.get(f"{base}/files/not-a-token", timeout=10).status_code == 404


# ------------------------------------------------------------------ the employer console

def test_employer_console(base, receiver):
    created = requests.post(f"{base}/employers/new", data={"name": "Hải Đăng JSC", "email": "jobs@haidang.vn"},
                            timeout=10)
    assert created.status_code == 200 and "/employers/" in created.url
    doc = html.fromstring(created.content)
    token = doc.get_element_by_id("access-token").text_content().strip()
    secret = doc.get_element_by_id("secret-key").text_content().strip()
    assert token and secret and token != secret
    employer = {"access_token": token, "secret_key": secret}
    assert requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).json()["name"] == "Hải Đăng JSC"

    path = receiver.hook()
    webhook_form = form(created, "/webhook")
    assert doc.get_element_by_id("webhook-url").get("name") == "webhook_url"
    assert "Save webhook URL" in created.text
    requests.post(f"{base}{webhook_form.action}", data={"webhook_url": receiver.base + path}, timeout=10)
    assert requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).json()["webhook_url"] == receiver.base + path

    job_form = form(created, "/jobs")
    page = requests.post(f"{base}{job_form.action}", data={"title": "Kế toán", "city": "Đà Nẵng",
                                                           "description": "Sổ sách", "deadline": future(10)}, timeout=10)
    assert "waiting for review" in page.text
    [job] = requests.get(f"{base}/v1/jobs", headers=auth(employer), timeout=10).json()
    assert (job["title"], job["location"]["city"], job["status"]) == ("Kế toán", "Đà Nẵng", "pending_review")
    requests.post(f"{base}/control/jobs/{job['board_job_id']}/approve", timeout=10)
    receiver.wait(path)
    page = wait_for(lambda: (p := requests.get(created.url, timeout=10)) and "delivered" in p.text and p)
    assert job["board_job_id"] in page.text and "job.approved" in page.text

    refused = requests.post(f"{base}{job_form.action}", data={"title": "", "city": "Huế", "description": "x"},
                            timeout=10)
    assert "title is required" in refused.text
    assert len(requests.get(f"{base}/v1/jobs", headers=auth(employer), timeout=10).json()) == 1


def test_overview_and_control_pages(base):
    employer = make_employer(base, None, name="Overview Test Co")
    overview = requests.get(f"{base}/", timeout=10).text
    assert "TopCV sandbox" in overview and "Overview Test Co" in overview and "TOPCV_API_URL" in overview
    assert f"/employers/{employer['employer_id']}" in overview
    control = requests.get(f"{base}/control", timeout=10)
    saved = requests.post(f"{base}/control", data={"api_500": "4", "api_429": "0", "api_timeout": "0",
                                                   "api_timeout_seconds": "2.5", "resume_as_url": "on"}, timeout=10)
    assert control.status_code == 200 and "Saved." in saved.text
    state = requests.get(f"{base}/control/switches", timeout=10).json()
    assert (state["api_500"], state["api_timeout_seconds"], state["resume_as_url"], state["webhooks_paused"]) == (
        4, 2.5, True, False)


# ------------------------------------------------------------------ durability (own processes)

def test_deliveries_survive_a_restart_and_seeds_are_upserted(tmp_path, receiver):
    data_dir = tmp_path / "data"
    path = receiver.hook()
    seed = ('{"name": "Seeded Co", "email": "seed@example.vn", "access_token": "tcv_demo_token", '
            f'"secret_key": "tcv_demo_secret", "webhook_url": "{receiver.base}{path}"}}')
    employer = {"access_token": "tcv_demo_token", "secret_key": "tcv_demo_secret"}

    first = SandboxProcess("sandboxes.topcv", data_dir, "--retry-base", "0.2", "--seed-employer", seed)
    try:
        base = first.wait_ready().base
        assert requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).json()["name"] == "Seeded Co"
        delivered = approved_job(base, employer)
        receiver.wait(path)
        wait_for(lambda: deliveries(base, employer, "delivered"), message="first delivery")
        switches(base, webhooks_paused=True)
        waiting = create_job(base, employer)
        event_id = requests.post(f"{base}/control/jobs/{waiting}/approve", timeout=10).json()["event_id"]
        assert delivery(base, event_id, employer)["status"] == "queued"
    finally:
        first.stop()
    assert len(receiver.requests_for(path)) == 1

    second = SandboxProcess("sandboxes.topcv", data_dir, "--retry-base", "0.2", "--seed-employer",
                            seed.replace("Seeded Co", "Seeded Co (renamed)"))
    try:
        base = second.wait_ready().base
        hooks = receiver.wait(path, 2)
        assert hooks[1]["headers"]["Webhook-Id"] == event_id
        assert verify(employer["secret_key"], hooks[1])["data"]["board_job_id"] == waiting
        me = requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).json()
        assert me["name"] == "Seeded Co (renamed)"
        done = wait_for(lambda: len(deliveries(base, employer, "delivered")) == 2, message="both delivered")
        assert done and {d["event_id"] for d in deliveries(base, employer, "delivered")} >= {event_id}
        assert requests.get(f"{base}/v1/jobs/{delivered}", headers=auth(employer), timeout=10).json()["status"] == "approved"

        other = make_employer(base, None, name="Wiped Co")
        assert requests.post(f"{base}/control/reset", json={"wipe": True}, timeout=10).status_code == 200
        assert requests.get(f"{base}/v1/me", headers=auth(other), timeout=10).status_code == 401
        assert requests.get(f"{base}/v1/me", headers=auth(employer), timeout=10).status_code == 200  # seed again
        assert requests.get(f"{base}/v1/jobs", headers=auth(employer), timeout=10).json() == []
    finally:
        second.stop()


def test_a_delivery_gives_up_after_eight_attempts(tmp_path):
    sandbox = SandboxProcess("sandboxes.topcv", tmp_path / "data", "--retry-base", "0.01")
    try:
        base = sandbox.wait_ready().base
        employer = make_employer(base, f"http://127.0.0.1:{free_port()}/nobody-listens")
        event_id = requests.post(f"{base}/control/events", json={"access_token": employer["access_token"],
                                                                 "type": "test.ping", "data": {}}, timeout=10
                                 ).json()["event_id"]
        record = wait_for(lambda: (d := delivery(base, event_id, employer))["status"] == "failed" and d)
        assert len(record["attempts"]) == 8
        assert all(a["status_code"] is None and a["error"].startswith("connection error") for a in record["attempts"])
    finally:
        sandbox.stop()


def test_bad_seed_employer_is_refused(tmp_path):
    sandbox = SandboxProcess("sandboxes.topcv", tmp_path / "data", "--seed-employer", '{"name": "No email"}')
    with pytest.raises(RuntimeError, match="exited"):
        sandbox.wait_ready()
    sandbox.stop()
    assert "email is required" in Path(sandbox.log_path).read_text()
