"""Route walk: every route is deliberately public or guarded; tenant B's ids are 404 for
tenant A on every route (pages and HTMX fragments); CSRF guards every state change."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db

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
    allowed = {"static", "portal.home", "portal.healthz", "portal.readyz", "portal.careers", "portal.job", "portal.apply",
               "portal.applied", "admin.login", "portal.your_data", "portal.your_data_download",
               "admin.forgot_password", "admin.set_password",  # the user lifecycle: forgot password, set-password links
               "admin.login_code"}  # the code step of two-factor sign-in (before anyone is logged in)
    extra_prefixes = ("portal.emrex", "partner_api.")  # EMREX candidate pages and signed partner calls
    unexpected = {e for e in _public_rules(app) if e not in allowed and not e.startswith(extra_prefixes)}
    assert not unexpected, f"new public routes need review: {unexpected}"


# ---------------------------------------------------------------- a world with two tenants

@pytest.fixture
def world(app, make):
    from app.applications import automations
    from app.applications import services as applications
    from app.jobs import services as jobs
    from app.messaging.models import EmailTemplate, Notification
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()
    a, b = make.company("alpha"), make.company("bravo")
    ua = make.user(a, role="admin", email="boss@alpha.test")
    member_a, member_b = make.user(a, email="member@alpha.test"), make.user(b, email="member@bravo.test")
    job_a, job_b = make.job(a, "Alpha job"), make.job(b, "Bravo job")
    app_a, app_b = make.application(job_a), make.application(job_b)
    tpl_a = jobs.create_template(a.id, "Alpha template", {}, from_job=job_a)
    tpl_b = jobs.create_template(b.id, "Bravo template", {}, from_job=job_b)
    auto_b = automations.add_automation(job_b, stage_id=job_b.stages[1].id, email_template_id=None,
                                 move_to_stage_id=job_b.stages[2].id)
    auto_a = automations.add_automation(job_a, stage_id=job_a.stages[1].id, email_template_id=None,
                                 move_to_stage_id=job_a.stages[2].id)
    etpl_b = EmailTemplate(company_id=b.id, key="custom", name="Bravo mail", subject="s", body="b")
    etpl_a = EmailTemplate(company_id=a.id, key="custom", name="Alpha mail", subject="s", body="b")
    db.session.add_all([etpl_a, etpl_b])
    pending_b = applications.create_application(b.id, app_b.candidate, None, source="topcv",
                                                pending_reason="no match", pending_data={"job_title": "X"})
    pending_a = applications.create_application(a.id, app_a.candidate, None, source="topcv",
                                                pending_reason="no match", pending_data={"job_title": "X"})
    a.emrex_enabled = b.emrex_enabled = True
    emrex_a, emrex_b = _emrex_rows(app_a), _emrex_rows(app_b)
    boards_a, boards_b = _board_rows(a, job_a), _board_rows(b, job_b)
    db.session.commit()
    note_b = db.session.scalar(select(Notification).where(Notification.company_id == b.id))
    ids = {
        "a": {"job_id": job_a.id, "application_id": app_a.id, "stage_id": job_a.stages[1].id,
              "automation_id": auto_a.id, "template_id": tpl_a.id, "email_template_id": etpl_a.id,
              "pending_id": pending_a.id, "owner_job": job_a.id, "owner_template": tpl_a.id, **emrex_a,
              **boards_a, "user_id": member_a.id},
        "b": {"job_id": job_b.id, "application_id": app_b.id, "stage_id": job_b.stages[1].id,
              "automation_id": auto_b.id, "template_id": tpl_b.id, "email_template_id": etpl_b.id,
              "pending_id": pending_b.id, "owner_job": job_b.id, "owner_template": tpl_b.id, **emrex_b, **boards_b,
              "notification": note_b.id if note_b else None, "user_id": member_b.id},
    }
    return {"a": a, "b": b, "user_a": ua, "ids": ids}


def _emrex_rows(application) -> dict:
    """A request, attempt, transcript (raw document) and PDF attachment of ``application``."""
    from app.applications import files
    from app.emrex.models import EmrexAttachment, EmrexAttempt, EmrexRequest, EmrexTranscript
    from tests.conftest import PDF

    cid = application.company_id
    request = EmrexRequest(company_id=cid, application_id=application.id, status="completed")
    db.session.add(request)
    db.session.flush()
    attempt = EmrexAttempt(company_id=cid, request_id=request.id, emp_url="https://emp.example/x",
                           session_id=f"s{application.id:031d}", outcome="imported")
    db.session.add(attempt)
    db.session.flush()
    transcript = EmrexTranscript(company_id=cid, request_id=request.id, attempt_id=attempt.id,
                                 application_id=application.id, institution=f"University of {cid}",
                                 raw_file=files.store(cid, "elmo.xml", b"<elmo/>", "application/xml"))
    db.session.add(transcript)
    db.session.flush()
    attachment = EmrexAttachment(company_id=cid, transcript_id=transcript.id, file=files.store(cid, "t.pdf", PDF),
                                 title="Transcript")
    db.session.add(attachment)
    db.session.flush()
    return {"transcript_id": transcript.id, "attachment_id": attachment.id}


def _board_rows(company, job) -> dict:
    """TopCV connected, one posting and one logged delivery of ``company``."""
    from app.boards.models import Posting
    from app.partners.models import PartnerDelivery
    from tests.boards.conftest import connect

    integration = connect(company)
    posting = Posting(company_id=company.id, job_id=job.id, integration_id=integration.id, board_job_id=f"T{job.id}",
                      status="approved", payload={"title": job.title, "level": "junior"})
    delivery = PartnerDelivery(company_id=company.id, integration_id=integration.id, direction="out",
                               type="topcv.post_job", state="failed", target={"posting_id": 0})
    db.session.add_all([posting, delivery])
    db.session.flush()
    return {"posting_id": posting.id, "integration_id": integration.id, "delivery_id": delivery.id}


def _fill(rule, endpoint: str, ids: dict) -> list[str]:
    """Concrete URLs for a rule, with the given tenant's ids."""
    values = {}
    for arg in rule.arguments:
        if arg == "template_id":
            values[arg] = ids["email_template_id"] if "email_template" in endpoint else ids["template_id"]
        elif arg == "application_id":
            values[arg] = ids["pending_id"] if endpoint.startswith("admin.pending") else ids["application_id"]
        elif arg in ids:
            values[arg] = ids[arg]
        elif arg == "direction":
            values[arg] = "down"
        elif arg == "slug":
            values[arg] = None
        elif arg in ("kind", "owner_id"):
            continue
        else:
            return []
    urls = []
    if "kind" in rule.arguments:
        for kind, key in (("job", "owner_job"), ("template", "owner_template")):
            urls.append(rule.build({**values, "kind": kind, "owner_id": ids[key]}, append_unknown=False)[1])
    else:
        urls.append(rule.build(values, append_unknown=False)[1])
    return urls


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


def test_bar_1_tenant_b_ids_are_404_for_tenant_a_everywhere(app, client, auth, world):
    auth.login("boss@alpha.test")
    before = _snapshot(world["b"].id)
    checked = 0
    for rule in _tenant_rules(app):
        for url in _fill(rule, rule.endpoint, world["ids"]["b"]):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                for headers in ({}, {"HX-Request": "true"}):
                    resp = client.open(url, method=method, headers=headers,
                                       data={"stage_id": world["ids"]["b"]["stage_id"], "name": "x", "text": "x",
                                             "job_id": world["ids"]["b"]["job_id"]})
                    assert resp.status_code == 404, f"{method} {url} {headers} → {resp.status_code}"
                    assert "Bravo" not in resp.get_data(as_text=True)
                    checked += 1
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
    for rule in _tenant_rules(app):
        if "GET" not in rule.methods:
            continue
        for url in _fill(rule, rule.endpoint, world["ids"]["a"]):
            for headers in ({}, {"HX-Request": "true"}):
                resp = client.get(url, headers=headers)
                assert resp.status_code == 200, f"GET {url} {headers} → {resp.status_code}"
                if headers and rule.endpoint not in ("admin.application_cv",):
                    body = resp.get_data(as_text=True)
                    if "job_edit" not in rule.endpoint and "edit" not in rule.endpoint and "new" not in rule.endpoint:
                        assert "<html" not in body or rule.endpoint in FULL_PAGE_ONLY, rule.endpoint


FULL_PAGE_ONLY = {"admin.job_edit", "admin.template_edit", "admin.email_template_edit", "admin.template_new",
                  "admin.posting_link", "admin.partner_log"}


def test_bar_2_every_private_route_needs_login(app, client, world):
    for rule in app.url_map.iter_rules():
        auth = getattr(_view(app, rule.endpoint), "haku_auth", None)
        if auth in (None, "public") or rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        urls = _fill(rule, rule.endpoint, world["ids"]["a"]) if rule.arguments else [rule.rule]
        if rule.arguments and not urls:
            urls = [rule.build({a: 1 for a in rule.arguments}, append_unknown=False)[1]]
        for url in urls:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                resp = client.open(url, method=method)
                assert resp.status_code == 302 and "/admin/login" in resp.headers["Location"], \
                    f"{method} {url} → {resp.status_code}"
                hx = client.open(url, method=method, headers={"HX-Request": "true"})
                assert hx.status_code == 401 and "/admin/login" in hx.headers["HX-Redirect"]


def test_bar_3_staff_routes_refuse_company_users(app, client, auth, world):
    auth.login("boss@alpha.test")
    for rule in app.url_map.iter_rules():
        if getattr(_view(app, rule.endpoint), "haku_auth", None) != "staff":
            continue
        url = rule.build({a: world["a"].id for a in rule.arguments}, append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            assert client.open(url, method=method).status_code == 403, f"{method} {url}"


# ---------------------------------------------------------------- CSRF

@pytest.fixture
def csrf_client(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False


def _csrf_token(client, url="/admin/login") -> str:
    resp = client.get(url)
    body = resp.get_data(as_text=True)
    assert 'name="csrf_token"' in body, (resp.status_code, resp.headers, body[:300])
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', body).group(1)


def _row_counts() -> dict:
    from app import models

    return {m.__name__: db.session.scalar(select(func.count()).select_from(m))
            for m in (models.Job, models.Stage, models.Application, models.Automation, models.JobTemplate,
                      models.EmailTemplate, models.TimelineEvent, models.StageEntry, models.User,
                      models.Company, models.OutboxEmail, models.Notification)}


def test_bar_10_csrf_enforced_on_every_state_change(app, csrf_client, world):
    token = _csrf_token(csrf_client)
    resp = csrf_client.post("/admin/login", data={"email": "boss@alpha.test", "password": "correct horse battery staple",
                                                  "csrf_token": token})
    assert resp.status_code == 302
    other = app.test_client()
    other_token = _csrf_token(other)
    before = _row_counts()
    checked = 0
    for rule in app.url_map.iter_rules():
        methods = rule.methods - {"GET", "HEAD", "OPTIONS"}
        if not methods or rule.endpoint.startswith("partner_api."):
            continue
        urls = _fill(rule, rule.endpoint, world["ids"]["a"]) if rule.arguments else [rule.rule]
        for url in urls:
            for method in methods:
                for data, headers in (({}, {}), ({"csrf_token": "forged"}, {}), ({"csrf_token": other_token}, {}),
                                      ({}, {"X-CSRFToken": "forged", "HX-Request": "true"})):
                    resp = csrf_client.open(url, method=method, data={"name": "x", "text": "x", **data},
                                            headers=headers)
                    assert resp.status_code == 400, f"{method} {url} {data} {headers} → {resp.status_code}"
                    checked += 1
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
    from tests.assessments.conftest import add_integration

    add_integration(world["a"], api_key="alva-key", connected=True)
    app.config["ASSESSMENT_VENDOR_URL"] = "http://127.0.0.1:9"  # nothing listens: a failed call, logged
    auth.login("boss@alpha.test")
    checked = 0
    for who, browser in (("boss@alpha.test", client), ("nobody", app.test_client())):
        db.session.expire_all()
        before = _all_rows()
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint == "static":
                continue
            for url in (_fill(rule, rule.endpoint, world["ids"]["a"]) if rule.arguments else [rule.rule]):
                browser.get(url)
                db.session.expire_all()
                after = _all_rows()
                assert after == before, f"GET {url} as {who} changed rows: {_changes(before, after)}"
                checked += 1
    assert checked > 100
