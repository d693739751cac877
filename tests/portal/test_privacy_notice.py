"""The apply form links a privacy notice beside the consent (issue 18, item 3): the company's
own (set on the Data protection settings page, https only, audited) or Haku's notice page for
the company, in the candidate's language."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.accounts.models import Company
from app.audit import AuditEntry
from app.extensions import db


@pytest.fixture
def job(make):
    return make.job(make.company("acme", "Acme Oy"), "Backend developer")


def test_the_apply_form_links_hakus_notice_until_the_company_sets_its_own(client, job, auth):
    body = client.get(f"/c/acme/jobs/{job.id}/apply").get_data(as_text=True)
    assert '<a href="/c/acme/privacy" target="_blank" rel="noopener">Read the privacy notice of Acme Oy</a>' in body
    auth.login("admin@acme.test")
    resp = client.post("/admin/settings/data-protection", data={
        "retention_months": 12, "privacy_notice_url": "https://acme.example/privacy"})
    assert resp.status_code == 303
    auth.logout()
    body = client.get(f"/c/acme/jobs/{job.id}/apply").get_data(as_text=True)
    assert '<a href="https://acme.example/privacy" target="_blank" rel="noopener">' in body
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "privacy_notice_changed"))
    assert entry.after == {"privacy_notice_url": "https://acme.example/privacy"}


@pytest.mark.parametrize("url", ["http://acme.example/privacy", "javascript:alert(1)", "https://" + "a" * 500,
                                 "https://acme.example/pri vacy", "ftp://acme.example/x"])
def test_a_bad_address_gets_a_message_and_changes_nothing(client, job, auth, url):
    auth.login("admin@acme.test")
    resp = client.post("/admin/settings/data-protection", data={"retention_months": 12, "privacy_notice_url": url})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert "must start with https://" in body or "Invalid URL" in body or "longer than 500" in body
    company = db.session.scalar(select(Company).where(Company.slug == "acme"))
    db.session.refresh(company)
    assert company.privacy_notice_url is None and company.retention_months == 24


def test_clearing_the_address_goes_back_to_hakus_notice(client, job, auth):
    auth.login("admin@acme.test")
    client.post("/admin/settings/data-protection", data={"retention_months": 24,
                                                         "privacy_notice_url": "https://acme.example/p"})
    client.post("/admin/settings/data-protection", data={"retention_months": 24, "privacy_notice_url": ""})
    company = db.session.scalar(select(Company).where(Company.slug == "acme"))
    db.session.refresh(company)
    assert company.privacy_notice_url is None


@pytest.mark.parametrize("lang,heading,months", [
    ("en", "Privacy notice for applicants of Acme Oy", "24 months after the last activity"),
    ("fi", "Tietosuojaseloste: Acme Oy, hakijat", "24 kuukauden kuluttua"),
    ("sv", "Integritetspolicy för sökande till Acme Oy", "24 månader efter"),
    ("vi", "Thông báo quyền riêng tư cho người ứng tuyển vào Acme Oy", "24 tháng sau"),
])
def test_hakus_notice_page_in_the_candidates_language(client, job, lang, heading, months):
    resp = client.get(f"/c/acme/privacy?lang={lang}")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and heading in body and months in body
    assert 'href="/your-data"' in body
    assert client.get("/c/nope/privacy").status_code == 404
