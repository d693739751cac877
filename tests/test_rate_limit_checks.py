"""Flask-Limiter's per-request check runs only where a registered limit can apply
(app/security.py ``_rate_limits_where_they_apply``, issue 15 item 2): a recruiter's GET of a
page whose limits are all ``methods=["POST"]`` no longer resolves them, while every limit that
names the method, or names none, still counts — the partner API's blueprint limits on its GET,
a GET limit on a view, and the POST limits of the sign-in form."""

from __future__ import annotations

import secrets

import pytest
from flask import Blueprint

from app.extensions import limiter
from tests.support.builders import PASSWORD


@pytest.fixture
def limited(app_config):
    from app import create_app

    def build(**settings):
        return create_app({**app_config, "RATELIMIT_ENABLED": True, **settings})

    return build


def _address() -> str:
    return f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"


@pytest.fixture
def checks(monkeypatch):
    """How many times the extension's request check ran (the real check, counted)."""
    seen = []
    real = limiter._check_request_limit

    def counted(*args, **kwargs):
        seen.append(kwargs.get("callable_name"))
        return real(*args, **kwargs)

    monkeypatch.setattr(limiter, "_check_request_limit", counted)
    return seen


def test_a_get_without_a_limit_for_it_skips_the_check_and_a_post_is_still_limited(limited, make, checks):
    make.company("acme")
    app = limited()
    http = app.test_client()
    address = {"REMOTE_ADDR": _address()}
    for _ in range(8):  # more than the sign-in's 5 a minute: a GET is not counted
        assert http.get("/admin/login", environ_base=address).status_code == 200
    assert http.get("/c/acme/", environ_base=address).status_code == 200
    # The careers page has no limit at all; the sign-in page's are POST-only and checked by
    # the view's own decorator (a call with its name), never by the before-request check.
    assert None not in checks
    posts = [
        http.post(
            "/admin/login", data={"email": "admin@acme.test", "password": "wrong password"}, environ_base=address
        ).status_code
        for _ in range(6)
    ]
    assert posts[-1] == 429 and 429 not in posts[:5], posts
    # A signed-in recruiter's pages: no check either.
    other = app.test_client()
    assert (
        other.post(
            "/admin/login",
            data={"email": "admin@acme.test", "password": PASSWORD},
            environ_base={"REMOTE_ADDR": _address()},
        ).status_code
        == 302
    )
    checks.clear()
    assert other.get("/admin/notifications/badge").status_code == 200
    assert checks == []


def test_a_limit_without_methods_still_counts_a_get(limited, checks):
    """The partner API's blueprint limits name no method: its GET (the CV link sent to
    assessment vendors) is counted by the before-request check as before."""
    app = limited(PARTNER_RATE_LIMIT_PER_CLIENT="2/minute")
    http = app.test_client()
    address = {"REMOTE_ADDR": _address()}
    statuses = [http.get(f"/partner/v1/resumes/not-a-token-{n}", environ_base=address).status_code for n in range(3)]
    assert statuses[:2] != [429, 429] and statuses[2] == 429, statuses
    assert None in checks


def test_a_get_limit_added_to_a_view_or_a_blueprint_applies(limited):
    app = limited()
    views = Blueprint("limit_probe", __name__)

    @views.get("/__probe/view")
    @limiter.limit("2/minute", methods=["GET"])
    def probe_view():
        return "ok"

    @views.get("/__probe/any")
    @limiter.limit("2/minute")
    def probe_any():
        return "ok"

    shared = Blueprint("limit_probe_shared", __name__)

    @shared.get("/__probe/shared")
    def probe_shared():
        return "ok"

    @shared.post("/__probe/shared")
    def probe_shared_post():
        return "ok"

    limiter.limit("2/minute", methods=["GET"])(shared)
    app.register_blueprint(views)
    app.register_blueprint(shared)
    http = app.test_client()
    for path in ("/__probe/view", "/__probe/any", "/__probe/shared"):
        address = {"REMOTE_ADDR": _address()}
        assert [http.get(path, environ_base=address).status_code for _ in range(3)] == [200, 200, 429], path
    address = {"REMOTE_ADDR": _address()}
    assert [http.post("/__probe/shared", environ_base=address).status_code for _ in range(3)] == [200, 200, 200]


def test_off_when_a_limit_covers_every_request(limited, monkeypatch):
    """A default limit (one for every route) turns the shortcut off: every request is checked.
    (The extension object is shared by every app of the process: its defaults are put back.)"""
    monkeypatch.setattr(limiter.limit_manager, "_default_limits", list(limiter.limit_manager._default_limits))
    app = limited(RATELIMIT_DEFAULT="2/minute")
    http = app.test_client()
    address = {"REMOTE_ADDR": _address()}
    assert [http.get("/admin/login", environ_base=address).status_code for _ in range(3)] == [200, 200, 429]
