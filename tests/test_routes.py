"""Route walk: every route is deliberately public or guarded; tenant B's ids are 404 for
tenant A on every route (pages and HTMX fragments); CSRF guards every state change."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from tests.support.clients import csrf_token
from tests.support.routes import assert_walked, fill

PUBLIC_ENDPOINTS = {"static"}  # everything else public carries @public


def _view(app, endpoint):
    return app.view_functions[endpoint]


def test_bar_2_every_route_is_public_on_purpose_or_guarded(app):
    unguarded = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        auth = getattr(_view(app, rule.endpoint), "haku_auth", None)
        if auth is None:
            unguarded.append(rule.rule)
    assert not unguarded, f"routes without @public or an auth decorator: {unguarded}"


def _public_rules(app):
    return {rule.endpoint for rule in app.url_map.iter_rules()
            if rule.endpoint in PUBLIC_ENDPOINTS or getattr(_view(app, rule.endpoint), "haku_auth", None) == "public"}


def test_public_routes_are_the_reviewed_allowlist(app):
    allowed = {"static", "portal.home", "portal.favicon", "portal.healthz", "portal.readyz", "portal.careers", "portal.job", "portal.apply",
               "portal.applied", "admin.login", "portal.your_data", "portal.your_data_download",
               "admin.forgot_password", "admin.set_password",  # the user lifecycle: forgot password, set-password links
               "admin.login_code",  # the code step of two-factor sign-in (before anyone is logged in)
               # the careers site for search engines and readers: only what the careers page shows
               "portal.sitemap", "portal.jobs_feed", "portal.privacy_notice", "portal.company_brand",
               "portal.company_logo"}
    extra_prefixes = ("portal.emrex", "partner_api.",  # EMREX candidate pages and signed partner calls
                      "portal.interview_")  # the interview scheduling link (an unguessable token, expiry)
    unexpected = {e for e in _public_rules(app) if e not in allowed and not e.startswith(extra_prefixes)}
    assert not unexpected, f"new public routes need review: {unexpected}"


# ---------------------------------------------------------------- a world with two tenants (the ``world`` fixture)

def _tenant_rules(app):
    for rule in app.url_map.iter_rules():
        auth = getattr(_view(app, rule.endpoint), "haku_auth", None)
        if auth in ("company", "admin") and rule.arguments:
            yield rule


def _snapshot(company_id: int) -> dict:
    from app import models

    out = {}
    for model in (models.Job, models.Stage, models.Application, models.Automation, models.JobTemplate,
                  models.EmailTemplate, models.TimelineEvent, models.StageEntry):
        rows = db.session.scalars(select(model).where(model.company_id == company_id)).all()
        out[model.__name__] = sorted(repr(sorted((k, str(v)) for k, v in vars(r).items() if not k.startswith("_")))
                                     for r in rows)
    return out


#: Routes whose URL parameters name no tenant's row (walked with A's ids below; their tenant
#: isolation is tested on their own).
NO_TENANT_ROW = {"admin.report": "a report's key; tests/reports/test_reports.py checks isolation",
                 "admin.report_csv": "a report's key; tests/reports/test_reports.py checks isolation"}


def test_bar_1_tenant_b_ids_are_404_for_tenant_a_everywhere(app, client, auth, world):
    auth.login("boss@alpha.test")
    before = _snapshot(world["b"].id)
    checked, walked = 0, set()
    for rule in _tenant_rules(app):
        if rule.endpoint in NO_TENANT_ROW:
            continue
        walked.add(rule.endpoint)
        for url in fill(rule, world["ids"]["b"]):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                for headers in ({}, {"HX-Request": "true"}):
                    resp = client.open(url, method=method, headers=headers,
                                       data={"stage_id": world["ids"]["b"]["stage_id"], "name": "x", "text": "x",
                                             "job_id": world["ids"]["b"]["job_id"]})
                    assert resp.status_code == 404, f"{method} {url} {headers} → {resp.status_code}"
                    assert "Bravo" not in resp.get_data(as_text=True)
                    checked += 1
    assert assert_walked(walked, {r.endpoint for r in app.url_map.iter_rules()
                                  if getattr(_view(app, r.endpoint), "haku_auth", None) in ("company", "admin")
                                  and r.arguments}, NO_TENANT_ROW) > 40
    assert checked > 40
    db.session.expire_all()
    assert _snapshot(world["b"].id) == before


def test_bar_1_foreign_ids_in_list_filters_are_404(client, auth, world):
    auth.login("boss@alpha.test")
    assert client.get(f"/admin/applications?job={world['ids']['b']['job_id']}").status_code == 404
    body = client.get("/admin/applications?q=cand").get_data(as_text=True)
    assert "Bravo" not in body and "Alpha job" in body


def test_own_ids_work_on_get_routes(app, client, auth, world):
    """The same walk with A's own ids: every GET answers 200 (so the 404s above mean something)."""
    auth.login("boss@alpha.test")
    walked = set()
    for rule in _tenant_rules(app):
        if "GET" not in rule.methods:
            continue
        walked.add(rule.endpoint)
        for url in fill(rule, world["ids"]["a"]):
            for headers in ({}, {"HX-Request": "true"}):
                resp = client.get(url, headers=headers)
                assert resp.status_code == 200, f"GET {url} {headers} → {resp.status_code}"
                if headers and rule.endpoint not in ("admin.application_cv",):
                    body = resp.get_data(as_text=True)
                    if "job_edit" not in rule.endpoint and "edit" not in rule.endpoint and "new" not in rule.endpoint:
                        assert "<html" not in body or rule.endpoint in FULL_PAGE_ONLY, rule.endpoint
    assert assert_walked(walked, {r.endpoint for r in _tenant_rules(app) if "GET" in r.methods}) > 15


FULL_PAGE_ONLY = {"admin.job_edit", "admin.template_edit", "admin.email_template_edit", "admin.template_new",
                  "admin.posting_link", "admin.partner_log",
                  "admin.candidate_erase",  # the erasure confirmation is a page of its own
                  "admin.applications_bulk_detail",  # a bulk action's outcome, linked as a page
                  # interviews: pages linked from the user menu, the account page and a job's links
                  "admin.interview_plan", "admin.my_interviews", "admin.availability_page",
                  "admin.report"}  # a report is a page of its own (a GET form, no HTMX)


def test_bar_2_every_private_route_needs_login(app, client, world):
    private, walked = set(), set()
    for rule in app.url_map.iter_rules():
        auth = getattr(_view(app, rule.endpoint), "haku_auth", None)
        if auth in (None, "public") or rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        private.add(rule.endpoint)
        urls = fill(rule, world["ids"]["a"]) if rule.arguments else [rule.rule]
        walked.add(rule.endpoint)
        for url in urls:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                resp = client.open(url, method=method)
                assert resp.status_code == 302 and "/admin/login" in resp.headers["Location"], \
                    f"{method} {url} → {resp.status_code}"
                hx = client.open(url, method=method, headers={"HX-Request": "true"})
                assert hx.status_code == 401 and "/admin/login" in hx.headers["HX-Redirect"]
    assert assert_walked(walked, private) > 60


def test_bar_3_staff_routes_refuse_company_users(app, client, auth, world):
    auth.login("boss@alpha.test")
    staff, walked = set(), set()
    for rule in app.url_map.iter_rules():
        if getattr(_view(app, rule.endpoint), "haku_auth", None) != "staff":
            continue
        staff.add(rule.endpoint)
        url = fill(rule, world["ids"]["a"])[0] if rule.arguments else rule.rule
        walked.add(rule.endpoint)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            assert client.open(url, method=method).status_code == 403, f"{method} {url}"
    assert assert_walked(walked, staff) > 10


# ---------------------------------------------------------------- CSRF

@pytest.fixture
def csrf_client(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False


def _row_counts() -> dict:
    from app import models

    return {m.__name__: db.session.scalar(select(func.count()).select_from(m))
            for m in (models.Job, models.Stage, models.Application, models.Automation, models.JobTemplate,
                      models.EmailTemplate, models.TimelineEvent, models.StageEntry, models.User,
                      models.Company, models.OutboxEmail, models.Notification)}


def _csrf_exempt(app) -> set[str]:
    """The reviewed exemptions (tests/test_security_bar.py checks the list itself)."""
    return {r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("partner_api.")}


def test_bar_10_csrf_enforced_on_every_state_change(app, csrf_client, world):
    token = csrf_token(csrf_client)
    resp = csrf_client.post("/admin/login", data={"email": "boss@alpha.test", "password": "correct horse battery staple",
                                                  "csrf_token": token})
    assert resp.status_code == 302
    other = app.test_client()
    other_token = csrf_token(other)
    before = _row_counts()
    checked, walked = 0, set()
    for rule in app.url_map.iter_rules():
        methods = rule.methods - {"GET", "HEAD", "OPTIONS"}
        if not methods or rule.endpoint in _csrf_exempt(app):
            continue
        urls = fill(rule, world["ids"]["a"]) if rule.arguments else [rule.rule]
        walked.add(rule.endpoint)
        for url in urls:
            for method in methods:
                for data, headers in (({}, {}), ({"csrf_token": "forged"}, {}), ({"csrf_token": other_token}, {}),
                                      ({}, {"X-CSRFToken": "forged", "HX-Request": "true"})):
                    resp = csrf_client.open(url, method=method, data={"name": "x", "text": "x", **data},
                                            headers=headers)
                    assert resp.status_code == 400, f"{method} {url} {data} {headers} → {resp.status_code}"
                    checked += 1
    mutating = {r.endpoint for r in app.url_map.iter_rules() if r.methods - {"GET", "HEAD", "OPTIONS"}}
    assert assert_walked(walked, mutating, skipped={e: "CSRF-exempt (signed partner calls, the EMREX return)"
                                                    for e in _csrf_exempt(app) if e in mutating}) > 60
    assert checked > 60
    db.session.expire_all()
    assert _row_counts() == before


def _all_rows() -> dict:
    """Every row of every table, by value: an UPDATE shows, not only an INSERT or DELETE."""
    out = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table)).all()
        out[table.name] = sorted(tuple(repr(v) for v in row) for row in rows)
    return out


def _changes(before: dict, after: dict) -> dict:
    return {name: {"gone": sorted(set(rows) - set(after[name]))[:3], "new": sorted(set(after[name]) - set(rows))[:3]}
            for name, rows in before.items() if rows != after[name]}


def test_bar_10_get_never_mutates(app, client, auth, world):
    """Row contents of every table are the same after each GET (as the company admin, and
    with no one signed in), not only the row counts. An assessment product whose list of
    tests is not cached yet is switched on (the settings and send pages used to fetch and log it)."""
    from tests.support.assessments import add_integration

    add_integration(world["a"], api_key="alva-key", connected=True)
    app.config["ASSESSMENT_VENDOR_URL"] = "http://127.0.0.1:9"  # nothing listens: a failed call, logged
    auth.login("boss@alpha.test")
    checked, walked = 0, set()
    for who, browser in (("boss@alpha.test", client), ("nobody", app.test_client())):
        db.session.expire_all()
        before = _all_rows()
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint == "static":
                continue
            walked.add(rule.endpoint)
            for url in (fill(rule, world["ids"]["a"]) if rule.arguments else [rule.rule]):
                browser.get(url)
                db.session.expire_all()
                after = _all_rows()
                assert after == before, f"GET {url} as {who} changed rows: {_changes(before, after)}"
                checked += 1
    gets = {r.endpoint for r in app.url_map.iter_rules() if "GET" in r.methods}
    assert assert_walked(walked, gets, skipped={"static": "files on disk, no database"}) > 60
    assert checked > 100
