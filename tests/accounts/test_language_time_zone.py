"""Each user's language and time zone (issue 14 §1): the Account page, the company's defaults
in settings, the order in which a page's language is chosen, and times shown in the
reader's language and time zone."""

import re
from datetime import datetime

from sqlalchemy import select

from app.accounts.models import Company, User
from app.extensions import db


def _user(email: str) -> User:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == email))


def _lang(resp) -> str:
    return re.search(r'<html lang="([^"]+)"', resp.get_data(as_text=True)).group(1)


def _set(email: str, **values) -> None:
    user = _user(email)
    for key, value in values.items():
        setattr(user, key, value)
    db.session.commit()


def test_the_account_page_saves_a_language_and_a_time_zone(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    page = client.get("/admin/account").get_data(as_text=True)
    assert 'name="lt-locale"' in page and 'value="Europe/Helsinki"' in page and 'value="Asia/Ho_Chi_Minh"' in page
    resp = client.post("/admin/account", data={"which": "language", "lt-locale": "fi",
                                                "lt-timezone": "Europe/Helsinki"})
    assert resp.status_code == 302
    user = _user("admin@acme.test")
    assert (user.locale, user.timezone) == ("fi", "Europe/Helsinki")
    assert _lang(client.get("/admin/account")) == "fi"
    # an unknown zone is refused by the form and changes nothing
    resp = client.post("/admin/account", data={"which": "language", "lt-locale": "sv", "lt-timezone": "Mars/Olympus"})
    assert resp.status_code == 422
    assert _user("admin@acme.test").timezone == "Europe/Helsinki"
    # back to "not chosen": the browser's language and the company's time zone
    client.post("/admin/account", data={"which": "language", "lt-locale": "", "lt-timezone": ""})
    user = _user("admin@acme.test")
    assert (user.locale, user.timezone) == (None, None)


def test_company_admins_set_the_default_language_and_time_zone(client, auth, make):
    acme = make.company("acme")
    make.user(acme, email="rec@acme.test")
    auth.login("rec@acme.test")
    assert client.get("/admin/settings/language").status_code == 403
    auth.logout()
    auth.login("admin@acme.test")
    assert "/admin/settings/language" in client.get("/admin/settings").get_data(as_text=True)
    resp = client.post("/admin/settings/language", data={"locale": "vi", "timezone": "Asia/Ho_Chi_Minh"})
    assert resp.status_code == 303
    company = db.session.get(Company, acme.id)
    db.session.refresh(company)
    assert (company.default_locale, company.timezone) == ("vi", "Asia/Ho_Chi_Minh")
    from app import audit

    (entry,) = audit.entries_for(acme.id, action="company_language")
    assert entry.after == {"default_locale": "vi", "timezone": "Asia/Ho_Chi_Minh"}
    assert client.post("/admin/settings/language", data={"locale": "xx", "timezone": "UTC"}).status_code == 422


def test_the_language_of_an_admin_page_user_then_browser_then_company(client, auth, make):
    acme = make.company("acme")
    acme.default_locale = "vi"
    db.session.commit()
    auth.login("admin@acme.test")
    _set("admin@acme.test", locale="sv")
    assert _lang(client.get("/admin/account", headers={"Accept-Language": "fi"})) == "sv"  # the user's choice
    _set("admin@acme.test", locale=None)
    assert _lang(client.get("/admin/account", headers={"Accept-Language": "fi"})) == "fi"  # else the browser's
    assert _lang(client.get("/admin/account", headers={"Accept-Language": "de"})) == "vi"  # else the company's
    # candidate pages keep their rules: the browser's, else English (never the company's)
    make.job(acme, "Backend developer")
    assert _lang(client.get("/c/acme/", headers={"Accept-Language": "de"})) == "en"
    # a language picked with ?lang= holds for the session, until the user saves one
    assert _lang(client.get("/admin/account?lang=fi")) == "fi"
    assert _lang(client.get("/admin/account", headers={"Accept-Language": "de"})) == "fi"
    client.post("/admin/account", data={"which": "language", "lt-locale": "sv", "lt-timezone": ""})
    assert _lang(client.get("/admin/account")) == "sv"


def test_times_show_in_the_readers_language_and_time_zone(client, auth, make):
    """12:00 UTC on 6 December is 14.00 in Helsinki (UTC+2) and 19:00 in Ho Chi Minh City (UTC+7)."""
    acme = make.company("acme")
    auth.login("admin@acme.test")
    noon = datetime(2026, 12, 6, 12, 0)
    _set("admin@acme.test", last_login_at=noon, locale="en", timezone=None)
    assert "Dec 6, 2026 12:00" in client.get("/admin/settings/users").get_data(as_text=True)  # UTC by default
    _set("admin@acme.test", locale="fi", timezone="Europe/Helsinki")
    assert "6.12.2026 14.00" in client.get("/admin/settings/users").get_data(as_text=True)
    _set("admin@acme.test", locale="vi", timezone="Asia/Ho_Chi_Minh")
    page = client.get("/admin/settings/users").get_data(as_text=True)
    assert "6 thg 12, 2026 19:00" in page and "14.00" not in page
    # a user who chose no zone sees the company's
    company = db.session.get(Company, acme.id)
    company.timezone = "Europe/Helsinki"
    db.session.commit()
    _set("admin@acme.test", locale="fi", timezone=None)
    assert "6.12.2026 14.00" in client.get("/admin/settings/users").get_data(as_text=True)
