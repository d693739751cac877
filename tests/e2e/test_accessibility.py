"""axe-core (axe-playwright-python) on the candidate pages, at desktop width and at 390 px, and on
the main recruiter and staff screens: no violation of impact serious or critical. Each page is
checked as a real visitor reaches it (live server, CSRF on, the EMREX contact-point sandbox),
and the results per page land in screenshots/axe-<test>.json for the release note."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from app.emrex import services as emrex
from app.extensions import db
from tests.support.assessments import add_integration, event, signed
from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD, PDF
from tests.support.mail import text_of
from tests.support.processes import run_worker, wait_for

BLOCKING = ("serious", "critical")
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/emrex/r/[A-Za-z0-9_\-]+)")
AXE = Axe()


class Audit:
    """Runs axe on each page it is shown and keeps every violation, so one run reports all."""

    def __init__(self, name: str):
        self.name = name
        self.pages: list[dict] = []

    def check(self, page, label: str) -> None:
        page.wait_for_load_state("load")
        response = AXE.run(page).response
        found = [{"rule": v["id"], "impact": v["impact"], "help": v["help"],
                  "targets": [", ".join(map(str, node["target"])) for node in v["nodes"]],
                  "summary": v["nodes"][0].get("failureSummary", "") if v["nodes"] else ""}
                 for v in response["violations"]]
        self.pages.append({"page": label, "url": page.url, "violations": found})
        page.screenshot(path=str(SHOTS / f"axe-{self.name}-{label}.png"), full_page=True)

    def blocking(self) -> list[str]:
        lines = []
        for entry in self.pages:
            for v in entry["violations"]:
                if v["impact"] in BLOCKING:
                    lines.append(f"{entry['page']} ({entry['url']}): {v['rule']} [{v['impact']}] {v['help']} "
                                 f"-> {'; '.join(v['targets'][:8])} ({v['summary'][:200]!r})")
        return lines

    def finish(self) -> None:
        SHOTS.mkdir(exist_ok=True)
        (SHOTS / f"axe-{self.name}.json").write_text(json.dumps(self.pages, indent=2))
        problems = self.blocking()
        print(f"axe: {len(self.pages)} pages checked ({self.name}), {len(problems)} serious/critical violations")
        for line in problems:
            print("  " + line)
        assert not problems, "axe found serious/critical violations:\n" + "\n".join(problems)


@pytest.fixture
def audit(request):
    SHOTS.mkdir(exist_ok=True)
    return Audit(request.node.name.removeprefix("test_"))


def _emrex_company(make):
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled, company.gpa_scale, company.job_boards_enabled = True, "5.0", True
    db.session.commit()
    job = make.job(company, "Summer trainee", description="Join our team for the summer.")
    emrex.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id, reminders_enabled=True)
    return company, job


def _candidate_pages(page, audit, live, mailbox, test_env, size: str, email: str) -> str:
    """Careers → job → apply (errors, then sent) → the EMREX link → picker → hand-off; returns the link."""
    page.goto(f"{live}/c/acme/")
    audit.check(page, f"careers-{size}")
    page.click("text=Summer trainee")
    audit.check(page, f"job-{size}")
    page.click(".btn-primary")
    audit.check(page, f"apply-{size}")
    page.click("form button[type=submit]")  # empty form: the validation-error state
    expect(page.locator(".error-summary")).to_be_visible()
    audit.check(page, f"apply-errors-{size}")
    page.fill("#given_names", "Aino")
    page.fill("#family_name", "Virtanen")
    page.fill("#email", email)
    page.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.check("#consent")
    page.click("form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/applied$"))
    audit.check(page, f"applied-{size}")
    run_worker(test_env)
    invite = wait_for(lambda: [m for m in mailbox.messages if m["To"] == email and LINK.search(text_of(m))],
                      message="EMREX invite")[0]
    link = LINK.search(text_of(invite)).group(1)
    page.goto(link)
    expect(page).to_have_url(f"{live}/emrex/request")
    audit.check(page, f"emrex-request-{size}")
    page.click("button[value=me]")  # "Is this you?"
    page.select_option("#country", value="FI")
    page.click("form.picker-step >> nth=0 >> button[type=submit]")
    expect(page.locator("text=University of Helsinki")).to_be_visible()
    audit.check(page, f"emrex-picker-{size}")
    return link


def _viewport(browser, size: str):
    if size == "phone":
        return browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    return browser.new_context(viewport={"width": 1366, "height": 900})


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_candidate_pages(size, live, make, mailbox, test_env, browser, audit, emp_registry):
    _, job = _emrex_company(make)
    context = _viewport(browser, size)
    page = context.new_page()
    page.goto(f"{live}/")
    audit.check(page, f"home-{size}")
    link = _candidate_pages(page, audit, live, mailbox, test_env, size, "aino@example.fi")
    # the hand-off page, held still: its script (which auto-submits) is not loaded
    page.route("**/emrex-handoff.js", lambda route: route.abort())
    page.check("text=University of Helsinki")
    page.fill("#birth_date", "1999-04-12")
    page.click("text=Continue to my university")
    expect(page.locator("form#emrex-handoff")).to_be_attached()
    audit.check(page, f"emrex-handoff-{size}")
    page.unroute("**/emrex-handoff.js")
    page.click("form#emrex-handoff button[type=submit]")
    page.fill("#givenNames", "Aino")
    page.fill("#familyName", "Virtanen")
    page.fill("#bday", "1999-04-12")
    page.click("button[value=login]")
    page.click("button[value=confirm]")
    expect(page.locator("h1")).to_contain_text("received", timeout=30000)
    audit.check(page, f"emrex-received-{size}")
    page.goto(f"{live}/emrex/request")  # the session is spent
    audit.check(page, f"emrex-no-session-{size}")
    page.goto(f"{live}/emrex/r/{'x' * 43}")  # an unknown link
    audit.check(page, f"emrex-dead-link-{size}")
    _post_from_page(page, f"{live}/emrex/return", {"sessionId": "0" * 32, "returnCode": "NCP_OK", "elmo": "e30="})
    expect(page.locator("h1")).to_contain_text("not valid")  # the 400 page a forged return gets
    audit.check(page, f"emrex-return-refused-{size}")
    page.goto(f"{live}/c/acme/jobs/999999")
    audit.check(page, f"error-404-{size}")
    for lang in ("fi", "sv", "vi"):
        page.goto(f"{live}/c/acme/?lang={lang}")
        audit.check(page, f"careers-{lang}-{size}")
    page.goto(f"{live}/your-data")  # the data request page, in Finnish after the loop above
    expect(page.locator("form input[type=email]")).to_be_visible()
    audit.check(page, f"your-data-{size}")

    # a second candidate opts out
    other = _viewport(browser, size).new_page()
    other.goto(f"{live}/c/acme/")
    link = _candidate_pages(other, AuditSink(audit), live, mailbox, test_env, size, "oskar@example.se")
    other.goto(f"{live}/c/acme/jobs/{job.id}/apply")  # the same person again
    other.fill("#given_names", "Oskar")
    other.fill("#family_name", "Berg")
    other.fill("#email", "oskar@example.se")
    other.set_input_files("#cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    other.check("#consent")
    other.click("form button[type=submit]")
    # answered like a first application (no "already applied" oracle); noted on the one there
    expect(other.locator("h1")).to_have_text("Thank you for your application!")
    audit.check(other, f"applied-again-{size}")
    other.goto(link)
    other.goto(f"{live}/emrex/opt-out")
    audit.check(other, f"emrex-opt-out-{size}")
    other.click("form button[type=submit]")
    expect(other.locator("h1")).to_contain_text("Done")
    audit.check(other, f"emrex-opted-out-{size}")
    other.context.close()
    context.close()
    audit.finish()


def _post_from_page(page, url: str, fields: dict) -> None:
    """Submit a plain form from the page, as a contact point's page posts the browser back."""
    page.evaluate("""([url, fields]) => {
        const form = document.createElement("form");
        form.method = "post"; form.action = url;
        for (const [name, value] of Object.entries(fields)) {
            const input = document.createElement("input");
            input.type = "hidden"; input.name = name; input.value = value; form.appendChild(input);
        }
        document.body.appendChild(form); HTMLFormElement.prototype.submit.call(form);
    }""", [url, fields])
    page.wait_for_load_state("load")


class AuditSink:
    """Stands in for the audit on pages already checked (the second candidate's way there)."""

    def __init__(self, audit):
        self.audit = audit

    def check(self, page, label):
        return None


def _results_on_card(make, client, mailbox, job):
    """An application with verified EMREX records (through the contact-point sandbox) and an
    Alva result (through the signed callback) — what the card shows at its fullest."""
    from app.assessments.models import AssessmentOrder
    from tests.support.emrex import journey

    application, resp, _ = journey(client.application, make, mailbox, job)
    assert resp.status_code == 200
    integration, secret = add_integration(job.company, connected=True)
    order = AssessmentOrder(company_id=job.company_id, application_id=application.id, integration_id=integration.id,
                            partner_test_id="alva-code-python", partner_test_name="Python coding", status="invited",
                            partner_interview_id="int_1", open_key=f"{application.id}:{integration.id}:alva")
    db.session.add(order)
    db.session.commit()
    card = {"title": "Python coding", "subtitle": "Alva Coding", "color": "#1f8a4c", "score": 82, "status": "complete",
            "links": [{"title": "Full report", "url": "https://vendor.example/reports/int_1"}],
            "content": [{"title": "Summary", "details": [{"title": "Score", "value": "82 / 100"}]}],
            "scores": [{"title": "Basics", "value": 90}]}
    status = {"partner_status": "complete", "partner_profile_url": "https://vendor.example/reports/int_1",
              "partner_score": 82, "partner_max_score": 100,
              "sub_scores": [{"title": "Basics", "value": 90, "max": 100}]}
    base = f"/partner/v1/assessments/{integration.external_id}"
    for path, payload, method in ((f"{base}/int_1", event("assessment.status_changed", status), "patch"),
                                  (f"{base}/applications/{application.ref}/result",
                                   event("assessment.result", card), "post")):
        body, headers = signed(secret, payload)
        assert getattr(client, method)(path, data=body, headers=headers).status_code == 202
    return application, integration


def test_recruiter_screens(request, make, client, mailbox, desk, audit, emp_registry):
    company, job = _emrex_company(make)
    application, integration = _results_on_card(make, client, mailbox, job)
    template = make_template(company)
    live = request.getfixturevalue("live")  # after the journey, which returns to the default BASE_URL
    page = desk
    page.goto(f"{live}/admin/login")
    audit.check(page, "login")
    page.fill("#email", "admin@acme.test")
    page.fill("#password", "wrong password here")
    page.click("form button[type=submit]")
    audit.check(page, "login-error")
    login(page, live, "admin@acme.test", PASSWORD)
    screens = [
        ("dashboard", "/admin/"),
        ("jobs", "/admin/jobs"),
        ("job-new", "/admin/jobs/new"),
        ("job-board", f"/admin/jobs/{job.id}"),
        ("job-edit", f"/admin/jobs/{job.id}/edit"),
        ("job-pipeline", f"/admin/pipeline/job/{job.id}"),
        ("job-emrex-funnel", f"/admin/jobs/{job.id}/emrex"),
        ("job-emrex-settings", f"/admin/emrex/settings/job/{job.id}"),
        ("job-assessment-settings", f"/admin/assessments/settings/job/{job.id}"),
        ("job-sources", f"/admin/jobs/{job.id}/sources"),
        ("applications", "/admin/applications"),
        ("application", f"/admin/applications/{application.id}"),
        ("pending", "/admin/pending"),
        ("templates", "/admin/templates"),
        ("template-edit", f"/admin/templates/{template.id}/edit"),
        ("settings", "/admin/settings"),
        ("users", "/admin/settings/users"),
        ("email-templates", "/admin/settings/email-templates"),
        ("audit-log", "/admin/settings/audit"),
        ("networks", "/admin/settings/recruitment-networks"),
        ("topcv", "/admin/settings/recruitment-networks/topcv"),
        ("assessment-products", "/admin/settings/assessments"),
        ("assessment-log", f"/admin/integrations/{integration.id}/log"),
        ("notifications", "/admin/notifications"),
        ("account", "/admin/account"),
        ("data-protection", "/admin/settings/data-protection"),
        ("erase-candidate", f"/admin/candidates/{application.candidate_id}/erase"),
        ("candidates", "/admin/candidates"),
        ("candidate", f"/admin/candidates/{application.candidate_id}"),
        ("tag-settings", "/admin/settings/tags"),
    ]
    for label, path in screens:
        resp = page.goto(f"{live}{path}")
        assert resp.status == 200, (label, resp.status)
        audit.check(page, label)
    page.goto(f"{live}/admin/applications/{application.id}")
    expect(page.locator(".emrex-panel")).to_contain_text("signature verified")
    expect(page.locator(f"#assessment-panel-{application.id}")).to_contain_text("Python coding")
    page.goto(f"{live}/admin/applications")
    page.click("#column-menu summary")  # the column menu open
    audit.check(page, "applications-columns-open")
    page.goto(f"{live}/admin/jobs/{job.id}")
    page.locator(f"#chip-{application.id} select").select_option(label="Interview")  # an htmx swap + toast
    expect(page.locator("#toasts")).to_contain_text("Moved to Interview")
    audit.check(page, "job-board-after-move")
    audit.finish()


def make_template(company):
    from app.jobs import services

    return services.create_template(company.id, "Trainee template", {"title": "Trainee", "description": "Summer work."})


def test_staff_screens(live, make, desk, audit):
    make.staff()
    company = make.company("acme", "Acme Oy")
    add_integration(company, connected=True)
    page = desk
    login(page, live, "staff@haku.test", PASSWORD)
    for label, path in [("companies", "/staff/"), ("company", f"/staff/companies/{company.id}"),
                        ("company-new", "/staff/companies/new"), ("email-templates", "/staff/email-templates"),
                        ("emrex-registry", "/staff/emrex"), ("integrations", "/staff/integrations"),
                        ("tasks", "/staff/tasks")]:
        resp = page.goto(f"{live}{path}")
        assert resp.status == 200, (label, resp.status)
        audit.check(page, label)
    audit.finish()


def test_two_factor_screens(live, make, desk, audit):
    """Staff without an authenticator: sent to set one up, the QR page, a wrong code, the
    recovery codes; then the code step of the next sign-in, and a company's requirement."""
    import pyotp

    from app.accounts import twofactor
    from app.accounts.models import User
    from tests.support.builders import totp_code

    make.staff(two_factor=False)
    page = desk
    page.goto(f"{live}/admin/login")
    page.fill("#email", "staff@haku.test")
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live}/admin/account/two-factor")
    audit.check(page, "2fa-forced")
    page.click("form[action$='/two-factor/start'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/account/two-factor#setup$"))
    audit.check(page, "2fa-qr")
    page.fill("#tf-code", "000000")
    page.click("form[action$='/two-factor/confirm'] button[type=submit]")
    expect(page.locator("#field-tf-code .error")).to_be_visible()
    audit.check(page, "2fa-wrong-code")
    db.session.expire_all()
    staff = db.session.scalar(db.select(User).where(User.email == "staff@haku.test"))
    page.fill("#tf-code", pyotp.TOTP(twofactor.pending_secret(staff)).now())
    page.click("form[action$='/two-factor/confirm'] button[type=submit]")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    audit.check(page, "2fa-recovery-codes")
    page.click("text=I have saved them, continue")
    page.wait_for_url(f"{live}/staff/")
    page.goto(f"{live}/admin/account/two-factor")
    audit.check(page, "2fa-manage")
    page.context.clear_cookies()  # a new browser session
    page.goto(f"{live}/admin/login")
    page.fill("#email", "staff@haku.test")
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live}/admin/login/code")
    audit.check(page, "2fa-code-step")
    page.fill("#code", "111111")
    page.click("form button[type=submit]")
    expect(page.locator("#field-code .error")).to_be_visible()
    page.fill("#code", totp_code("staff@haku.test"))
    page.click("form button[type=submit]")
    page.wait_for_url(f"{live}/staff/")
    # a company admin's requirement page
    company = make.company("acme", "Acme Oy")
    admin = make.admin_of(company)
    twofactor.enrol_known_secret(admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    page.context.clear_cookies()
    login(page, live, admin.email, PASSWORD)
    page.goto(f"{live}/admin/settings/two-factor")
    audit.check(page, "2fa-company-setting")
    audit.finish()
