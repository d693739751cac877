"""Alva Coding in the browser: staff enable it for a company → the external ID and the secret
shown once → the vendor connects (sandbox) → a recruiter picks the test and the trigger stage
→ moves the candidate there on the board → the candidate takes the test in the sandbox →
score, report link and result on the card, score and status as list columns."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import select

from app.applications.models import Application
from app.extensions import db
from app.partners.models import PartnerIntegration
from tests.support.assessments import live_haku, vendor, vendor_sandbox, worker_env  # noqa: F401
from tests.support.browser import CHROMIUM_ARGS, login  # noqa: F401
from tests.support.builders import PASSWORD
from tests.support.mail import text_of
from tests.support.processes import run_worker, wait_for

LINK = re.compile(r"(http://127\.0\.0\.1:\d+/t/[A-Za-z0-9_\-]+)")


def test_alva_coding_journey(live_haku, app, make, vendor, worker_env, mailbox, browser, desk, phone, shot):  # noqa: F811
    live = live_haku
    env = {**worker_env, "BASE_URL": live}
    make.staff()
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, "Backend developer", team=[recruiter])
    application = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    account = vendor.account("coding", "Acme Oy")

    # platform staff: Integrations → Add new integration
    login(desk, live, "staff@haku.test", PASSWORD)
    desk.click("nav >> text=Integrations")
    desk.select_option("#ai-company", label="Acme Oy (acme)")
    desk.select_option("#ai-product", label="Alva Coding")
    desk.fill("#ai-key", account["api_key"])
    desk.click("text=Add integration")
    once = desk.locator("#secrets-once")
    expect(once).to_contain_text("Send these to Alva Labs now")
    integration = db.session.scalar(select(PartnerIntegration))
    external_id = desk.locator(f"#once-external-{integration.id}").inner_text()
    secret = desk.locator(f"#once-secret-{integration.id}").inner_text()
    assert external_id == integration.external_id and secret.startswith("whsec_")
    expect(desk.locator(f"#external-id-{integration.id}")).to_have_text(external_id)  # in the table too
    shot(desk, "e2e-assessments-staff-added")

    # the vendor finishes the connection with the shown values (sandbox control API)
    answer = vendor.connect(account["api_key"], live, external_id, secret)
    assert answer["status_code"] == 202
    run_worker(env)
    desk.goto(f"{live}/staff/integrations")
    row = desk.locator(f"#integration-{integration.id}")
    expect(row).to_contain_text("Configured")
    expect(row.locator(f"#external-id-{integration.id}")).to_have_text(external_id)
    expect(row.locator(f"button[data-copy=external-id-{integration.id}]")).to_be_visible()
    expect(row.locator(f"#company-id-{integration.id}")).to_have_text(str(company.id))
    shot(desk, "e2e-assessments-staff-integrations")
    desk.goto(f"{live}/staff/companies/{company.id}")
    expect(desk.locator(f"#assessments-company-{company.id}")).to_contain_text(external_id)
    shot(desk, "e2e-assessments-staff-company")

    # the recruiter: the job's assessment settings
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    rec = context.new_page()
    login(rec, live, "rec@acme.test", PASSWORD)
    rec.goto(f"{live}/admin/jobs/{job.id}")
    rec.click("text=More actions")  # the job's settings pages are in the head's menu
    rec.click("text=Assessment settings")
    # the vendor's connect callback queued the list of tests: the picker has it without a refresh
    expect(rec.locator(f"#assessment-test-job-{job.id} option", has_text="Python coding")).to_have_count(1)
    rec.select_option(f"#assessment-test-job-{job.id}", label="Python coding")
    rec.select_option(f"#assessment-trigger-job-{job.id}", label="Interview")
    rec.check(f"#assessment-move-job-{job.id}")
    rec.fill(f"#assessment-threshold-job-{job.id}", "70")
    rec.select_option(f"#assessment-target-job-{job.id}", label="Offer")
    rec.click("text=Save assessment settings")
    expect(rec.locator(".saved-note")).to_be_visible()
    shot(rec, "e2e-assessments-job-settings")

    # moved to the trigger stage on the board (an HTMX swap)
    rec.goto(f"{live}/admin/jobs/{job.id}")
    chip = rec.locator(f"#chip-{application.id}")
    chip.locator("select").select_option(label="Interview")
    expect(rec.locator("#toasts")).to_contain_text("Moved to Interview")
    run_worker(env)
    invite = wait_for(lambda: [m for m in mailbox.messages if LINK.search(text_of(m))], message="test link email")[0]
    assert invite["To"] == "aino@example.fi" and "assessment" in invite["Subject"]
    candidate_url = LINK.search(text_of(invite)).group(1)

    # the candidate takes the test at the vendor (sandbox), on a phone
    phone.goto(candidate_url)
    expect(phone.locator("h1")).to_contain_text("Aino")
    for i, answer_index in enumerate([0, 2, 0, 2, 1]):  # four of five right: 80
        phone.check(f"input[name=q{i}][value='{answer_index}']")
    shot(phone, "e2e-assessments-vendor-test-phone")
    phone.click("button:has-text('Submit test')")
    expect(phone.locator("#thanks")).to_be_visible()
    wait_for(lambda: len([d for d in vendor.deliveries() if d["type"] != "integration.connect"]) >= 5
             and all(d["status"] == "delivered" for d in vendor.deliveries()), message="callbacks delivered")
    run_worker(env)

    # the result on the card
    rec.goto(f"{live}/admin/applications/{application.id}")
    panel = rec.locator(f"#assessment-panel-{application.id}")
    expect(panel).to_contain_text("Python coding")
    expect(panel).to_contain_text("Complete")
    expect(panel.locator(".score-value")).to_have_text("80")
    report = panel.locator("a", has_text="Open the report")
    expect(report).to_have_attribute("href", re.compile(rf"^{re.escape(vendor.base)}/reports/int_"))
    expect(rec.locator(".app-card")).to_contain_text("Offer")  # moved on the passing score
    shot(rec, "e2e-assessments-card")
    panel.screenshot(path=str(__import__("tests.e2e.conftest", fromlist=["SHOTS"]).SHOTS
                              / "e2e-assessments-card-panel.png"))

    # …and as list columns (cogwheel)
    rec.goto(f"{live}/admin/applications")
    rec.click("#column-menu summary")
    rec.check("input[name=columns][value=assessment_score]")
    rec.check("input[name=columns][value=assessment_status]")
    rec.click("text=Save columns")
    table = rec.locator("#applications-table")
    expect(table).to_contain_text("80 / 100")
    expect(table).to_contain_text("Complete")
    shot(rec, "e2e-assessments-list-columns")
    context.close()

    # the company admin: Settings → Assessments, with the activity log
    admin_context = browser.new_context(viewport={"width": 1366, "height": 900})
    admin = admin_context.new_page()
    login(admin, live, "admin@acme.test", PASSWORD)
    admin.goto(f"{live}/admin/settings")
    admin.click(".settings-link:has-text('Assessments')")
    expect(admin.locator(f"#product-{integration.id}")).to_contain_text("Configured")
    shot(admin, "e2e-assessments-admin-products")
    admin.click(f"#product-{integration.id} >> text=Activity log")
    expect(admin.locator("table")).to_contain_text("alva.send_test")
    expect(admin.locator("table")).to_contain_text("assessment.result")
    shot(admin, "e2e-assessments-activity-log")
    admin_context.close()
    db.session.expire_all()
    assert db.session.get(Application, application.id).stage.name == "Offer"
