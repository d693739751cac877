"""Interview scheduling in a browser: the recruiter creates an interview and sends the link
from the card's dialog; the candidate, on a phone, sees the times in the browser's own time
zone (the external script pre-selects it), picks one and gets the invitation. Screenshots of
every screen go to ``SHOTS`` (and to ``HAKU_SHOTS_DIR`` when set)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import select

from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD

EXTRA = Path(os.environ.get("HAKU_SHOTS_DIR") or "/nonexistent")  # a copy elsewhere when asked
LONG_JOB = "Senior full-stack developer for the customer self-service and payments platform team"


def _save(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"interviews-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    if EXTRA.is_dir():
        shutil.copy(path, EXTRA / path.name)


def _world(make, locale="fi"):
    from app.extensions import db
    from app.interviews import availability

    company = make.company("kide", "Kide Oy")
    company.timezone = "Europe/Helsinki"
    db.session.commit()
    rec = make.user(company, email="rec@kide.test")
    rec.name = "Maria-Kristiina Lindqvist-Hämäläinen"
    mate = make.user(company, email="mate@kide.test")
    mate.name = "Nguyễn Thị Thanh Hương"
    db.session.commit()
    for user in (rec, mate):
        availability.save(user, {d: "08:00-18:00" for d in range(7)}, "")
    job = make.job(company, LONG_JOB, team=[rec])
    application = make.application(job, email="aino@example.fi", given="Aino-Maria Johanna",
                                   family="Virtanen-Korhonen")
    application.candidate.locale = locale
    db.session.commit()
    return company, rec, mate, application


def test_recruiter_sends_a_link_and_the_candidate_books_on_a_phone(live, make, desk, browser):
    from app.extensions import db
    from app.interviews.models import Interview, InterviewStatus
    from app.messaging.models import OutboxEmail

    _, rec, mate, application = _world(make)
    login(desk, live, "rec@kide.test", PASSWORD)
    desk.goto(f"{live}/admin/interviews/mine")
    _save(desk, "my-interviews-empty-desktop")
    desk.goto(f"{live}/admin/applications/{application.id}")
    desk.locator(f"#actions-{application.id} summary").click()
    desk.get_by_text("Schedule interview…").click()
    dialog = desk.locator("#interview-dialog")
    expect(dialog).to_be_visible()
    dialog.locator(f"input[name=interviewers][value='{mate.id}']").check()
    dialog.locator("#location").fill("https://meet.example.com/kide-aino")
    dialog.locator("input[name=then][value=link]").check()
    _save(desk, "create-dialog-desktop", full_page=False)
    dialog.get_by_role("button", name="Create interview").click()
    expect(desk.locator(".interview-panel")).to_contain_text("Waiting for the candidate")
    _save(desk, "card-panel-desktop")

    link_email = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "interview_link"))
    link = re.search(r"https?://\S+/interview/\S+", link_email.body_text).group(0)

    for locale, zone in (("fi", "Europe/Helsinki"), ("vi", "Asia/Ho_Chi_Minh")):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                      timezone_id=zone, locale=locale)
        phone = context.new_page()
        phone.goto(f"{link}?lang={locale}")
        # the browser's zone (JS); Chromium names Ho Chi Minh City by its older alias Asia/Saigon
        expect(phone.locator("#tz")).to_have_value(re.compile(zone if locale == "fi" else "Asia/(Ho_Chi_Minh|Saigon)"))
        _save(phone, f"scheduling-phone-{locale}")
        if locale == "vi":
            first = phone.locator("button.interview-time").first
            label = first.inner_text()
            first.click()
            expect(phone.locator(".interview-booked")).to_contain_text(label)
            _save(phone, "booked-phone-vi")
        context.close()

    interview = db.session.scalar(select(Interview))
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.BOOKED
    assert interview.candidate_timezone in ("Asia/Ho_Chi_Minh", "Asia/Saigon")
    invitation = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "interview_invitation",
                                                             OutboxEmail.to_addr == "aino@example.fi"))
    assert f"({interview.candidate_timezone})" in invitation.body_text and "BEGIN:VCALENDAR" in invitation.ics
    desk.set_content(f"<pre style='font: 14px/1.5 sans-serif; white-space: pre-wrap; padding: 16px'>"
                     f"Subject: {invitation.subject}\n\n{invitation.body_text}\n--- invite.ics ---\n{invitation.ics}</pre>")
    _save(desk, "invitation-email")
    desk.goto(f"{live}/admin/interviews/mine")
    expect(desk.locator("main")).to_contain_text("Aino-Maria Johanna Virtanen-Korhonen")
    _save(desk, "my-interviews-desktop")
    phone_ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    p = phone_ctx.new_page()
    login(p, live, "rec@kide.test", PASSWORD)
    p.goto(f"{live}/admin/interviews/mine?lang=fi")
    _save(p, "my-interviews-phone-fi")
    p.goto(f"{live}/admin/account/availability?lang=fi")
    _save(p, "availability-phone-fi")
    p.goto(f"{live}/admin/applications/{application.id}/interviews/new?lang=fi")
    _save(p, "create-page-phone-fi")
    p.goto(f"{live}/admin/jobs/{application.job_id}/interview-scheduling?lang=fi")
    expect(p.locator("main")).to_contain_text("Haastattelujen ajanvaraus")
    _save(p, "job-scheduling-phone-fi")
    phone_ctx.close()
    desk.goto(f"{live}/interview/not-a-token")
    _save(desk, "link-unknown-desktop")
