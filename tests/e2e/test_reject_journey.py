"""Reject from the card with a reason and a delayed email, then undo (issue 16, item 1): the
⋯ menu opens the dialog, the card then says when the email goes and offers Undo, and Undo
puts the application back with the email withdrawn."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.messaging.models import OutboxEmail, OutboxStatus
from tests.support.browser import login
from tests.support.builders import PASSWORD
from tests.support.rejections import interviewing


def test_reject_with_a_delayed_email_then_undo(live, make, desk):
    _company, _recruiter, job, application = interviewing(make)
    card = f"#application-{application.id}"

    login(desk, live, "rec@acme.test", PASSWORD)
    desk.goto(f"{live}/admin/applications/{application.id}")
    desk.click(f"#actions-{application.id} summary")
    desk.get_by_role("link", name="Reject…").click()
    dialog = desk.locator("#reject-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Reason").select_option(label="Chose another candidate")
    dialog.get_by_label("Note (only your team sees it)").fill("Internal hire")
    dialog.get_by_label("Send later").check()
    dialog.get_by_label("Send after").select_option("3")
    dialog.get_by_role("button", name="Reject").click()

    expect(dialog).to_have_count(0)
    expect(desk.locator(f"{card} .rejection-panel")).to_contain_text("email scheduled for")
    expect(desk.locator(f"{card} .rejection-panel")).to_contain_text("Chose another candidate")
    expect(desk.locator(f"{card} .rejection-panel")).to_contain_text("Internal hire")
    expect(desk.locator("#toasts")).to_contain_text("you can undo until then")

    desk.locator(f"{card} .rejection-panel").get_by_role("button", name="Undo").click()
    expect(desk.locator(f"{card} .rejection-panel")).to_have_count(0)
    expect(desk.locator(f"#card-stage-{application.id}")).to_have_value(str(job.stages[2].id))
    expect(desk.locator("#toasts")).to_contain_text("Rejection undone")
    db.session.expire_all()
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "rejection"))
    assert row.status == OutboxStatus.CANCELLED
