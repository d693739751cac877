"""The user lifecycle (issue 11 §2.7, SECURITY_BAR item 46, the links and disabling parts):
invitations, set-password links, disable/enable, roles, password resets, "Forgot password"."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app.accounts.models import AccountLink, User
from app.audit import AuditEntry
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PASSWORD
from tests.support.mail import text_of
from tests.support.rows import table_counts

NEW_PASSWORD = "a lantern by the lake 2026"
LINK_RE = re.compile(r"http://[^/\s]+(/admin/set-password/[A-Za-z0-9_\-]+)")


def _user(email: str) -> User:
    db.session.expire_all()
    return db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))


def _last_link_path(to: str) -> str:
    """The set-password path in the newest email to ``to`` (from the outbox row)."""
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.to_addr == to).order_by(OutboxEmail.id.desc()))
    assert row is not None, f"no email to {to}"
    return LINK_RE.search(row.body_text).group(1)


def _emails_to(to: str) -> int:
    return db.session.scalar(select(func.count(OutboxEmail.id)).where(OutboxEmail.to_addr == to))


def _set_password(client, path: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    return client.post(path, data={"password": password, "confirm": confirm or password})


def _actions(company_id: int) -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.company_id == company_id)
                                   .order_by(AuditEntry.id)))


@pytest.fixture
def acme(make):
    return make.company("acme", "Acme Oy")


# ---------------------------------------------------------------- the finding

def test_finding_users_cannot_be_disabled(app, client, auth, make, acme):
    """A departed recruiter kept access: now an admin disables them on the Users page, their
    open session ends at the next request and they cannot sign in again."""
    recruiter = make.user(acme, email="leaver@acme.test")
    theirs = app.test_client()
    assert theirs.post("/admin/login", data={"email": recruiter.email, "password": PASSWORD}).status_code == 302
    assert theirs.get("/admin/").status_code == 200
    auth.login("admin@acme.test")
    resp = client.post(f"/admin/settings/users/{recruiter.id}/disable")
    assert resp.status_code == 302
    assert theirs.get("/admin/").status_code == 302  # signed out
    again = theirs.post("/admin/login", data={"email": recruiter.email, "password": PASSWORD})
    assert again.status_code == 401 and "Wrong email or password." in again.get_data(as_text=True)
    assert _user(recruiter.email).status == "disabled"
    assert "user.disabled" in _actions(acme.id)


# ---------------------------------------------------------------- invitations

def test_admin_invites_a_user_who_sets_a_password_and_signs_in(app, client, auth, acme, mailbox):
    auth.login("admin@acme.test")
    resp = client.post("/admin/settings/users", data={"name": "Ella Esimerkki", "email": "ella@acme.fi",
                                                      "role": "recruiter", "locale": "fi"})
    assert resp.status_code == 302
    ella = _user("ella@acme.fi")
    assert ella.status == "invited" and ella.password_hash == "" and ella.locale == "fi"
    (msg,) = [m for m in mailbox.messages if m["To"] == "ella@acme.fi"]
    assert msg["Subject"] == "Sinut on kutsuttu Hakuun: Acme Oy"
    path = LINK_RE.search(text_of(msg)).group(1)
    link = db.session.scalar(select(AccountLink).where(AccountLink.user_id == ella.id))
    token = path.rsplit("/", 1)[1]
    assert len(token) >= 43 and link.token_hash != token and token not in link.token_hash
    assert link.expires_at - link.created_at == timedelta(days=7)
    auth.logout()
    page = client.get(path)
    assert page.status_code == 200 and "ella@acme.fi" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "no-referrer" and page.headers["Cache-Control"] == "no-store"
    done = _set_password(client, path)
    assert done.status_code == 302 and done.headers["Location"] == "/admin/login"
    assert _user("ella@acme.fi").status == "active"
    assert auth.login("ella@acme.fi", NEW_PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert {"user.invited", "user.invite_accepted"} <= set(_actions(acme.id))


def test_users_page_lists_status_and_last_sign_in(client, auth, make, acme):
    make.user(acme, email="rasmus@acme.test")
    auth.login("admin@acme.test")
    client.post("/admin/settings/users", data={"name": "Ina Invited", "email": "ina@acme.fi", "role": "admin"})
    from app.accounts import lifecycle

    lifecycle.set_enabled(acme.id, _user("rasmus@acme.test").id, False, actor="system")
    body = client.get("/admin/settings/users").get_data(as_text=True)
    for text in ("Ina Invited", "ina@acme.fi", "Invited", "Disabled", "Active", "rasmus@acme.test"):
        assert text in body
    # the admin's own last sign-in, in their language (English, UTC here): "Dec 6, 2026 1:14 PM"
    assert re.search(r"[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d\s[AP]M", body)


def test_invite_with_an_address_in_use_is_refused(client, auth, make, acme):
    other = make.company("other")
    make.user(acme, email="taken@acme.fi")
    make.user(other, email="elsewhere@other.fi")
    auth.login("admin@acme.test")
    before = table_counts()
    for email in ("TAKEN@acme.fi", "elsewhere@other.fi"):
        resp = client.post("/admin/settings/users", data={"name": "X", "email": email, "role": "recruiter"})
        assert resp.status_code == 422
        assert "A user with this email address already exists." in resp.get_data(as_text=True)
    bad = client.post("/admin/settings/users", data={"name": "X", "email": "not-an-email", "role": "recruiter"})
    assert bad.status_code == 422
    role = client.post("/admin/settings/users", data={"name": "X", "email": "x@acme.fi", "role": "staff"})
    assert role.status_code == 422
    assert table_counts() == before
    assert _user("elsewhere@other.fi").company_id == other.id


def test_bar_46_invitation_link_is_single_use(client, auth, acme):
    auth.login("admin@acme.test")
    client.post("/admin/settings/users", data={"name": "Ella", "email": "ella@acme.fi", "role": "recruiter"})
    auth.logout()
    path = _last_link_path("ella@acme.fi")
    assert _set_password(client, path).status_code == 302
    hash_after_first = _user("ella@acme.fi").password_hash
    reused = _set_password(client, path, "somebody else's passphrase")
    assert reused.status_code == 410 and "This link no longer works" in reused.get_data(as_text=True)
    assert client.get(path).status_code == 410
    assert _user("ella@acme.fi").password_hash == hash_after_first


def test_bar_46_invitation_link_expires_after_7_days(client, auth, acme):
    auth.login("admin@acme.test")
    client.post("/admin/settings/users", data={"name": "Ella", "email": "ella@acme.fi", "role": "recruiter"})
    auth.logout()
    path = _last_link_path("ella@acme.fi")
    with freeze_time(utcnow() + timedelta(days=7, minutes=1)):
        assert client.get(path).status_code == 410
        assert _set_password(client, path).status_code == 410
    assert _user("ella@acme.fi").password_hash == ""
    with freeze_time(utcnow() + timedelta(days=6, hours=23)):
        assert client.get(path).status_code == 200


def test_bar_46_reset_link_expires_after_an_hour(client, make, acme):
    client.post("/admin/forgot-password", data={"email": "admin@acme.test"})
    path = _last_link_path("admin@acme.test")
    with freeze_time(utcnow() + timedelta(minutes=61)):
        assert _set_password(client, path).status_code == 410
    assert _user("admin@acme.test").check_password(PASSWORD)
    assert _set_password(client, path).status_code == 302
    assert _user("admin@acme.test").check_password(NEW_PASSWORD)


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # one character changed
    lambda t: t[:-1],  # truncated
    lambda t: t + "x",  # extended
    lambda t: "x" * 500,  # oversized
    lambda t: t.upper(),
])
def test_bar_46_tampered_tokens_are_refused(client, acme, mangle):
    client.post("/admin/forgot-password", data={"email": "admin@acme.test"})
    path = _last_link_path("admin@acme.test")
    prefix, token = path.rsplit("/", 1)
    before = table_counts()
    bad = f"{prefix}/{mangle(token)}"
    assert client.get(bad).status_code == 410
    assert _set_password(client, bad).status_code == 410
    assert table_counts() == before
    assert _user("admin@acme.test").check_password(PASSWORD)


def test_bar_46_a_link_only_ever_sets_its_own_users_password(app, client, auth, make, acme):
    """A link of company B's user, opened by company A's signed-in admin, with another
    account named in the form: only the link's own user changes, and the admin of A stays
    as they were."""
    other = make.company("other")
    client.post("/admin/forgot-password", data={"email": "admin@other.test"})
    path = _last_link_path("admin@other.test")
    auth.login("admin@acme.test")
    acme_admin = _user("admin@acme.test")
    version = acme_admin.session_version
    resp = client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "username": "admin@acme.test",
                                   "email": "admin@acme.test", "user_id": acme_admin.id, "company_id": acme.id})
    assert resp.status_code == 302
    assert _user("admin@other.test").check_password(NEW_PASSWORD) and _user("admin@other.test").company_id == other.id
    a = _user("admin@acme.test")
    assert a.check_password(PASSWORD) and a.session_version == version
    assert client.get("/admin/").status_code == 200  # A's own session is untouched


def test_bar_46_foreign_user_ids_are_404_and_change_nothing(client, auth, make, acme):
    other = make.company("other")
    victim = make.user(other, email="victim@other.test")
    victim_before = (victim.is_enabled, victim.role, victim.session_version, victim.password_hash)
    auth.login("admin@acme.test")
    before = table_counts()
    for action in ("disable", "enable", "role", "reset", "resend", "revoke"):
        resp = client.post(f"/admin/settings/users/{victim.id}/{action}", data={"role": "admin"})
        assert resp.status_code == 404, action
    assert table_counts() == before
    v = _user("victim@other.test")
    assert (v.is_enabled, v.role, v.session_version, v.password_hash) == victim_before


def test_bar_46_links_of_a_disabled_user_are_refused(client, auth, make, acme):
    recruiter = make.user(acme, email="rasmus@acme.test")
    client.post("/admin/forgot-password", data={"email": "rasmus@acme.test"})
    path = _last_link_path("rasmus@acme.test")
    auth.login("admin@acme.test")
    client.post(f"/admin/settings/users/{recruiter.id}/disable")
    auth.logout()
    assert client.get(path).status_code == 410
    assert _set_password(client, path).status_code == 410
    assert _user("rasmus@acme.test").check_password(PASSWORD)
    # a disabled user asking again gets the same page and no email
    emails = _emails_to("rasmus@acme.test")
    resp = client.post("/admin/forgot-password", data={"email": "rasmus@acme.test"})
    assert resp.status_code == 200 and _emails_to("rasmus@acme.test") == emails
    assert client.post("/admin/login", data={"email": "rasmus@acme.test", "password": PASSWORD}).status_code == 401


def test_bar_46_disable_role_change_and_reset_end_sessions(app, client, auth, make, acme):
    recruiter = make.user(acme, email="rasmus@acme.test")
    auth.login("admin@acme.test")

    def signed_in_client():
        c = app.test_client()
        assert c.post("/admin/login", data={"email": "rasmus@acme.test",
                                            "password": _password[0]}).status_code == 302
        assert c.get("/admin/").status_code == 200
        return c

    _password = [PASSWORD]
    theirs = signed_in_client()
    assert client.post(f"/admin/settings/users/{recruiter.id}/role", data={"role": "admin"}).status_code == 302
    assert theirs.get("/admin/").status_code == 302
    assert _user("rasmus@acme.test").role == "admin"

    theirs = signed_in_client()
    assert client.post(f"/admin/settings/users/{recruiter.id}/reset").status_code == 302
    assert theirs.get("/admin/").status_code == 200  # sending a link alone signs nobody out
    path = _last_link_path("rasmus@acme.test")
    assert _set_password(app.test_client(), path).status_code == 302
    assert theirs.get("/admin/").status_code == 302  # using it does
    _password[0] = NEW_PASSWORD

    theirs = signed_in_client()
    assert client.post(f"/admin/settings/users/{recruiter.id}/disable").status_code == 302
    assert theirs.get("/admin/").status_code == 302
    assert client.post(f"/admin/settings/users/{recruiter.id}/enable").status_code == 302
    assert theirs.get("/admin/").status_code == 302  # the old cookie stays dead after re-enabling
    signed_in_client()
    assert [a for a in _actions(acme.id) if a.startswith("user.")] == [
        "user.role_changed", "user.reset_sent", "user.password_reset", "user.disabled", "user.enabled"]


def test_bar_46_disabled_users_cookie_is_signed_out(app, make, acme):
    from app.accounts import lifecycle

    recruiter = make.user(acme, email="rasmus@acme.test")
    theirs = app.test_client()
    theirs.post("/admin/login", data={"email": "rasmus@acme.test", "password": PASSWORD})
    cookie = theirs.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    lifecycle.set_enabled(acme.id, recruiter.id, False, actor="system")
    replay = app.test_client()
    replay.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)
    resp = replay.get("/admin/applications")
    assert resp.status_code == 302 and "/admin/login" in resp.headers["Location"]
    hx = replay.get("/admin/applications", headers={"HX-Request": "true"})
    assert hx.status_code == 401


def test_resend_replaces_the_link_and_revoke_closes_it(client, auth, acme):
    auth.login("admin@acme.test")
    client.post("/admin/settings/users", data={"name": "Ella", "email": "ella@acme.fi", "role": "recruiter"})
    first = _last_link_path("ella@acme.fi")
    ella = _user("ella@acme.fi")
    assert client.post(f"/admin/settings/users/{ella.id}/resend").status_code == 302
    second = _last_link_path("ella@acme.fi")
    assert first != second
    assert client.get(first).status_code == 410 and client.get(second).status_code == 200
    assert client.post(f"/admin/settings/users/{ella.id}/revoke").status_code == 302
    assert client.get(second).status_code == 410
    assert _user("ella@acme.fi").status == "disabled"
    # a revoked invitation can be sent again; an accepted one cannot be revoked
    assert client.post(f"/admin/settings/users/{ella.id}/resend").status_code == 302
    third = _last_link_path("ella@acme.fi")
    assert _user("ella@acme.fi").status == "invited"
    assert _set_password(client, third).status_code == 302
    refused = client.post(f"/admin/settings/users/{ella.id}/revoke")
    assert refused.status_code == 422
    assert "This user has already accepted the invitation." in refused.get_data(as_text=True)
    assert _user("ella@acme.fi").status == "active"


# ---------------------------------------------------------------- the last admin

def test_the_last_active_admin_cannot_disable_or_demote_themself(client, auth, make, acme):
    admin = _user("admin@acme.test")
    auth.login("admin@acme.test")
    before = table_counts()
    for action, data in (("disable", {}), ("role", {"role": "recruiter"})):
        resp = client.post(f"/admin/settings/users/{admin.id}/{action}", data=data)
        assert resp.status_code == 422
        assert "The company needs at least one active admin." in resp.get_data(as_text=True)
    assert table_counts() == before
    assert (_user("admin@acme.test").role, _user("admin@acme.test").is_enabled) == ("admin", True)
    assert client.get("/admin/").status_code == 200  # still signed in
    # an invited (not yet active) admin does not count
    client.post("/admin/settings/users", data={"name": "Ina", "email": "ina@acme.fi", "role": "admin"})
    assert client.post(f"/admin/settings/users/{admin.id}/disable").status_code == 422
    # with a second active admin, stepping down works (and ends this session)
    make.user(acme, role="admin", email="second@acme.test")
    assert client.post(f"/admin/settings/users/{admin.id}/role", data={"role": "recruiter"}).status_code == 302
    assert _user("admin@acme.test").role == "recruiter"
    assert client.get("/admin/").status_code == 302


def test_recruiters_cannot_manage_users(client, auth, make, acme):
    recruiter = make.user(acme)
    other = make.user(acme, email="other@acme.test")
    auth.login(recruiter.email)
    assert client.get("/admin/settings/users").status_code == 403
    for action in ("disable", "enable", "role", "reset", "resend", "revoke"):
        assert client.post(f"/admin/settings/users/{other.id}/{action}", data={"role": "admin"}).status_code == 403
    assert _user("other@acme.test").is_enabled and _user("other@acme.test").role == "recruiter"


def test_user_actions_need_the_csrf_token(app, make, acme):
    recruiter = make.user(acme, email="rasmus@acme.test")
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        c = app.test_client()
        page = c.get("/admin/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        assert c.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD,
                                            "csrf_token": token}).status_code == 302
        before = table_counts()
        for action in ("disable", "role", "reset"):
            resp = c.post(f"/admin/settings/users/{recruiter.id}/{action}", data={"role": "admin"})
            assert resp.status_code == 400
        resp = c.post("/admin/settings/users", data={"name": "X", "email": "x@acme.fi", "role": "admin"})
        assert resp.status_code == 400
        assert table_counts() == before
        # the public pages too: a forged "forgot password" or set-password post changes nothing
        from app.accounts import lifecycle

        _link, url = lifecycle.issue_link(_user("rasmus@acme.test"), "reset", actor="system")
        db.session.commit()
        before = table_counts()
        anon = app.test_client()
        assert anon.post("/admin/forgot-password", data={"email": "rasmus@acme.test"}).status_code == 400
        path = LINK_RE.search(url).group(1)
        assert anon.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 400
        assert table_counts() == before
        assert _user("rasmus@acme.test").check_password(PASSWORD) and anon.get(path).status_code == 200
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


# ---------------------------------------------------------------- forgot password

def test_forgot_password_answers_the_same_for_known_and_unknown(client, make, acme, mailbox):
    known = client.post("/admin/forgot-password", data={"email": "admin@acme.test"})
    unknown = client.post("/admin/forgot-password", data={"email": "nobody@acme.test"})
    assert known.status_code == unknown.status_code == 200
    assert known.get_data() == unknown.get_data()
    assert "If an account uses this address" in known.get_data(as_text=True)
    assert _emails_to("admin@acme.test") == 1 and _emails_to("nobody@acme.test") == 0
    (msg,) = mailbox.messages
    assert msg["Subject"] == "Reset your Haku password" and "/admin/set-password/" in text_of(msg)


def test_forgot_password_link_sets_the_password_and_revokes_older_links(client, acme):
    client.post("/admin/forgot-password", data={"email": "Admin@Acme.test"})
    first = _last_link_path("admin@acme.test")
    client.post("/admin/forgot-password", data={"email": "admin@acme.test"})
    second = _last_link_path("admin@acme.test")
    assert client.get(first).status_code == 410  # only the newest link works
    assert _set_password(client, second).status_code == 302
    assert client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD}).status_code == 401
    assert client.post("/admin/login", data={"email": "admin@acme.test",
                                             "password": NEW_PASSWORD}).status_code == 302
    actions = _actions(acme.id)
    assert actions.count("user.reset_requested") == 2 and "user.password_reset" in actions


@pytest.mark.parametrize("password,confirm,message", [
    ("short", "short", "Use at least 8 characters"),
    ("password123", "password123", "This password is too common."),
    ("admin@acme.test", "admin@acme.test", "The password cannot be your email address."),
    (NEW_PASSWORD, NEW_PASSWORD + "!", "The two passwords are not the same."),
])
def test_set_password_obeys_the_policy_and_keeps_the_link(client, acme, password, confirm, message):
    client.post("/admin/forgot-password", data={"email": "admin@acme.test"})
    path = _last_link_path("admin@acme.test")
    resp = _set_password(client, path, password, confirm)
    assert resp.status_code == 422 and message in resp.get_data(as_text=True)
    assert _user("admin@acme.test").check_password(PASSWORD)
    assert _set_password(client, path).status_code == 302  # the link still works once


def test_forgot_password_is_rate_limited_per_address_and_per_ip(app_config, make):
    from app import create_app

    limited = create_app({**app_config, "RATELIMIT_ENABLED": True})
    make.company("acme")
    c = limited.test_client()
    statuses = [c.post("/admin/forgot-password", data={"email": "admin@acme.test"},
                       environ_base={"REMOTE_ADDR": f"10.1.0.{n + 1}"}).status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]  # per address, from any address
    assert _emails_to("admin@acme.test") == 5
    unknown = [c.post("/admin/forgot-password", data={"email": "ghost@acme.test"},
                      environ_base={"REMOTE_ADDR": f"10.2.0.{n + 1}"}).status_code for n in range(6)]
    assert unknown == statuses  # unknown addresses are limited the same way (no oracle)
    per_ip = [c.post("/admin/forgot-password", data={"email": f"p{n}@acme.test"},
                     environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code for n in range(6)]
    assert per_ip == [200] * 5 + [429]
    other_ip = c.post("/admin/forgot-password", data={"email": "someone@acme.test"},
                      environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert other_ip.status_code == 200


def test_email_language_is_the_users_else_the_companys(client, auth, make, mailbox):
    saomai = make.company("saomai", "Sao Mai Tech")
    saomai.default_locale = "vi"
    db.session.commit()
    auth.login("admin@saomai.test")
    client.post("/admin/settings/users", data={"name": "Lan", "email": "lan@saomai.vn", "role": "recruiter",
                                               "locale": "sv"})
    auth.logout()
    client.post("/admin/forgot-password", data={"email": "admin@saomai.test"})
    subjects = {m["To"]: m["Subject"] for m in mailbox.messages}
    assert subjects["lan@saomai.vn"] == "Du är inbjuden till Sao Mai Tech i Haku"
    assert subjects["admin@saomai.test"] == "Đặt lại mật khẩu Haku của bạn"


def test_the_set_password_page_records_the_language_used(client, make, acme):
    client.post("/admin/forgot-password", data={"email": "admin@acme.test"})
    path = _last_link_path("admin@acme.test")
    assert client.get(path + "?lang=fi").status_code == 200  # the language choice is kept in the session
    assert _set_password(client, path).status_code == 302
    assert _user("admin@acme.test").locale == "fi"


def test_audit_log_names_lifecycle_actions(client, auth, make, acme):
    recruiter = make.user(acme)
    auth.login("admin@acme.test")
    client.post(f"/admin/settings/users/{recruiter.id}/disable")
    body = client.get("/admin/settings/audit").get_data(as_text=True)
    assert "Disabled a user" in body and f"user:{recruiter.id}" in body


def test_set_password_links_are_redacted_in_logs():
    from app.logredact import redact

    line = '127.0.0.1 - - "GET /admin/set-password/AbC_d-123xyz?lang=fi HTTP/1.1" 200'
    assert "AbC_d-123xyz" not in redact(line) and "/admin/set-password/[redacted]" in redact(line)


def test_last_admin_rule_holds_when_two_admins_demote_each_other_at_once(app, make, acme):
    """PostgreSQL: while one transaction demotes admin A (holding the company's lock), a
    concurrent demotion of admin B waits, then sees A's change and is refused: the company
    keeps an active admin."""
    import threading

    from sqlalchemy import text

    from app.accounts import lifecycle

    if db.engine.dialect.name != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter (SQLite serialises writers)")
    a = _user("admin@acme.test")
    b = make.user(acme, role="admin", email="second@acme.test")
    outcome = {}

    def demote_b():
        with app.app_context():
            try:
                lifecycle.change_role(acme.id, b.id, "recruiter", actor="system")
                outcome["b"] = "demoted"
            except lifecycle.UserError as exc:
                outcome["b"] = exc.code
            finally:
                db.session.remove()

    with db.engine.connect() as conn:
        tx = conn.begin()
        conn.execute(text("SELECT id FROM companies WHERE id = :id FOR UPDATE"), {"id": acme.id})
        conn.execute(text("UPDATE users SET role = 'recruiter' WHERE id = :id"), {"id": a.id})
        worker = threading.Thread(target=demote_b)
        worker.start()
        from tests.support.processes import wait_for

        with db.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as probe:
            wait_for(lambda: probe.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )).scalar(), message="the second demotion to wait for the lock")
        tx.commit()
    worker.join(timeout=30)
    assert outcome == {"b": "last_admin"}
    assert (_user("admin@acme.test").role, _user("second@acme.test").role) == ("recruiter", "admin")
