"""Browser tests: Debian's Chromium driven by Playwright against a live server (CSRF on),
a real RQ worker process, the aiosmtpd sink and the partner sandboxes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium not found: install Debian's chromium (make test does) or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def shot():
    SHOTS.mkdir(exist_ok=True)

    def take(page, name: str, full_page: bool = True):
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)

    return take


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def login(page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/admin/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/admin/login" not in url or "/login/code" in url)
    if "/login/code" in page.url:  # two-factor sign-in: the code from the user's app
        from tests.conftest import totp_code

        page.fill("#code", totp_code(email))
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
