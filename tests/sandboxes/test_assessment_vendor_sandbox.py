"""The assessment vendor (Alva Labs) sandbox as a black box: its own process, real HTTP.

The sandbox runs with ``python -m sandboxes.assessment_vendor`` on a free port; a tiny HTTP
server in this module plays Haku's ``/partner/v1/assessments/...`` endpoints, records every
callback and verifies it with ``standardwebhooks``, and can answer 500 to the first N calls.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import uuid
from types import SimpleNamespace

import pytest
import requests
from lxml import html
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.support.processes import wait_for
from tests.support.sandbox_process import SandboxProcess

MODULE = "sandboxes.assessment_vendor"
TESTS_BY_PRODUCT = {
    "personality_logic": ["alva-personality", "alva-logic"],
    "coding": ["alva-code-python", "alva-code-js"],
    "interviews": ["alva-interview"],
}
RESULT_KEYS = {"title", "subtitle", "color", "score", "status", "links", "content", "scores"}
STATUS_KEYS = {"partner_status", "partner_profile_url", "partner_score", "partner_max_score", "sub_scores", "metadata"}


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


# ------------------------------------------------------------------ Haku stand-in that receives callbacks

class Receiver:
    """Records requests under ``/partner/v1/assessments/<external_id>/...`` and verifies their signature."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[dict] = []
        self.secrets: dict[str, str] = {}
        self.fail: dict[str, int] = {}  # external_id -> how many more calls answer 500
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.base = f"http://127.0.0.1:{self.server.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @Request.application
    def app(self, request: Request) -> Response:
        body = request.get_data()
        parts = request.path.split("/")  # ['', 'partner', 'v1', 'assessments', ext, ...]
        ext = parts[4] if len(parts) > 4 else None
        try:
            Webhook(self.secrets[ext]).verify(body, dict(request.headers))
            verified = True
        except (KeyError, WebhookVerificationError):
            verified = False
        with self.lock:
            failing = self.fail.get(ext, 0) > 0
            if failing:
                self.fail[ext] -= 1
            self.requests.append({
                "ext": ext, "method": request.method, "path": request.path, "body": body,
                "headers": {k.lower(): v for k, v in request.headers.items()},
                "json": json.loads(body) if body else None, "verified": verified,
                "webhook_id": request.headers.get("webhook-id"), "status": 500 if failing else 200})
        if failing:
            return Response('{"error": {"code": "boom", "message": "test failure", "field": null}}', 500,
                            mimetype="application/json")
        answer = {"status": "configured", "external_id": ext} if request.path.endswith("/connect") else {}
        return Response(json.dumps(answer), 200, mimetype="application/json")

    def at_least(self, n: int, ext: str, ok_only: bool = False) -> list[dict] | None:
        """The records of ``ext`` once there are ``n`` of them (for ``wait_for``)."""
        records = self.of(ext, ok_only)
        return records if len(records) >= n else None

    def of(self, ext: str, ok_only: bool = False) -> list[dict]:
        with self.lock:
            return [r for r in self.requests if r["ext"] == ext and (r["status"] == 200 or not ok_only)]


@pytest.fixture(scope="module")
def receiver():
    server = Receiver()
    yield server
    server.server.shutdown()
    server.thread.join(timeout=10)


def start_vendor(data_dir, *extra) -> SandboxProcess:
    return SandboxProcess(MODULE, data_dir, *extra).wait_ready()


@pytest.fixture(scope="module")
def vendor(tmp_path_factory):
    process = SandboxProcess(MODULE, tmp_path_factory.mktemp("vendor") / "data", "--retry-base", "0.2")
    try:
        yield process.wait_ready()
    finally:
        process.stop()


@pytest.fixture(autouse=True)
def _reset_switches(vendor):
    yield
    assert requests.post(f"{vendor.base}/control/reset", json={}, timeout=10).status_code == 200


def switches(base: str, **values) -> dict:
    response = requests.post(f"{base}/control/switches", json=values, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def integration(base: str, receiver: Receiver, product: str = "coding") -> SimpleNamespace:
    """An account with a connection (no connect call) whose callbacks go to the receiver."""
    ext, secret = str(uuid.uuid4()), new_secret()
    receiver.secrets[ext] = secret
    account = requests.post(f"{base}/control/accounts", timeout=10, json={
        "name": f"Company {ext[:8]}", "product": product,
        "connection": {"haku_url": receiver.base, "external_id": ext, "signing_secret": secret}}).json()
    return SimpleNamespace(ext=ext, secret=secret, account=account, api_key=account["api_key"],
                           auth=(account["api_key"], ""),
                           callback_url=f"{receiver.base}/partner/v1/assessments/{ext}")


def send_body(integ: SimpleNamespace, **changes) -> dict:
    body = {
        "partner_test_id": TESTS_BY_PRODUCT[integ.account["product"]][0],
        "candidate": {"first_name": "Aino", "last_name": "Virtanen", "email": "aino@example.com",
                      "phone_number": None, "resume_url": None},
        "application_ref": str(uuid.uuid4()), "job": {"id": 7, "title": "Backend developer"},
        "integration_external_id": integ.ext, "callback_url": integ.callback_url, "locale": "en",
    }
    body.update(changes)
    return body


def send_test(base: str, integ: SimpleNamespace, **changes) -> dict:
    response = requests.post(f"{base}/send_test", json=send_body(integ, **changes), auth=integ.auth, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def status_of(base: str, integ: SimpleNamespace, interview_id: str) -> requests.Response:
    return requests.get(f"{base}/test_status", params={"partner_interview_id": interview_id}, auth=integ.auth,
                        timeout=10)


def deliveries(base: str, interview_id: str) -> list[dict]:
    rows = requests.get(f"{base}/control/deliveries", params={"interview_id": interview_id}, timeout=10).json()
    return sorted(rows, key=lambda d: d["id"])


def kinds(records: list[dict]) -> list[str]:
    return [f"{r['method']} {r['path'].rsplit('/', 1)[-1]}" for r in records]


# ------------------------------------------------------------------ vendor API

def test_healthz(vendor):
    response = requests.get(f"{vendor.base}/healthz", timeout=10)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.parametrize("auth", [None, ("wrong-key-123", ""), "bearer"])
def test_vendor_api_refuses_missing_or_unknown_key(vendor, receiver, auth):
    integ = integration(vendor.base, receiver)
    headers = {"Authorization": f"Bearer {integ.api_key}"} if auth == "bearer" else {}
    response = requests.get(f"{vendor.base}/list_tests", auth=None if auth == "bearer" else auth,
                            headers=headers, timeout=10)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.json()["error"]["field"] is None


def test_api_key_as_username_or_password(vendor, receiver):
    integ = integration(vendor.base, receiver)
    for auth in [(integ.api_key, ""), ("", integ.api_key)]:
        assert requests.get(f"{vendor.base}/list_tests", auth=auth, timeout=10).status_code == 200


@pytest.mark.parametrize("product", list(TESTS_BY_PRODUCT))
def test_list_tests_per_product(vendor, receiver, product):
    integ = integration(vendor.base, receiver, product)
    tests = requests.get(f"{vendor.base}/list_tests", auth=integ.auth, timeout=10).json()
    assert [t["partner_test_id"] for t in tests] == TESTS_BY_PRODUCT[product]
    assert all(t["partner_test_name"] for t in tests)


@pytest.mark.parametrize("changes, field", [
    ({"partner_test_id": "alva-logic"}, "partner_test_id"),  # another product's test
    ({"partner_test_id": "nope"}, "partner_test_id"),
    ({"candidate": {"first_name": "Aino", "email": None}}, "candidate.email"),
    ({"callback_url": "ftp://haku.example/partner"}, "callback_url"),
    ({"callback_url": None}, "callback_url"),
    ({"application_ref": ""}, "application_ref"),
    ({"integration_external_id": "not-connected"}, "integration_external_id"),
])
def test_send_test_validation(vendor, receiver, changes, field):
    integ = integration(vendor.base, receiver)
    response = requests.post(f"{vendor.base}/send_test", json=send_body(integ, **changes), auth=integ.auth,
                             timeout=10)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["field"] == field
    if field == "integration_external_id":
        assert response.json()["error"]["message"] == "integration not connected"


def test_send_test_is_idempotent_while_open(vendor, receiver):
    integ = integration(vendor.base, receiver)
    body = send_body(integ)
    first = requests.post(f"{vendor.base}/send_test", json=body, auth=integ.auth, timeout=10)
    again = requests.post(f"{vendor.base}/send_test", json=body, auth=integ.auth, timeout=10)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert first.json()["candidate_url"].startswith(f"{vendor.base}/t/")
    other = send_test(vendor.base, integ, application_ref=body["application_ref"], partner_test_id="alva-code-js")
    assert other["partner_interview_id"] != first.json()["partner_interview_id"]
    # Once finished, the same triple starts a new interview.
    done = requests.post(f"{vendor.base}/control/interviews/{first.json()['partner_interview_id']}/cancel",
                         timeout=10)
    assert done.status_code == 200
    after = requests.post(f"{vendor.base}/send_test", json=body, auth=integ.auth, timeout=10)
    assert after.status_code == 201
    assert after.json()["partner_interview_id"] != first.json()["partner_interview_id"]


def test_test_status_shape_and_scoping(vendor, receiver):
    integ, stranger = integration(vendor.base, receiver), integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    status = status_of(vendor.base, integ, sent["partner_interview_id"])
    assert status.status_code == 200
    data = status.json()
    assert set(data) == STATUS_KEYS
    assert data["partner_status"] == "invited"
    assert data["partner_profile_url"] is None and data["partner_score"] is None and data["sub_scores"] == []
    assert all(v is None or isinstance(v, (str, int, float, bool)) for v in data["metadata"].values())
    assert status_of(vendor.base, stranger, sent["partner_interview_id"]).status_code == 404
    assert status_of(vendor.base, integ, "int_unknown").status_code == 404


# ------------------------------------------------------------------ connection

def test_connect_call_is_signed_and_returns_hakus_answer(vendor, receiver):
    account = requests.post(f"{vendor.base}/control/accounts", json={"name": "Acme", "product": "interviews"},
                            timeout=10).json()
    ext, secret = str(uuid.uuid4()), new_secret()
    receiver.secrets[ext] = secret
    result = requests.post(f"{vendor.base}/control/connect", timeout=20, json={
        "api_key": account["api_key"], "haku_url": receiver.base, "external_id": ext, "signing_secret": secret,
        "call": True}).json()
    assert result["status_code"] == 200
    assert result["body"] == {"status": "configured", "external_id": ext}
    (call,) = receiver.of(ext)
    assert call["method"] == "POST" and call["path"] == f"/partner/v1/assessments/{ext}/connect"
    assert call["verified"]
    assert call["json"]["api_version"] == "1" and call["json"]["type"] == "integration.connect"
    assert call["json"]["data"] == {"vendor_account_ref": account["ref"]}
    assert account["ref"].startswith("acct_")


def test_connect_without_call_and_bad_secret(vendor, receiver):
    account = requests.post(f"{vendor.base}/control/accounts", json={"product": "coding"}, timeout=10).json()
    ext = str(uuid.uuid4())
    stored = requests.post(f"{vendor.base}/control/connect", timeout=10, json={
        "api_key": account["api_key"], "haku_url": receiver.base, "external_id": ext,
        "signing_secret": new_secret(), "call": False})
    assert stored.status_code == 200 and stored.json()["status_code"] is None
    assert receiver.of(ext) == []
    bad = requests.post(f"{vendor.base}/control/connect", timeout=10, json={
        "api_key": account["api_key"], "haku_url": receiver.base, "external_id": ext, "signing_secret": "plain"})
    assert bad.status_code == 400
    assert requests.post(f"{vendor.base}/control/connect", json={"api_key": "nope-nope"}, timeout=10).status_code == 404


def test_account_screens_create_key_and_connect(vendor, receiver):
    session = requests.Session()
    created = session.post(f"{vendor.base}/accounts/new", data={"name": "Screen Oy", "product": "coding"},
                           timeout=10)
    assert created.status_code == 200 and "/accounts/" in created.url
    page = html.fromstring(created.content)
    api_key = page.get_element_by_id("api-key").text_content().strip()
    assert requests.get(f"{vendor.base}/list_tests", auth=(api_key, ""), timeout=10).status_code == 200
    form = next(f for f in page.forms if f.get_element_by_id("haku-url") is not None)
    assert form.get_element_by_id("external-id") is not None and form.get_element_by_id("signing-secret") is not None
    assert "Connect" in form.text_content()
    ext, secret = str(uuid.uuid4()), new_secret()
    receiver.secrets[ext] = secret
    fields = {form.get_element_by_id(i).get("name"): v
              for i, v in (("haku-url", receiver.base), ("external-id", ext), ("signing-secret", secret))}
    answered = session.post(requests.compat.urljoin(created.url, form.get("action")), data=fields, timeout=20)
    assert answered.status_code == 200
    assert html.fromstring(answered.content).get_element_by_id("connect-status").text_content().strip() == "200"
    assert "configured" in answered.text
    (call,) = receiver.of(ext)
    assert call["verified"] and call["json"]["data"]["vendor_account_ref"].startswith("acct_")
    # The connection is usable for send_test right away.
    sent = requests.post(f"{vendor.base}/send_test", auth=(api_key, ""), timeout=10, json=send_body(
        SimpleNamespace(ext=ext, account={"product": "coding"},
                        callback_url=f"{receiver.base}/partner/v1/assessments/{ext}")))
    assert sent.status_code == 201
    assert all(requests.get(f"{vendor.base}{p}", timeout=10).status_code == 200 for p in ("/", "/control"))


# ------------------------------------------------------------------ candidate flow and callbacks

def test_candidate_flow_delivers_patch_result_logs_in_order(vendor, receiver):
    integ, ref = integration(vendor.base, receiver), str(uuid.uuid4())
    sent = send_test(vendor.base, integ, application_ref=ref)
    interview_id = sent["partner_interview_id"]
    page = requests.get(sent["candidate_url"], timeout=10)
    assert page.status_code == 200
    assert "Aino" in page.text and "Python coding" in page.text and "Backend developer" in page.text
    assert 'name="viewport"' in page.text and "<script" not in page.text
    doc = html.fromstring(page.content)
    assert doc.get_element_by_id("force-score").get("name") == "force_score"
    assert len(doc.xpath("//input[@type='radio']")) >= 10
    assert status_of(vendor.base, integ, interview_id).json()["partner_status"] == "started"

    done = requests.post(sent["candidate_url"], data={"q0": "0", "q1": "2", "force_score": "80"}, timeout=10)
    assert done.status_code == 200 and "Thank you, Aino" in done.text
    records = wait_for(lambda: receiver.at_least(5, integ.ext), message="5 callbacks")
    assert kinds(records) == [f"PATCH {interview_id}", "POST logs", f"PATCH {interview_id}", "POST result",
                              "POST logs"]
    assert all(r["verified"] for r in records)
    assert len({r["webhook_id"] for r in records}) == 5
    prefix = f"/partner/v1/assessments/{integ.ext}"
    assert [r["path"] for r in records] == [f"{prefix}/{interview_id}", f"{prefix}/applications/{ref}/logs",
                                            f"{prefix}/{interview_id}", f"{prefix}/applications/{ref}/result",
                                            f"{prefix}/applications/{ref}/logs"]
    bodies = [r["json"] for r in records]
    assert [b["type"] for b in bodies] == ["assessment.status_changed", "assessment.logs", "assessment.status_changed",
                                           "assessment.result", "assessment.logs"]
    assert all(b["api_version"] == "1" and b["timestamp"] for b in bodies)
    assert bodies[0]["data"]["partner_status"] == "started"
    assert bodies[1]["data"][0]["message"] == "Candidate started the test"
    final = bodies[2]["data"]
    assert set(final) == STATUS_KEYS and final["partner_status"] == "complete"
    assert final["partner_score"] == 80 and final["partner_max_score"] == 100
    assert final["sub_scores"] and all(s == {"title": s["title"], "value": 80, "max": 100} for s in final["sub_scores"])
    card = bodies[3]["data"]
    assert set(card) == RESULT_KEYS and card["score"] == 80 and card["status"] == "complete"
    assert card["color"].startswith("#") and card["links"][0]["url"] == final["partner_profile_url"]
    assert all({"title", "details"} == set(c) for c in card["content"])
    assert all(set(e) == {"at", "message"} for e in bodies[4]["data"])
    assert status_of(vendor.base, integ, interview_id).json() == final
    report = requests.get(final["partner_profile_url"], timeout=10)
    assert report.status_code == 200
    assert html.fromstring(report.content).get_element_by_id("report-score").text_content().split()[0] == "80"
    again = requests.get(sent["candidate_url"], timeout=10)
    assert "already completed" in again.text


def test_answers_are_scored_without_force(vendor, receiver):
    integ = integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    requests.get(sent["candidate_url"], timeout=10)
    bad = requests.post(sent["candidate_url"], data={"force_score": "150"}, timeout=10)
    assert bad.status_code == 422 and "0 to 100" in bad.text
    # Python coding: answers 0, 2, 0, 2, 0 are correct; three of five right here.
    requests.post(sent["candidate_url"], data={"q0": "0", "q1": "2", "q2": "0", "q3": "0", "q4": "1"}, timeout=10)
    data = status_of(vendor.base, integ, sent["partner_interview_id"]).json()
    assert data["partner_status"] == "complete" and data["partner_score"] == 60
    assert {s["title"]: s["value"] for s in data["sub_scores"]} == {"Basics": 100, "Algorithms": 50, "Testing": 0}


def test_control_transitions_queue_a_patch(vendor, receiver):
    integ = integration(vendor.base, receiver)
    expired, cancelled = send_test(vendor.base, integ), send_test(vendor.base, integ)
    for sent, action, status in ((expired, "expire", "expired"), (cancelled, "cancel", "cancelled")):
        response = requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/{action}",
                                 timeout=10)
        assert response.status_code == 200 and response.json()["status"] == status
    records = wait_for(lambda: receiver.at_least(2, integ.ext), message="2 PATCHes")
    assert {r["json"]["data"]["partner_status"] for r in records} == {"expired", "cancelled"}
    assert all(r["method"] == "PATCH" and r["verified"] for r in records)
    page = requests.get(expired["candidate_url"], timeout=10)
    assert "expired" in html.fromstring(page.content).get_element_by_id("finished").text_content()
    assert requests.post(expired["candidate_url"], data={"q0": "0"}, timeout=10).status_code == 409
    late = requests.post(f"{vendor.base}/control/interviews/{expired['partner_interview_id']}/complete",
                         json={"score": 50}, timeout=10)
    assert late.status_code == 409
    assert requests.post(f"{vendor.base}/control/interviews/int_nope/start", timeout=10).status_code == 404


def test_control_complete_follows_the_candidate_path(vendor, receiver):
    integ = integration(vendor.base, receiver, "interviews")
    sent = send_test(vendor.base, integ)
    done = requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/complete",
                         json={"score": 35}, timeout=10)
    assert done.status_code == 200 and done.json()["status"] == "complete" and done.json()["score"] == 35
    records = wait_for(lambda: receiver.at_least(5, integ.ext), message="5 callbacks")
    assert [r["json"]["type"] for r in records][2:] == ["assessment.status_changed", "assessment.result",
                                                       "assessment.logs"]
    assert records[3]["json"]["data"]["score"] == 35
    listed = requests.get(f"{vendor.base}/control/interviews",
                          params={"application_ref": done.json()["application_ref"]}, timeout=10).json()
    assert [i["partner_interview_id"] for i in listed] == [sent["partner_interview_id"]]


# ------------------------------------------------------------------ delivery switches and retries

def test_retries_keep_webhook_id(vendor, receiver):
    integ = integration(vendor.base, receiver)
    receiver.fail[integ.ext] = 2
    sent = send_test(vendor.base, integ)
    requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/start", timeout=10)
    ok = wait_for(lambda: receiver.at_least(2, integ.ext, ok_only=True), message="delivered after retries")
    records = receiver.of(integ.ext)
    first = [r for r in records if r["method"] == "PATCH"]
    assert [r["status"] for r in first] == [500, 500, 200]
    assert len({r["webhook_id"] for r in first}) == 1 and all(r["verified"] for r in first)
    assert ok[1]["json"]["type"] == "assessment.logs"  # the log waited for the PATCH
    patch = wait_for(lambda: next((d for d in deliveries(vendor.base, sent["partner_interview_id"])
                                   if d["status"] == "delivered"), None), message="delivery log")
    assert [a["status_code"] for a in patch["attempts"]] == [500, 500, 200]
    assert patch["event_id"] == first[0]["webhook_id"]
    assert all(a["at"] and a["latency_ms"] >= 0 for a in patch["attempts"])
    assert patch["attempts"][0]["error"] == "HTTP 500"


def test_duplicate_callbacks(vendor, receiver):
    switches(vendor.base, duplicate_callbacks=True)
    integ = integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/expire", timeout=10)
    records = wait_for(lambda: receiver.at_least(2, integ.ext), message="duplicate")
    assert len(records) == 2
    assert records[0]["webhook_id"] == records[1]["webhook_id"] and records[0]["body"] == records[1]["body"]
    assert all(r["verified"] for r in records)
    (patch,) = wait_for(lambda: [d for d in deliveries(vendor.base, sent["partner_interview_id"])
                                 if len(d["attempts"]) == 2] or None, message="both attempts logged")
    assert sorted(a["duplicate"] for a in patch["attempts"]) == [False, True]


def test_bad_signature(vendor, receiver):
    switches(vendor.base, bad_signature=True)
    integ = integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/cancel", timeout=10)
    (record,) = wait_for(lambda: receiver.of(integ.ext), message="signed PATCH")
    assert not record["verified"]
    assert record["headers"]["webhook-signature"].startswith("v1,") and record["headers"]["webhook-timestamp"]
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(integ.secret).verify(record["body"], record["headers"])


def test_callbacks_paused_then_resumed(vendor, receiver):
    switches(vendor.base, callbacks_paused=True)
    integ = integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    assert requests.get(sent["candidate_url"], timeout=10).status_code == 200
    ticks = requests.get(f"{vendor.base}/control/worker", timeout=10).json()["ticks"]
    wait_for(lambda: requests.get(f"{vendor.base}/control/worker", timeout=10).json()["ticks"] >= ticks + 2,
             message="worker looked at the queue")
    assert receiver.of(integ.ext) == []
    assert [d["status"] for d in deliveries(vendor.base, sent["partner_interview_id"])] == ["queued", "queued"]
    queued = requests.get(f"{vendor.base}/control/deliveries", params={"status": "queued"}, timeout=10).json()
    assert {d["partner_interview_id"] for d in queued} >= {sent["partner_interview_id"]}
    switches(vendor.base, callbacks_paused=False)
    records = wait_for(lambda: receiver.at_least(2, integ.ext), message="resumed")
    assert kinds(records) == [f"PATCH {sent['partner_interview_id']}", "POST logs"]


def test_patch_mode_empty(vendor, receiver):
    switches(vendor.base, patch_mode="empty")
    integ = integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/expire", timeout=10)
    (record,) = wait_for(lambda: receiver.of(integ.ext), message="PATCH")
    assert record["method"] == "PATCH" and record["json"]["data"] == {} and record["verified"]
    assert record["json"]["type"] == "assessment.status_changed"
    assert status_of(vendor.base, integ, sent["partner_interview_id"]).json()["partner_status"] == "expired"


def test_callbacks_off_means_polling(vendor, receiver):
    switches(vendor.base, callbacks_off=True)
    integ = integration(vendor.base, receiver)
    sent = send_test(vendor.base, integ)
    requests.post(f"{vendor.base}/control/interviews/{sent['partner_interview_id']}/complete", json={"score": 90},
                  timeout=10)
    assert deliveries(vendor.base, sent["partner_interview_id"]) == []
    data = status_of(vendor.base, integ, sent["partner_interview_id"]).json()
    assert data["partner_status"] == "complete" and data["partner_score"] == 90 and data["partner_profile_url"]


# ------------------------------------------------------------------ vendor-API failure switches

def test_api_500_for_the_next_calls(vendor, receiver):
    integ = integration(vendor.base, receiver)
    switches(vendor.base, api_500=2)
    codes = [requests.get(f"{vendor.base}/list_tests", auth=integ.auth, timeout=10).status_code for _ in range(3)]
    assert codes == [500, 500, 200]


def test_api_429_with_retry_after(vendor, receiver):
    integ = integration(vendor.base, receiver)
    switches(vendor.base, api_429=1)
    limited = requests.post(f"{vendor.base}/send_test", json=send_body(integ), auth=integ.auth, timeout=10)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "1"
    assert limited.json()["error"]["code"] == "rate_limited"
    assert requests.get(f"{vendor.base}/control/switches", timeout=10).json()["api_429"] == 0


def test_api_timeout(vendor, receiver):
    integ = integration(vendor.base, receiver)
    switches(vendor.base, api_timeout=1, api_timeout_seconds=1.0)
    with pytest.raises(requests.ReadTimeout):
        requests.get(f"{vendor.base}/list_tests", auth=integ.auth, timeout=0.2)
    assert requests.get(f"{vendor.base}/list_tests", auth=integ.auth, timeout=0.9).status_code == 200


@pytest.mark.parametrize("update", [{"nope": 1}, {"api_500": -1}, {"api_500": True}, {"bad_signature": "yes"},
                                    {"patch_mode": "partial"}, {"api_timeout_seconds": 0}, ["api_500"],
                                    {"api_429": 2, "callbacks_off": 1}])
def test_switch_validation_changes_nothing(vendor, update):
    before = requests.get(f"{vendor.base}/control/switches", timeout=10).json()
    response = requests.post(f"{vendor.base}/control/switches", json=update, timeout=10)
    assert response.status_code == 400
    assert requests.get(f"{vendor.base}/control/switches", timeout=10).json() == before


def test_control_page_form_sets_switches(vendor):
    page = requests.post(f"{vendor.base}/control", timeout=10, data={
        "api_500": "3", "api_429": "0", "api_timeout": "0", "api_timeout_seconds": "2.5", "patch_mode": "empty",
        "callbacks_paused": "on", "action": "save"})
    assert page.status_code == 200
    state = requests.get(f"{vendor.base}/control/switches", timeout=10).json()
    assert state["api_500"] == 3 and state["patch_mode"] == "empty" and state["callbacks_paused"] is True
    assert state["api_timeout_seconds"] == 2.5 and state["bad_signature"] is False


# ------------------------------------------------------------------ own processes: restart, seeds, giving up

def test_state_and_queue_survive_a_restart(tmp_path, receiver):
    ext, secret = str(uuid.uuid4()), new_secret()
    receiver.secrets[ext] = secret
    seed = json.dumps({"name": "Seeded", "product": "personality_logic", "api_key": "seeded-key-123",
                       "connection": {"haku_url": receiver.base, "external_id": ext, "signing_secret": secret}})
    integ = SimpleNamespace(ext=ext, account={"product": "personality_logic"}, auth=("seeded-key-123", ""),
                            callback_url=f"{receiver.base}/partner/v1/assessments/{ext}")
    first = start_vendor(tmp_path / "data", "--seed-account", seed, "--retry-base", "0.2")
    try:
        assert requests.get(f"{first.base}/list_tests", auth=integ.auth, timeout=10).status_code == 200
        switches(first.base, callbacks_paused=True)
        sent = send_test(first.base, integ)
        requests.post(f"{first.base}/control/interviews/{sent['partner_interview_id']}/start", timeout=10)
    finally:
        first.stop()
    assert receiver.of(ext) == []  # paused, and seeding never calls Haku
    second = start_vendor(tmp_path / "data", "--seed-account", seed, "--retry-base", "0.2")
    try:
        records = wait_for(lambda: receiver.at_least(2, ext), message="queued callbacks")
        assert kinds(records) == [f"PATCH {sent['partner_interview_id']}", "POST logs"]
        assert all(r["verified"] for r in records)
        assert status_of(second.base, integ, sent["partner_interview_id"]).json()["partner_status"] == "started"
        accounts = requests.get(f"{second.base}/control/accounts", timeout=10).json()
        assert [a["api_key"] for a in accounts] == ["seeded-key-123"]  # upserted, not duplicated
        wiped = requests.post(f"{second.base}/control/reset", json={"wipe": True}, timeout=10)
        assert wiped.status_code == 200
        assert status_of(second.base, integ, sent["partner_interview_id"]).status_code == 404
        assert requests.get(f"{second.base}/control/interviews", timeout=10).json() == []
        assert len(requests.get(f"{second.base}/control/accounts", timeout=10).json()) == 1  # seeds come back
    finally:
        second.stop()


def test_gives_up_after_eight_attempts(tmp_path, receiver):
    process = start_vendor(tmp_path / "data", "--retry-base", "0.01")
    try:
        integ = integration(process.base, receiver)
        receiver.fail[integ.ext] = 100
        sent = send_test(process.base, integ)
        requests.post(f"{process.base}/control/interviews/{sent['partner_interview_id']}/cancel", timeout=10)
        (failed,) = wait_for(lambda: requests.get(f"{process.base}/control/deliveries", params={"status": "failed"},
                                                  timeout=10).json(), message="failed delivery")
        assert len(failed["attempts"]) == 8 and {a["status_code"] for a in failed["attempts"]} == {500}
        assert len(receiver.of(integ.ext)) == 8 and len({r["webhook_id"] for r in receiver.of(integ.ext)}) == 1
    finally:
        process.stop()
