"""The hiring team in a browser: an admin gives roles, a recruiter asks an interviewer to
review and mentions a hiring manager in a note; the hiring manager gets the notification and
sees only their job; the interviewer sees the card read-mostly. Screenshots of each screen
(desktop and phone, English and Finnish) go to ``SHOTS`` (or ``HAKU_SHOTS_DIR``)."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

from app.extensions import db
from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD

OUT = Path(os.environ.get("HAKU_SHOTS_DIR") or SHOTS)


def _shot(page, name):
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def _pages(browser):
    desk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    return desk, phone


def test_hiring_team_journey(live, make, browser):
    company = make.company("acme", "Acme Oy")
    make.user(company, role="admin", email="boss@acme.test")
    rec = make.user(company, email="rec@acme.test")
    hilda = make.user(company, role="hiring_manager", email="hilda@acme.test")
    hilda.name = "Hilda Hannele Johanna Mäkinen-Vuorenpää"
    ivan = make.user(company, role="interviewer", email="ivan@acme.test")
    ivan.name = "Ivan Interviewer"
    nina = make.user(company, role="interviewer", email="nina@acme.test")
    nina.name = "Nina Noaccess"
    hilda.email_notification_kinds = ["mention"]
    db.session.commit()
    job = make.job(company, "Senior data platform engineer, streaming and analytics", team=[rec, hilda])
    other = make.job(company, "Designer")
    application = make.application(job, given="Aino Maria Kristiina", family="Virtanen-Korhonen")
    make.application(job, given="Bertil", family="Berg")
    make.application(other, given="Otto", family="Outside")
    card = f"{live}/admin/applications/{application.id}"

    for lang in ("en", "fi"):
        desk, phone = _pages(browser)
        for page, size in ((desk, "desktop"), (phone, "phone")):
            login(page, live, "boss@acme.test", PASSWORD)
            page.goto(f"{live}/admin/settings/users?lang={lang}")
            _shot(page, f"users-{lang}-{size}")
        desk.context.close()
        phone.context.close()

    desk, phone = _pages(browser)
    login(desk, live, "rec@acme.test", PASSWORD)
    desk.goto(card)
    desk.click(f"#reviewers-{application.id} .reviewer-picker summary")  # the picker's options load when opened
    desk.select_option(f"#reviewers-{application.id}-user", str(ivan.id))
    desk.click(f"#reviewers-{application.id} .reviewer-add button")
    expect(desk.locator(f"#reviewers-{application.id} .reviewer-list")).to_contain_text("Ivan Interviewer")
    desk.fill(f"#note-text-{application.id}", "@hilda could you check the SQL test? @Ivan Interviewer ok. @boss fyi")
    desk.click(f"#note-{application.id} button[type=submit]")
    expect(desk.locator("#toasts")).to_contain_text("Note added.")
    _shot(desk, "card-mention-recruiter-en-desktop")
    desk.goto(f"{card}?lang=fi")
    desk.fill(f"#note-text-{application.id}", "@Nina Noaccess voisitko haastatella?")
    desk.click(f"#note-{application.id} button[type=submit]")
    expect(desk.locator("#toasts")).to_contain_text("Nina Noaccess")
    _shot(desk, "card-mention-not-notified-fi-desktop")
    desk.context.close()
    phone.context.close()

    for lang in ("en", "fi"):
        desk, phone = _pages(browser)
        for page, size in ((desk, "desktop"), (phone, "phone")):
            login(page, live, "hilda@acme.test", PASSWORD)
            page.goto(f"{live}/admin/notifications?lang={lang}")
            expect(page.locator("main")).to_contain_text("Aino Maria Kristiina")
            _shot(page, f"notification-hm-{lang}-{size}")
            page.goto(f"{live}/admin/applications")
            expect(page.locator("main")).not_to_contain_text("Outside")
            _shot(page, f"list-hm-{lang}-{size}")
            page.goto(f"{live}/admin/jobs/{job.id}")
            _shot(page, f"board-hm-{lang}-{size}")
            page.goto(card)
            _shot(page, f"card-hm-{lang}-{size}")
        desk.context.close()
        phone.context.close()

    for lang in ("en", "fi"):
        desk, phone = _pages(browser)
        for page, size in ((desk, "desktop"), (phone, "phone")):
            login(page, live, "ivan@acme.test", PASSWORD)
            page.goto(f"{card}?lang={lang}")
            expect(page.locator(f"#application-{application.id}")).to_be_visible()
            expect(page.locator(f"#card-stage-{application.id}")).to_have_count(0)
            _shot(page, f"card-interviewer-{lang}-{size}")
            page.goto(f"{live}/admin/applications")
            expect(page.locator("main")).not_to_contain_text("Bertil")
            _shot(page, f"list-interviewer-{lang}-{size}")
            page.goto(f"{live}/admin/")
            _shot(page, f"dashboard-interviewer-{lang}-{size}")
        desk.context.close()
        phone.context.close()
