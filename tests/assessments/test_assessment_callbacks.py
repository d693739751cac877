"""The vendor's signed callbacks (PARTNERS.md §2.3): connect, status, result, logs, and every
kind of bad input: clear status, nothing lost or duplicated, no 500s. Tasks run inline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.applications.models import TimelineEvent
from app.assessments.models import AssessmentOrder
from app.extensions import db
from app.partners.models import PartnerDelivery
from app.partners.texts import describe
from tests.support.assessments import add_integration, deliveries, event, signed

URL = "/partner/v1/assessments"


def _post(client, path, secret, payload, method="post", **kw):
    body, headers = signed(secret, payload, **kw)
    return getattr(client, method)(path, data=body, headers=headers)


def _order(make, integration, *, status="invited", interview="int_1", app_=None):
    application = app_ or make.application(make.job(integration.company, "Developer"))
    order = AssessmentOrder(company_id=integration.company_id, application_id=application.id,
                            integration_id=integration.id, partner_test_id="alva-code-python",
                            partner_test_name="Python coding", status=status, partner_interview_id=interview,
                            open_key=f"{application.id}:{integration.id}:alva-code-python")
    db.session.add(order)
    db.session.commit()
    return order, application


def _events(application, kind):
    return db.session.scalars(select(TimelineEvent).where(TimelineEvent.application_id == application.id,
                                                          TimelineEvent.kind == kind)).all()


def test_connect_finishes_the_connection(client, make):
    integration, secret = add_integration(make.company("acme"))
    assert integration.status == "not_configured"
    resp = _post(client, f"{URL}/{integration.external_id}/connect", secret,
                 event("integration.connect", {"vendor_account_ref": "acct_42"}))
    assert resp.status_code == 202, resp.get_json()
    db.session.refresh(integration)
    assert integration.status == "configured" and integration.vendor_account_ref == "acct_42"
    (row,) = deliveries(integration.id, "in")
    assert row.state == "processed" and row.type == "integration.connect"


def test_connect_refuses_bad_signatures_and_unknown_or_switched_off_integrations(client, make):
    integration, secret = add_integration(make.company("acme"))
    other, other_secret = add_integration(make.company("bravo"))
    connect = event("integration.connect", {"vendor_account_ref": "acct_42"})
    path = f"{URL}/{integration.external_id}/connect"
    assert _post(client, path, other_secret, connect).status_code == 401  # B's secret never writes into A
    stale = datetime.now(UTC) - timedelta(minutes=10)
    assert _post(client, path, secret, connect, when=stale).status_code == 401
    body, headers = signed(secret, connect)
    assert client.post(path, data=body + b" ", headers=headers).status_code == 401  # one byte changed
    assert client.post(path, data=body, headers={"Content-Type": "application/json"}).status_code == 401
    assert _post(client, f"{URL}/00000000-0000-4000-8000-000000000000/connect", secret, connect).status_code == 404
    from app.assessments import services

    services.update_integration(integration, is_active=False, actor=None)
    assert _post(client, path, secret, connect).status_code == 410
    db.session.expire_all()
    assert integration.status == "not_configured" and other.status == "not_configured"
    assert db.session.scalar(select(func.count(PartnerDelivery.id))) == 0


def test_size_type_and_shape_errors(client, app, make):
    integration, secret = add_integration(make.company("acme"), connected=True)
    path = f"{URL}/{integration.external_id}/connect"
    app.config["ASSESSMENT_CALLBACK_MAX_BYTES"] = 200
    assert _post(client, path, secret, event("integration.connect", {"x": "y" * 300})).status_code == 413
    app.config["ASSESSMENT_CALLBACK_MAX_BYTES"] = 1024 * 1024
    assert _post(client, path, secret, event("integration.connect", {}), content_type="text/plain").status_code == 415
    assert _post(client, path, secret, "not json").status_code == 400
    assert _post(client, path, secret, {"type": "integration.connect", "data": {}}).status_code == 400  # no api_version
    assert db.session.scalar(select(func.count(PartnerDelivery.id))) == 0
    unknown = _post(client, path, secret, event("assessment.something_new", {}))
    assert unknown.status_code == 200 and unknown.get_json() == {"status": "ignored"}


def test_connect_without_a_reference_is_failed_in_the_log(client, make):
    integration, secret = add_integration(make.company("acme"))
    resp = _post(client, f"{URL}/{integration.external_id}/connect", secret, event("integration.connect", {}))
    assert resp.status_code == 202
    (row,) = deliveries(integration.id, "in")
    assert row.state == "failed" and "vendor_account_ref" in describe(row.error)
    db.session.refresh(integration)
    assert integration.status == "not_configured"


def test_callbacks_before_the_connection_are_410_and_not_stored(client, make):
    integration, secret = add_integration(make.company("acme"))
    resp = _post(client, f"{URL}/{integration.external_id}/int_1", secret,
                 event("assessment.status_changed", {}), method="patch")
    assert resp.status_code == 410 and resp.get_json()["error"]["code"] == "not_connected"
    assert deliveries(integration.id) == []


def test_full_status_patch_result_and_logs_update_the_order(client, make):
    integration, secret = add_integration(make.company("acme"), connected=True)
    order, application = _order(make, integration)
    status = {"partner_status": "complete", "partner_profile_url": "https://vendor.example/reports/int_1",
              "partner_score": 82, "partner_max_score": 100,
              "sub_scores": [{"title": "Basics", "value": 90, "max": 100}], "metadata": {"forced_score": False}}
    resp = _post(client, f"{URL}/{integration.external_id}/int_1", secret,
                 event("assessment.status_changed", status), method="patch")
    assert resp.status_code == 202
    card = {"title": "Python coding", "subtitle": "Alva Coding", "color": "#1f8a4c", "score": 82, "status": "complete",
            "links": [{"title": "Full report", "url": "https://vendor.example/reports/int_1"},
                      {"title": "Bad", "url": "javascript:alert(1)"}],
            "content": [{"title": "Summary", "details": [{"title": "Score", "value": "82 / 100"}]}],
            "scores": [{"title": "Basics", "value": 90}]}
    assert _post(client, f"{URL}/{integration.external_id}/applications/{application.ref}/result", secret,
                 event("assessment.result", card)).status_code == 202
    logs = [{"at": "2026-12-01T10:00:00Z", "message": "Candidate submitted the test"}]
    assert _post(client, f"{URL}/{integration.external_id}/applications/{application.ref}/logs", secret,
                 event("assessment.logs", logs)).status_code == 202
    db.session.expire_all()
    assert order.status == "complete" and order.score == 82 and order.max_score == 100
    assert order.profile_url == "https://vendor.example/reports/int_1" and order.open_key is None
    assert order.sub_scores == [{"title": "Basics", "value": 90.0, "max": 100.0}]
    assert [link["title"] for link in order.result_card["links"]] == ["Full report"]  # javascript: dropped
    assert application.assessment_summary.status == "complete" and application.assessment_summary.score == 82
    assert len(_events(application, "assessment_status")) == 1
    assert [e.data["message"] for e in _events(application, "assessment_log")] == ["Candidate submitted the test"]
    assert all(d.state == "processed" for d in deliveries(integration.id, "in"))


def test_replayed_callback_does_no_new_work(client, make):
    integration, secret = add_integration(make.company("acme"), connected=True)
    _, application = _order(make, integration)
    logs = event("assessment.logs", [{"at": "2026-12-01T10:00:00Z", "message": "Started"}])
    first = _post(client, f"{URL}/{integration.external_id}/applications/{application.ref}/logs", secret, logs,
                  msg_id="msg_same")
    again = _post(client, f"{URL}/{integration.external_id}/applications/{application.ref}/logs", secret, logs,
                  msg_id="msg_same")
    assert first.status_code == 202 and again.status_code == 200 and again.get_json() == {"status": "duplicate"}
    assert len(_events(application, "assessment_log")) == 1
    assert len(deliveries(integration.id, "in")) == 1


def test_statuses_out_of_order_converge_on_the_latest(client, make):
    integration, secret = add_integration(make.company("acme"), connected=True)
    order, application = _order(make, integration)
    complete = {"partner_status": "complete", "partner_profile_url": "https://vendor.example/r/1",
                "partner_score": 55, "partner_max_score": 100, "sub_scores": [], "metadata": {}}
    started = {"partner_status": "started", "partner_profile_url": None, "partner_score": None,
               "partner_max_score": None, "sub_scores": [], "metadata": {}}
    for data in (complete, started, {**started, "partner_status": "invited"}):
        assert _post(client, f"{URL}/{integration.external_id}/int_1", secret,
                     event("assessment.status_changed", data), method="patch").status_code == 202
    db.session.expire_all()
    assert order.status == "complete" and order.score == 55
    assert application.assessment_summary.status == "complete"


@pytest.mark.parametrize("data, message", [
    ({"partner_status": "complete", "partner_score": 10}, "partner_profile_url is required"),
    ({"partner_status": "done"}, "partner_status must be one of"),
    ({"partner_status": "started", "partner_profile_url": "javascript:alert(1)"}, "http(s) URL"),
])
def test_malformed_status_is_failed_in_the_log_and_changes_nothing(client, make, data, message):
    integration, secret = add_integration(make.company("acme"), connected=True)
    order, _ = _order(make, integration)
    assert _post(client, f"{URL}/{integration.external_id}/int_1", secret,
                 event("assessment.status_changed", data), method="patch").status_code == 202
    (row,) = deliveries(integration.id, "in")
    assert row.state == "failed" and message in row.error
    db.session.refresh(order)
    assert order.status == "invited" and order.score is None


def test_unknown_interview_is_failed_in_the_log(client, make):
    integration, secret = add_integration(make.company("acme"), connected=True)
    _order(make, integration)
    _post(client, f"{URL}/{integration.external_id}/int_unknown", secret,
          event("assessment.status_changed", {}), method="patch")
    (row,) = deliveries(integration.id, "in")
    assert row.state == "failed" and "partner_interview_id is unknown" in describe(row.error)


def test_results_for_another_companys_application_are_refused(client, make):
    """A's integration names B's application: failed in A's log, B's application untouched."""
    integration_a, secret_a = add_integration(make.company("alpha"), connected=True)
    integration_b, _ = add_integration(make.company("bravo"), connected=True)
    order_b, application_b = _order(make, integration_b, interview="int_b")
    card = {"title": "Python coding", "score": 99, "status": "complete", "links": [], "content": [], "scores": []}
    resp = _post(client, f"{URL}/{integration_a.external_id}/applications/{application_b.ref}/result", secret_a,
                 event("assessment.result", card))
    assert resp.status_code == 202
    _post(client, f"{URL}/{integration_a.external_id}/applications/{application_b.ref}/logs", secret_a,
          event("assessment.logs", [{"at": "x", "message": "injected"}]))
    _post(client, f"{URL}/{integration_a.external_id}/int_b", secret_a,
          event("assessment.status_changed", {"partner_status": "cancelled"}), method="patch")
    rows = deliveries(integration_a.id, "in")
    assert [r.state for r in rows] == ["failed", "failed", "failed"]
    assert all(r.company_id == integration_a.company_id for r in rows)
    db.session.expire_all()
    assert order_b.status == "invited" and order_b.result_card is None and order_b.score is None
    assert _events(application_b, "assessment_log") == []
    assert deliveries(integration_b.id) == []


def test_empty_patch_queues_a_status_call_and_a_failed_one_can_be_replayed(client, auth, make, vendor):
    """``data: {}`` means "fetch test_status": the call is made (here against the sandbox,
    which does not know the interview → 404, failed); the admin replays it from the log."""
    company = make.company("acme")
    account = vendor.account("coding")
    integration, secret = add_integration(company, api_key=account["api_key"], connected=True)
    _order(make, integration, interview="int_nowhere")
    _post(client, f"{URL}/{integration.external_id}/int_nowhere", secret,
          event("assessment.status_changed", {}), method="patch")
    out = deliveries(integration.id, "out")
    assert [(d.type, d.state, d.status_code) for d in out] == [("alva.test_status", "failed", 404)]
    assert "unknown partner_interview_id" in out[0].error
    auth.login("admin@acme.test")
    page = client.get(f"/admin/integrations/{integration.id}/log").get_data(as_text=True)
    assert "alva.test_status" in page and "Replay" in page
    assert client.post(f"/admin/integrations/deliveries/{out[0].id}/replay").status_code == 302
    (again,) = deliveries(integration.id, "out")
    assert again.state == "failed" and again.attempts == 1  # ran once more, same honest outcome
