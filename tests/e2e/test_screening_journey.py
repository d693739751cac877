"""Screening questions in the browser (issue 18 item 4): an applicant on a phone, in
Vietnamese and without JavaScript, answers a job's questions, is told what is missing with
everything typed kept, and sends; the recruiter reads the answers on the card and edits the
questions (English and Finnish). The screenshots go to $SCREENING_SHOTS (default: the
repository's screenshots/ folder)."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

from tests.support.browser import SHOTS, login
from tests.support.builders import PASSWORD, PDF

OUT = Path(os.environ.get("SCREENING_SHOTS", SHOTS))


def _shoot(page, name):
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def test_apply_with_screening_questions_without_javascript(live, make, browser, tmp_path):
    from app.applications.rejections import reasons
    from app.screening import questions
    from app.screening.questions import QuestionInput

    company = make.company("acme", "Acme Oy")
    boss = make.admin_of(company)
    job = make.job(company, "Data analyst")
    add = questions.add_question
    add(job, QuestionInput("short_text", "Which city do you live in?", required=True), boss)
    permit = add(job, QuestionInput("yes_no", "Do you have a work permit in Finland?", required=True), boss)
    questions.update_question(job, permit.key, QuestionInput(
        "yes_no", permit.label, required=True, knockout=True, accept=["yes"],
        reason_id=reasons(company.id, active_only=True)[0].id, email_delay=2), boss)
    add(job, QuestionInput("multiple_choice", "Languages you work in", help="Tick every one that applies.",
                           choices_text="Finnish\nSwedish\nEnglish\nVietnamese"), boss)
    add(job, QuestionInput("number", "Years of experience with SQL"), boss)
    add(job, QuestionInput("long_text", "A project you are proud of"), boss)
    add(job, QuestionInput("file", "Portfolio"), boss)

    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live}/c/acme/jobs/{job.id}/apply?lang=vi")
    page.fill("#given_names", "Nguyễn Thị")
    page.fill("#family_name", "Lan")
    page.fill("#email", "lan@example.vn")
    page.fill("#sq_q1", "Hà Nội")
    page.check("input[name=sq_q3][value=English]")
    page.check("input[name=sq_q3][value=Vietnamese]")
    page.fill("#sq_q4", "nhiều")  # not a number
    page.fill("#sq_q5", "Một bảng điều khiển doanh số.")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF)
    page.set_input_files("#cv", str(cv))
    page.check("#consent")
    page.click("button[type=submit]")  # the work permit question left unanswered
    expect(page.locator("#field-sq_q2 .error")).to_contain_text("Vui lòng trả lời câu hỏi này.")
    expect(page.locator("#field-sq_q4 .error")).to_contain_text("Vui lòng nhập một số")
    expect(page.locator("#sq_q1")).to_have_value("Hà Nội")
    expect(page.locator("input[name=sq_q3][value=Vietnamese]")).to_be_checked()
    expect(page.locator("#sq_q5")).to_have_value("Một bảng điều khiển doanh số.")
    _shoot(page, "apply-errors-vi-phone")
    page.check("input[name=sq_q2][value=yes]")
    page.fill("#sq_q4", "3,5")
    page.set_input_files("#cv", str(cv))
    page.set_input_files("#sq_q6", str(cv))
    page.check("#consent")
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{live}/c/acme/jobs/{job.id}/applied")
    context.close()

    from sqlalchemy import select

    from app.applications.models import Application
    from app.extensions import db

    application = db.session.scalar(select(Application))
    for lang, device, size in (("en", "desk", {"width": 1280, "height": 900}),
                               ("fi", "desk", {"width": 1280, "height": 900}),
                               ("en", "phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=size)
        page = context.new_page()
        login(page, live, "admin@acme.test", PASSWORD)
        page.goto(f"{live}/admin/applications/{application.id}?lang={lang}")
        panel = page.locator(f"#screening-{application.id}")
        expect(panel).to_contain_text("Hà Nội")
        expect(panel).to_contain_text("English; Vietnamese")
        panel.scroll_into_view_if_needed()
        _shoot(page, f"card-panel-{lang}-{device}")
        page.goto(f"{live}/admin/screening/job/{job.id}?lang={lang}")
        expect(page.locator("#question-q2")).to_be_visible()
        _shoot(page, f"editor-{lang}-{device}")
        context.close()
