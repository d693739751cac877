"""The fixed part of every recruiter page (issue 15 item 2, branch base15): two statements
(the user with their company, the bell's count), the layout's constant links and labels built
once per process and language, and the caches behind them kept honest: the bell's figure follows
new notifications and "mark all read", the layout follows the language and the script root, and
a revoked session is still refused on the next request."""

from __future__ import annotations

import re

from flask import request
from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.messaging.services import mark_all_read, notify, unread_count
from tests.admin.test_page_queries import _statements
from tests.support.builders import PASSWORD


def _badge(body: str) -> str:
    return re.search(r'id="notif-badge"[^>]*>(\d+)<', body).group(1)


def _login(make, client):
    company = make.company("acme")
    client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    return company, db.session.scalar(select(User).where(User.email == "admin@acme.test"))


def test_a_bare_recruiter_page_is_one_statement(client, make):
    _login(make, client)
    db.session.expire_all()
    body: list[str] = []
    statements = _statements(lambda: body.append(client.get("/admin/notifications/badge").get_data(as_text=True)))
    # The user with their company and the bell's count in one statement (the view and the
    # layout's bell share it; it was asked twice on this page, then once on its own).
    assert len(statements) == 1, statements
    assert "JOIN companies" in statements[0] and "FROM notifications" in statements[0]
    assert body[0].count('id="notif-badge"') == 2 and _badge(body[0]) == "0"
    notifications = _statements(lambda: client.get("/admin/notifications"))
    assert len(notifications) == 2, notifications
    # The bell's own poll (htmx) too; an htmx request of another page counts nothing.
    poll = _statements(lambda: client.get("/admin/notifications/badge", headers={"HX-Request": "true"}))
    assert len(poll) == 1 and "FROM notifications" in poll[0], poll


def test_two_factor_state_comes_with_the_user(client, make):
    from app.accounts import twofactor
    from tests.support.builders import totp_code

    company, user = _login(make, client)
    company.two_factor_required = True
    db.session.commit()
    assert client.get("/admin/notifications/badge").headers["Location"] == "/admin/account/two-factor"
    twofactor.enrol_known_secret(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.post("/admin/logout")
    client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    client.post("/admin/login/code", data={"code": totp_code("admin@acme.test")})
    db.session.expire_all()
    statements = _statements(lambda: client.get("/admin/notifications/badge"))
    assert len(statements) == 1 and "user_two_factor" in statements[0], statements
    # The record read on each request: gone (without a session bump) → enrolment again.
    from app.accounts.models import TwoFactor

    db.session.execute(TwoFactor.__table__.delete().where(TwoFactor.user_id == user.id))
    db.session.commit()
    assert client.get("/admin/notifications/badge").headers["Location"] == "/admin/account/two-factor"


def test_an_htmx_fragment_does_not_count_the_bell(client, make):
    company, _ = _login(make, client)
    job = make.job(company)
    make.application(job)
    client.get("/admin/applications")  # warm: the first read of the rejection reasons creates the defaults
    db.session.expire_all()
    body: list[str] = []
    fragment = _statements(lambda: body.append(
        client.get("/admin/applications", headers={"HX-Request": "true"}).get_data(as_text=True)))
    assert 'id="applications-table"' in body[0] and "notif-badge" not in body[0]
    assert not [s for s in fragment if "FROM notifications" in s], fragment
    page = _statements(lambda: client.get("/admin/applications"))
    assert len([s for s in page if "FROM notifications" in s]) == 1, page
    assert "FROM notifications" in page[0] and "FROM notifications" not in fragment[0]  # with the user
    # the page's filter bar shows the menus (jobs, stages and share links), which the table
    # fragment has not: their statement runs only when their version, read with the page, moved
    # since this process kept them (the warm-up above read them)
    assert len(page) == len(fragment)


def test_the_bell_follows_new_notifications_and_mark_all_read(client, make):
    company, user = _login(make, client)
    assert _badge(client.get("/admin/").get_data(as_text=True)) == "0"
    notify([user], company_id=company.id, kind="new_application", title="One", link="/admin/", dedupe_key="n1")
    notify([user], company_id=company.id, kind="new_application", title="Two", link="/admin/", dedupe_key="n2")
    db.session.commit()
    assert _badge(client.get("/admin/").get_data(as_text=True)) == "2"
    assert _badge(client.get("/admin/notifications/badge", headers={"HX-Request": "true"})
                  .get_data(as_text=True)) == "2"
    client.post("/admin/notifications/read")
    assert _badge(client.get("/admin/").get_data(as_text=True)) == "0"


def test_the_per_request_count_is_forgotten_when_the_request_notifies_or_marks_read(app, make):
    company = make.company("acme")
    user = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    with app.test_request_context("/admin/"):
        assert unread_count(user.id) == 0
        notify([user], company_id=company.id, kind="new_application", title="One", dedupe_key="n1")
        db.session.commit()
        assert unread_count(user.id) == 1
        assert request.environ["haku.unread"] == {user.id: 1}
        mark_all_read(user.id, company.id)
        assert unread_count(user.id) == 0
    with app.test_request_context("/admin/"):  # a new request asks again
        notify([user], company_id=company.id, kind="new_application", title="Two", dedupe_key="n2")
        db.session.commit()
    with app.test_request_context("/admin/"):
        assert unread_count(user.id) == 1


def test_the_layout_follows_the_language(client, make):
    _login(make, client)
    en = client.get("/admin/").get_data(as_text=True)
    fi = client.get("/admin/?lang=fi").get_data(as_text=True)
    sv = client.get("/admin/?lang=sv").get_data(as_text=True)
    again = client.get("/admin/?lang=en").get_data(as_text=True)
    assert ">Jobs</a>" in en and ">Log out</button>" in en and 'aria-label="Notifications"' in en
    assert ">Tehtävät</a>" in fi and ">Kirjaudu ulos</button>" in fi and ">Jobs</a>" not in fi
    assert ">Tjänster</a>" in sv and ">Logga ut</button>" in sv
    assert ">Jobs</a>" in again
    # The current section is still marked per page, not cached with the links.
    assert re.search(r'<a href="/admin/" aria-current="page">', en)
    jobs = client.get("/admin/jobs").get_data(as_text=True)
    assert re.search(r'<a href="/admin/jobs" aria-current="page">', jobs)
    assert not re.search(r'<a href="/admin/" aria-current="page">', jobs)


def test_the_layout_links_follow_the_script_root(client, make):
    _login(make, client)
    plain = client.get("/admin/").get_data(as_text=True)
    mounted = client.get("/admin/", base_url="http://localhost/haku/").get_data(as_text=True)
    assert 'href="/admin/jobs"' in plain and 'href="/static/css/haku.css' in plain
    assert 'href="/haku/admin/jobs"' in mounted and 'href="/haku/static/css/haku.css' in mounted
    assert 'action="/haku/admin/logout"' in mounted
    assert 'href="/haku/admin/jobs"' not in client.get("/admin/").get_data(as_text=True)


def test_a_revoked_session_is_refused_on_the_next_request(app, make):
    make.company("acme")
    mine, other = app.test_client(), app.test_client()
    for c in (mine, other):
        c.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
        assert c.get("/admin/notifications/badge").status_code == 200
    mine.post("/admin/logout")  # ends every session of the user (the session version moves on)
    assert mine.get("/admin/notifications/badge").status_code == 302
    assert other.get("/admin/notifications/badge").status_code == 302
    other.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    assert other.get("/admin/notifications/badge").status_code == 200
    user = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    user.is_enabled = False
    db.session.commit()
    assert other.get("/admin/notifications/badge").status_code == 302


def test_the_nav_follows_the_role_on_the_next_request(client, make):
    """The nav's markup is reused per (language, endpoint, the role's links); the links are
    asked per request, so a role changed in the database shows on the next page."""
    _, user = _login(make, client)

    def nav() -> str:
        return re.search(r'<nav class="main-nav".*?</nav>', client.get("/admin/").get_data(as_text=True),
                         re.DOTALL).group(0)

    admin_nav = nav()
    assert 'href="/admin/jobs"' in admin_nav and 'href="/admin/settings' in admin_nav
    db.session.execute(User.__table__.update().where(User.id == user.id).values(role="interviewer"))
    db.session.commit()
    interviewer_nav = nav()
    assert 'href="/admin/jobs"' not in interviewer_nav and 'href="/admin/settings' not in interviewer_nav
    assert 'href="/admin/applications"' in interviewer_nav
    db.session.execute(User.__table__.update().where(User.id == user.id).values(role="admin"))
    db.session.commit()
    assert nav() == admin_nav


def _page_token(client) -> str:
    return re.search(r'"X-CSRFToken": "([^"]+)"', client.get("/admin/").get_data(as_text=True)).group(1)


def test_the_csrf_token_is_signed_once_per_session_and_dies_with_it(app, client, make, monkeypatch):
    """The layout's CSRF token is signed once per (key, session's raw token) and reused; it
    still works, and a logout (a new session, a new raw token) makes it worthless. Every
    signing gets its own timestamp here, as two pages a second apart would (CI, session 26:
    the session's first page signed a token it did not keep, so the second page's differed
    whenever the two fell in different seconds; and Flask-WTF's context processor shadowed the
    global, so every page signed anew)."""
    from itertools import count

    from itsdangerous import TimestampSigner

    ticks = count(1_800_000_000)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: next(ticks))
    company, user = _login(make, client)
    job = make.job(company)
    first = _page_token(client)
    assert _page_token(client) == first
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert client.post("/admin/notifications/read", headers={"X-CSRFToken": first}).status_code == 302
        assert client.post("/admin/notifications/read").status_code == 400  # no token: refused
        client.post("/admin/logout", data={"csrf_token": first})
        client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD,
                                          "csrf_token": _login_token(client)})
        second = _page_token(client)
        assert second != first
        assert client.post("/admin/notifications/read", headers={"X-CSRFToken": first}).status_code == 400
        assert client.post("/admin/notifications/read", headers={"X-CSRFToken": second}).status_code == 302
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert job.id and user.id


def _login_token(client) -> str:
    from tests.support.clients import csrf_token

    return csrf_token(client)


def test_the_security_headers_leave_a_views_own_and_keep_their_order(app_config):
    """``_headers`` (app/security.py) reads the names present once instead of Werkzeug's
    ``setdefault`` per header: a header the view set itself (in any case) is left as it is,
    the others are added after it in the same order, ``Cache-Control`` is still forced on a
    private page, and production adds HSTS only where the view set none."""
    from app import create_app

    app = create_app({**app_config, "NAME": "testing"})

    @app.get("/__floor18/own")
    def own():
        response = app.response_class("<p>x</p>", mimetype="text/html")
        response.headers["x-frame-options"] = "SAMEORIGIN"
        response.headers["Content-Security-Policy"] = "default-src 'none'"
        response.headers["Cache-Control"] = "max-age=60"
        return response

    @app.get("/__floor18/plain")
    def plain():
        return "<p>x</p>"

    client = app.test_client()
    own_headers = [(k, v) for k, v in client.get("/__floor18/own").headers if k != "X-Request-ID"]
    assert own_headers == [
        ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "8"), ("x-frame-options", "SAMEORIGIN"),
        ("Content-Security-Policy", "default-src 'none'"), ("Cache-Control", "max-age=60"),
        ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("Vary", "HX-Request, Cookie")]
    plain_headers = [(k, v) for k, v in client.get("/__floor18/plain").headers if k != "X-Request-ID"]
    from app.security import CSP

    assert plain_headers == [
        ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "8"), ("Content-Security-Policy", CSP),
        ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"),
        ("Vary", "HX-Request, Cookie")]
    admin = app.test_client().get("/admin/login")
    assert admin.headers["Referrer-Policy"] == "same-origin" and admin.headers["Cache-Control"] == "no-store"
    assert admin.headers.getlist("Cache-Control") == ["no-store"]


def test_the_layouts_csrf_token_is_one_per_request_and_the_bell_labelled(client, make):
    """The layout asks ``csrf_token()`` twice (the htmx header and the logout form): the second
    call returns the request's token as Flask-WTF would, and the bell's label in the layout and
    in the page (the layout's ``chrome``) and in the bell's own poll (``admin_chrome()``) is the same."""
    _login(make, client)
    body = client.get("/admin/notifications/badge?lang=fi").get_data(as_text=True)
    header = re.search(r'"X-CSRFToken": "([^"]+)"', body).group(1)
    assert re.findall(r'name="csrf_token" value="([^"]+)"', body) == [header]
    assert body.count('<span class="visually-hidden"> lukematonta</span>') == 2
    poll = client.get("/admin/notifications/badge", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert '<span class="visually-hidden"> lukematonta</span>' in poll
    assert client.post("/admin/notifications/read", data={"csrf_token": header}).status_code in (200, 302, 303)


def test_the_session_cookie_follows_the_signing_keys(app_config):
    """The session's serializer is kept per signing key (``SessionCookies``, app/security.py):
    a cookie signed with a key no longer configured is refused on the very next request, and
    one signed with a key moved to ``SECRET_KEY_FALLBACKS`` is still read."""
    from flask import session

    from app import create_app

    app = create_app({**app_config, "SECRET_KEY": "first-key-0123456789abcdef0123456789"})

    @app.get("/__floor18/put")
    def put():
        session["x"] = request.args["v"]
        return "ok"

    @app.get("/__floor18/get")
    def get():
        return session.get("x", "none")

    client = app.test_client()
    client.get("/__floor18/put?v=1")
    assert client.get("/__floor18/get").text == "1"
    app.config["SECRET_KEY"] = "second-key-0123456789abcdef0123456789"
    assert client.get("/__floor18/get").text == "none"  # signed with a key no longer known
    client.get("/__floor18/put?v=2")
    assert client.get("/__floor18/get").text == "2"
    app.config.update(SECRET_KEY="third-key-0123456789abcdef0123456789",
                      SECRET_KEY_FALLBACKS=["second-key-0123456789abcdef0123456789"])
    assert client.get("/__floor18/get").text == "2"  # the old key, now a fallback
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert client.get("/__floor18/get").text == "none"
