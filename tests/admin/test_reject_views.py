"""The reject dialog and its page, undo on the card, the reasons' settings page, and the
reason in the applications list (column, filter) and its CSV (issue 16, item 1)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from app.applications import rejections
from app.applications.models import Application, RejectionReason
from app.extensions import db
from app.messaging.models import OutboxEmail, OutboxStatus
from tests.support.clients import csrf_token
from tests.support.rejections import interviewing

HX = {"HX-Request": "true"}


@pytest.fixture
def world(make, auth):
    company, recruiter, job, application = interviewing(make)
    auth.login("rec@acme.test")
    reason = next(r for r in rejections.reasons(company.id) if r.key == "other_candidate")
    template = rejections.rejection_templates(company.id)[0]
    return {"company": company, "job": job, "application": application, "reason": reason, "template": template,
            "recruiter": recruiter}


def _reload(application_id):
    db.session.expire_all()
    return db.session.get(Application, application_id)


def test_dialog_for_htmx_and_page_without_javascript(client, world):
    a = world["application"]
    resp = client.get(f"/admin/applications/{a.id}/reject", headers=HX)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "<html" not in body and 'id="reject-dialog"' in body
    assert resp.headers["HX-Retarget"] == "#modal" and resp.headers["HX-Reswap"] == "innerHTML"
    assert world["reason"].label in body and world["template"].display_name in body
    page = client.get(f"/admin/applications/{a.id}/reject")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<html" in html and 'id="reject-dialog"' not in html
    assert f'action="/admin/applications/{a.id}/reject"' in html and "Aino Virtanen" in html


def test_no_js_post_rejects_and_redirects_back(client, world):
    a = world["application"]
    resp = client.post(f"/admin/applications/{a.id}/reject", data={
        "reason_id": world["reason"].id, "note": "Went with an internal hire", "email": "none",
        "next": f"/admin/jobs/{world['job'].id}"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/admin/jobs/{world['job'].id}")
    a = _reload(a.id)
    assert a.stage.kind == "rejected" and a.rejection_reason_id == world["reason"].id
    assert a.rejection_note == "Went with an internal hire" and a.rejected_by_id == world["recruiter"].id
    card = client.get(f"/admin/applications/{a.id}").get_data(as_text=True)
    assert "Chose another candidate" in card and "Went with an internal hire" in card


def test_missing_reason_is_a_422_with_the_dialog_and_changes_nothing(client, world):
    a = world["application"]
    resp = client.post(f"/admin/applications/{a.id}/reject", data={"reason_id": "", "email": "none", "view": "card"},
                       headers=HX)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 422 and 'id="reject-dialog"' in body and "Choose a reason" in body
    assert resp.headers["HX-Retarget"] == "#modal"
    assert _reload(a.id).status == "open"


def test_htmx_reject_from_the_card_swaps_the_card_and_shows_undo(client, world):
    a = world["application"]
    resp = client.post(f"/admin/applications/{a.id}/reject", headers=HX, data={
        "reason_id": world["reason"].id, "email": "later", "template_id": world["template"].id, "delay_days": 2,
        "view": "card"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "<html" not in body
    assert resp.headers["HX-Retarget"] == f"#application-{a.id}"
    assert f'id="application-{a.id}"' in body and 'id="modal" hx-swap-oob="true"' in body
    assert "email scheduled for" in body and f"/admin/applications/{a.id}/reject/undo" in body
    assert "Rejected: Chose another candidate — rejection email “Rejection” (English) scheduled for" in body
    trigger = json.loads(resp.headers["HX-Trigger"])
    assert trigger["applicationChanged"] == a.id and "undo" in trigger["toast"]["message"]
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "rejection"))
    assert row.status == OutboxStatus.PENDING and row.due_at is not None

    undo = client.post(f"/admin/applications/{a.id}/reject/undo", headers=HX)
    assert undo.status_code == 200 and f'id="application-{a.id}"' in undo.get_data(as_text=True)
    assert "email scheduled for" not in undo.get_data(as_text=True)
    a = _reload(a.id)
    assert a.status == "open" and a.stage.name == "Interview"
    db.session.refresh(row)
    assert row.status == OutboxStatus.CANCELLED
    again = client.post(f"/admin/applications/{a.id}/reject/undo", headers=HX)
    assert again.status_code == 422 and "no rejection to undo" in json.loads(again.headers["HX-Trigger"])["toast"]["message"]


def test_choosing_the_rejected_stage_opens_the_dialog(client, world):
    a, job = world["application"], world["job"]
    rejected = job.stages[-1]
    resp = client.post(f"/admin/applications/{a.id}/stage", headers=HX,
                       data={"stage_id": rejected.id, "view": "board", "next": f"/admin/jobs/{job.id}"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and 'id="reject-dialog"' in body and resp.headers["HX-Retarget"] == "#modal"
    assert f'name="stage_id" type="hidden" value="{rejected.id}"' in body and 'value="board"' in body
    assert f'data-restore="move-{a.id}"' in body
    assert _reload(a.id).status == "open"
    plain = client.post(f"/admin/applications/{a.id}/stage", data={"stage_id": rejected.id})
    assert plain.status_code == 303 and f"/admin/applications/{a.id}/reject?stage_id={rejected.id}" in plain.headers["Location"]
    assert _reload(a.id).status == "open"


def test_board_reject_answers_with_both_columns(client, world):
    a, job = world["application"], world["job"]
    interview, rejected = job.stages[2], job.stages[-1]
    resp = client.post(f"/admin/applications/{a.id}/reject", headers=HX, data={
        "reason_id": world["reason"].id, "email": "none", "view": "board", "stage_id": rejected.id,
        "next": f"/admin/jobs/{job.id}"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert f'id="stage-{interview.id}"' in body and f'id="stage-{rejected.id}"' in body
    assert re.search(rf'id="stage-{rejected.id}"[^>]*hx-swap-oob', body)


def test_csrf_is_required(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = True
    a = world["application"]
    resp = client.post(f"/admin/applications/{a.id}/reject", data={"reason_id": world["reason"].id, "email": "none"})
    assert resp.status_code in (400, 422)
    assert _reload(a.id).status == "open"
    token = csrf_token(client, f"/admin/applications/{a.id}/reject")
    ok = client.post(f"/admin/applications/{a.id}/reject", data={
        "reason_id": world["reason"].id, "email": "none", "csrf_token": token})
    assert ok.status_code == 303 and _reload(a.id).status == "closed"


def test_another_companys_recruiter_gets_404_and_cannot_use_a_foreign_reason(client, auth, make, world):
    other = make.company("other")
    make.user(other, email="rec@other.test")
    foreign_reason = rejections.reasons(other.id)[0]
    a = world["application"]
    # a foreign reason id on our own application: refused, nothing changes
    resp = client.post(f"/admin/applications/{a.id}/reject", data={"reason_id": foreign_reason.id, "email": "none"})
    assert resp.status_code == 422 and "not in your company" in resp.get_data(as_text=True)
    assert _reload(a.id).status == "open"
    auth.logout()
    auth.login("rec@other.test")
    for method, url in (("get", f"/admin/applications/{a.id}/reject"), ("post", f"/admin/applications/{a.id}/reject"),
                        ("post", f"/admin/applications/{a.id}/reject/undo")):
        resp = getattr(client, method)(url, data={"reason_id": world["reason"].id, "email": "none"}
                                       if method == "post" else None)
        assert resp.status_code == 404, url
    assert _reload(a.id).status == "open"
    resp = client.post(f"/admin/settings/rejection-reasons/{world['reason'].id}", data={"action": "deactivate"})
    assert resp.status_code in (403, 404)
    assert db.session.get(RejectionReason, world["reason"].id).active is True


def test_settings_page_is_for_company_admins(client, auth, make, world):
    company = world["company"]
    assert client.get("/admin/settings/rejection-reasons").status_code == 403
    settings = client.get("/admin/settings").get_data(as_text=True)
    assert "/admin/settings/rejection-reasons" not in settings
    auth.logout()
    auth.login(f"admin@{company.slug}.test")
    page = client.get("/admin/settings/rejection-reasons")
    assert page.status_code == 200 and "Chose another candidate" in page.get_data(as_text=True)
    assert "/admin/settings/rejection-reasons" in client.get("/admin/settings").get_data(as_text=True)
    resp = client.post("/admin/settings/rejection-reasons", data={"label": "Overqualified"})
    assert resp.status_code == 303
    added = db.session.scalar(select(RejectionReason).where(RejectionReason.label == "Overqualified"))
    assert added is not None and added.company_id == company.id
    dup = client.post("/admin/settings/rejection-reasons", data={"label": "overqualified"})
    assert dup.status_code == 422 and "already in the list" in dup.get_data(as_text=True)
    client.post(f"/admin/settings/rejection-reasons/{added.id}", data={"action": "rename", "r-label": "Over-qualified"})
    client.post(f"/admin/settings/rejection-reasons/{added.id}", data={"action": "up"})
    db.session.expire_all()
    assert added.label == "Over-qualified"
    assert [r.id for r in rejections.reasons(company.id)][-2] == added.id
    client.post(f"/admin/settings/rejection-reasons/{added.id}", data={"action": "deactivate"})
    db.session.expire_all()
    assert added.active is False
    dialog = client.get(f"/admin/applications/{world['application'].id}/reject").get_data(as_text=True)
    assert "Over-qualified" not in dialog
    client.post(f"/admin/settings/rejection-reasons/{added.id}", data={"action": "remove"})
    assert db.session.get(RejectionReason, added.id) is None


def test_reason_column_filter_and_csv(client, auth, make, world):
    job = world["job"]
    a = world["application"]
    other = make.application(job, email="eero@example.fi", given="Eero", family="Nieminen")
    client.post(f"/admin/applications/{a.id}/reject", data={"reason_id": world["reason"].id, "email": "none"})
    recruiter = db.session.get(type(world["recruiter"]), world["recruiter"].id)
    recruiter.list_columns = ["candidate", "job", "stage", "rejection_reason"]
    db.session.commit()
    page = client.get("/admin/applications?status=all").get_data(as_text=True)
    assert "Rejection reason" in page and "Chose another candidate" in page and 'name="f_rejection_reason"' in page
    filtered = client.get(f"/admin/applications?status=all&f_rejection_reason={world['reason'].id}").get_data(as_text=True)
    assert "Aino Virtanen" in filtered and "Eero Nieminen" not in filtered
    everyone = client.get("/admin/applications?status=all").get_data(as_text=True)
    assert "Eero Nieminen" in everyone and other.status == "open"
    csv = client.get(f"/admin/applications/export.csv?status=all&f_rejection_reason={world['reason'].id}")
    text = csv.get_data(as_text=True)
    assert "Rejection reason" in text.splitlines()[0] and "Chose another candidate" in text
    assert "Eero Nieminen" not in text
