"""Staff set-up (Integrations → Add new integration), the secret shown once, keys encrypted at
rest, self-service for company admins, and what company admins see."""

from __future__ import annotations

import logging
import re

from sqlalchemy import func, select

from app.assessments import services
from app.audit import AuditEntry
from app.extensions import db
from app.partners.models import PartnerIntegration
from tests.support.assessments import add_integration, event, signed

SECRET = re.compile(r"whsec_[A-Za-z0-9+/=]{40,}")


def _integrations(company_id=None):
    stmt = select(PartnerIntegration).where(PartnerIntegration.vendor == "alva").order_by(PartnerIntegration.id)
    if company_id is not None:
        stmt = stmt.where(PartnerIntegration.company_id == company_id)
    db.session.expire_all()
    return db.session.scalars(stmt).all()


def test_staff_adds_an_integration_and_sees_the_secret_once(client, auth, make, caplog):
    caplog.set_level(logging.DEBUG)
    make.staff()
    company = make.company("acme", "Acme Oy")
    other = make.company("bravo", "Bravo AB")
    auth.login("staff@haku.test")
    assert "Integrations" in client.get("/staff/").get_data(as_text=True)
    resp = client.post("/staff/integrations", data={"company_id": company.id, "product": "coding",
                                                    "is_active": "y", "api_key": "alva-key-123456"})
    assert resp.status_code == 200
    body = resp.get_data(as_text=True)
    (integration,) = _integrations()
    secret = SECRET.search(body).group(0)
    assert integration.external_id in body and 'data-copy="once-external-' in body
    assert "Send these to Alva Labs now" in body and f'id="once-company-{integration.id}">{company.id}<' in body
    assert f"/partner/v1/assessments/{integration.external_id}" in body
    # encrypted at rest, never shown again
    assert integration.signing_secret_enc and secret not in integration.signing_secret_enc
    assert "alva-key-123456" not in (integration.api_key_enc or "") and integration.api_key_hint == "3456"
    from app.partners import services as partners

    assert partners.signing_secrets(integration) == [secret] and partners.api_key(integration) == "alva-key-123456"
    listing = client.get("/staff/integrations").get_data(as_text=True)
    assert integration.external_id in listing and secret not in listing and 'data-copy="external-id-' in listing
    detail = client.get(f"/staff/integrations/{integration.id}").get_data(as_text=True)
    assert secret not in detail and "alva-key-123456" not in detail and "3456" in detail
    company_page = client.get(f"/staff/companies/{company.id}").get_data(as_text=True)
    assert integration.external_id in company_page and "Assessments (Alva Labs)" in company_page
    assert integration.status == "not_configured" and integration.is_active
    assert _integrations(other.id) == []
    audit = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "create")).all()
    assert len(audit) == 1 and secret not in str(audit[0].after) and "alva-key" not in str(audit[0].after)
    assert secret not in caplog.text and "alva-key-123456" not in caplog.text


def test_one_integration_per_product_and_enable_all(client, auth, make):
    make.staff()
    company = make.company("acme", "Acme Oy")
    other = make.company("bravo")
    auth.login("staff@haku.test")
    client.post("/staff/integrations", data={"company_id": company.id, "product": "coding", "is_active": "y"})
    dup = client.post("/staff/integrations", data={"company_id": company.id, "product": "coding", "is_active": "y"})
    assert dup.status_code == 422 and "already set up" in dup.get_data(as_text=True)
    assert client.post("/staff/integrations", data={"company_id": "", "product": "coding"}).status_code == 422
    assert client.post("/staff/integrations", data={"company_id": company.id, "product": "nope"}).status_code == 422
    allthree = client.post("/staff/integrations", data={"company_id": company.id, "product": "all"})
    body = allthree.get_data(as_text=True)
    assert allthree.status_code == 200 and len(set(SECRET.findall(body))) == 2  # the two it added
    assert sorted(i.product for i in _integrations(company.id)) == ["coding", "interviews", "personality_logic"]
    assert len({i.external_id for i in _integrations()}) == 3
    again = client.post(f"/staff/companies/{company.id}/assessments/enable-all")
    assert again.status_code == 302 and len(_integrations(company.id)) == 3
    assert _integrations(other.id) == []
    fresh = client.post(f"/staff/companies/{other.id}/assessments/enable-all")
    assert fresh.status_code == 200 and len(set(SECRET.findall(fresh.get_data(as_text=True)))) == 3
    assert len(_integrations(company.id)) == 3


def test_staff_enter_the_reference_by_hand_switch_off_and_rotate(client, auth, make):
    make.staff()
    integration, old_secret = add_integration(make.company("acme"))
    auth.login("staff@haku.test")
    resp = client.post(f"/staff/integrations/{integration.id}", data={"is_active": "y",
                                                                      "vendor_account_ref": "acct_manual"})
    assert resp.status_code == 302
    db.session.refresh(integration)
    assert integration.status == "configured" and integration.vendor_account_ref == "acct_manual"
    rotated = client.post(f"/staff/integrations/{integration.id}/rotate").get_data(as_text=True)
    new_secret = SECRET.search(rotated).group(0)
    assert new_secret != old_secret
    payload = event("integration.connect", {"vendor_account_ref": "acct_again"})
    for secret in (old_secret, new_secret):  # both verify while the vendor switches over
        body, headers = signed(secret, payload)
        assert client.post(f"/partner/v1/assessments/{integration.external_id}/connect", data=body,
                           headers=headers).status_code == 202
    client.post(f"/staff/integrations/{integration.id}", data={"vendor_account_ref": ""})
    db.session.refresh(integration)
    assert not integration.is_active and integration.status == "not_configured"
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(
        AuditEntry.object == f"partner_integration:{integration.id}")) >= 4


def test_company_users_cannot_use_staff_routes(client, auth, make):
    company = make.company("acme")
    integration, _ = add_integration(company)
    make.user(company, email="rec@acme.test")
    for email in ("admin@acme.test", "rec@acme.test"):
        auth.login(email)
        assert client.get("/staff/integrations").status_code == 403
        assert client.post("/staff/integrations", data={"company_id": company.id, "product": "interviews"}
                           ).status_code == 403
        assert client.post(f"/staff/integrations/{integration.id}", data={"is_active": ""}).status_code == 403
        assert client.post(f"/staff/companies/{company.id}/assessments/self-service", data={"enabled": "y"}
                           ).status_code == 403
        auth.logout()
    db.session.refresh(integration)
    assert integration.is_active and len(_integrations()) == 1 and not company.assessments_self_service


def test_company_admin_sees_products_and_self_service(client, auth, make):
    make.staff()
    company = make.company("acme", "Acme Oy")
    integration, _ = add_integration(company, connected=True)
    make.user(company, email="rec@acme.test")
    auth.login("rec@acme.test")
    assert client.get("/admin/settings/assessments").status_code == 403  # recruiters send; admins configure
    auth.logout()
    auth.login("admin@acme.test")
    assert "Assessments" in client.get("/admin/settings").get_data(as_text=True)
    page = client.get("/admin/settings/assessments").get_data(as_text=True)
    assert "Alva Coding" in page and integration.external_id in page and "Configured" in page
    assert f"/admin/integrations/{integration.id}/log" in page and "Manage products yourself" not in page
    refused = client.post("/admin/settings/assessments", data={"product": "interviews", "api_key": "k"})
    assert refused.status_code == 403 and len(_integrations()) == 1
    services.set_self_service(company, True, None)
    page = client.get("/admin/settings/assessments").get_data(as_text=True)
    assert "Manage products yourself" in page and "Enable a product" in page
    added = client.post("/admin/settings/assessments", data={"product": "interviews", "api_key": "key-9999"})
    assert added.status_code == 200 and SECRET.search(added.get_data(as_text=True))
    interviews = next(i for i in _integrations() if i.product == "interviews")
    assert interviews.company_id == company.id and interviews.api_key_hint == "9999"
    client.post(f"/admin/settings/assessments/{interviews.id}", data={})  # switch it off
    db.session.refresh(interviews)
    assert not interviews.is_active
    dup = client.post("/admin/settings/assessments", data={"product": "coding"})
    assert dup.status_code == 422 and len(_integrations()) == 2
