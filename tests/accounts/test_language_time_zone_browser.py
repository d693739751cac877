"""The Account page and the company's language settings in a real browser, in each language
at 1366 and 390 px (issue 14 §5): nothing wider than the screen. Screenshots go to
``LANGUAGE_SHOTS`` (default: the repository's screenshots/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from tests.support.browser import CHROMIUM_ARGS, SHOTS, chromium_path, login
from tests.support.builders import PASSWORD

pytestmark = pytest.mark.e2e

OUT = Path(os.environ.get("LANGUAGE_SHOTS") or SHOTS)


def test_account_and_company_language_pages_fit_in_every_language(live, make):
    make.company("acme", "Sao Mai Tech")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            for width in (1366, 390):
                context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 700)
                page = context.new_page()
                login(page, live, "admin@acme.test", PASSWORD)
                for lang in ("en", "fi", "sv", "vi"):
                    user = db.session.scalar(select(User).where(User.email == "admin@acme.test"))
                    user.locale, user.timezone = lang, "Asia/Ho_Chi_Minh" if lang == "vi" else "Europe/Helsinki"
                    db.session.commit()
                    for name, path in (("account", "/admin/account"), ("company-language", "/admin/settings/language")):
                        page.goto(f"{live}{path}")
                        assert page.evaluate("document.documentElement.lang") == lang
                        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, lang, width)
                        page.screenshot(path=str(OUT / f"{name}-{lang}-{width}.png"), full_page=True)
                context.close()
        finally:
            browser.close()
