"""SECURITY_BAR.md, item by item, where no feature test file is the natural home: the index
of named tests, headers and CSP on every response (item 11), failing closed (item 5),
session rotation and cookie settings (items 8, 9)."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from app.clock import utcnow
from app.extensions import db
from tests.support.builders import PASSWORD
from tests.support.html import inline_problems
from tests.support.mail import text_of
from tests.support.routes import assert_walked, fill

ROOT = Path(__file__).resolve().parent.parent
BAR = ROOT / "docs" / "SECURITY_BAR.md"

# ---------------------------------------------------------------- the index

def _bar_items() -> list[int]:
    numbers = [int(m.group(1)) for m in re.finditer(r"^(\d+)\. ", BAR.read_text(encoding="utf-8"), re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1)), "SECURITY_BAR.md items must be numbered 1..N"
    return numbers


def _named_tests() -> set[int]:
    found: set[int] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                match = re.match(r"test_bar_(\d+)_", node.name)
                if match:
                    found.add(int(match.group(1)))
    return found


def _item_params():
    return [pytest.param(n, id=f"item-{n}") for n in _bar_items()]


def test_bar_file_lists_47_items():
    assert _bar_items() == list(range(1, 48))


@pytest.mark.parametrize("item", _item_params())
def test_every_bar_item_has_a_named_test(item):
    assert item in _named_tests(), f"no test named test_bar_{item}_… under tests/"


# ---------------------------------------------------------------- item 11: headers on every response

EXPECTED_CSP = {"default-src": "'self'", "object-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'"}


def _csp(value: str) -> dict:
    out = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            out[words[0]] = " ".join(words[1:])
    return out


def _header_problems(resp, *, audience: str, production: bool = False) -> list[str]:
    problems = []
    h = resp.headers
    csp = _csp(h.get("Content-Security-Policy", ""))
    for directive, value in EXPECTED_CSP.items():
        if csp.get(directive) != value:
            problems.append(f"CSP {directive}={csp.get(directive)!r}")
    if "form-action" in csp:
        problems.append("CSP has form-action (the EMREX hand-off posts off-site)")
    if any(bad in h.get("Content-Security-Policy", "") for bad in ("unsafe-inline", "unsafe-eval", "*")):
        problems.append("CSP allows unsafe-inline/eval or a wildcard")
    if h.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    ctype = h.get("Content-Type", "")
    if ctype.startswith(("text/", "application/json")) and "charset=utf-8" not in ctype.lower() \
            and not ctype.startswith("application/json"):
        problems.append(f"no charset in {ctype}")
    if audience == "portal" and h.get("Referrer-Policy") != "no-referrer":
        problems.append(f"portal Referrer-Policy {h.get('Referrer-Policy')}")
    if audience == "private" and "no-store" not in h.get("Cache-Control", ""):
        problems.append(f"private page Cache-Control {h.get('Cache-Control')}")
    if production:
        hsts = re.search(r"max-age=(\d+)", h.get("Strict-Transport-Security", ""))
        if not hsts or int(hsts.group(1)) < 31536000:
            problems.append("no HSTS of a year")
    elif "Strict-Transport-Security" in h:
        problems.append("HSTS outside production (local http must keep working)")
    return problems


INLINE = "style attribute, <style>, inline <script>, on*= or hx-on attribute"


def _audience(endpoint: str) -> str:
    if endpoint.startswith(("admin.", "staff.")):
        return "private"
    if endpoint.startswith("portal.emrex") or endpoint == "partner_api.assessment_resume":
        return "private"  # a candidate's request, a candidate's CV
    if endpoint.startswith("portal."):
        return "portal"
    return "other"


def _portal_ids(world, mailbox) -> dict:
    """Ids and an invite token of tenant A for the candidate pages."""
    from app.emrex import services as emrex
    from tests.support.emrex import INVITE_URL as LINK

    application = db.session.get(__import__("app.applications.models", fromlist=["Application"]).Application,
                                 world["ids"]["a"]["application_id"])
    emrex.request_manually(application, world["user_a"])
    token = LINK.search(text_of(mailbox.messages[-1])).group(1)
    return {"slug": "alpha", "job_id": world["ids"]["a"]["job_id"], "emrex_token": token}


def _urls(app, world, portal: dict) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) for every route, with tenant A's ids."""
    from app.applications.models import StoredFile

    out = []
    ids = {**world["ids"]["a"], **portal}
    for rule in app.url_map.iter_rules():
        for url in fill(rule, ids) if rule.arguments else [rule.rule]:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                out.append((rule.endpoint, method, url))
    assert_walked({endpoint for endpoint, _, _ in out}, {rule.endpoint for rule in app.url_map.iter_rules()})
    assert db.session.scalar(select(StoredFile.id)) is not None
    return out


@pytest.mark.parametrize("who", ["anonymous", "company admin", "staff"])
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_bar_11_headers_and_strict_csp_on_every_route(app, client, auth, make, world, mailbox, who, htmx):
    """Every route (pages, htmx partials, JSON, files, redirects and whatever error the
    caller's role gets) carries the headers, and no HTML needs inline style or script."""
    portal = _portal_ids(world, mailbox)
    if who == "company admin":
        auth.login("boss@alpha.test")
    elif who == "staff":
        make.staff()
        auth.login("staff@haku.test")
    headers = {"HX-Request": "true"} if htmx else {}
    problems, statuses = [], set()
    for endpoint, method, url in _urls(app, world, portal):
        if endpoint in ("admin.logout",):
            continue
        resp = client.open(url, method=method, headers=headers, data={"name": "x"})
        statuses.add(resp.status_code)
        for problem in _header_problems(resp, audience=_audience(endpoint)) + inline_problems(resp):
            problems.append(f"{method} {url} → {resp.status_code}: {problem}")
    assert not problems, "\n".join(problems[:40])
    assert 200 in statuses and (404 in statuses or 403 in statuses or 302 in statuses)


def _crash(app, monkeypatch):
    """One named call made to raise: the careers page's query."""
    from app.portal import views

    def boom(*args, **kwargs):
        raise RuntimeError("injected crash")

    monkeypatch.setattr(views, "_company", boom)


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("code", [400, 401, 403, 404, 405, 413, 429, 500])
def test_bar_11_error_pages_carry_the_headers(app, client, auth, make, monkeypatch, code, htmx):
    make.company("acme")
    headers = {"HX-Request": "true"} if htmx else {}
    audience = "private"  # the login page is the admin's; the 404 and 500 below are the portal's
    if code == 400:
        app.config["WTF_CSRF_ENABLED"] = True
        resp = client.post("/admin/login", data={"email": "x", "password": "y"}, headers=headers)
        app.config["WTF_CSRF_ENABLED"] = False
    elif code == 401:
        resp = client.post("/admin/login", data={"email": "admin@acme.test", "password": "wrong password"},
                           headers=headers)
    elif code == 403:
        auth.login("admin@acme.test")
        resp, audience = client.get("/staff/", headers=headers), "private"
    elif code == 404:
        resp, audience = client.get("/c/acme/jobs/999999", headers=headers), "portal"
    elif code == 405:
        resp, audience = client.delete("/c/acme/", headers=headers), "portal"
    elif code == 413:
        resp = client.post("/admin/login", data={"email": "x" * (26 * 1024 * 1024)}, headers=headers)
    elif code == 429:
        from app import create_app

        limited = create_app({**app.config, "RATELIMIT_ENABLED": True}).test_client()
        for _ in range(6):
            resp = limited.post("/admin/login", data={"email": "admin@acme.test", "password": "nope nope"},
                                headers=headers)
    else:
        _crash(app, monkeypatch)
        resp, audience = client.get("/c/acme/", headers=headers), "portal"
    assert resp.status_code == code
    assert not _header_problems(resp, audience=audience), _header_problems(resp, audience=audience)
    assert not inline_problems(resp), inline_problems(resp)
    body = resp.get_data(as_text=True)
    if code not in (401, 429):  # the login form (also when held) is a plain page, also when htmx asks
        assert ("<html" in body) is (not htmx)
    assert "Traceback" not in body and "injected crash" not in body


def test_bar_11_partner_errors_are_json_with_the_headers(client):
    resp = client.post("/partner/v1/boards/topcv/unknown/events", data=b"{}", content_type="application/json")
    assert resp.status_code == 404 and resp.is_json
    assert not _header_problems(resp, audience="other")


def test_bar_11_hsts_and_headers_in_production(app_config):
    from app import create_app

    prod = create_app({**app_config, "NAME": "production", "SESSION_COOKIE_SECURE": True,
                       "SESSION_COOKIE_NAME": "__Host-haku_session", "DEMO_DATA_ALLOWED": False,
                       "BASE_URL": "https://haku.example", "HAKU_ENCRYPTION_KEYS": "p1:" + "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="})
    client = prod.test_client()
    for url, audience in (("/", "portal"), ("/admin/login", "private"), ("/nope", "other"), ("/healthz", "other")):
        resp = client.get(url, base_url="https://haku.example")
        assert not _header_problems(resp, audience=audience, production=True), url


def test_bar_11_templates_have_no_inline_style_or_script():
    """The source, not only the pages a walk reaches (fragments behind rare states too)."""
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"\sstyle\s*=", r"<style", r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))", r"\son[a-z]+\s*=\s*[\"']",
                        r"\shx-on", r"javascript:"):
            if re.search(pattern, text, re.IGNORECASE):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert not offenders, offenders


# ---------------------------------------------------------------- item 5: authorization fails closed

@pytest.mark.parametrize("url", ["/admin/applications", "/admin/settings/users", "/staff/", "/admin/account"])
def test_bar_5_an_exception_in_a_permission_check_fails_closed_and_is_logged(client, auth, make, monkeypatch,
                                                                             caplog, url):
    make.company("acme")
    auth.login("admin@acme.test")

    def broken(kind):
        raise RuntimeError("role lookup failed")

    monkeypatch.setattr("app.security._allowed", broken)  # the one named call made to raise
    with caplog.at_level("WARNING"):
        resp = client.get(url)
        hx = client.get(url, headers={"HX-Request": "true"})
    assert resp.status_code == 403 and hx.status_code == 403
    assert "role lookup failed" not in resp.get_data(as_text=True) + hx.get_data(as_text=True)
    assert any("permission check failed" in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- items 8 and 9: sessions and cookies

def test_bar_8_session_id_rotates_at_login(app, make):
    make.company("acme")
    browser = app.test_client()
    browser.get("/?lang=fi")  # an anonymous session (a planted or fixated cookie would be this one)
    before = browser.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    browser.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    after = browser.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    assert after != before
    # the pre-login cookie grants nothing
    attacker = app.test_client()
    attacker.set_cookie(app.config["SESSION_COOKIE_NAME"], before)
    assert attacker.get("/admin/").status_code == 302
    # logging in again (another browser) gives another cookie; the first one stays valid until logout
    again = app.test_client()
    again.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    assert again.get_cookie(app.config["SESSION_COOKIE_NAME"]).value != after


def test_bar_8_cookie_from_before_account_disable_is_revoked(app, make):
    from app.accounts import services
    from app.accounts.models import User

    make.company("acme")
    first = app.test_client()
    first.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    stolen = first.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    user = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
    services.set_user_enabled(user, False)
    replay = app.test_client()
    replay.set_cookie(app.config["SESSION_COOKIE_NAME"], stolen)
    resp = replay.get("/admin/")
    assert resp.status_code == 302 and "/admin/login" in resp.headers["Location"]


def _set_cookie(resp, name: str) -> str:
    (cookie,) = [c for c in resp.headers.getlist("Set-Cookie") if c.startswith(f"{name}=")]
    return cookie


def test_bar_9_production_cookie_is_host_prefixed_and_secure(app_config, make):
    from app import create_app
    from app.config import load_config

    prod_settings = load_config("production")
    assert prod_settings["SESSION_COOKIE_NAME"].startswith("__Host-") and prod_settings["SESSION_COOKIE_SECURE"]
    prod = create_app({**app_config, "NAME": "production", "SESSION_COOKIE_SECURE": True,
                       "SESSION_COOKIE_NAME": prod_settings["SESSION_COOKIE_NAME"], "DEMO_DATA_ALLOWED": False,
                       "BASE_URL": "https://haku.example",
                       "HAKU_ENCRYPTION_KEYS": "p1:" + "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="})
    make.company("acme")
    client = prod.test_client()
    page = client.get("/admin/login", base_url="https://haku.example").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    resp = client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD, "csrf_token": token},
                       base_url="https://haku.example", headers={"Referer": "https://haku.example/admin/login"})
    assert resp.status_code == 302
    for name in ("__Host-haku_session", "__Host-haku_device"):  # the session, the sign-in device cookie
        cookie = _set_cookie(resp, name)
        attrs = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
        assert {"secure", "httponly", "path"} <= attrs and "domain" not in attrs
        assert "Path=/" in cookie and "SameSite=Lax" in cookie


def test_bar_9_local_http_cookie_works_without_secure(client, make):
    make.company("acme")
    resp = client.post("/admin/login", data={"email": "admin@acme.test", "password": PASSWORD})
    for name in ("haku_session", "haku_device"):
        cookie = _set_cookie(resp, name)
        assert "Secure" not in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/admin/").status_code == 200


def test_bar_9_admin_session_ends_after_12_hours_even_when_active(client, auth, make):
    make.company("acme")
    start = utcnow()
    with freeze_time(start):
        auth.login("admin@acme.test")
    minute = start
    while minute < start + timedelta(hours=11, minutes=50):
        minute += timedelta(minutes=20)
        with freeze_time(minute):
            assert client.get("/admin/").status_code == 200, minute - start
    with freeze_time(start + timedelta(hours=12, minutes=1)):
        resp = client.get("/admin/")
    assert resp.status_code == 302 and "/admin/login" in resp.headers["Location"]


def test_bar_9_staff_session_idles_out_after_30_minutes(client, auth, make):
    make.staff()
    start = utcnow()
    with freeze_time(start):
        auth.login("staff@haku.test")
        assert client.get("/staff/").status_code == 200
    with freeze_time(start + timedelta(minutes=31)):
        assert client.get("/staff/").status_code == 302


def test_bar_9_portal_session_lasts_60_minutes(client, make, mailbox):
    from app.emrex import services as emrex
    from tests.support.emrex import INVITE_URL as LINK

    company = make.company("acme")
    company.emrex_enabled = True
    db.session.commit()
    job = make.job(company, "Trainee")
    application = make.application(job)
    start = utcnow()
    with freeze_time(start):
        emrex.request_manually(application, make.admin_of(company))
        token = LINK.search(text_of(mailbox.messages[-1])).group(1)
        assert client.get(f"/emrex/r/{token}").status_code == 303
    with freeze_time(start + timedelta(minutes=59)):
        assert client.get("/emrex/request").status_code == 200
    with freeze_time(start + timedelta(minutes=61)):
        assert client.get("/emrex/request").status_code == 404


# ---------------------------------------------------------------- item 35: secrets at rest and key rotation

NEW_KEY = "k2027:" + "bmV3LWhha3Uta2V5LWZvci0yMDI3LXJvdGF0aW9uISE="


def _raw(column: str, table: str = "partner_integrations") -> list[str]:
    from sqlalchemy import text

    db.session.expire_all()
    return [v for (v,) in db.session.execute(text(f"SELECT {column} FROM {table} ORDER BY id")) if v]


def test_bar_35_stored_secrets_are_ciphertext_and_survive_a_key_rotation(app, client, make, mailbox, runner):
    from app.emrex import services as emrex
    from app.partners import services as partners
    from app.partners.models import PartnerIntegration
    from tests.support.boards import API_KEY, SECRET, connect, event, signed
    from tests.support.emrex import INVITE_URL as LINK

    old_keys = app.config["HAKU_ENCRYPTION_KEYS"]
    old_kid = old_keys.split(":")[0]
    company = make.company("acme")
    company.emrex_enabled = True
    integration = connect(company)
    application = make.application(make.job(company, "Trainee"))
    emrex.request_manually(application, make.admin_of(company))
    invite = LINK.search(text_of(mailbox.messages[-1])).group(1)
    # at rest: ciphertext with its key id, never the plaintext
    stored = _raw("api_key_enc") + _raw("signing_secret_enc") + _raw("token_encrypted", "emrex_requests")
    assert len(stored) == 3 and all(v.startswith(f"{old_kid}:") for v in stored)
    assert not any(plain in v for v in stored for plain in (API_KEY, SECRET, invite))

    # rotation step 1: a new key first, the old one kept → old values readable, new ones on the new key
    app.config["HAKU_ENCRYPTION_KEYS"] = f"{NEW_KEY},{old_keys}"
    db.session.expire_all()
    integration = db.session.get(PartnerIntegration, integration.id)
    assert partners.api_key(integration) == API_KEY
    body, headers = signed(SECRET, event("job.approved", {"board_job_id": "TCV-9", "reason": None}))
    assert client.post(f"/partner/v1/boards/topcv/{integration.external_id}/events", data=body,
                       headers=headers).status_code == 202  # the old-key signing secret still verifies
    assert app.test_client().get(f"/emrex/r/{invite}").status_code == 303

    # rotation step 2: re-encrypt everything, then drop the old key
    result = runner.invoke(args=["secrets", "reencrypt"])
    assert result.exit_code == 0, result.output
    assert "partner_integrations.api_key_enc: 1 re-encrypted" in result.output
    assert "emrex_requests.token_encrypted: 1 re-encrypted" in result.output
    stored = _raw("api_key_enc") + _raw("signing_secret_enc") + _raw("token_encrypted", "emrex_requests")
    assert len(stored) == 3 and all(v.startswith("k2027:") for v in stored)
    again = runner.invoke(args=["secrets", "reencrypt"])
    assert "partner_integrations.api_key_enc: 0 re-encrypted" in again.output  # safe to repeat
    app.config["HAKU_ENCRYPTION_KEYS"] = NEW_KEY
    db.session.expire_all()
    integration = db.session.get(PartnerIntegration, integration.id)
    assert partners.api_key(integration) == API_KEY and partners.signing_secrets(integration) == [SECRET]
    assert app.test_client().get(f"/emrex/r/{invite}").status_code == 303
    app.config["HAKU_ENCRYPTION_KEYS"] = old_keys


def test_bar_35_reencrypt_refuses_when_a_key_is_missing_and_changes_nothing(app, make, runner):
    from tests.support.boards import connect

    old_keys = app.config["HAKU_ENCRYPTION_KEYS"]
    connect(make.company("acme"))
    before = _raw("api_key_enc") + _raw("signing_secret_enc")
    app.config["HAKU_ENCRYPTION_KEYS"] = NEW_KEY  # the old key dropped too early
    try:
        result = runner.invoke(args=["secrets", "reencrypt"])
    finally:
        app.config["HAKU_ENCRYPTION_KEYS"] = old_keys
    assert result.exit_code != 0 and "keep every old key listed" in result.output
    assert _raw("api_key_enc") + _raw("signing_secret_enc") == before


# ---------------------------------------------------------------- items 7 and 10: small facts the walks rely on

def test_bar_10_only_the_emrex_return_and_partner_calls_are_csrf_exempt(app):
    from app.extensions import csrf

    exempt_views = {name.rsplit(".", 1)[-1] for name in csrf._exempt_views}
    assert exempt_views == {"emrex_return"}
    assert {bp if isinstance(bp, str) else bp.name for bp in csrf._exempt_blueprints} == {"partner_api"}
    mutating = {rule.endpoint for rule in app.url_map.iter_rules() if rule.methods - {"GET", "HEAD", "OPTIONS"}}
    assert "portal.emrex_return" in mutating


def test_bar_10_csrf_is_on_in_every_config_but_unit_tests():
    from app.config import load_config

    for name in ("development", "production"):
        assert load_config(name)["WTF_CSRF_ENABLED"] is True


def test_bar_7_the_common_password_list_is_shipped_and_complete(app):
    from app.accounts import services

    common = services._common_passwords()
    assert len(common) >= 10_000
    assert {"123456", "password", "qwerty", "iloveyou", "password1", "football"} <= common
    for word in ("password", "iloveyou", "password1", "football", "PASSWORD1"):  # 8+ characters, still refused
        assert "too common" in services.password_problem(word), word
    assert services.password_problem("x" * 64) is None  # 64 characters are allowed
