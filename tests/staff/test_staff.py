from sqlalchemy import select

from app.accounts.models import Company, User
from app.extensions import db
from app.messaging.models import EmailTemplate
from tests.conftest import PASSWORD


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
