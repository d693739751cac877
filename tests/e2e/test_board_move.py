"""A move on the board is one request: the answer swaps both columns and the bell out of band,
and nothing fetches the board or the bell again."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import login
from tests.support.builders import PASSWORD
from tests.support.processes import wait_for


@pytest.mark.parametrize("lang,width", [("en", 1280), ("en", 390), ("fi", 1280), ("fi", 390)])
def test_board_move_is_one_request(live, make, browser, shot, lang, width):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, "Backend developer", team=[recruiter])
    moving = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    make.application(job, email="eero@example.fi", given="Eero", family="Nieminen")
    new, interview = job.stages[0], job.stages[2]

    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                  has_touch=width < 500)
    page = context.new_page()
    try:
        login(page, live, "rec@acme.test", PASSWORD)
        page.goto(f"{live}/admin/jobs/{job.id}?lang={lang}")
        expect(page.locator(f"#stage-{new.id} .count")).to_have_text("2")
        requests: list[str] = []
        page.on("request", lambda r: requests.append(f"{r.method} {r.url.removeprefix(live)}"))

        page.locator(f"#chip-{moving.id} select").select_option(str(interview.id))
        expect(page.locator(f"#stage-{interview.id} #chip-{moving.id}")).to_be_visible()
        expect(page.locator(f"#stage-{new.id}")).not_to_contain_text("Aino Virtanen")
        expect(page.locator(f"#stage-{new.id} .count")).to_have_text("1")
        expect(page.locator(f"#stage-{interview.id} .count")).to_have_text("1")
        expect(page.locator("#toasts .toast-success")).to_be_visible()
        page.locator(f"#chip-{moving.id}").scroll_into_view_if_needed()  # on a phone the board scrolls sideways
        shot(page, f"board-after-move-{lang}-{width}")

        # Events from the answer's HX-Trigger fire before its swap: any refetch they caused has
        # been sent by now, so it shows in the list ahead of this marker request.
        page.evaluate("fetch('/admin/notifications/badge?marker=1')")
        wait_for(lambda: any("marker=1" in r for r in requests), message="marker request")
        before_marker = requests[:next(i for i, r in enumerate(requests) if "marker=1" in r)]
        assert before_marker == [f"POST /admin/applications/{moving.id}/stage"]
    finally:
        context.close()


@pytest.mark.parametrize("lang,width", [("en", 1280), ("en", 390), ("fi", 1280), ("fi", 390)])
def test_activity_mark_and_the_cards_menu_by_keyboard(live, make, browser, shot, lang, width):
    """A colleague's note marks the chip; the card's ⋯ menu opens and closes with the keyboard
    and lists the actions; once the card was opened the mark is gone (issue 16, items 3, 7)."""
    from app.applications import services
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    recruiter.locale = lang
    job = make.job(company, "Backend developer", team=[recruiter])
    aino = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    make.application(job, email="eero@example.fi", given="Eero", family="Nieminen")
    services.add_note(aino, "Called her: available from March.", make.admin_of(company))

    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                  has_touch=width < 500)
    page = context.new_page()
    try:
        login(page, live, "rec@acme.test", PASSWORD)
        page.goto(f"{live}/admin/jobs/{job.id}")
        expect(page.locator(f"#chip-{aino.id} .chip-news-mark")).to_have_count(1)
        expect(page.locator(".chip-news-mark")).to_have_count(1)
        shot(page, f"e2e-board-marks-{lang}-{width}")

        with page.expect_response(lambda r: r.url.endswith(f"/admin/applications/{aino.id}/seen")) as seen:
            page.goto(f"{live}/admin/applications/{aino.id}")
        assert seen.value.ok
        menu = page.locator(f"#actions-{aino.id}")
        menu.locator("summary").focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("open", "")
        # email, reject, move, tag, the features' (interview, scorecards), note, CV: every action there
        entries = menu.locator(".menu-body a, .menu-body button")
        expect(entries.first).to_be_visible()
        hrefs = " ".join(entries.evaluate_all("els => els.map(e => e.getAttribute('href') || e.form?.action || '')"))
        for path in ("/message", "/reject", "/interviews/new", "/scorecard", "/cv"):
            assert path in hrefs, (path, hrefs)
        shot(page, f"e2e-card-menu-{lang}-{width}", full_page=False)
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        expect(menu).not_to_have_attribute("open", "")
        expect(menu.locator("summary")).to_be_focused()

        page.goto(f"{live}/admin/jobs/{job.id}")
        expect(page.locator(f"#chip-{aino.id}")).to_be_visible()
        expect(page.locator(".chip-news-mark")).to_have_count(0)
    finally:
        context.close()
