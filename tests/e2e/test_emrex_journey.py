"""EMREX in the browser: apply → invite email → link → "is this you?" → country → university → the
contact point (sandbox) → back with signed records → records and GPA on the card → the link again
(records received); and the opt-out → the link again → a change of mind → the picker."""

from __future__ import annotations

import re

from babel.dates import format_date
from playwright.sync_api import expect

from app.emrex import services
from app.emrex.models import EmrexRequest
from app.extensions import db
from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD, PDF
from tests.support.mail import text_of
from tests.support.processes import run_worker, wait_for

LINK = re.compile(r"(http://127\.0\.0\.1:\d+/emrex/r/[A-Za-z0-9_\-]+)")


def _setup(make):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale = True, "5.0"
    db.session.commit()
    job = make.job(company, "Summer trainee")
    services.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    return company, job


def _apply_and_get_link(phone, live, test_env, mailbox, lang="fi"):
    phone.goto(f"{live}/c/acme/?lang={lang}")
    phone.click("text=Summer trainee")
    phone.click(".btn-primary")
    phone.fill("#given_names", "Aino")
    phone.fill("#family_name", "Virtanen")
    phone.fill("#email", "aino@example.fi")
    phone.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    phone.check("#consent")
    phone.click("form button[type=submit]")
    run_worker(test_env)
    invite = wait_for(lambda: [m for m in mailbox.messages if LINK.search(text_of(m))], message="EMREX invite")[0]
    assert "opintotietojasi" in invite["Subject"]  # Finnish, the language the candidate applied in
    return LINK.search(text_of(invite)).group(1)


def test_full_emrex_journey(live, make, mailbox, test_env, phone, desk, shot, emp_registry):
    _, job = _setup(make)
    link = _apply_and_get_link(phone, live, test_env, mailbox)
    phone.goto(link)
    expect(phone).to_have_url(f"{live}/emrex/request")  # the token left the address bar
    expect(phone.locator("h1")).to_have_text("Jaa opintotietosi")
    # whom the request is for, masked; nothing to pick until the person says it is them
    expect(phone.locator(".whom-name")).to_have_text("A••• V•••")
    expect(phone.locator("#country")).to_have_count(0)
    shot(phone, "e2e-emrex-whom-phone-fi")
    phone.click("button[value=me]")
    expect(phone.locator(".whom-confirmed")).to_contain_text("A••• V•••")
    phone.select_option("#country", label="Suomi")  # country names in the page's language
    phone.click("text=Näytä korkeakoulut")
    shot(phone, "e2e-emrex-picker-phone-fi")
    phone.check("text=University of Helsinki")
    phone.fill("#birth_date", "1999-04-12")
    phone.click("text=Jatka korkeakouluuni")
    # the hand-off page auto-submits to the contact point (the sandbox)
    expect(phone.locator("#givenNames")).to_be_visible()
    shot(phone, "e2e-emrex-sandbox-login")
    phone.fill("#givenNames", "Aino")
    phone.fill("#familyName", "Virtanen")
    phone.fill("#bday", "1999-04-12")
    phone.click("button[value=login]")
    expect(phone.locator("button[value=confirm]")).to_be_visible()
    shot(phone, "e2e-emrex-sandbox-results")
    phone.click("button[value=confirm]")
    expect(phone.locator("h1")).to_have_text("Kiitos — opintotietosi vastaanotettiin", timeout=30000)
    shot(phone, "e2e-emrex-done-phone")
    # the link from the email, later: it says when the records arrived, nothing more to do
    phone.goto(link)
    expect(phone).to_have_url(f"{live}/emrex/request")
    expect(phone.locator("html")).to_have_attribute("lang", "fi")
    received = db.session.scalar(db.select(EmrexRequest)).finished_at
    expect(phone.locator("h1")).to_contain_text(format_date(received.date(), "long", locale="fi"))  # a Finnish date
    expect(phone.locator(".emrex-received")).to_be_visible()
    expect(phone.locator("#country")).to_have_count(0)
    expect(phone.locator(".brand")).to_contain_text("Acme Oy")
    shot(phone, "e2e-emrex-received-link-phone-fi")

    login(desk, live, "admin@acme.test", PASSWORD)
    from app.applications.models import Application

    application = db.session.scalar(db.select(Application))
    desk.goto(f"{live}/admin/applications/{application.id}")
    panel = desk.locator(".emrex-panel")
    expect(panel).to_contain_text("signature verified")
    expect(panel).to_contain_text("identity match")
    expect(panel).to_contain_text("University of Helsinki")
    expect(panel).to_contain_text("/ 5.0")
    shot(desk, "e2e-emrex-card")
    panel.locator(".transcript").screenshot(path=str(SHOTS / "e2e-emrex-card-panel.png"))
    desk.goto(f"{live}/admin/applications")
    desk.click("#column-menu summary")
    for key in ("emrex_status", "emrex_institution", "emrex_degree", "emrex_credits_total", "emrex_gpa"):
        desk.check(f"input[name=columns][value={key}]")
    desk.click("text=Save columns")
    expect(desk.locator("#applications-table")).to_contain_text("Records received")
    shot(desk, "e2e-emrex-list-columns")
    desk.goto(f"{live}/admin/emrex/settings/job/{job.id}")
    shot(desk, "e2e-emrex-settings")
    desk.goto(f"{live}/admin/jobs/{job.id}/emrex")
    expect(desk.locator("svg.funnel-chart")).to_be_visible()
    shot(desk, "e2e-emrex-funnel")


def test_emrex_opt_out(live, make, mailbox, test_env, phone, desk, shot, emp_registry):
    _setup(make)
    link = _apply_and_get_link(phone, live, test_env, mailbox)
    phone.goto(link)
    phone.click("button[value=me]")
    phone.click("text=En halua jakaa opintotietojani")
    expect(phone.locator("h1")).to_have_text("Et halua jakaa opintotietojasi?")
    shot(phone, "e2e-emrex-optout-confirm")
    phone.click("form button[type=submit]")
    expect(phone.locator("h1")).to_have_text("Valmis — opintotietoja ei jaeta")
    login(desk, live, "admin@acme.test", PASSWORD)
    from app.applications.models import Application

    application = db.session.scalar(db.select(Application))
    desk.goto(f"{live}/admin/applications/{application.id}")
    expect(desk.locator(".emrex-panel")).to_contain_text("No records were transferred")
    # the link later: it says so and offers a change of mind, which asks "Is this you?" first
    phone.goto(link)
    expect(phone.locator(".emrex-declined")).to_be_visible()
    expect(phone.locator("#country")).to_have_count(0)
    shot(phone, "e2e-emrex-declined-link-phone-fi")
    phone.click("#emrex-reopen button")
    expect(phone.locator(".whom-name")).to_have_text("A••• V•••")
    phone.click("button[value=me]")
    expect(phone.locator("#country")).to_be_visible()  # the normal picker
    desk.reload()
    expect(desk.locator("body")).to_contain_text("The candidate changed their mind and reopened the EMREX request")
