"""Bulk actions on the pipeline board (issue 16, item 2): the board's bulk bar is a form of its
own, chip and column checkboxes join it by their ``form`` attribute (no JavaScript needed), a
ticked column takes every application of the stage (also those behind "show more"), the answer
goes back to the board, and the progress survives a reload there too."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app.applications import tags
from app.applications.models import Application, ApplicationTag, BulkAction
from app.extensions import db
from tests.support.rejections import interviewing

HX = {"HX-Request": "true"}


@pytest.fixture
def world(make, auth, monkeypatch):
    from app.applications import board

    monkeypatch.setattr(board, "PER_STAGE", 2)  # the "New" column shows 2 of its 4
    company, recruiter, job, first = interviewing(make)
    new = [make.application(job, email=f"n{i}@example.fi", given=f"Nea{i}", family="Laine") for i in range(4)]
    auth.login("rec@acme.test")
    return {"company": company, "recruiter": recruiter, "job": job, "first": first, "new": new}


def _stage(application_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Application, application_id).stage.name


def test_the_board_has_a_bulk_bar_and_checkboxes_without_javascript(client, world):
    job = world["job"]
    body = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    assert 'id="board-bulk-form"' in body and 'action="/admin/applications/bulk"' in body
    assert f'name="next" value="/admin/jobs/{job.id}"' in body and f'name="job" value="{job.id}"' in body
    chips = re.findall(r'<input type="checkbox" class="chip-check" name="ids" value="(\d+)" form="board-bulk-form"', body)
    assert len(chips) == 3  # two of "New" (the rest behind "show more") and Aino in Interview
    new_col, interview = job.stages[0], job.stages[2]
    for stage in (new_col, interview):
        assert f'class="col-check" name="stages" value="{stage.id}" form="board-bulk-form"' in body
    assert f'name="stages" value="{job.stages[1].id}"' not in body  # an empty column: nothing to select
    assert "All 5 applications of this job" in body
    assert 'id="bulk-progress"' in body
    # The chooser's options are read when it is opened, as on the list: htmx loads them with
    # the job's stages; without JavaScript its button posts the selection to the choose page.
    assert 'id="bulk-stage"' not in body and '<option value="tag_add">' not in body
    assert f'hx-get="/admin/applications/bulk/choices?job={job.id}"' in body
    assert 'formaction="/admin/applications/bulk/choose"' in body
    fields = client.get(f"/admin/applications/bulk/choices?job={job.id}", headers=HX).get_data(as_text=True)
    stage_options = re.search(r'<select name="to_stage" id="bulk-stage">(.*?)</select>', fields).group(1)
    assert re.findall(r'<option value="([^"]+)">', stage_options) == [s.name for s in job.stages if s.kind != "rejected"]
    assert '<option value="tag_add">' in fields and "Across jobs" not in fields


def test_the_boards_chooser_without_javascript_carries_the_selection_back_to_the_board(client, make, world):
    job, first, new = world["job"], world["first"], world["new"]
    offer = next(s for s in job.stages if s.name == "Offer")
    board = {"next": f"/admin/jobs/{job.id}", "job": job.id, "status": "all", "scope": "checked"}
    page = client.post("/admin/applications/bulk/choose", data={**board, "ids": first.id, "stages": job.stages[0].id})
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Checked applications and columns" in body and "Back to the board" in body
    stage_options = re.search(r'<select name="to_stage" id="bulk-stage">(.*?)</select>', body).group(1)
    assert re.findall(r'<option value="([^"]+)">', stage_options) == [s.name for s in job.stages if s.kind != "rejected"]
    carried = dict(re.findall(r'<input type="hidden" name="(ids|stages|next|job)" value="([^"]+)">', body))
    assert carried == {"ids": str(first.id), "stages": str(job.stages[0].id), "next": f"/admin/jobs/{job.id}",
                       "job": str(job.id)}
    form = body[body.index('class="card bulk-choose"'):]
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form[:form.index("</form>")])
    resp = client.post("/admin/applications/bulk", data=MultiDict([*hidden, ("action", "move"), ("to_stage", "Offer")]))
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"/admin/jobs/{job.id}")
    assert {_stage(a.id) for a in [first, *new]} == {offer.name}
    # nothing ticked: back to the board with the message; another company's job: 404
    empty = client.post("/admin/applications/bulk/choose", data=board)
    assert empty.status_code == 302 and empty.headers["Location"].endswith(f"/admin/jobs/{job.id}")
    theirs = make.job(make.company("other"), "Theirs")
    assert client.get(f"/admin/applications/bulk/choices?job={theirs.id}", headers=HX).status_code == 404
    assert client.post("/admin/applications/bulk/choose", data={**board, "job": theirs.id,
                                                                 "ids": first.id}).status_code == 404


def test_a_ticked_column_and_a_chip_move_together_and_come_back_to_the_board(client, world):
    job, first, new = world["job"], world["first"], world["new"]
    offer = next(s for s in job.stages if s.name == "Offer")
    resp = client.post("/admin/applications/bulk", data={
        "scope": "checked", "action": "move", "to_stage": "Offer", "stages": job.stages[0].id, "ids": first.id,
        "next": f"/admin/jobs/{job.id}", "job": job.id, "status": "all"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"/admin/jobs/{job.id}")
    assert {_stage(a.id) for a in [first, *new]} == {offer.name}  # all four of "New", also the hidden two
    action = db.session.scalars(select(BulkAction)).one()
    assert (action.total, action.done) == (5, 5)
    board = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    assert "5 applications changed" in board  # the flash, on the board


def test_htmx_answer_redirects_to_the_board(client, world):
    job = world["job"]
    resp = client.post("/admin/applications/bulk", headers=HX, data={
        "scope": "filter", "action": "tag_add", "add_tag_id": "", "tag_name": "Shortlist",
        "next": f"/admin/jobs/{job.id}", "job": job.id, "status": "all"})
    assert resp.headers["HX-Redirect"].endswith(f"/admin/jobs/{job.id}")
    assert db.session.scalar(select(ApplicationTag).limit(1)) is not None
    assert len(db.session.scalars(select(ApplicationTag)).all()) == 5


def test_a_foreign_next_goes_to_the_list(client, world):
    resp = client.post("/admin/applications/bulk", data={
        "scope": "checked", "action": "move", "to_stage": "Offer", "ids": world["first"].id,
        "next": "//evil.example/x"})
    assert resp.status_code == 302 and "evil" not in resp.headers["Location"]
    assert "/admin/applications" in resp.headers["Location"]


def test_another_companys_column_takes_nothing(client, make, world):
    other = make.company("other")
    their_job = make.job(other, "Theirs")
    theirs = make.application(their_job, email="x@example.fi")
    resp = client.post("/admin/applications/bulk", data={
        "scope": "checked", "action": "move", "to_stage": "Offer", "stages": their_job.stages[0].id},
        follow_redirects=True)
    assert "Select at least one application." in resp.get_data(as_text=True)
    assert _stage(theirs.id) == "New"


def test_the_progress_offers_to_reload_the_polling_page_once_done(client, world, bulk_services):
    job, recruiter = world["job"], world["recruiter"]
    senior = tags.create_tag(world["company"].id, "Senior", "blue", recruiter)
    bulk_services.start(world["company"].id, recruiter, "tag_add", {"tag_id": senior.id}, [world["first"].id])
    board = f"http://localhost/admin/jobs/{job.id}"
    fragment = client.get("/admin/applications/bulk/progress", headers={**HX, "HX-Current-URL": board})
    body = fragment.get_data(as_text=True)
    assert "Adding a tag" in body and "Senior" in body
    assert f'href="/admin/jobs/{job.id}" id="bulk-reload"' in body
    evil = client.get("/admin/applications/bulk/progress",
                      headers={**HX, "HX-Current-URL": "javascript:alert(1)"}).get_data(as_text=True)
    assert 'id="bulk-reload"' not in evil
    page = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)  # a reload: still shown
    assert 'id="bulk-progress"' in page and "Adding a tag" in page
