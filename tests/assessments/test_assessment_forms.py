"""The assessment screens through WTForms: one submit shows every problem beside its field and a
refused submit changes nothing. No vendor call is needed: the list of tests is in the cache."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from app.assessments import services
from app.assessments.models import AssessmentOrder
from app.extensions import db
from app.partners.models import PartnerIntegration
from tests.support.assessments import add_integration

LONG_KEY = "k" * 501


def _text(resp) -> str:
    return html.unescape(resp.get_data(as_text=True))


def _integrations() -> int:
    return db.session.scalar(select(func.count(PartnerIntegration.id)))


@pytest.fixture
def acme(app, make):
    company = make.company("acme", "Acme Oy")
    integration, _ = add_integration(company, "coding", api_key="alva-key-1234", connected=True)
    integration.cache = {"tests": [{"partner_test_id": "py", "partner_test_name": "Python coding"}]}
    job = make.job(company, "Backend developer")
    db.session.commit()
    return company, integration, job


def test_job_settings_show_two_problems_at_once_and_save_nothing(acme, client, auth, make):
    company, integration, job = acme
    auth.login(make.user(company, email="rec@acme.test").email)
    url = f"/admin/assessments/settings/job/{job.id}"
    before = services.settings_of(job)
    for headers in ({}, {"HX-Request": "true"}):
        resp = client.post(url, headers=headers, data={
            "test": f"{integration.id}:py", "trigger_stage_id": "999999", "move_on_score": "y",
            "threshold": "lots", "target_stage_id": job.stages[1].id})
        assert resp.status_code == 422
        body = _text(resp)
        assert "Pick a stage of this pipeline." in body and "The score must be a number." in body
        sid = f"job-{job.id}"
        assert f'id="assessment-trigger-{sid}-err"' in body and f'id="assessment-threshold-{sid}-err"' in body
        assert 'value="lots"' in body  # what was typed stays
    db.session.expire_all()
    assert services.settings_of(db.session.get(type(job), job.id)) == before


def test_job_settings_without_the_move_ignore_its_fields(acme, client, auth, make):
    company, integration, job = acme
    auth.login(make.user(company, email="rec@acme.test").email)
    resp = client.post(f"/admin/assessments/settings/job/{job.id}", data={
        "test": f"{integration.id}:py", "trigger_stage_id": job.stages[1].id, "threshold": "lots"})
    assert resp.status_code == 302
    db.session.expire_all()
    saved = services.settings_of(db.session.get(type(job), job.id))
    assert saved["partner_test_id"] == "py" and saved["move_on_score"] is None


def test_send_needs_a_test(acme, client, auth, make):
    company, _, job = acme
    application = make.application(job)
    auth.login(make.user(company, email="rec@acme.test").email)
    resp = client.post(f"/admin/applications/{application.id}/assessment", data={"test": "nonsense"})
    assert resp.status_code == 422
    body = _text(resp)
    assert "Pick a test." in body and f'id="assessment-send-test-{application.id}-err"' in body
    assert db.session.scalar(select(func.count(AssessmentOrder.id))) == 0


def test_self_service_add_shows_two_problems_at_once(acme, client, auth, make):
    company, _, _ = acme
    company.assessments_self_service = True
    db.session.commit()
    auth.login(make.admin_of(company).email)
    count = _integrations()
    resp = client.post("/admin/settings/assessments", data={"product": "astrology", "api_key": LONG_KEY})
    assert resp.status_code == 422
    body = _text(resp)
    assert "Pick one of the Alva products." in body and "The API key is too long." in body
    assert 'id="pa-product-err"' in body and 'id="pa-key-err"' in body
    assert _integrations() == count


def test_self_service_update_shows_its_problem_beside_the_product(acme, client, auth, make):
    company, integration, _ = acme
    company.assessments_self_service = True
    db.session.commit()
    auth.login(make.admin_of(company).email)
    resp = client.post(f"/admin/settings/assessments/{integration.id}", data={"api_key": LONG_KEY})
    assert resp.status_code == 422
    body = _text(resp)
    assert "The API key is too long." in body and f'id="pf-key-{integration.id}-err"' in body
    db.session.expire_all()
    stored = db.session.get(PartnerIntegration, integration.id)
    assert stored.is_active and stored.api_key_hint == "1234"  # the unticked box was not saved either
