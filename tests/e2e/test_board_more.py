"""A long board column shows its first chips and "Show more": with JavaScript htmx appends the
next chips in place (and they move like the others); without it, the link opens a page of the
column's next chips whose selects still move an application."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.applications import board
from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD

NAMES = [("Maximiliana", "Wolfeschlegelsteinhausenbergerdorff"), ("Nguyễn Văn", "An"), ("Oskar", "Lindqvist"),
         ("Eero", "Nieminen"), ("Trần Thị", "Bích Ngọc"), ("Aino", "Virtanen"), ("Sofia", "Korhonen"),
         ("Lê Hoàng", "Minh Châu"), ("Johanna", "Mäkelä-Holmström")]


@pytest.fixture
def board_world(make, monkeypatch):
    monkeypatch.setattr(board, "PER_STAGE", 4)
    company = make.company("acme", "Acme Oy")
    make.user(company, role="admin", email="en@acme.test")
    make.user(company, role="admin", email="vi@acme.test").locale = "vi"
    job = make.job(company, "Senior backend developer (Python, PostgreSQL)")
    apps = [make.application(job, email=f"p{i}@example.com", given=given, family=family)
            for i, (given, family) in enumerate(NAMES)]
    empty = make.job(company, "Nhà thiết kế sản phẩm cấp cao")
    return job, empty, apps


def _shots() -> Path:
    path = Path(os.environ.get("HAKU_SHOTS_DIR") or SHOTS)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("lang,width", [("en", 1366), ("en", 390), ("vi", 1366), ("vi", 390)])
def test_show_more_appends_the_next_chips(live, browser, board_world, lang, width):
    job, empty, apps = board_world
    first = job.stages[0]
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                  has_touch=width < 500)
    page = context.new_page()
    try:
        login(page, live, f"{lang}@acme.test", PASSWORD)
        page.goto(f"{live}/admin/jobs/{job.id}")
        column = page.locator(f"#stage-{first.id}")
        expect(column.locator(".count")).to_have_text("9")
        expect(column.locator(".chip")).to_have_count(4)
        page.screenshot(path=str(_shots() / f"board-{lang}-{width}.png"), full_page=True)
        column.locator(".board-more").click()
        expect(column.locator(".chip")).to_have_count(8)
        column.locator(".board-more").click()
        expect(column.locator(".chip")).to_have_count(9)
        expect(column.locator(".board-more")).to_have_count(0)
        ids = column.locator(".chip").evaluate_all("els => els.map(e => e.id)")
        assert sorted(ids) == sorted(f"chip-{a.id}" for a in apps) and len(set(ids)) == 9
        page.screenshot(path=str(_shots() / f"board-more-{lang}-{width}.png"), full_page=True)
        # A chip that came with "show more" moves like the others (htmx processed the swap).
        loaded = apps[0]  # the oldest: it came with the last chunk
        page.locator(f"#chip-{loaded.id} select").select_option(str(job.stages[2].id))
        expect(page.locator(f"#stage-{job.stages[2].id} #chip-{loaded.id}")).to_be_visible()
        expect(column.locator(".count")).to_have_text("8")
        # The re-rendered column keeps the chips "Show more" had brought in (all 8 left).
        expect(column.locator(".chip")).to_have_count(8)
        expect(column.locator(".board-more")).to_have_count(0)
        page.goto(f"{live}/admin/jobs/{empty.id}")
        expect(page.locator(".board .empty").first).to_be_visible()
        page.screenshot(path=str(_shots() / f"board-empty-{lang}-{width}.png"), full_page=True)
    finally:
        context.close()


def test_show_more_without_javascript(live, browser, board_world):
    job, _empty, apps = board_world
    first, interview = job.stages[0], job.stages[2]
    context = browser.new_context(viewport={"width": 1366, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        login(page, live, "en@acme.test", PASSWORD)
        page.goto(f"{live}/admin/jobs/{job.id}")
        page.locator(f"#stage-{first.id} .board-more").click()
        page.wait_for_url(f"**/admin/jobs/{job.id}/stages/{first.id}?after=*")
        expect(page.locator(".chip")).to_have_count(4)
        page.screenshot(path=str(_shots() / "board-column-page-nojs-en-1366.png"), full_page=True)
        chip = page.locator(".chip").first
        moving = chip.get_attribute("id").removeprefix("chip-")
        chip.locator("select").select_option(str(interview.id))
        chip.locator("button[type=submit]").click()
        page.wait_for_url(f"**/admin/jobs/{job.id}")
        expect(page.locator(f"#stage-{interview.id} #chip-{moving}")).to_be_visible()
        expect(page.locator(f"#stage-{first.id} .count")).to_have_text("8")
        assert int(moving) in {a.id for a in apps}
    finally:
        context.close()
