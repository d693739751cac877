"""A note added on the card shows at once: a toast and the timeline, not a flash on the next page."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.support.browser import login
from tests.support.builders import PASSWORD


def test_note_shows_at_once_and_not_again(live, make, desk):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, "Backend developer", team=[recruiter])
    application = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")

    login(desk, live, "rec@acme.test", PASSWORD)
    desk.goto(f"{live}/admin/applications/{application.id}")
    desk.fill(f"#note-text-{application.id}", "Strong portfolio, call on Monday")
    desk.click(f"#note-{application.id} button[type=submit]")
    expect(desk.locator(f"#timeline-{application.id} .timeline")).to_contain_text("Strong portfolio, call on Monday")
    expect(desk.locator("#toasts")).to_contain_text("Note added.")
    expect(desk.locator(f"#note-text-{application.id}")).to_have_value("")
    desk.reload()
    expect(desk.locator(f"#timeline-{application.id} .timeline")).to_contain_text("Strong portfolio, call on Monday")
    expect(desk.locator("main")).not_to_contain_text("Note added.")
