"""Send an email from the card (free text, previewed), the candidate replies over SMTP to
the inbound listener, and the card's conversation shows the reply with its attachment."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from playwright.sync_api import expect
from sqlalchemy import select

from app.conversations import listener
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.browser import login
from tests.support.builders import PASSWORD, PDF
from tests.support.processes import free_port, wait_for


def test_send_from_the_card_and_see_the_reply(app, live, make, desk):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, "Backend developer", team=[recruiter])
    application = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    port = free_port()
    inbound = listener.start(app, "127.0.0.1", port)
    try:
        login(desk, live, "rec@acme.test", PASSWORD)
        desk.goto(f"{live}/admin/applications/{application.id}")
        panel = desk.locator(f"#conversation-{application.id}")
        panel.get_by_role("link", name="Send email").click()
        desk.select_option("#template_id", "0")
        desk.fill("#subject", "Interview for {{ job_title }}")
        desk.fill("#body", "Hello {{ candidate_given_name }},\ncould we talk on Tuesday?")
        panel.get_by_role("button", name="Preview").click()
        expect(panel.locator(".message-preview")).to_contain_text("Interview for Backend developer")
        expect(panel.locator(".message-preview")).to_contain_text("Hello Aino,")
        panel.get_by_role("button", name="Send").click()
        expect(desk.locator("#toasts")).to_contain_text("Email queued for aino@example.fi.")
        expect(panel.locator(".thread-out").last).to_contain_text("Interview for Backend developer")

        db.session.rollback()
        token = wait_for(lambda: db.session.scalar(select(OutboxEmail.reply_token).where(
            OutboxEmail.application_id == application.id, OutboxEmail.kind == "message")), message="the email")
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = "Aino <aino@example.fi>", f"reply+{token}@localhost", "Re: Interview"
        msg.set_content("Tuesday at 10 works for me.\n\nOn Mon, Acme wrote:\n> Hello Aino")
        msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="references.pdf")
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
            smtp.sendmail("aino@example.fi", [msg["To"]], msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))

        desk.reload()
        reply = desk.locator(f"#conversation-{application.id} .thread-in")
        expect(reply).to_contain_text("Tuesday at 10 works for me.")
        expect(reply).not_to_contain_text("Hello Aino")
        expect(reply.get_by_role("link", name="references.pdf")).to_be_visible()
        expect(desk.locator(f"#timeline-{application.id}")).to_contain_text("The candidate replied by email")
    finally:
        inbound.stop()


def test_send_without_javascript(app, live, make, browser):
    company = make.company("acme", "Acme Oy")
    make.user(company, email="rec@acme.test")
    application = make.application(make.job(company, "Backend developer"), email="aino@example.fi")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        login(page, live, "rec@acme.test", PASSWORD)
        page.goto(f"{live}/admin/applications/{application.id}/message")
        page.fill("#subject", "Hello")
        page.fill("#body", "Plain pages work too.")
        page.get_by_role("button", name="Preview").click()
        expect(page.locator(".message-preview")).to_contain_text("Plain pages work too.")
        page.get_by_role("button", name="Send").click()
        page.wait_for_url(f"**/admin/applications/{application.id}#conversation")
        expect(page.locator(".flash, .flashes").first).to_contain_text("Email queued for aino@example.fi.")
        expect(page.locator(f"#conversation-{application.id} .thread-out").last).to_contain_text("Hello")
    finally:
        context.close()
