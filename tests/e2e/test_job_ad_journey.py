"""A recruiter writes a job ad in Markdown, watches the preview follow the typing (HTMX), saves,
and a candidate reads it on a phone: headings, lists, bold and a safe link (issue 18, item 1)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.support.browser import login
from tests.support.builders import PASSWORD

AD = ("We build **accessible** services.\n\n# What you will do\n\n- own features end to end\n"
      "- review code with a team of six\n\nRead [our handbook](https://example.com/handbook).")


def test_markdown_ad_from_the_form_to_the_phone(live, make, desk, phone, shot):
    company = make.company("acme", "Acme Oy")
    make.user(company, email="rec@acme.test")
    login(desk, live, "rec@acme.test", PASSWORD)
    desk.goto(f"{live}/admin/jobs/new")
    desk.fill("#title", "Frontend developer")
    desk.fill("#department", "Engineering")
    desk.select_option("#workplace", "hybrid")
    desk.fill("#salary_min", "3800")
    desk.fill("#salary_max", "4600")
    desk.select_option("#status", "published")
    desk.locator("#description").press_sequentially(AD[:12])  # typing fires the preview…
    expect(desk.locator("#description-preview")).to_contain_text("We build")
    desk.fill("#description", AD)  # …and so does a paste
    preview = desk.locator("#description-preview")
    expect(preview.locator("h2")).to_have_text("What you will do")
    expect(preview.locator("li")).to_have_count(2)
    expect(preview.locator("a")).to_have_attribute("rel", "nofollow noopener")
    shot(desk, "job-ad-form-preview")
    desk.click("#job-form button.btn-primary[type=submit]:not([name])")
    desk.wait_for_url(re.compile(r".*/admin/jobs/\d+$"))

    phone.goto(f"{live}/c/acme/")
    expect(phone.locator(".job-meta")).to_contain_text("Engineering")
    phone.click("text=Frontend developer")
    article = phone.locator("article")
    expect(article.locator(".prose h2")).to_have_text("What you will do")
    expect(article.locator("strong")).to_have_text("accessible")
    expect(article).to_contain_text("3,800–4,600 EUR per month")
    expect(article).to_contain_text("Hybrid")
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shot(phone, "job-ad-phone")
    phone.goto(phone.url + "?lang=vi")
    expect(phone.locator("article")).to_contain_text("mỗi tháng")
    shot(phone, "job-ad-phone-vi")
