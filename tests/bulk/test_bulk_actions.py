"""Bulk actions on the applications list (issue 16, item 2): the selection (checked rows, the
page, every row matching the filter), each action through the single-action service (moves
fire automations once, audit lines), the no-JS form, CSRF, and another company's ids."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.applications import rejections
from app.applications.automations import add_automation
from app.applications.models import Application, BulkAction, BulkItem, StageEntry, TimelineEvent
from app.audit import AuditEntry
from app.extensions import db
from app.jobs.models import AutomationRun
from app.messaging.models import OutboxEmail
from tests.support.clients import csrf_token
from tests.support.rejections import interviewing

HX = {"HX-Request": "true"}


@pytest.fixture
def bulk(app):
    """The service module, imported once the app exists (it pulls in every feature's columns)."""
    from app.bulk import services

    return services


@pytest.fixture
def world(make, auth):
    company, recruiter, job, first = interviewing(make)
    others = [make.application(job, email=f"c{i}@example.fi", given=f"Cand{i}", family="Koski") for i in range(3)]
    second_job = make.job(company, "QA tester", team=[recruiter])
    offer = next(s for s in second_job.stages if s.name == "Offer")
    offer.name = "Offer round"  # this job has no stage named "Offer"
    db.session.commit()
    stray = make.application(second_job, email="q@example.fi", given="Quinn", family="Nguyen")
    auth.login("rec@acme.test")
    return {"company": company, "recruiter": recruiter, "job": job, "second_job": second_job,
            "apps": [first, *others], "stray": stray}


def _stage_name(application_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Application, application_id).stage.name


def _post(client, data, **kw):
    return client.post("/admin/applications/bulk", data=data, **kw)


def test_list_has_the_form_checkboxes_and_the_chooser_without_javascript(client, world):
    body = client.get("/admin/applications").get_data(as_text=True)
    assert 'id="bulk-form"' in body and 'action="/admin/applications/bulk"' in body
    for a in world["apps"]:
        assert f'name="ids" value="{a.id}"' in body and f'name="page_ids" value="{a.id}"' in body
    assert 'value="filter"' in body and "All 5 matching the filter" in body
    # the chooser's options are read when it is opened, not with every list page
    assert 'name="to_stage"' not in body and 'formaction="/admin/applications/bulk/choose"' in body
    first, second = world["apps"][0].id, world["apps"][1].id
    page = client.post("/admin/applications/bulk/choose",
                       data={"csrf_token": csrf_token(client, "/admin/applications"), "scope": "checked",
                             "ids": [str(first), str(second)], "page_ids": [str(first)], "q": "Koski"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "2 applications selected" in text
    assert '<option value="Offer">' in text and '<option value="Rejected">' not in text  # rejecting takes a reason
    form = text[text.index('action="/admin/applications/bulk"'):]
    hidden = dict.fromkeys(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    assert ("ids", str(first)) in hidden and ("ids", str(second)) in hidden and ("scope", "checked") in hidden
    assert ("q", "Koski") in hidden and not any(name == "page_ids" for name, _ in hidden)
    # …and the page's form moves them
    data = {name: [v for n, v in hidden if n == name] for name, _ in hidden}
    data.update(action="move", to_stage="Offer")
    client.post("/admin/applications/bulk", data=data)
    assert _stage_name(first) == "Offer" and _stage_name(second) == "Offer"


def test_the_chooser_loads_when_opened_with_javascript(client, world):
    fragment = client.get("/admin/applications/bulk/choices", headers=HX)
    text = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and '<option value="Offer">' in text and 'name="reason_id"' in text
    assert "<html" not in text and 'id="bulk-apply"' in text
    reason = rejections.reasons(world["company"].id, active_only=True)[0]
    assert f'<option value="{reason.id}">{reason.label}</option>' in text


def test_choosing_with_nothing_checked_goes_back_with_a_message(client, world):
    resp = client.post("/admin/applications/bulk/choose",
                       data={"csrf_token": csrf_token(client, "/admin/applications"), "scope": "checked"},
                       follow_redirects=True)
    assert resp.request.path == "/admin/applications" and 'name="to_stage"' not in resp.get_data(as_text=True)


def test_move_checked_rows_fires_automations_once_and_audits(client, world, bulk):
    company, job = world["company"], world["job"]
    offer = next(s for s in job.stages if s.name == "Offer")
    template = bulk.email_templates(company.id)[0]
    add_automation(job, stage_id=offer.id, email_template_id=template.id, move_to_stage_id=None)
    chosen = world["apps"][:3]
    resp = _post(client, {"scope": "checked", "action": "move", "to_stage": "Offer",
                          "ids": [a.id for a in chosen]})
    assert resp.status_code == 302
    assert [_stage_name(a.id) for a in world["apps"]] == ["Offer"] * 3 + ["New"]
    ids = [a.id for a in chosen]
    runs = db.session.scalars(select(AutomationRun.application_id).where(AutomationRun.application_id.in_(ids)))
    assert sorted(runs) == sorted(ids)  # exactly one run per application
    moved = select(func.count(AuditEntry.id)).where(AuditEntry.action == "stage_move",
                                                    AuditEntry.object.in_([f"application:{i}" for i in ids]),
                                                    AuditEntry.after["stage"].as_string() == "Offer")
    assert db.session.scalar(moved) == 3
    (action,) = db.session.scalars(select(BulkAction)).all()
    assert (action.status, action.total, action.done, action.skipped, action.failed) == ("finished", 3, 3, 0, 0)
    # the same bulk action run again (a retried task) moves and emails nothing twice
    before = db.session.scalar(select(func.count(OutboxEmail.id)))
    action.status = "running"
    db.session.commit()
    bulk.run(action.id)
    assert db.session.scalar(select(func.count(OutboxEmail.id))) == before
    assert db.session.scalar(select(func.count(StageEntry.id)).where(
        StageEntry.application_id.in_(ids), StageEntry.stage_id == offer.id)) == 3
    page = client.get("/admin/applications").get_data(as_text=True)
    assert 'id="bulk-progress"' in page and "3 of 3" in page


def test_selection_spanning_jobs_asks_first_without_javascript(client, world):
    """A job of the selection has no "Offer": nothing moves yet; a page asks where its
    applications go (its stages, not the rejection ones, or skip), carrying the form along."""
    resp = _post(client, {"scope": "filter", "status": "open", "action": "move", "to_stage": "Offer"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and 'id="bulk-map-form"' in body and "<dialog" not in body
    second = world["second_job"]
    assert f'name="map_{second.id}"' in body and "QA tester" in body and "1 selected" in body
    assert '<option value="">Skip: leave them where they are</option>' in body
    offer_round = next(s for s in second.stages if s.name == "Offer round")
    assert f'<option value="{offer_round.id}">Offer round</option>' in body and ">Rejected</option>" not in body
    for hidden in ('name="mapped" value="1"', 'name="scope" value="filter"', 'name="status" value="open"',
                   'name="to_stage" value="Offer"', 'name="action" value="move"'):
        assert hidden in body
    assert db.session.scalar(select(func.count()).select_from(BulkAction)) == 0
    assert {_stage_name(a.id) for a in world["apps"]} == {"New", "Interview"}
    # the answer: map that job's applications to its "Offer round"
    resp = _post(client, {"scope": "filter", "status": "open", "action": "move", "to_stage": "Offer",
                          "mapped": "1", f"map_{second.id}": offer_round.id}, follow_redirects=True)
    assert "5 applications changed" in resp.get_data(as_text=True)
    assert _stage_name(world["stray"].id) == "Offer round"
    assert {_stage_name(a.id) for a in world["apps"]} == {"Offer"}


def test_selection_spanning_jobs_asks_in_a_dialog_with_htmx(client, world):
    ids = [world["apps"][1].id, world["stray"].id]
    resp = _post(client, {"scope": "checked", "action": "move", "to_stage": "Offer", "ids": ids}, headers=HX)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.headers["HX-Retarget"] == "#modal"
    assert body.lstrip().startswith('<dialog class="dialog" id="bulk-map-dialog" data-modal')
    assert f'name="map_{world["second_job"].id}"' in body and "data-close-dialog" in body
    assert all(f'name="ids" value="{i}"' in body for i in ids)
    assert db.session.scalar(select(func.count()).select_from(BulkAction)) == 0


def test_a_mapping_to_another_jobs_or_a_rejection_stage_is_refused(client, world):
    second, job = world["second_job"], world["job"]
    rejected = next(s for s in second.stages if s.kind == "rejected")
    for stage in (job.stages[1], rejected):
        resp = _post(client, {"scope": "filter", "status": "open", "action": "move", "to_stage": "Offer",
                              "mapped": "1", f"map_{second.id}": stage.id}, follow_redirects=True)
        assert "Choose one of that job" in resp.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(BulkAction)) == 0


def test_selection_spanning_jobs_skips_and_lists_what_was_skipped(client, world):
    resp = _post(client, {"scope": "filter", "status": "open", "action": "move", "to_stage": "Offer",
                          "mapped": "1", f"map_{world['second_job'].id}": ""}, follow_redirects=True)
    assert "4 applications changed · 1 skipped" in resp.get_data(as_text=True), re.findall(r'class="flash[^"]*">([^<]*)', resp.get_data(as_text=True))
    assert _stage_name(world["stray"].id) == "New"
    assert {_stage_name(a.id) for a in world["apps"]} == {"Offer"}
    action = db.session.scalars(select(BulkAction)).one()
    assert (action.done, action.skipped) == (4, 1)
    detail = client.get(f"/admin/applications/bulk/{action.id}").get_data(as_text=True)
    assert "Quinn Nguyen" in detail and "no stage of that name" in detail


def test_reject_in_bulk_with_a_reason_and_a_delayed_email(client, world):
    company = world["company"]
    reason = next(r for r in rejections.reasons(company.id) if r.key == "other_candidate")
    template = rejections.rejection_templates(company.id)[0]
    chosen = world["apps"][1:3]
    resp = _post(client, {"scope": "checked", "action": "reject", "ids": [a.id for a in chosen],
                          "reason_id": reason.id, "note": "Filled", "reject_template_id": template.id,
                          "delay_days": 2}, headers=HX)
    assert resp.status_code == 200 and resp.headers["HX-Redirect"].startswith("/admin/applications")
    db.session.expire_all()
    for a in chosen:
        a = db.session.get(Application, a.id)
        assert a.stage.kind == "rejected" and a.rejection_reason_id == reason.id and a.rejection_note == "Filled"
        assert db.session.scalar(select(func.count(OutboxEmail.id)).where(
            OutboxEmail.application_id == a.id, OutboxEmail.due_at.is_not(None))) == 1
    assert db.session.get(Application, world["apps"][0].id).status == "open"


def test_send_an_email_template_in_bulk(client, world, bulk):
    template = bulk.email_templates(world["company"].id)[0]
    chosen = world["apps"][:2]
    _post(client, {"scope": "checked", "action": "email", "template_id": template.id, "ids": [a.id for a in chosen]})
    for a in chosen:
        assert db.session.scalar(select(func.count(OutboxEmail.id)).where(
            OutboxEmail.application_id == a.id, OutboxEmail.kind == "message")) == 1
        assert db.session.scalar(select(func.count(TimelineEvent.id)).where(
            TimelineEvent.application_id == a.id, TimelineEvent.kind == "message_sent")) == 1


def test_export_of_the_checked_rows(client, world):
    chosen = world["apps"][:2]
    resp = _post(client, {"scope": "checked", "action": "export", "ids": [a.id for a in chosen]})
    assert resp.status_code == 302 and "/admin/applications/export.csv?ids=" in resp.headers["Location"]
    csv = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert csv.count("\r\n") == 3 and "Aino Virtanen" in csv and "Cand2" not in csv


def test_page_scope_takes_the_rows_of_the_page(client, world):
    _post(client, {"scope": "page", "action": "move", "to_stage": "Interview",
                   "page_ids": [a.id for a in world["apps"][1:]], "ids": []})
    assert [_stage_name(a.id) for a in world["apps"]] == ["Interview"] * 4


def test_bad_choices_change_nothing(client, world):
    a = world["apps"][1]
    for data, message in (({"action": "move", "to_stage": "Offer"}, "Select at least one application"),
                          ({"action": "move", "to_stage": "Nowhere", "ids": [a.id]}, "Choose a stage"),
                          ({"action": "move", "to_stage": "Rejected", "ids": [a.id]}, "a reason is needed"),
                          ({"action": "reject", "reason_id": "", "ids": [a.id]}, "Choose a reason"),
                          ({"action": "email", "template_id": "999999", "ids": [a.id]}, "email templates"),
                          ({"action": "explode", "ids": [a.id]}, "Choose an action")):
        resp = _post(client, {"scope": "checked", **data}, follow_redirects=True)
        assert message in resp.get_data(as_text=True), data
    assert _stage_name(a.id) == "New"
    assert db.session.scalar(select(func.count(BulkAction.id))) == 0


def test_another_companys_ids_are_ignored(client, make, world):
    other = make.company("other")
    foreign_job = make.job(other, "Chef")
    foreign = make.application(foreign_job, email="f@example.fi")
    resp = _post(client, {"scope": "checked", "action": "move", "to_stage": "Offer",
                          "ids": [foreign.id, world["apps"][0].id]}, follow_redirects=True)
    assert "1 application changed" in resp.get_data(as_text=True)
    assert _stage_name(foreign.id) == "New" and _stage_name(world["apps"][0].id) == "Offer"
    only_foreign = _post(client, {"scope": "checked", "action": "move", "to_stage": "Offer", "ids": [foreign.id]},
                         follow_redirects=True)
    assert "Select at least one application" in only_foreign.get_data(as_text=True)
    assert _stage_name(foreign.id) == "New"
    action = db.session.scalars(select(BulkAction)).one()
    assert client.get(f"/admin/applications/bulk/{action.id}").status_code == 200
    make.user(other, email="rec@other.test")
    client.post("/admin/logout")
    from tests.support.clients import Auth

    Auth(client).login("rec@other.test")
    assert client.get(f"/admin/applications/bulk/{action.id}").status_code == 404
    assert "<progress" not in client.get("/admin/applications/bulk/progress").get_data(as_text=True)


def test_csrf_is_required(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = True
    a = world["apps"][1]
    resp = _post(client, {"scope": "checked", "action": "move", "to_stage": "Offer", "ids": [a.id]})
    assert resp.status_code in (400, 422) and _stage_name(a.id) == "New"
    token = csrf_token(client, "/admin/applications")
    ok = _post(client, {"scope": "checked", "action": "move", "to_stage": "Offer", "ids": [a.id], "csrf_token": token})
    assert ok.status_code == 302 and _stage_name(a.id) == "Offer"


def test_a_large_selection_runs_as_a_task_with_progress(client, world, monkeypatch, bulk):
    monkeypatch.setattr(bulk, "SYNC_MAX", 2)
    resp = _post(client, {"scope": "filter", "status": "open", "action": "move", "to_stage": "Interview"},
                 follow_redirects=True)
    # RQ_ASYNC is off in these tests: the task ran when the request committed (the worker test
    # runs it in a real worker); the one already in Interview is skipped
    assert "4 applications changed · 1 skipped" in resp.get_data(as_text=True)
    action = db.session.scalars(select(BulkAction)).one()
    db.session.refresh(action)
    assert action.status == "finished" and action.processed == 5
    assert db.session.scalar(select(func.count()).select_from(BulkItem)) == 5
    fragment = client.get("/admin/applications/bulk/progress").get_data(as_text=True)
    assert re.search(r'<progress max="5" value="5"', fragment) and "every 2s" not in fragment
