"""Browser-test helpers: Chromium's path and flags, the screenshot folder and the login steps."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium not found: install Debian's chromium (make test does) or set CHROMIUM_PATH")
    return path


def login(page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/admin/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/admin/login" not in url or "/login/code" in url)
    if "/login/code" in page.url:  # two-factor sign-in: the code from the user's app
        from tests.support.builders import totp_code

        page.fill("#code", totp_code(email))
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
