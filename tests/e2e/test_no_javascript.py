"""Candidate pages and the core recruiter actions work with JavaScript off."""

from playwright.sync_api import expect

from tests.support.browser import login
from tests.support.builders import PASSWORD, PDF


def test_apply_without_javascript_on_a_phone(live, make, browser, shot):
    company = make.company("acme", "Acme Oy")
    make.job(company, "Data analyst")
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live}/c/acme/?lang=sv")
    page.click("text=Data analyst")
    page.click("text=Sök den här tjänsten")
    page.click("text=Skicka ansökan")  # empty: the server explains, in Swedish
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#field-given_names .error")).to_have_text("Fyll i ditt förnamn.")
    shot(page, "e2e-apply-errors-nojs-sv")
    page.fill("#given_names", "Oskar")
    page.fill("#family_name", "Berg")
    page.fill("#email", "oskar@example.se")
    page.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.check("#consent")
    page.click("text=Skicka ansökan")
    expect(page.locator("h1")).to_have_text("Tack för din ansökan!")
    context.close()


def test_recruiter_moves_a_stage_without_javascript(live, make, browser):
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Data analyst")
    application = make.application(job)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    login(page, live, "admin@acme.test", PASSWORD)
    page.goto(f"{live}/admin/applications/{application.id}")
    page.select_option(f"#card-stage-{application.id}", label="Interview")
    page.click(".stage-form button[type=submit]")
    expect(page.locator(".flash-success")).to_contain_text("Moved to Interview")
    expect(page.locator(".timeline")).to_contain_text("Entered Interview")
    context.close()


def test_columns_menu_saves_per_user(live, make, desk):
    company = make.company("acme", "Acme Oy")
    make.application(make.job(company, "Data analyst"))
    login(desk, live, "admin@acme.test", PASSWORD)
    desk.goto(f"{live}/admin/applications")
    desk.click("#column-menu summary")
    desk.check("input[name=columns][value=phone]")
    desk.uncheck("input[name=columns][value=source]")
    desk.click("text=Save columns")
    head = desk.locator("#applications-table thead")
    expect(head).to_contain_text("Phone")
    expect(head).not_to_contain_text("Source")
    desk.reload()
    expect(desk.locator("#applications-table thead")).to_contain_text("Phone")
