"""Every page names an icon and /favicon.ico answers, so no page logs a 404 for it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/", "/admin/login"])
def test_pages_link_the_icon_and_it_is_served(client, path):
    body = client.get(path).get_data(as_text=True)
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in body
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml" and icon.data.startswith(b"<svg")


def test_favicon_ico_answers_with_the_icon(client):
    resp = client.get("/favicon.ico")
    assert resp.status_code == 200 and resp.mimetype == "image/svg+xml" and b"<svg" in resp.data
    assert resp.cache_control.max_age == 7 * 24 * 3600
