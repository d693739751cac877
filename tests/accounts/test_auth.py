from datetime import timedelta

import pytest
from freezegun import freeze_time

from app.accounts import services
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.secrets import SecretError, decrypt, encrypt, mask
from tests.support.builders import PASSWORD
from tests.support.reverse_proxy import behind_proxy, visitor  # noqa: F401  (fixture)


def test_bar_6_login_logout_and_wrong_password(client, auth, make):
    make.company("acme")
    bad = auth.login("admin@acme.test", "wrong password!")
    assert bad.status_code == 401 and "Wrong email or password." in bad.get_data(as_text=True)
    unknown = auth.login("nobody@acme.test", "wrong password!")
    assert unknown.status_code == 401
    same = lambda r: r.get_data(as_text=True).replace("nobody@acme.test", "admin@acme.test")
    assert same(unknown) == same(bad)
    ok = auth.login("admin@acme.test")
    assert ok.status_code == 302 and ok.headers["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    auth.logout()
    assert client.get("/admin/").status_code == 302


def _login_next(client, target: str | None = None, raw_query: str | None = None):
    client.post("/admin/logout")
    url = "/admin/login" + (f"?{raw_query}" if raw_query else "")
    return client.post(url, query_string=None if raw_query else {"next": target},
                       data={"email": "admin@acme.test", "password": PASSWORD})


def test_finding_open_redirect_after_login(client, make):
    """``next=/%09/evil.example`` passed the old check (a leading "/", no "//") and browsers,
    which drop tabs from URLs, went to //evil.example."""
    make.company("acme")
    resp = _login_next(client, raw_query="next=/%09/evil.example/x")
    assert resp.status_code == 302 and resp.headers["Location"] == "/admin/"


BYPASSES = [
    "//evil.example/x", "///evil.example", "/\\evil.example", "\\/\\/evil.example", "/\\/evil.example",
    "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example", " //evil.example",
    "/\x00/evil.example", "/\x0b/evil.example", "/\u00a0/evil.example", "/\u2028/evil.example",
    "/%09/evil.example", "/%0a/evil.example", "/%0d%0a/evil.example", "/%2F/evil.example", "/%2f%2fevil.example",
    "%2F%2Fevil.example", "/%5Cevil.example", "/%5C%5Cevil.example", "/%255C%255Cevil.example",
    "/%252F%252Fevil.example", "/%25252F/evil.example", "/%00/evil.example", "/%E2%80%A8/evil.example",
    "https://evil.example", "https:evil.example", "http:/evil.example", "HTTPS://evil.example", "javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example", "@evil.example",
    "/\u2215evil.example", "/\u2215\u2215evil.example", "\uff0f\uff0fevil.example", "/\uff0f/evil.example",
    "/\u2044evil.example", "/\u29f8evil.example", "/\uff3cevil.example", "/admin/\u00e4", "", "x" * 3000,
    "/" + "a" * 2100,
]


def test_bar_44_redirect_bypasses_land_on_the_default_page(client, make):
    make.company("acme")
    followed = {}
    for target in BYPASSES:
        resp = _login_next(client, target)
        assert resp.status_code == 302
        if resp.headers["Location"] != "/admin/":
            followed[target] = resp.headers["Location"]
    assert followed == {}


def test_bar_44_same_site_paths_are_followed(client, make):
    make.company("acme")
    for target in ("/admin/jobs", "/admin/applications?stage=3&q=a%20b&page=2", "/admin/", "/admin/jobs/7/board",
                   "/staff/companies?q=%C3%A4"):
        resp = _login_next(client, target)
        assert resp.status_code == 302 and resp.headers["Location"] == target


def test_bar_8_cookie_from_before_logout_is_revoked(app, make):
    make.company("acme")
    first = app.test_client()
    first.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    stolen = first.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    first.post("/admin/logout")
    replay = app.test_client()
    replay.set_cookie(app.config["SESSION_COOKIE_NAME"], stolen)
    assert replay.get("/admin/").status_code == 302


def test_bar_8_password_change_revokes_other_sessions_and_keeps_this_one(app, make):
    make.company("acme")
    mine, other = app.test_client(), app.test_client()
    for c in (mine, other):
        c.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    resp = mine.post("/admin/account", data={"which": "password", "pw-current": PASSWORD,
                                            "pw-new": "a brand new passphrase 2026"})
    assert resp.status_code == 302
    assert mine.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302
    user = db.session.scalar(db.select(User).where(User.email == "admin@acme.test"))
    assert user.check_password("a brand new passphrase 2026") and not user.check_password(PASSWORD)


def test_bar_8_disabled_user_is_logged_out(app, client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    user = db.session.scalar(db.select(User).where(User.email == "admin@acme.test"))
    services.set_user_enabled(user, False)
    assert client.get("/admin/").status_code == 302
    assert auth.login("admin@acme.test").status_code == 401


def test_bar_9_idle_session_expires_after_30_minutes(client, auth, make):
    make.company("acme")
    start = utcnow()
    with freeze_time(start):
        auth.login("admin@acme.test")
    with freeze_time(start + timedelta(minutes=29)):
        assert client.get("/admin/").status_code == 200
    with freeze_time(start + timedelta(minutes=29 + 31)):
        assert client.get("/admin/").status_code == 302


def test_bar_9_session_cookie_flags(client, make):
    make.company("acme")
    resp = client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    (cookie,) = [c for c in resp.headers.getlist("Set-Cookie") if c.startswith("haku_session=")]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def _login(client, base: str, email: str, password: str = PASSWORD):
    return client.post(f"{base}/admin/login", data={"email": email, "password": password}, allow_redirects=False)


def test_bar_6_login_is_throttled(behind_proxy, make):  # noqa: F811
    """Through the load balancer: the 6th login for one account from one address in a
    minute is 429 (the right password too); another account from that address, and the
    same account from another address, are not held."""
    make.company("acme")
    base = behind_proxy(TRUSTED_PROXIES=1)
    attacker = visitor("127.0.0.2")
    statuses = [_login(attacker, base, "admin@acme.test", "nope nope").status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    blocked = _login(attacker, base, "admin@acme.test")
    assert blocked.status_code == 429 and "Too many sign-in attempts" in blocked.text
    assert 'name="password"' in blocked.text  # the login page itself, not a bare error page
    assert _login(attacker, base, "other@acme.test", "nope nope").status_code == 401
    elsewhere = _login(visitor("127.0.0.3"), base, "admin@acme.test")
    assert elsewhere.status_code == 302 and elsewhere.headers["Location"] == "/admin/"


def test_bar_6_unknown_and_known_accounts_are_throttled_alike(behind_proxy, make):  # noqa: F811
    make.company("acme")
    base = behind_proxy(TRUSTED_PROXIES=1)
    known = [_login(visitor("127.0.0.2"), base, "admin@acme.test", "nope nope") for _ in range(6)]
    unknown = [_login(visitor("127.0.0.3"), base, "nobody@acme.test", "nope nope") for _ in range(6)]
    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [401] * 5 + [429]
    assert known[0].text.replace("admin@acme.test", "x") == unknown[0].text.replace("nobody@acme.test", "x")
    assert "haku_device" not in known[0].headers.get("Set-Cookie", "")  # only a success remembers the browser


def _spread_attack(base: str, email: str, failures: int) -> list[int]:
    """``failures`` wrong passwords for one account, 5 from each of many addresses (each
    address stays under its own per-minute budget)."""
    statuses = []
    for n in range(failures):
        statuses.append(_login(visitor(f"127.0.1.{n // 5 + 1}"), base, email, "nope nope").status_code)
    return statuses


def test_finding_login_lockout_locks_out_owner(behind_proxy, make):  # noqa: F811
    """100 wrong passwords spread over 20 addresses used to lock the account for an hour,
    owner included. Now the owner's own browser (it signed in before) still gets in, while
    the account budget (SECURITY_BAR 6: 100 failures an hour from any address) still
    refuses strangers, even with the right password (letting that through would let a
    right guess through); a browser that signed in to another account, or a forged device
    cookie, is a stranger."""
    make.company("acme")
    make.user(make.company("other"), email="me@other.test")
    base = behind_proxy(TRUSTED_PROXIES=1)
    owner, elsewhere = visitor("127.0.0.9"), visitor("127.0.0.8")
    assert _login(owner, base, "admin@acme.test").status_code == 302
    assert owner.post(f"{base}/admin/logout", allow_redirects=False).status_code == 302
    assert _login(elsewhere, base, "me@other.test").status_code == 302  # a device cookie, for another account
    elsewhere.post(f"{base}/admin/logout")

    assert _spread_attack(base, "admin@acme.test", 100) == [401] * 100
    assert _login(visitor("127.0.2.1"), base, "admin@acme.test", "nope nope").status_code == 429
    assert _login(visitor("127.0.2.1"), base, "admin@acme.test").status_code == 429
    assert _login(elsewhere, base, "admin@acme.test").status_code == 429
    forged = visitor("127.0.2.2")
    forged.cookies.set("haku_device", "eyJkIjoieCIsImEiOltdfQ.forged")
    assert _login(forged, base, "admin@acme.test").status_code == 429
    assert _login(visitor("127.0.2.3"), base, "someone-else@acme.test", "nope nope").status_code == 401

    back = _login(owner, base, "admin@acme.test")
    assert back.status_code == 302 and back.headers["Location"] == "/admin/"
    assert owner.get(f"{base}/admin/", allow_redirects=False).status_code == 200


def test_bar_41_a_known_browser_has_its_own_small_budget(behind_proxy, make):  # noqa: F811
    """A stolen device cookie buys few guesses: the device's failures are counted, and
    past its budget that browser waits like everyone else."""
    make.company("acme")
    base = behind_proxy(TRUSTED_PROXIES=1, LOGIN_LIMIT_PER_DEVICE="3/hour")
    owner = visitor("127.0.0.9")
    assert _login(owner, base, "admin@acme.test").status_code == 302
    owner.post(f"{base}/admin/logout")
    assert [_login(owner, base, "admin@acme.test", "nope nope").status_code for _ in range(4)] == [401] * 3 + [429]
    assert _login(owner, base, "admin@acme.test").status_code == 429
    assert _login(visitor("127.0.0.10"), base, "admin@acme.test").status_code == 302


def test_bar_41_per_address_limit_spares_known_browsers(behind_proxy, make):  # noqa: F811
    """Credential stuffing from one address (one guess for each of many accounts) is held
    after its budget (20 failures a minute, 8 in this test); a colleague behind the same office address whose browser
    signed in before still gets in, a new browser there waits."""
    company = make.company("acme")
    colleague = make.user(company, email="colleague@acme.test")
    base = behind_proxy(TRUSTED_PROXIES=1, LOGIN_LIMIT_PER_ADDRESS="8/minute;200/hour")
    known = visitor("127.0.0.2")
    assert _login(known, base, colleague.email).status_code == 302
    known.post(f"{base}/admin/logout")
    stuffer = visitor("127.0.0.2")
    statuses = [_login(stuffer, base, f"user{n}@acme.test", "nope nope").status_code for n in range(9)]
    assert statuses == [401] * 8 + [429]
    assert _login(visitor("127.0.0.2"), base, "admin@acme.test").status_code == 429
    assert _login(known, base, colleague.email).status_code == 302
    assert _login(visitor("127.0.0.3"), base, "admin@acme.test").status_code == 302


@pytest.mark.parametrize("password,ok", [
    ("short", False), ("password123", False), ("qwertyuiop", False), ("x" * 129, False),
    ("eight ch", True), ("correct horse battery staple", True), ("ä" * 64, True),
])
def test_bar_7_password_policy(password, ok, app):
    assert (services.password_problem(password) is None) is ok


def test_bar_7_passwords_are_hashed_with_a_slow_kdf(make):
    make.company("acme")
    user = db.session.scalar(db.select(User).where(User.email == "admin@acme.test"))
    assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash


def test_bar_35_secrets_are_encrypted_and_rotate(app):
    token = encrypt("api-key-123", purpose="topcv")
    assert "api-key-123" not in token and decrypt(token, purpose="topcv") == "api-key-123"
    with pytest.raises(SecretError):
        decrypt(token, purpose="other")
    old = app.config["HAKU_ENCRYPTION_KEYS"]
    new_key = "k2:" + "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="
    rotated = f"{new_key},{old}"
    assert decrypt(token, purpose="topcv", spec=rotated) == "api-key-123"
    fresh = encrypt("x", purpose="p", spec=rotated)
    assert fresh.startswith("k2:")
    assert mask("supersecretvalue") == "••••••••alue"


def test_company_users_and_roles(make):
    company = make.company("acme")
    with pytest.raises(services.AccountError, match="already exists"):
        services.add_company_user(company.id, email="ADMIN@acme.test", name="x", password=PASSWORD, role="recruiter")
    with pytest.raises(services.AccountError):
        services.add_company_user(company.id, email="s@acme.test", name="x", password=PASSWORD, role="staff")
    with pytest.raises(services.AccountError, match="slug"):
        services.create_company(name="X", slug="Bad Slug", admin_email="a@x.test", admin_name="a",
                                admin_password=PASSWORD)
    with pytest.raises(services.AccountError, match="taken"):
        services.create_company(name="X", slug="acme", admin_email="b@x.test", admin_name="a", admin_password=PASSWORD)


def test_bar_4_declared_fields_only(client, auth, make):
    """Extra form fields (role, company_id, status) never bind."""
    company = make.company("acme")
    other = make.company("other")
    auth.login("admin@acme.test")
    client.post("/admin/settings/users", data={"name": "New", "email": "new@example.com", "role": "recruiter",
                                               "password": PASSWORD, "company_id": other.id, "is_enabled": "0"})
    user = db.session.scalar(db.select(User).where(User.email == "new@example.com"))
    assert user.company_id == company.id and user.role == "recruiter" and user.is_enabled


def test_recruiter_cannot_manage_users(client, auth, make):
    company = make.company("acme")
    recruiter = make.user(company)
    auth.login(recruiter.email)
    assert client.get("/admin/settings/users").status_code == 403
    assert client.post("/admin/settings/users", data={"name": "x"}).status_code == 403


def test_bar_4_extra_fields_on_admin_forms_never_bind(client, auth, make):
    from app.jobs.models import Job

    company, other = make.company("acme"), make.company("other")
    job = make.job(company, "Backend developer")
    recruiter = make.user(company)
    auth.login(recruiter.email)
    resp = client.post(f"/admin/jobs/{job.id}/edit", data={
        "title": "Renamed", "status": "published", "owner_id": "0", "company_id": other.id, "id": 999,
        "created_at": "2001-01-01"})
    assert resp.status_code in (200, 302, 303)
    db.session.expire_all()
    changed = db.session.get(Job, job.id)
    assert changed.title == "Renamed" and changed.company_id == company.id and changed.created_at.year > 2001
    assert db.session.get(Job, 999) is None
    client.post("/admin/account", data={"which": "prefs", "role": "admin", "company_id": other.id,
                                        "is_staff": "1", "session_version": "0"})
    db.session.expire_all()
    me = db.session.get(User, recruiter.id)
    assert (me.role, me.company_id, me.is_staff) == ("recruiter", company.id, False)


def test_finding_two_factor_staff_password_alone_does_not_open_staff(client, make):
    """Issue 11 §2.8: a staff password alone opened every /staff page. Staff without an
    authenticator are now sent to set one up (tests/accounts/test_two_factor.py has the rest)."""
    make.staff(two_factor=False)
    resp = client.post("/admin/login", data={"email": "staff@haku.test", "password": PASSWORD})
    assert resp.status_code == 302
    page = client.get("/staff/")
    assert page.status_code == 302 and page.headers["Location"] == "/admin/account/two-factor"
def test_bar_44_stage_move_goes_back_only_to_admin_pages(client, auth, make):
    """The board's "move" form carries the page to go back to (``next``): only this site's
    admin paths are followed."""
    job = make.job(make.company("acme"))
    application = make.application(job)
    auth.login("admin@acme.test")
    card = f"/admin/applications/{application.id}"
    stages = [s.id for s in job.stages if s.kind != "rejected"]  # rejecting asks for a reason first
    cases = [(f"/admin/jobs/{job.id}/board", f"/admin/jobs/{job.id}/board"), ("//evil.example/admin/", card),
             ("/admin/%09/evil.example", card), ("/admin/\\evil.example", card), ("https://evil.example/admin/", card),
             ("/c/acme/", card)]
    for n, (target, expected) in enumerate(cases):
        resp = client.post(f"{card}/stage", data={"stage_id": stages[(n + 1) % len(stages)], "next": target})
        assert resp.status_code == 302 and resp.headers["Location"] == expected, target
