"""Platform staff and company admins: a new company's first admin is invited (no typed
password); staff invite, disable, re-enable and send reset links to company admins."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.accounts.models import AccountLink, Company, User
from app.audit import AuditEntry
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PASSWORD
from tests.support.mail import text_of
from tests.support.processes import run_worker
from tests.support.rows import table_counts

LINK_RE = re.compile(r"http://[^/\s]+(/admin/set-password/[A-Za-z0-9_\-]+)")
NEW_PASSWORD = "a lantern by the lake 2026"


def _user(email: str) -> User:
    db.session.expire_all()
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def _link_path(to: str) -> str:
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.to_addr == to).order_by(OutboxEmail.id.desc()))
    return LINK_RE.search(row.body_text).group(1)


def test_new_company_form_has_no_password_and_invites_the_first_admin(client, auth, make, mailbox):
    make.staff()
    auth.login("staff@haku.test")
    form = client.get("/staff/companies/new").get_data(as_text=True)
    assert 'type="password"' not in form
    resp = client.post("/staff/companies/new", data={"name": "Nordic AB", "slug": "nordic", "locale": "sv",
                                                     "admin_name": "Nina", "admin_email": "nina@nordic.se",
                                                     "admin_password": PASSWORD})
    assert resp.status_code == 302
    nina = _user("nina@nordic.se")
    company = db.session.scalar(select(Company).where(Company.slug == "nordic"))
    assert nina.status == "invited" and nina.password_hash == "" and not nina.check_password(PASSWORD)
    assert company.default_locale == "sv"
    (msg,) = [m for m in mailbox.messages if m["To"] == "nina@nordic.se"]
    assert msg["Subject"] == "Du är inbjuden till Nordic AB i Haku"
    staff_id = _user("staff@haku.test").id
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.company_id == company.id))
    assert (entry.action, entry.actor) == ("user.invited", f"user:{staff_id}")
    auth.logout()
    path = LINK_RE.search(text_of(msg)).group(1)
    assert client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert auth.login("nina@nordic.se", NEW_PASSWORD).status_code == 302
    auth.logout()
    auth.login("staff@haku.test")
    taken = client.post("/staff/companies/new", data={"name": "Other AB", "slug": "other-ab", "admin_name": "N",
                                                      "admin_email": "NINA@nordic.se"})
    assert taken.status_code == 422
    assert "A user with this email address already exists." in taken.get_data(as_text=True)
    assert db.session.scalar(select(Company).where(Company.slug == "other-ab")) is None


def test_staff_manage_company_admins(app, client, auth, make):
    acme = make.company("acme", "Acme Oy")
    make.staff()
    admin = _user("admin@acme.test")
    theirs = app.test_client()
    theirs.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    auth.login("staff@haku.test")
    page = client.get(f"/staff/companies/{acme.id}").get_data(as_text=True)
    assert "admin@acme.test" in page and "Invite a company admin" in page
    # staff may disable even the last admin (a compromised account), then invite a new one
    assert client.post(f"/staff/companies/{acme.id}/users/{admin.id}/disable").status_code == 302
    assert theirs.get("/admin/").status_code == 302 and _user("admin@acme.test").status == "disabled"
    resp = client.post(f"/staff/companies/{acme.id}/users/invite", data={"name": "Nea", "email": "nea@acme.fi",
                                                                         "locale": "fi"})
    assert resp.status_code == 302
    nea = _user("nea@acme.fi")
    assert (nea.company_id, nea.role, nea.status) == (acme.id, "admin", "invited")
    assert client.post(f"/staff/companies/{acme.id}/users/{nea.id}/resend").status_code == 302
    assert client.post(f"/staff/companies/{acme.id}/users/{admin.id}/enable").status_code == 302
    assert client.post(f"/staff/companies/{acme.id}/users/{admin.id}/reset").status_code == 302
    path = _link_path("admin@acme.test")
    assert app.test_client().post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert client.post(f"/staff/companies/{acme.id}/users/{nea.id}/revoke").status_code == 302
    assert _user("nea@acme.fi").status == "disabled"
    actions = list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.company_id == acme.id)
                                      .order_by(AuditEntry.id)))
    assert [a for a in actions if a.startswith("user.")] == [
        "user.disabled", "user.invited", "user.invite_resent", "user.enabled", "user.reset_sent",
        "user.password_reset", "user.invite_revoked"]


def test_staff_leave_recruiters_to_the_company_and_foreign_ids_are_404(client, auth, make):
    acme, other = make.company("acme"), make.company("other")
    recruiter = make.user(acme, email="rasmus@acme.test")
    foreign_admin = _user("admin@other.test")
    make.staff()
    auth.login("staff@haku.test")
    before = table_counts()
    refused = client.post(f"/staff/companies/{acme.id}/users/{recruiter.id}/disable")
    assert refused.status_code == 422 and "the company&#39;s admins manage its recruiters" in \
        refused.get_data(as_text=True)
    for action in ("disable", "enable", "reset", "resend", "revoke"):
        resp = client.post(f"/staff/companies/{acme.id}/users/{foreign_admin.id}/{action}")
        assert resp.status_code == 404, action
    assert client.post(f"/staff/companies/999999/users/{foreign_admin.id}/disable").status_code == 404
    taken = client.post(f"/staff/companies/{acme.id}/users/invite", data={"name": "X", "email": "rasmus@acme.test"})
    assert taken.status_code == 422
    assert table_counts() == before
    assert _user("rasmus@acme.test").is_enabled and _user("admin@other.test").is_enabled
    assert other.id != acme.id


def test_flask_staff_create_invites_instead_of_asking_for_a_password(app, runner, client):
    result = runner.invoke(args=["staff", "create", "sam@haku.fi", "Sam Staff"], input="typed password\n" * 2)
    assert result.exit_code == 0, result.output
    assert "invited" in result.output and "/admin/set-password/" not in result.output
    sam = _user("sam@haku.fi")
    assert sam.is_staff and sam.status == "invited"
    emailed = _link_path("sam@haku.fi")
    printed = runner.invoke(args=["staff", "create", "sam@haku.fi", "Sam"])
    assert printed.exit_code != 0 and "already exists" in printed.output
    first_links = db.session.scalar(select(func.count(AccountLink.id)).where(AccountLink.user_id == sam.id))
    assert first_links == 1
    result = runner.invoke(args=["staff", "create", "tea@haku.fi", "Tea Staff", "--print-link"])
    assert result.exit_code == 0, result.output
    path = LINK_RE.search(result.output).group(1)
    assert client.get(emailed).status_code == 200
    assert client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert _user("tea@haku.fi").check_password(NEW_PASSWORD)


def test_the_invitation_goes_through_the_real_worker_and_smtp(app_config, make, mailbox, test_env):
    """As production sends it: the outbox row is committed, a real RQ worker process picks
    it up from Redis and hands it to an SMTP server."""
    from app import create_app
    from app.accounts import lifecycle

    async_app = create_app({**app_config, "RQ_ASYNC": True})
    with async_app.app_context():
        acme = make.company("acme", "Acme Oy")
        lifecycle.invite_user(acme.id, email="ella@acme.fi", name="Ella", role="recruiter", locale="vi",
                              actor="system")
        assert mailbox.messages == []
    run_worker(test_env, "emails")
    db.session.expire_all()
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.to_addr == "ella@acme.fi"))
    assert row.status == "sent"
    (msg,) = mailbox.messages
    assert msg["Subject"] == "Bạn được mời tham gia Acme Oy trên Haku"
    body = text_of(msg)
    assert "/admin/set-password/" in body and "7 ngày" in body and "{{" not in body
