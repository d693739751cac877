"""Drag-and-drop on the board (issue 16, item 3): a chip dragged to another column is one
request whose answer moves it and updates both counts; dropped on the rejected stage it opens
the reject dialog, and cancelling puts the chip back; the chip's select is the keyboard way."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from app.applications.models import Application, ApplicationTag
from app.extensions import db
from tests.support.browser import login
from tests.support.builders import PASSWORD


def test_drag_a_chip_to_another_column_then_move_one_with_the_keyboard(live, make, desk):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, "Backend developer", team=[recruiter])
    aino = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    eero = make.application(job, email="eero@example.fi", given="Eero", family="Nieminen")
    new, progress, interview, rejected = job.stages[0], job.stages[1], job.stages[2], job.stages[5]
    assert rejected.kind == "rejected"

    login(desk, live, "rec@acme.test", PASSWORD)
    desk.goto(f"{live}/admin/jobs/{job.id}")
    expect(desk.locator(f"#stage-{new.id} .count")).to_have_text("2")
    expect(desk.locator(".board.board-dnd")).to_have_count(1)  # SortableJS loaded under the CSP
    requests: list[str] = []
    desk.on("request", lambda r: requests.append(f"{r.method} {r.url.removeprefix(live)}"))

    # Drag Aino (by the chip's meta line: the link and the select stay clickable) to Interview.
    desk.locator(f"#chip-{aino.id} .chip-meta").drag_to(desk.locator(f"#stage-{interview.id} .board-list"))
    expect(desk.locator(f"#stage-{interview.id} #chip-{aino.id}")).to_be_visible()
    expect(desk.locator(f"#stage-{new.id} .count")).to_have_text("1")
    expect(desk.locator(f"#stage-{interview.id} .count")).to_have_text("1")
    expect(desk.locator("#toasts .toast-success")).to_be_visible()
    assert requests == [f"POST /admin/applications/{aino.id}/stage"]
    db.session.expire_all()
    assert db.session.get(Application, aino.id).stage_id == interview.id

    # Dropped on Rejected: the reject dialog asks first; Cancel puts the chip back.
    desk.locator(f"#chip-{eero.id} .chip-meta").drag_to(desk.locator(f"#stage-{rejected.id} .board-list"))
    dialog = desk.locator("#reject-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(desk.locator(f"#stage-{new.id} #chip-{eero.id}")).to_be_visible()
    expect(desk.locator(f"#stage-{rejected.id} #chip-{eero.id}")).to_have_count(0)
    expect(desk.locator(f"#chip-{eero.id} select")).to_have_value(str(new.id))
    db.session.expire_all()
    assert db.session.get(Application, eero.id).stage_id == new.id

    # The keyboard way: Tab to the chip's stage select, an arrow key picks the next stage.
    desk.locator(f"#chip-{eero.id} select").focus()
    desk.keyboard.press("ArrowDown")
    expect(desk.locator(f"#stage-{progress.id} #chip-{eero.id}")).to_be_visible()
    expect(desk.locator(f"#stage-{new.id} .count")).to_have_text("0")
    expect(desk.locator(f"#stage-{progress.id} .count")).to_have_text("1")

    # Bulk selection on the same board: ticking a chip sends nothing and drags nothing; ticking
    # a column ticks its chips; the bulk bar tags both and the board comes back.
    requests.clear()
    desk.locator(f"#chip-{aino.id} .chip-check").click()
    expect(desk.locator(f"#stage-{interview.id} #chip-{aino.id}")).to_be_visible()
    desk.locator(f"#stage-{progress.id} .col-check").check()
    expect(desk.locator(f"#chip-{eero.id} .chip-check")).to_be_checked()
    assert requests == []
    desk.locator("#board-bulk-form summary").click()
    desk.locator("#bulk-action").select_option("tag_add")
    desk.locator("#bulk-tag-name").fill("Shortlist")
    desk.locator("#bulk-apply").click()
    expect(desk.locator(".flash").first).to_contain_text("2 applications changed")
    expect(desk.locator(f"#chip-{aino.id} .chip-check")).not_to_be_checked()  # a fresh board
    db.session.expire_all()
    assert sorted(db.session.scalars(select(ApplicationTag.application_id))) == sorted([aino.id, eero.id])
