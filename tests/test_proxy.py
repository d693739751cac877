"""Rate limits behind the documented load balancer (SECURITY_BAR 41): a real nginx in front
of the app, visitors connecting from different addresses, ``HAKU_TRUSTED_PROXIES``."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.applications.models import Application
from app.config import ConfigError, load_config
from app.extensions import db
from tests.support.builders import PDF
from tests.support.reverse_proxy import behind_proxy, visitor  # noqa: F401  (fixture)


def _apply(client, base: str, job, email: str, *, headers=None):
    return client.post(f"{base}/c/{job.company.slug}/jobs/{job.id}/apply", allow_redirects=False, headers=headers,
                       data={"given_names": "Aino", "family_name": "Virtanen", "email": email, "consent": "y"},
                       files={"cv": ("cv.pdf", PDF, "application/pdf")})


def _burst(client, base: str, job, n: int, *, headers=None) -> list[int]:
    """``n`` apply POSTs with a bad email: cheap, nothing stored, each one counted."""
    url = f"{base}/c/{job.company.slug}/jobs/{job.id}/apply"
    return [client.post(url, allow_redirects=False, headers=headers(i) if headers else None,
                        data={"given_names": "X", "family_name": "Y", "email": "not-an-email", "consent": "y"}
                        ).status_code for i in range(n)]


def _applications() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Application))


def test_finding_shared_rate_limit_bucket(behind_proxy, make):  # noqa: F811
    """One visitor's burst of apply POSTs must not throttle the next real candidate (every
    visitor used to share nginx's address, so the 21st POST of anyone got 429)."""
    job = make.job(make.company("acme"))
    base = behind_proxy(TRUSTED_PROXIES=1)
    assert _burst(visitor("127.0.0.2"), base, job, 21) == [422] * 20 + [429]
    resp = _apply(visitor("127.0.0.3"), base, job, "real.candidate@example.org")
    assert resp.status_code == 303, resp.status_code
    assert _applications() == 1


def test_bar_41_spoofed_forwarded_for_is_not_trusted(behind_proxy, make):  # noqa: F811
    """A client that writes its own X-Forwarded-For (a new address on every request) is
    still counted by the address nginx saw: only the proxy's entry is trusted."""
    job = make.job(make.company("acme"))
    base = behind_proxy(TRUSTED_PROXIES=1)
    spoofing = visitor("127.0.0.2")
    statuses = _burst(spoofing, base, job, 21, headers=lambda i: {"X-Forwarded-For": f"198.51.100.{i + 1}"})
    assert statuses == [422] * 20 + [429]
    assert _apply(spoofing, base, job, "spoofer@example.org",
                  headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    assert _apply(visitor("127.0.0.3"), base, job, "someone@example.org").status_code == 303


def test_bar_41_without_trusted_proxies_forwarded_headers_are_ignored(behind_proxy, make):  # noqa: F811
    """The default (0) trusts no X-Forwarded-For at all: behind nginx every visitor is
    nginx's address (which is why the count must be configured), and a client cannot pick
    its own bucket with the header."""
    job = make.job(make.company("acme"))
    base = behind_proxy(TRUSTED_PROXIES=0)
    assert _burst(visitor("127.0.0.2"), base, job, 20,
                  headers=lambda i: {"X-Forwarded-For": f"198.51.100.{i + 1}"}) == [422] * 20
    assert _apply(visitor("127.0.0.3"), base, job, "next@example.org").status_code == 429


@pytest.mark.parametrize("value", ["-1", "x", "1.5", "99"])
def test_bar_41_trusted_proxies_setting_is_checked(monkeypatch, value):
    monkeypatch.setenv("HAKU_TRUSTED_PROXIES", value)
    with pytest.raises(ConfigError, match="HAKU_TRUSTED_PROXIES"):
        load_config("development")


def test_bar_41_trusted_proxies_setting_is_read(monkeypatch):
    monkeypatch.setenv("HAKU_TRUSTED_PROXIES", "2")
    assert load_config("development")["TRUSTED_PROXIES"] == 2
    monkeypatch.delenv("HAKU_TRUSTED_PROXIES")
    assert load_config("development")["TRUSTED_PROXIES"] == 0
