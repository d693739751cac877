"""TopCV in the browser: a company admin connects TopCV with keys from the sandbox, posts a
job, TopCV's moderator approves it, a candidate applies on TopCV and lands at the job's first
stage; and an applicant for a job Haku does not know waits in the Pending pool."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from app.applications.models import Application
from app.extensions import db
from app.partners.models import PartnerDelivery
from tests.support.browser import login
from tests.support.builders import PASSWORD, PDF
from tests.support.processes import partner_env, run_worker, wait_for


@pytest.fixture
def saomai(app, make, topcv):
    import requests

    requests.post(f"{topcv.base}/control/reset", json={"wipe": True}, timeout=10)
    app.config["TOPCV_API_URL"] = topcv.base
    company = make.company("saomai", "Sao Mai Tech")
    company.job_boards_enabled = True
    db.session.commit()
    job = make.job(company, "Kỹ sư dữ liệu", description="Xây dựng kho dữ liệu với Python và SQL.",
                   location="Hồ Chí Minh")
    make.job(company, "Chuyên viên tuyển dụng", location="Hà Nội")
    return company, job


def work(app, test_env):
    run_worker(partner_env(test_env, app))
    db.session.expire_all()


def inbound(app, test_env, type_: str, n: int = 1) -> None:
    wait_for(lambda: len(db.session.scalars(select(PartnerDelivery.id).where(
        PartnerDelivery.direction == "in", PartnerDelivery.type == type_)).all()) >= n, timeout=30,
        message=f"{type_} from the sandbox")
    work(app, test_env)


def connect_in_browser(desk, live, topcv, shot) -> dict:
    """Create the employer on TopCV, paste its keys into Haku, paste Haku's URL into TopCV."""
    desk.goto(f"{topcv.base}/employers/new")
    desk.fill("#name", "Sao Mai Tech")
    desk.fill("#email", "hr@saomai.test")
    desk.click("form button[type=submit]")
    keys = {"token": desk.inner_text("#access-token").strip(), "secret": desk.inner_text("#secret-key").strip()}
    employer_page = desk.url

    login(desk, live, "admin@saomai.test", PASSWORD)
    desk.goto(f"{live}/admin/settings")
    desk.click("text=Recruitment networks")
    expect(desk.locator("#topcv-status")).to_have_text("Not configured")
    shot(desk, "e2e-topcv-networks-not-configured")
    desk.click("text=Add access code")
    desk.fill("#api_key", "wrong-token")
    desk.fill("#secret_key", keys["secret"])
    desk.click("text=Save and check")
    expect(desk.locator("#topcv-error")).to_contain_text("refused these keys")
    shot(desk, "e2e-topcv-wrong-keys")
    desk.fill("#api_key", keys["token"])
    desk.fill("#secret_key", keys["secret"])
    desk.click("text=Save and check")
    expect(desk.locator("#topcv-status")).to_have_text("Configured")
    webhook = desk.inner_text("#webhook-url").strip()
    assert webhook.startswith(live) and webhook.endswith("/events")
    assert keys["token"] not in desk.content() and keys["secret"] not in desk.content()
    shot(desk, "e2e-topcv-configured")

    desk.goto(employer_page)
    desk.fill("#webhook-url", webhook)
    desk.click("text=Save webhook URL")
    return {**keys, "employer_page": employer_page}


def test_connect_post_approve_apply(app, saomai, live, topcv, desk, phone, shot, test_env):
    _, job = saomai
    connect_in_browser(desk, live, topcv, shot)

    desk.goto(f"{live}/admin/jobs/{job.id}")
    desk.click("text=More actions")  # the job's settings pages are in the head's menu
    desk.click("text=Sources")
    desk.click("#create-source summary")
    shot(desk, "e2e-topcv-create-source-menu", full_page=False)
    desk.click("text=Post new job posting on TopCV")
    expect(desk.locator("#f-title")).to_have_value("Kỹ sư dữ liệu")  # pre-filled from the job
    desk.click("#posting-form button[type=submit]")  # level and deadline are missing: the browser says so
    expect(desk.locator("#f-level:invalid")).to_have_count(1)
    desk.select_option("#f-level", "junior")
    desk.fill("#f-deadline", "2099-06-30")
    shot(desk, "e2e-topcv-posting-form")
    desk.click("#posting-form button[type=submit]")
    expect(desk.locator(".posting-status")).to_have_text("Sending")
    work(app, test_env)
    desk.reload()
    expect(desk.locator(".posting-status")).to_have_text("Pending review")
    board_job_id = desk.inner_text("#postings code").strip()

    desk.goto(f"{topcv.base}/moderation")
    desk.locator(f"form[action$='/moderation/{board_job_id}/approve'] button").click()
    inbound(app, test_env, "job.approved")
    desk.goto(f"{live}/admin/jobs/{job.id}/sources")
    expect(desk.locator(".posting-status")).to_have_text("Approved")
    shot(desk, "e2e-topcv-posted-jobs")
    desk.goto(f"{live}/admin/notifications")
    expect(desk.locator("main")).to_contain_text("TopCV approved the posting of Kỹ sư dữ liệu")
    shot(desk, "e2e-topcv-notification")

    phone.goto(f"{topcv.base}/jobs/{board_job_id}")
    phone.fill("#full_name", "Lê Văn Nam")
    phone.fill("#email", "nam@example.vn")
    phone.fill("#phone", "0901 234 567")
    phone.set_input_files("#resume", files=[{"name": "nam.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    phone.fill("#cover_letter", "Tôi rất muốn tham gia.")
    phone.click("button:has-text('Apply')")
    expect(phone.locator("#application-id")).to_be_visible()
    inbound(app, test_env, "application.created")

    desk.goto(f"{live}/admin/jobs/{job.id}")
    first_column = desk.locator(".board-col").first
    expect(first_column).to_contain_text("Lê Văn")
    shot(desk, "e2e-topcv-candidate-on-board")
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert row.stage_id == job.first_stage.id and row.cv_file_id is not None
    desk.goto(f"{live}/admin/integrations/{row.company_id and db.session.scalar(select(PartnerDelivery.integration_id))}/log")
    expect(desk.locator("table")).to_contain_text("application.created")
    shot(desk, "e2e-topcv-activity-log")


def test_unknown_job_goes_to_the_pending_pool(app, saomai, live, topcv, desk, phone, shot, test_env):
    _, job = saomai
    keys = connect_in_browser(desk, live, topcv, shot)
    desk.goto(keys["employer_page"])
    desk.fill("#title", "Nhân viên tuyển dụng IT")  # posted on TopCV directly, not through Haku
    desk.fill("#description", "Tuyển dụng kỹ sư phần mềm.")
    desk.click("button:has-text('Post job')")
    desk.goto(f"{topcv.base}/moderation")
    desk.locator("button:has-text('Approve')").first.click()
    desk.goto(f"{topcv.base}/jobs")
    desk.click("text=Nhân viên tuyển dụng IT")
    desk.fill("#full_name", "Phạm Thu Hà")
    desk.fill("#email", "ha@example.vn")
    desk.set_input_files("#resume", files=[{"name": "ha.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    desk.click("button:has-text('Apply')")
    inbound(app, test_env, "application.created")

    desk.goto(f"{live}/admin/pending")
    item = desk.locator(".pending-item")
    expect(item).to_contain_text("Phạm Thu")
    expect(item).to_contain_text("name unverified")
    expect(item).to_contain_text("no TopCV posting and no open job titled")
    expect(item).to_contain_text("Assign to Chuyên viên tuyển dụng")  # suggested: shares "tuyen dung"
    shot(desk, "e2e-topcv-pending-pool")
    item.locator("button:has-text('Assign to Chuyên viên tuyển dụng')").click()
    expect(desk.locator("main")).to_contain_text("The Pending pool is empty")
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    db.session.refresh(row)
    assert row.status == "open" and row.job.title == "Chuyên viên tuyển dụng"

    import requests

    requests.post(f"{topcv.base}/control/reset", json={"wipe": True}, timeout=10)  # TopCV forgets the keys
    desk.goto(f"{live}/admin/jobs/{job.id}/sources/topcv/link")
    desk.fill("#board_job_id", "TCV-100001")
    desk.click("text=Link job")
    desk.goto(f"{live}/admin/settings/recruitment-networks/topcv")
    expect(desk.locator("#topcv-status")).to_have_text("Disconnected")
    shot(desk, "e2e-topcv-disconnected")
    desk.click("text=Disconnect TopCV")
    expect(desk.locator("#topcv-status")).to_have_text("Not configured")
