"""Bulk actions in the browser (issue 16, item 2): tick two rows, choose "Move to a stage",
apply (HTMX), the rows are moved and the list says so; the header box ticks the whole page."""

from __future__ import annotations

import os

from playwright.sync_api import expect
from sqlalchemy import select

from app.applications.models import Application
from app.extensions import db
from tests.support.browser import SHOTS, login
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


def test_the_chooser_loads_when_opened_and_works_without_javascript(live, make, browser):
    """The list page carries no chooser options; opening "Act on the selection" loads them
    (htmx). Without JavaScript the opener is a button to a page with the choices and the
    selection. Screenshots of both, desktop and phone, English and Finnish, long names."""
    from pathlib import Path

    company, _recruiter, job, first = interviewing(make)
    long = make.application(job, email="pitka@example.fi", given="Maria-Kristiina Aurora Elisabet",
                            family="Väisänen-Kärkkäinen-Hämäläinen")
    shots = Path(os.environ.get("HAKU_SHOTS_DIR") or SHOTS)
    shots.mkdir(parents=True, exist_ok=True)
    for js in (True, False):
        for lang, width in (("en", 1280), ("fi", 390)):
            context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=js)
            page = context.new_page()
            login(page, live, "rec@acme.test", PASSWORD)
            page.goto(f"{live}/admin/applications?lang={lang}")
            assert page.locator("#bulk-stage").count() == 0  # not read with the page
            page.locator(f"input[name=ids][value='{long.id}']").check()
            page.locator(f"input[name=ids][value='{first.id}']").check()
            page.locator("#bulk-actions summary").click()
            if js:
                expect(page.locator("#bulk-stage option[value=Offer]")).to_have_count(1)
                page.screenshot(path=str(shots / f"list-chooser-open-{lang}-{width}.png"), full_page=True)
                page.goto(f"{live}/admin/applications?lang={lang}&q=zzzz")  # the empty state
                page.locator("#bulk-actions summary").click()
                expect(page.locator("#bulk-stage option[value=Offer]")).to_have_count(1)
                page.screenshot(path=str(shots / f"list-empty-chooser-{lang}-{width}.png"), full_page=True)
            else:
                page.locator("#bulk-choices button[type=submit]").click()
                expect(page.locator("#bulk-stage option[value=Offer]")).to_have_count(1)
                expect(page.locator("input[type=hidden][name=ids]")).to_have_count(2)
                page.screenshot(path=str(shots / f"bulk-choose-page-nojs-{lang}-{width}.png"), full_page=True)
                page.locator("#bulk-stage").select_option("Offer")
                page.locator("#bulk-apply").click()
                page.wait_for_url(lambda url: "/admin/applications" in url and "/bulk" not in url)
                db.session.expire_all()
                assert db.session.get(Application, long.id).stage.name == "Offer"
                long_app = db.session.get(Application, long.id)
                long_app.stage_id = first.stage_id  # back for the next round
                db.session.commit()
            context.close()
