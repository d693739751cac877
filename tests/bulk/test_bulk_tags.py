"""Bulk "add a tag" and "remove a tag" (issue 16, item 2): through the card's own tag service,
audited per application, one that already had (or lacked) the tag skipped, a retried run
changes nothing twice, a new name makes the tag once, another company's tag refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.applications import tags
from app.applications.models import ApplicationTag, BulkAction, Tag
from app.audit import AuditEntry
from app.extensions import db
from tests.support.rejections import interviewing


@pytest.fixture
def world(make, auth):
    company, recruiter, job, first = interviewing(make)
    others = [make.application(job, email=f"t{i}@example.fi", given=f"Tia{i}", family="Koski") for i in range(3)]
    auth.login("rec@acme.test")
    return {"company": company, "recruiter": recruiter, "job": job, "apps": [first, *others]}


def _post(client, data, **kw):
    return client.post("/admin/applications/bulk", data=data, **kw)


def _tagged(tag_id: int) -> set[int]:
    return set(db.session.scalars(select(ApplicationTag.application_id).where(ApplicationTag.tag_id == tag_id)))


def _audits(action: str, tag: str) -> list[str]:
    return sorted(db.session.scalars(select(AuditEntry.object).where(
        AuditEntry.action == action, AuditEntry.after["tag"].as_string() == tag)
        if action == "application.tagged" else select(AuditEntry.object).where(
        AuditEntry.action == action, AuditEntry.before["tag"].as_string() == tag)))


def test_the_form_offers_the_company_tags(client, world):
    tags.create_tag(world["company"].id, "Senior", "blue", world["recruiter"])
    # the list's and the board's chooser are read when they are opened (htmx)
    body = client.get("/admin/applications/bulk/choices", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert '<option value="tag_add">' in body and '<option value="tag_remove">' in body
    assert body.count(">Senior</option>") == 2  # in "add" and in "remove"
    board = client.get(f"/admin/applications/bulk/choices?job={world['apps'][0].job_id}",
                       headers={"HX-Request": "true"}).get_data(as_text=True)
    assert board.count(">Senior</option>") == 2


def test_add_a_tag_in_bulk_skips_the_tagged_and_audits_each(client, world):
    company, recruiter, apps = world["company"], world["recruiter"], world["apps"]
    senior = tags.create_tag(company.id, "Senior", "blue", recruiter)
    tags.add_to_application(apps[0], recruiter, tag_id=senior.id)
    resp = _post(client, {"scope": "checked", "action": "tag_add", "add_tag_id": senior.id,
                          "ids": [a.id for a in apps]}, follow_redirects=True)
    assert "3 applications changed · 1 skipped" in resp.get_data(as_text=True)
    assert _tagged(senior.id) == {a.id for a in apps}
    assert _audits("application.tagged", "Senior") == sorted(f"application:{a.id}" for a in apps)
    action = db.session.scalars(select(BulkAction)).one()
    detail = client.get(f"/admin/applications/bulk/{action.id}").get_data(as_text=True)
    assert "Already has that tag." in detail


def test_a_retried_run_tags_nothing_twice(client, world, bulk_services):
    company, recruiter, apps = world["company"], world["recruiter"], world["apps"]
    senior = tags.create_tag(company.id, "Senior", "blue", recruiter)
    action = bulk_services.start(company.id, recruiter, "tag_add", {"tag_id": senior.id}, [a.id for a in apps])
    assert (action.done, action.skipped) == (4, 0)
    # the task delivered twice (a worker killed after its last commit): run it again
    action.status = "running"
    db.session.commit()
    assert bulk_services.run(action.id) == "finished"
    db.session.refresh(action)
    assert (action.done, action.skipped, action.failed) == (4, 0, 0)
    assert len(_audits("application.tagged", "Senior")) == 4


def test_a_new_tag_name_is_made_once(client, world):
    apps = world["apps"]
    resp = _post(client, {"scope": "checked", "action": "tag_add", "add_tag_id": "", "tag_name": "  Call   back ",
                          "ids": [a.id for a in apps]}, follow_redirects=True)
    assert "4 applications changed" in resp.get_data(as_text=True)
    made = db.session.scalars(select(Tag).where(Tag.company_id == world["company"].id)).all()
    assert [t.name for t in made] == ["Call back"]
    assert _tagged(made[0].id) == {a.id for a in apps}


def test_remove_a_tag_in_bulk(client, world):
    company, recruiter, apps = world["company"], world["recruiter"], world["apps"]
    senior = tags.create_tag(company.id, "Senior", "blue", recruiter)
    for a in apps[:2]:
        tags.add_to_application(a, recruiter, tag_id=senior.id)
    resp = _post(client, {"scope": "checked", "action": "tag_remove", "remove_tag_id": senior.id,
                          "ids": [a.id for a in apps]}, follow_redirects=True)
    assert "2 applications changed · 2 skipped" in resp.get_data(as_text=True)
    assert _tagged(senior.id) == set()
    assert _audits("application.untagged", "Senior") == sorted(f"application:{a.id}" for a in apps[:2])


def test_another_companys_tag_or_no_tag_is_refused(client, make, world):
    other = make.company("other")
    theirs = tags.create_tag(other.id, "Theirs", "red", make.admin_of(other))
    ids = [a.id for a in world["apps"]]
    for data in ({"action": "tag_add", "add_tag_id": theirs.id}, {"action": "tag_remove", "remove_tag_id": ""},
                 {"action": "tag_add", "add_tag_id": "", "tag_name": "  "}):
        resp = _post(client, {"scope": "checked", "ids": ids, **data}, follow_redirects=True)
        assert "Choose one of the tags" in resp.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(BulkAction)) == 0
    assert db.session.scalar(select(func.count()).select_from(ApplicationTag)) == 0
