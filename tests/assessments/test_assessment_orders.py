"""Settings per job and template, the trigger stage, "Send assessment", the vendor's answers
(through the sandbox over real HTTP), move on score, the card panel and list columns.
Tasks run inline here; test_worker.py runs them in a real worker."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.applications import services as applications
from app.applications.models import TimelineEvent
from app.assessments import services
from app.assessments.models import AssessmentOrder
from app.audit import AuditEntry
from app.extensions import db
from app.messaging.models import OutboxEmail
from app.partners.texts import describe
from tests.support.assessments import deliveries, vendor_linked
from tests.support.threads import at_once


@pytest.fixture
def world(app, make, vendor):
    company = make.company("acme", "Acme Oy")
    integration, secret, account = vendor_linked(vendor, company, "coding")
    job = make.job(company, "Backend developer")
    services.tests_of(integration)  # the vendor's list, cached
    db.session.commit()
    return {"company": company, "integration": integration, "secret": secret, "account": account, "job": job}


def _set(job, integration, trigger=None, move=None, test="alva-code-python"):
    return services.save_settings(job, integration_id=integration.id, partner_test_id=test,
                                  trigger_stage_id=trigger.id if trigger else None,
                                  move_threshold=move[0] if move else None,
                                  move_target_stage_id=move[1].id if move else None)


def _orders(application=None):
    stmt = select(AssessmentOrder).order_by(AssessmentOrder.id)
    if application is not None:
        stmt = stmt.where(AssessmentOrder.application_id == application.id)
    db.session.expire_all()
    return db.session.scalars(stmt).all()


def test_tests_come_from_the_vendor_and_are_cached(world, vendor):
    integration = world["integration"]
    tests, problem, fetched = services.tests_of(integration)
    assert problem is None and fetched
    assert [t["partner_test_id"] for t in tests] == ["alva-code-python", "alva-code-js"]
    assert [d.type for d in deliveries(integration.id, "out")] == ["alva.list_tests"]  # cached: one call
    tests, problem, _ = services.tests_of(integration, refresh=True)
    vendor.switches(api_500=5)
    tests_down, problem, _ = services.tests_of(integration, refresh=True)
    assert tests_down == tests and "could not be loaded" in describe(problem)  # the cached list, and why
    db.session.commit()
    vendor.switches(api_500=0)


def test_settings_validate_and_template_copies_map_stages(world, make):
    from app.jobs import services as jobs

    job, integration = world["job"], world["integration"]
    with pytest.raises(services.AssessmentError, match="vendor's tests"):
        _set(job, integration, test="not-a-test")
    other = make.job(world["company"], "Other")
    with pytest.raises(services.AssessmentError, match="stage of this pipeline"):
        _set(job, integration, trigger=other.stages[1])
    db.session.rollback()
    saved = _set(job, integration, trigger=job.stages[2], move=(70, job.stages[3]))
    assert saved["partner_test_name"] == "Python coding" and saved["trigger_stage_id"] == job.stages[2].id
    template = jobs.create_template(job.company_id, "Dev template", {}, from_job=job)
    copy = jobs.create_job(job.company_id, make.admin_of(world["company"]), {"title": "Copy"}, template_id=template.id)
    settings = services.settings_of(copy)
    assert settings["trigger_stage_id"] == copy.stages[2].id
    assert settings["move_on_score"] == {"threshold": 70, "target_stage_id": copy.stages[3].id}
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "assessment_settings")) == 1


def test_trigger_sends_once_on_first_entry_only(world, make, vendor):
    job, integration, admin = world["job"], world["integration"], make.admin_of(world["company"])
    _set(job, integration, trigger=job.stages[1])
    application = make.application(job)
    assert _orders() == []
    applications.move_to_stage(application, job.stages[1].id, admin)
    (order,) = _orders()
    assert order.status == "invited" and order.cause == "trigger"
    assert order.partner_interview_id.startswith("int_") and order.candidate_url.startswith(vendor.base)
    (iv,) = vendor.interviews(application.ref)
    assert iv["partner_test_id"] == "alva-code-python" and iv["candidate"]["email"] == application.candidate.email
    assert iv["callback_url"] == f"http://127.0.0.1:5000/partner/v1/assessments/{integration.external_id}"
    assert iv["candidate"]["resume_url"].startswith("http://127.0.0.1:5000/partner/v1/resumes/")
    invite = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "assessment_invite"))
    assert order.candidate_url in invite.body_text and invite.to_addr == application.candidate.email
    # back and forth: the second entry into the trigger stage sends nothing
    applications.move_to_stage(application, job.stages[0].id, admin)
    applications.move_to_stage(application, job.stages[1].id, admin)
    assert len(_orders()) == 1 and len(vendor.interviews(application.ref)) == 1


def test_never_two_open_orders_for_the_same_test(world, make, vendor):
    job, integration, admin = world["job"], world["integration"], make.admin_of(world["company"])
    _set(job, integration, trigger=job.stages[1])
    application = make.application(job)
    services.send_manually(application, integration.id, "alva-code-python", admin)
    with pytest.raises(services.AssessmentError, match="already sent"):
        services.send_manually(application, integration.id, "alva-code-python", admin)
    applications.move_to_stage(application, job.stages[1].id, admin)  # the trigger finds it open
    assert len(_orders(application)) == 1
    services.send_manually(application, integration.id, "alva-code-js", admin)  # another test is fine
    assert [o.partner_test_id for o in _orders(application)] == ["alva-code-python", "alva-code-js"]
    # the database itself refuses a twin open order
    twin = AssessmentOrder(company_id=application.company_id, application_id=application.id,
                           integration_id=integration.id, partner_test_id="alva-code-python",
                           open_key=_orders(application)[0].open_key)
    db.session.add(twin)
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_vendor_refusal_fails_the_order_with_its_message(world, make, vendor):
    """The sandbox refuses a send for an external ID it has no connection for (422)."""
    company = world["company"]
    account = vendor.account("personality_logic")
    integration, secret = services.create_integration(company, "personality_logic", api_key=account["api_key"],
                                                      is_active=True, actor=None)
    services.update_integration(integration, is_active=True, vendor_account_ref=account["ref"], actor=None)
    application = make.application(world["job"])
    services.send_manually(application, integration.id, "alva-logic", make.admin_of(company))
    (order,) = _orders(application)
    assert order.status == "failed" and "integration not connected" in order.status_detail
    assert order.open_key is None  # a new order may be tried
    (call,) = deliveries(integration.id, "out")
    assert call.state == "failed" and call.status_code == 422
    assert db.session.scalar(select(func.count(OutboxEmail.id)).where(OutboxEmail.kind == "assessment_invite")) == 0
    # the vendor connects the integration; the admin replays the failed call: the same order is sent
    vendor.connect(account["api_key"], "http://127.0.0.1:5000", integration.external_id, secret, call=False)
    from app.partners import services as partners

    partners.replay(call, make.admin_of(company))
    (order,) = _orders(application)
    assert order.status == "invited" and order.open_key is not None
    assert len(vendor.interviews(application.ref)) == 1


def test_sending_needs_a_connected_active_product_and_an_email(world, make):
    company, job = world["company"], world["job"]
    admin = make.admin_of(company)
    unconnected, _ = services.create_integration(company, "interviews", api_key="k", is_active=True, actor=admin)
    application = make.application(job)
    with pytest.raises(services.AssessmentError, match="not connected"):
        services.send_manually(application, unconnected.id, "alva-interview", admin)
    services.update_integration(world["integration"], is_active=False, actor=admin)
    with pytest.raises(services.AssessmentError, match="switched off"):
        services.send_manually(application, world["integration"].id, "alva-code-python", admin)
    other = make.company("bravo")
    foreign, _ = services.create_integration(other, "coding", api_key="k", is_active=True, actor=None)
    with pytest.raises(services.AssessmentError, match="Pick a test"):
        services.send_manually(application, foreign.id, "alva-code-python", admin)
    assert _orders() == []


def test_trigger_with_a_switched_off_product_leaves_a_note(world, make):
    job, integration, admin = world["job"], world["integration"], make.admin_of(world["company"])
    _set(job, integration, trigger=job.stages[1])
    services.update_integration(integration, is_active=False, actor=admin)
    application = make.application(job)
    applications.move_to_stage(application, job.stages[1].id, admin)
    assert _orders() == []
    note = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "assessment_not_sent"))
    assert "switched off" in note.data["reason"]
    assert application.stage_id == job.stages[1].id  # the move itself happened


def test_complete_with_passing_score_moves_once(world, make):
    job, integration, admin = world["job"], world["integration"], make.admin_of(world["company"])
    _set(job, integration, trigger=job.stages[1], move=(70, job.stages[2]))
    application = make.application(job)
    applications.move_to_stage(application, job.stages[1].id, admin)
    (order,) = _orders()
    done = {"partner_status": "complete", "partner_profile_url": "https://v.example/r", "partner_score": 85,
            "partner_max_score": 100, "sub_scores": [], "metadata": {}}
    services.apply_status(order, done)
    db.session.commit()
    db.session.refresh(application)
    assert application.stage_id == job.stages[2].id and order.moved_on_score
    entries = [e for e in db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id, TimelineEvent.kind == "stage_entered"))]
    assert entries[-1].data["cause"] == "automation"
    applications.move_to_stage(application, job.stages[1].id, admin)
    services.apply_status(order, {**done, "partner_score": 90})  # a second complete: no second move
    db.session.commit()
    db.session.refresh(application)
    assert application.stage_id == job.stages[1].id


def test_complete_below_threshold_stays(world, make):
    job, integration, admin = world["job"], world["integration"], make.admin_of(world["company"])
    _set(job, integration, trigger=job.stages[1], move=(70, job.stages[2]))
    application = make.application(job)
    applications.move_to_stage(application, job.stages[1].id, admin)
    (order,) = _orders()
    services.apply_status(order, {"partner_status": "complete", "partner_profile_url": "https://v.example/r",
                                  "partner_score": 69.5, "partner_max_score": 100})
    db.session.commit()
    db.session.refresh(application)
    assert application.stage_id == job.stages[1].id and not order.moved_on_score


def test_card_panel_action_and_list_columns(world, app, client, auth, make):
    from app.applications.columns import COLUMNS
    from app.applications.listing import ListQuery, list_applications

    job, integration, admin = world["job"], world["integration"], make.admin_of(world["company"])
    _set(job, integration)
    first, second = make.application(job, given="Aino"), make.application(job, given="Bea")
    services.send_manually(first, integration.id, "alva-code-python", admin)
    services.send_manually(second, integration.id, "alva-code-python", admin)
    o1, o2 = _orders()
    services.apply_status(o1, {"partner_status": "complete", "partner_profile_url": "https://v.example/r/1",
                               "partner_score": 91, "partner_max_score": 100,
                               "sub_scores": [{"title": "Basics", "value": 80, "max": 100}]})
    services.apply_status(o2, {"partner_status": "started"})
    db.session.commit()
    auth.login("admin@acme.test")
    card = client.get(f"/admin/applications/{first.id}").get_data(as_text=True)
    assert "Send assessment" in card and f"/admin/applications/{first.id}/assessment" in card
    assert "Python coding" in card and ">91<" in card and "https://v.example/r/1" in card and "Basics" in card
    fragment = client.get(f"/admin/applications/{first.id}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and f'id="assessment-panel-{first.id}"' in fragment
    lq = ListQuery(sort="assessment_score", direction="desc")
    page = list_applications(first.company_id, lq, ["candidate", "assessment_score", "assessment_status"])
    with app.test_request_context():
        assert [COLUMNS["assessment_score"].value(a) for a in page.rows] == ["91 / 100", ""]
        assert [COLUMNS["assessment_status"].value(a) for a in page.rows] == ["Complete", "Started"]
    filtered = list_applications(first.company_id, ListQuery(filters={"assessment_status": "started"}), ["candidate"])
    assert [a.id for a in filtered.rows] == [second.id]
    minimum = list_applications(first.company_id, ListQuery(filters={"assessment_score": "90"}), ["candidate"])
    assert [a.id for a in minimum.rows] == [first.id]
    client.post("/admin/applications/columns", data={"columns": ["candidate", "assessment_score",
                                                                 "assessment_status"]})
    listing = client.get("/admin/applications?sort=assessment_score").get_data(as_text=True)
    assert "Assessment score" in listing and "91 / 100" in listing and "Started" in listing


def test_send_page_and_settings_page(world, client, auth, make):
    job, integration = world["job"], world["integration"]
    application = make.application(job)
    auth.login(make.user(world["company"], email="rec@acme.test").email)
    page = client.get(f"/admin/assessments/settings/job/{job.id}").get_data(as_text=True)
    assert "Python coding" in page and "JavaScript coding" in page and "Alva Coding" in page
    resp = client.post(f"/admin/assessments/settings/job/{job.id}",
                       data={"test": f"{integration.id}:alva-code-js", "trigger_stage_id": job.stages[2].id,
                             "move_on_score": "y", "threshold": "75", "target_stage_id": job.stages[3].id})
    assert resp.status_code == 302
    db.session.refresh(job)
    assert services.settings_of(job)["partner_test_id"] == "alva-code-js"
    bad = client.post(f"/admin/assessments/settings/job/{job.id}", headers={"HX-Request": "true"},
                      data={"test": f"{integration.id}:alva-code-js", "move_on_score": "y", "threshold": "x",
                            "target_stage_id": job.stages[3].id})
    assert bad.status_code == 422 and "<html" not in bad.get_data(as_text=True)
    assert "must be a number" in bad.get_data(as_text=True)
    board = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    assert "Assessment settings" in board
    send_page = client.get(f"/admin/applications/{application.id}/assessment").get_data(as_text=True)
    assert f'value="{integration.id}:alva-code-js" selected' in send_page  # the job's test first
    sent = client.post(f"/admin/applications/{application.id}/assessment",
                       data={"test": f"{integration.id}:alva-code-js"})
    assert sent.status_code == 302
    again = client.post(f"/admin/applications/{application.id}/assessment",
                        data={"test": f"{integration.id}:alva-code-js"})
    assert again.status_code == 422 and "already sent" in again.get_data(as_text=True)
    assert len(_orders(application)) == 1


def test_foreign_ids_are_404(world, client, auth, make):
    other = make.company("bravo")
    other_job = make.job(other, "Bravo job")
    other_app = make.application(other_job)
    auth.login("admin@acme.test")
    for url in (f"/admin/assessments/settings/job/{other_job.id}", f"/admin/applications/{other_app.id}/assessment"):
        for headers in ({}, {"HX-Request": "true"}):
            assert client.get(url, headers=headers).status_code == 404
            assert client.post(url, headers=headers, data={"test": "1:x"}).status_code == 404
    foreign, _ = services.create_integration(other, "coding", api_key="k", is_active=True, actor=None)
    assert client.post(f"/admin/settings/assessments/{foreign.id}", data={"is_active": "y"}).status_code == 404
    assert client.get(f"/admin/integrations/{foreign.id}/log").status_code == 404
    assert _orders() == []


def test_resume_link_serves_the_cv_for_seven_days(world, client, make):
    from datetime import timedelta

    from freezegun import freeze_time

    from app.clock import utcnow

    application = make.application(world["job"])
    url = services.resume_url(application)
    path = url.removeprefix("http://127.0.0.1:5000")
    resp = client.get(path)
    assert resp.status_code == 200 and resp.data.startswith(b"%PDF")
    assert resp.headers["Content-Disposition"].startswith("attachment") and resp.headers["X-Content-Type-Options"]
    from app.logredact import redact

    assert path.rsplit("/", 1)[1] not in redact(f'"GET {path} HTTP/1.1" 200')  # never in access logs
    assert client.get(path[:-2] + "xx").status_code == 404
    assert client.get("/partner/v1/resumes/nonsense").status_code == 404
    with freeze_time(utcnow() + timedelta(days=8)):
        assert client.get(path).status_code == 404
    no_cv = make.application(world["job"], cv=False)
    assert services.resume_url(no_cv) is None


def test_vendor_down_until_dead_fails_the_order_then_a_replay_sends_it(world, make, vendor):
    """Retries (RQ, then the sweeper at 15 min … 8 h) run out: the order fails visibly, the
    admins are told; once the vendor is back the admin replays the call and the same order is sent."""
    from datetime import timedelta

    from freezegun import freeze_time

    from app.clock import utcnow
    from app.messaging.models import Notification
    from app.partners import services as partners

    company, integration = world["company"], world["integration"]
    application = make.application(world["job"])
    vendor.switches(api_500=100)
    services.send_manually(application, integration.id, "alva-code-python", make.admin_of(company))
    (order,) = _orders(application)
    assert order.status == "pending"  # the quick retries are used up; the sweeper goes on
    now = utcnow()
    for step in [*partners.SWEEP_SCHEDULE, partners.SWEEP_SCHEDULE[-1]]:
        now += step + timedelta(minutes=5)
        with freeze_time(now):
            partners.sweep_deliveries()
    (call,) = [d for d in deliveries(integration.id, "out") if d.type == "alva.send_test"]
    assert call.state == "dead" and call.attempts > len(partners.SWEEP_SCHEDULE)
    (order,) = _orders(application)
    assert order.status == "failed" and "could not be reached" in describe(order.status_detail) and order.open_key is None
    assert db.session.scalar(select(func.count(Notification.id)).where(Notification.kind == "integration_alert")) == 1
    assert vendor.interviews() == []
    vendor.switches(api_500=0)
    partners.replay(call, make.admin_of(company))
    (order,) = _orders(application)
    assert order.status == "invited" and len(vendor.interviews()) == 1


def test_two_parallel_sends_make_one_order(world, app_config, make):
    """Two recruiters press "Send assessment" at the same moment: one order, one clear refusal."""
    from app import create_app
    from app.accounts.models import User
    from app.applications.models import Application

    application = make.application(world["job"])
    admin_id, integration_id = make.admin_of(world["company"]).id, world["integration"].id
    application_id = application.id
    db.session.commit()
    web = create_app({**app_config, "RQ_ASYNC": True})  # the calls wait in Redis; no vendor needed
    def press():
        target = db.session.get(Application, application_id)
        actor = db.session.get(User, admin_id)
        services.send_manually(target, integration_id, "alva-code-python", actor)
        return "sent"

    outcomes = [o if isinstance(o, str) else str(o) if isinstance(o, services.AssessmentError) else repr(o)
                for o in at_once(web, press)]
    assert sorted(outcomes) == ["This test was already sent to the candidate and is not finished yet.", "sent"]
    assert len(_orders(application)) == 1
    assert len([d for d in deliveries(integration_id, "out") if d.type == "alva.send_test"]) == 1


def test_bar_34_assessment_vendor_down_the_settings_page_works_and_says_so(world, client, auth, make, vendor):
    integration = world["integration"]
    integration.cache = {**integration.cache, "tests_fetched_at": "2020-01-01T00:00:00"}  # stale
    db.session.commit()
    vendor.switches(api_500=5)
    auth.login("admin@acme.test")
    url = f"/admin/assessments/settings/job/{world['job'].id}"
    assert "Python coding" in client.get(url).get_data(as_text=True)  # the page reads the cache only
    refreshed = client.post(url, data={"refresh_tests": "1"})
    assert refreshed.status_code == 302 and refreshed.headers["Location"] == url
    page = client.get(url)
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "could not be loaded" in body and "sandbox switch api_500" in body
    assert "Python coding" in body  # the list from before
    (failed,) = [d for d in deliveries(integration.id, "out") if d.state == "failed"]
    assert failed.type == "alva.list_tests" and failed.status_code == 500
    vendor.switches(api_500=0)


def test_finding_assessment_settings_get_writes(world, client, auth, make, vendor):
    """Old code: opening the settings or "Send assessment" page with a stale list of tests
    called the vendor, wrote an outbound delivery row and rewrote the integration's cache (a
    GET that mutates). Now pages read the cache; the "Refresh the list of tests" button (a
    POST) asks the vendor, logs the call and updates the list, as page and as htmx fragment."""
    integration, job = world["integration"], world["job"]
    application = make.application(job)
    stale = {**integration.cache, "tests_fetched_at": "2020-01-01T00:00:00"}
    integration.cache = stale
    db.session.commit()
    calls = len(deliveries(integration.id, "out"))
    auth.login("admin@acme.test")
    pages = (f"/admin/assessments/settings/job/{job.id}", f"/admin/applications/{application.id}/assessment")
    for url in pages:
        for headers in ({}, {"HX-Request": "true"}):
            assert client.get(url, headers=headers).status_code == 200
    db.session.expire_all()
    assert len(deliveries(integration.id, "out")) == calls and integration.cache == stale
    fragment = client.post(pages[1], data={"refresh_tests": "1"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)
    db.session.expire_all()
    assert len(deliveries(integration.id, "out")) == calls + 1
    assert integration.cache["tests_fetched_at"] > "2020-01-01T00:00:00"
    assert _orders() == []  # a refresh never sends a test


def test_connecting_loads_the_test_list_for_the_pickers(app, client, make, vendor):
    """Pages only read the cached list (a GET never calls the vendor), so the vendor's
    "connect" callback queues the list: the job settings' picker is filled before a recruiter
    opens it, without pressing "Refresh the list of tests"."""
    from tests.support.assessments import add_integration, event, signed

    company = make.company("acme", "Acme Oy")
    account = vendor.account("coding", company.name)
    integration, secret = add_integration(company, "coding", api_key=account["api_key"])
    assert services.cached_tests(integration) == ([], None, None)
    body, headers = signed(secret, event("integration.connect", {"vendor_account_ref": account["ref"]}))
    resp = client.post(f"/partner/v1/assessments/{integration.external_id}/connect", data=body, headers=headers)
    assert resp.status_code == 202, resp.get_json()
    db.session.expire_all()
    tests, problem, fetched = services.cached_tests(db.session.get(type(integration), integration.id))
    assert problem is None and fetched
    assert [t["partner_test_id"] for t in tests] == ["alva-code-python", "alva-code-js"]
    assert [(d.type, d.state) for d in deliveries(integration.id, "out")] == [("alva.list_tests", "ok")]
