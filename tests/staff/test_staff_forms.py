"""Staff integration screens through WTForms: one submit shows every problem beside its field
and a refused submit changes nothing."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from app.accounts.models import Company
from app.extensions import db
from app.partners.models import PartnerIntegration
from tests.support.assessments import add_integration


def _text(resp) -> str:
    return html.unescape(resp.get_data(as_text=True))


def test_add_integration_shows_two_problems_at_once(app, client, auth, make):
    make.company("acme", "Acme Oy")
    make.staff()
    auth.login("staff@haku.test")
    resp = client.post("/staff/integrations", data={"company_id": "", "product": "astrology", "is_active": "y"})
    assert resp.status_code == 422
    body = _text(resp)
    assert "Pick a company." in body and "Pick one of the Alva products." in body
    assert 'id="ai-company-err"' in body and 'id="ai-product-err"' in body
    assert db.session.scalar(select(func.count(PartnerIntegration.id))) == 0


def test_add_integration_keeps_what_was_picked(app, client, auth, make):
    company = make.company("acme", "Acme Oy")
    make.staff()
    auth.login("staff@haku.test")
    assert f'<option selected value="{company.id}">' in _text(client.get(f"/staff/integrations?company_id={company.id}"))
    resp = client.post("/staff/integrations", data={"company_id": company.id, "product": "coding",
                                                    "api_key": "k" * 501})
    assert resp.status_code == 422
    body = _text(resp)
    assert "The API key is too long." in body and f'<option selected value="{company.id}">' in body
    assert '<option selected value="coding">' in body
    assert 'id="ai-active" name="is_active" type="checkbox" value="y">' in body  # left unticked
    assert db.session.scalar(select(func.count(PartnerIntegration.id))) == 0


def test_integration_settings_show_two_problems_at_once(app, client, auth, make):
    company = make.company("acme", "Acme Oy")
    integration, _ = add_integration(company, "coding", api_key="alva-key-1234", connected=True)
    db.session.commit()
    make.staff()
    auth.login("staff@haku.test")
    resp = client.post(f"/staff/integrations/{integration.id}", data={"api_key": "k" * 501,
                                                                      "vendor_account_ref": "r" * 201})
    assert resp.status_code == 422
    body = _text(resp)
    assert "The API key is too long." in body
    assert "The vendor's organisation reference is at most 200 characters." in body
    assert 'id="ii-key-err"' in body and 'id="ii-ref-err"' in body
    db.session.expire_all()
    stored = db.session.get(PartnerIntegration, integration.id)
    assert stored.is_active and stored.api_key_hint == "1234" and stored.vendor_account_ref == "acct_test"


def test_company_switches_take_the_box_as_ticked_or_not(app, client, auth, make):
    company = make.company("acme", "Acme Oy")
    make.staff()
    auth.login("staff@haku.test")
    client.post(f"/staff/companies/{company.id}/assessments/self-service", data={"enabled": "y"})
    client.post(f"/staff/companies/{company.id}/job-boards", data={"job_boards_enabled": "y"})
    db.session.expire_all()
    stored = db.session.get(Company, company.id)
    assert stored.assessments_self_service and stored.job_boards_enabled
    client.post(f"/staff/companies/{company.id}/assessments/self-service", data={})
    client.post(f"/staff/companies/{company.id}/job-boards", data={})
    db.session.expire_all()
    stored = db.session.get(Company, company.id)
    assert not stored.assessments_self_service and not stored.job_boards_enabled


def test_a_nonsense_choice_gets_one_message(app, client, auth, make):
    make.staff()
    auth.login("staff@haku.test")
    resp = client.post("/staff/integrations", data={"company_id": "abc", "product": "coding"})
    assert resp.status_code == 422
    body = _text(resp)
    assert body.count("Pick a company.") == 1 and "could not coerce" not in body
