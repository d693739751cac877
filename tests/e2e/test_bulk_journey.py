"""Bulk actions in the browser (issue 16, item 2): tick two rows, choose "Move to a stage",
apply (HTMX), the rows are moved and the list says so; the header box ticks the whole page."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from app.applications.models import Application
from app.extensions import db
from tests.support.browser import login
from tests.support.builders import PASSWORD
from tests.support.rejections import interviewing


def test_tick_rows_and_move_them(live, make, desk):
    _company, _recruiter, job, first = interviewing(make)
    others = [make.application(job, email=f"c{i}@example.fi", given=f"Cand{i}", family="Koski") for i in range(2)]
    login(desk, live, "rec@acme.test", PASSWORD)
    desk.goto(f"{live}/admin/applications")
    desk.locator("#bulk-all-page").check()
    expect(desk.locator("input[name=ids]:checked")).to_have_count(3)
    expect(desk.locator("input[name=scope][value=page]")).to_be_checked()
    desk.locator("#bulk-all-page").uncheck()
    for a in others:
        desk.locator(f"input[name=ids][value='{a.id}']").check()
    expect(desk.locator("input[name=scope][value=checked]")).to_be_checked()
    desk.locator("#bulk-actions summary").click()
    desk.locator("#bulk-action").select_option("move")
    desk.locator("#bulk-stage").select_option("Offer")
    desk.locator("#bulk-apply").click()
    expect(desk.locator(".flash")).to_contain_text("2 applications changed")
    expect(desk.locator("#bulk-progress progress")).to_have_attribute("value", "2")
    db.session.expire_all()
    stages = {a.id: db.session.get(Application, a.id).stage.name for a in [first, *others]}
    assert stages == {first.id: "Interview", others[0].id: "Offer", others[1].id: "Offer"}
    assert db.session.scalar(select(Application.id).where(Application.id == first.id)) == first.id
