"""Scorecards in the browser (issue 17 item 2): the form works without JavaScript, the card's
summary, the hidden state for a pending reviewer, the list's Score column, the board's badge
and the settings page, on a desk and a phone, in English, Finnish and Vietnamese. The
screenshots go to $SCORECARD_SHOTS (default: the repository's screenshots/ folder)."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD

OUT = Path(os.environ.get("SCORECARD_SHOTS", SHOTS))


def _shoot(page, name):
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def test_scorecards_in_the_browser(live, make, browser):
    from app.applications.columns import save_list_columns
    from app.scorecards import services

    company = make.company("acme", "Acme Oy")
    admin = make.admin_of(company)
    anna = make.user(company, email="anna@acme.test")
    ben = make.user(company, email="ben@acme.test")
    anna.name = "Anna-Kaarina Lindqvist-Nieminen"
    job = make.job(company, "Senior backend developer (Python, PostgreSQL, distributed systems)", team=[anna, ben])
    long = make.application(job, email="long@example.fi", given="Maria-Magdalena Josefiina",
                            family="Virtanen-Korhonen-Äijälä")
    make.application(job, email="other@example.fi", given="Nguyễn", family="Thị Minh Khai")
    services.save(long, admin, ratings={"a1": 4, "a2": 3, "a3": 4}, recommendation="strong_yes",
                  notes="Designed the event pipeline end to end.", submit=True)
    services.save(long, anna, ratings={"a1": 3, "a2": 2, "a4": 3}, recommendation="yes", notes="", submit=True)
    services.save(long, make.user(company, email="cy@acme.test"), ratings={"a1": 2, "a5": 1},
                  recommendation="no", notes="Unsure about ownership.", submit=True)
    services.request_scorecard(long.id, ben.id, requested_by=admin)
    save_list_columns(admin, ["candidate", "job", "stage", "scorecard_score"])

    for lang in ("en", "fi", "vi"):
        for device, size in (("desk", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
            context = browser.new_context(viewport=size)
            page = context.new_page()
            login(page, live, "admin@acme.test", PASSWORD)
            page.goto(f"{live}/admin/applications/{long.id}?lang={lang}")
            expect(page.locator(f"#scorecards-{long.id}")).to_contain_text("3.0 / 4")
            page.locator(f"#scorecards-{long.id}").scroll_into_view_if_needed()
            _shoot(page, f"card-summary-{lang}-{device}")
            page.goto(f"{live}/admin/applications/{long.id}/scorecard?lang={lang}")
            _shoot(page, f"form-{lang}-{device}")
            if lang != "vi":
                page.goto(f"{live}/admin/applications?lang={lang}")
                _shoot(page, f"list-{lang}-{device}")
                page.goto(f"{live}/admin/jobs/{job.id}?lang={lang}")
                expect(page.locator(".chip").first).to_be_visible()
                _shoot(page, f"board-{lang}-{device}")
                page.goto(f"{live}/admin/scorecards/settings/job/{job.id}?lang={lang}")
                _shoot(page, f"settings-{lang}-{device}")
            context.close()

    # the pending reviewer: nothing of the others, then theirs goes in without JavaScript
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    login(page, live, "ben@acme.test", PASSWORD)
    page.goto(f"{live}/admin/applications/{long.id}")
    panel = page.locator(f"#scorecards-{long.id}")
    expect(panel).to_contain_text("once you have submitted yours")
    expect(panel).not_to_contain_text("Strong yes")
    _shoot(page, "card-hidden-en-phone")
    page.goto(f"{live}/admin/jobs/{job.id}")
    expect(page.locator("main")).not_to_contain_text("Score 3.0 / 4")
    page.goto(f"{live}/admin/applications/{long.id}/scorecard")
    page.check("input[name=rating-a1][value='3']")
    page.check("input[name=recommendation][value='yes']")
    page.fill("#scorecard-notes", "Good pairing session.")
    page.click("button[value=submit]")
    panel = page.locator(f"#scorecards-{long.id}")
    expect(panel).to_contain_text("Strong yes")
    expect(panel).to_contain_text("Good pairing session.")
    _shoot(page, "card-after-submit-en-phone")
    context.close()
