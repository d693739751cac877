import pytest
from sqlalchemy import func, select

from app.accounts.models import Company, User
from app.extensions import db
from app.messaging.models import EmailTemplate
from tests.support.builders import PASSWORD
from tests.support.routes import assert_walked, placeholder_url


def test_staff_creates_a_company_with_its_first_admin(client, auth, make):
    make.staff()
    auth.login("staff@haku.test")
    resp = client.post("/staff/companies/new", data={"name": "Nordic AB", "slug": "nordic", "admin_name": "Nina",
                                                     "admin_email": "nina@example.se", "admin_password": PASSWORD})
    assert resp.status_code == 302
    company = db.session.scalar(select(Company).where(Company.slug == "nordic"))
    admin = db.session.scalar(select(User).where(User.email == "nina@example.se"))
    assert admin.company_id == company.id and admin.role == "admin"
    assert "Nordic AB" in client.get("/staff/").get_data(as_text=True)
    dup = client.post("/staff/companies/new", data={"name": "X", "slug": "nordic", "admin_name": "X",
                                                    "admin_email": "x@example.se", "admin_password": PASSWORD})
    assert dup.status_code == 422 and "taken" in dup.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "x@example.se")) is None


def test_staff_edits_global_templates_and_companies_override(client, auth, make):
    make.staff()
    company = make.company("acme")
    auth.login("staff@haku.test")
    resp = client.post("/staff/email-templates/new", data={"name": "Welcome", "key": "welcome", "locale": "en",
                                                           "subject": "Hi {{ candidate_name }}", "body": "Body"})
    assert resp.status_code == 302
    bad = client.post("/staff/email-templates/new", data={"name": "Broken", "key": "x", "locale": "en",
                                                          "subject": "Hi", "body": "{{ nope }}"})
    assert bad.status_code == 422 and "error" in bad.get_data(as_text=True)
    auth.logout()
    auth.login("admin@acme.test")
    client.post("/admin/settings/email-templates/new", data={"name": "Our welcome", "key": "welcome",
                                                             "locale": "en", "subject": "Tervetuloa", "body": "B"})
    from app.messaging.services import template_for

    assert template_for(company.id, "welcome").subject == "Tervetuloa"
    assert template_for(None, "welcome").subject == "Hi {{ candidate_name }}"
    assert db.session.scalar(select(EmailTemplate).where(EmailTemplate.name == "Broken")) is None


def test_company_users_cannot_edit_global_templates(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    assert client.get("/staff/email-templates").status_code == 403
    assert client.post("/staff/email-templates/new", data={"name": "x"}).status_code == 403


# ---------------------------------------------------------------- SECURITY_BAR item 3

def _company_state(company_id: int) -> dict:
    from app.partners.models import PartnerIntegration

    db.session.expire_all()
    company = db.session.get(Company, company_id)
    integrations = db.session.scalars(select(PartnerIntegration).where(PartnerIntegration.company_id == company_id)
                                      .order_by(PartnerIntegration.id)).all()
    return {"company": sorted((k, str(v)) for k, v in vars(company).items() if not k.startswith("_")),
            "integrations": [sorted((k, str(v)) for k, v in vars(i).items() if not k.startswith("_"))
                             for i in integrations]}


@pytest.mark.parametrize("role", ["recruiter", "admin"])
def test_bar_3_company_users_are_refused_every_staff_route(app, client, auth, make, role):
    acme, other = make.company("acme"), make.company("other")
    user = make.user(acme, role=role)
    auth.login(user.email)
    before = (_company_state(acme.id), _company_state(other.id), db.session.scalar(select(func.count(Company.id))))
    checked, walked = 0, set()
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff."):
            continue
        url = placeholder_url(rule, company_id=acme.id)
        walked.add(rule.endpoint)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for headers in ({}, {"HX-Request": "true"}):
                resp = client.open(url, method=method, headers=headers,
                                   data={"emrex_enabled": "y", "job_boards_enabled": "y", "enabled": "y",
                                         "company_id": acme.id, "product": "coding", "name": "X", "slug": "x2",
                                         "admin_email": "x@x.test", "admin_name": "x", "admin_password": PASSWORD})
                assert resp.status_code in (403, 404), f"{role}: {method} {url} → {resp.status_code}"
                checked += 1
    assert assert_walked(walked, {r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("staff.")}) > 10
    assert checked > 20
    after = (_company_state(acme.id), _company_state(other.id), db.session.scalar(select(func.count(Company.id))))
    assert after == before


def test_bar_3_a_staff_toggle_for_one_company_leaves_the_other_unchanged(client, auth, make):
    acme, other = make.company("acme"), make.company("other")
    make.staff()
    auth.login("staff@haku.test")
    other_before = _company_state(other.id)
    acme_before = _company_state(acme.id)
    assert client.post(f"/staff/companies/{acme.id}/emrex", data={"emrex_enabled": "y", "gpa_scale": "5.0"}) \
        .status_code in (200, 302, 303)
    assert client.post(f"/staff/companies/{acme.id}/job-boards", data={"job_boards_enabled": "y"}) \
        .status_code in (200, 302, 303)
    assert client.post(f"/staff/companies/{acme.id}/assessments/enable-all").status_code in (200, 302, 303)
    assert client.post(f"/staff/companies/{acme.id}/assessments/self-service", data={"enabled": "y"}) \
        .status_code in (200, 302, 303)
    db.session.expire_all()
    changed = db.session.get(Company, acme.id)
    assert changed.emrex_enabled and changed.job_boards_enabled and changed.gpa_scale == "5.0"
    assert _company_state(acme.id) != acme_before
    assert _company_state(other.id) == other_before
    # an unknown company is named explicitly and is a 404, changing nothing
    assert client.post("/staff/companies/999999/job-boards", data={"job_boards_enabled": "y"}).status_code == 404
    assert _company_state(other.id) == other_before
