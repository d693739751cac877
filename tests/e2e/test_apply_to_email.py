"""apply on a phone → confirmation email → the board → an HTMX stage move → automation email."""

from __future__ import annotations

from playwright.sync_api import expect

from app.applications.models import Application
from app.messaging.services import template_for
from tests.support.browser import login
from tests.support.builders import PASSWORD, PDF
from tests.support.mail import text_of
from tests.support.processes import run_worker, wait_for


def test_apply_board_move_email(live, app, make, mailbox, test_env, phone, desk, shot):
    from app.applications.automations import add_automation
    from app.extensions import db

    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, "Backend developer", team=[recruiter], description="Build things.\n\nWith Python.")
    invite = template_for(company.id, "interview_invitation")
    db.session.add(invite)
    db.session.commit()
    add_automation(job, stage_id=job.stages[2].id, email_template_id=invite.id, move_to_stage_id=None)

    # the candidate, on a phone
    phone.goto(f"{live}/c/acme/")
    shot(phone, "e2e-careers-phone")
    phone.click("text=Backend developer")
    expect(phone.locator("h1")).to_have_text("Backend developer")
    shot(phone, "e2e-job-phone")
    phone.click("text=Apply for this job")
    phone.fill("#given_names", "Aino Maria")
    phone.fill("#family_name", "Virtanen")
    phone.fill("#email", "aino@example.fi")
    phone.fill("#phone", "+358 40 123 4567")
    phone.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    phone.fill("#cover_letter", "Hei! I would love to join.")
    phone.check("#consent")
    shot(phone, "e2e-apply-filled-phone")
    phone.click("text=Send application")
    expect(phone.locator("h1")).to_have_text("Thank you for your application!")
    shot(phone, "e2e-applied-phone")

    run_worker(test_env)
    received = wait_for(lambda: [m for m in mailbox.messages if m["To"] == "aino@example.fi"], message="email")
    assert "Backend developer" in received[0]["Subject"] and "Acme Oy" in text_of(received[0])

    # the recruiter, at a desk
    login(desk, live, "rec@acme.test", PASSWORD)
    expect(desk.locator("#notif-badge")).not_to_have_text("0")
    desk.goto(f"{live}/admin/jobs/{job.id}")
    new_column = desk.locator(f"#stage-{job.stages[0].id}")
    expect(new_column).to_contain_text("Aino Maria Virtanen")
    shot(desk, "e2e-board-before")
    chip = new_column.locator(".chip", has_text="Aino Maria Virtanen")
    chip.locator("select").select_option(label="Interview")  # hx-trigger="change": an HTMX swap
    interview_column = desk.locator(f"#stage-{job.stages[2].id}")
    expect(interview_column).to_contain_text("Aino Maria Virtanen")
    expect(new_column).not_to_contain_text("Aino Maria Virtanen")
    expect(desk.locator("#toasts")).to_contain_text("Moved to Interview")
    shot(desk, "e2e-board-after-move")

    run_worker(test_env)
    invites = wait_for(lambda: [m for m in mailbox.messages if m["Subject"].startswith("Interview:")], message="invite")
    assert invites[0]["To"] == "aino@example.fi"

    # the card: details, timeline, move from the card
    desk.click("text=Aino Maria Virtanen")
    expect(desk.locator("h1")).to_contain_text("Aino Maria Virtanen")
    expect(desk.locator(".timeline")).to_contain_text("Entered Interview, moved by a person")
    application = db.session.scalar(db.select(Application))
    desk.select_option(f"#card-stage-{application.id}", label="Offer")
    desk.click(".stage-form button[type=submit]")
    expect(desk.locator(".facts")).to_contain_text("Offer")
    desk.click(".actions-menu summary")
    shot(desk, "e2e-card-menu-open")

    desk.goto(f"{live}/admin/applications")
    desk.click("#column-menu summary")
    shot(desk, "e2e-list-column-menu")
    desk.goto(f"{live}/admin/pipeline/job/{job.id}")
    shot(desk, "e2e-pipeline-settings")
