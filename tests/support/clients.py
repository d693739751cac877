"""Test clients: a client that starts each request with a clean ``g``, the two-step login
helper behind the ``auth`` fixture, and reading a form's CSRF token."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.support.builders import PASSWORD, totp_code


class FreshGClient(FlaskClient):
    """The fixture keeps an app context pushed for the whole test, and Flask reuses it for
    requests, so ``g`` (with Flask-Login's cached user, Flask-Babel's locale) would leak from
    one request to the next. Each request here starts clean, as it does in a real server."""

    def open(self, *args, **kwargs):
        from flask import g
        from flask_babel import refresh

        g.pop("_login_user", None)
        g.pop("csrf_token", None)  # Flask-WTF's token of the request (another client's session)
        refresh()  # Flask-Babel caches the locale on the same context
        try:
            return super().open(*args, **kwargs)
        finally:
            g.pop("_login_user", None)
            g.pop("csrf_token", None)
            refresh()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, email, password=PASSWORD, code=None):
        """Both steps: the password, then (for users with 2FA) a code from their app."""
        resp = self.client.post("/admin/login", data={"email": email, "password": password})
        if resp.status_code == 302 and resp.headers["Location"].startswith("/admin/login/code"):
            resp = self.client.post("/admin/login/code", data={"code": code or totp_code(email)})
        return resp

    def logout(self):
        return self.client.post("/admin/logout")


def csrf_token(client, url="/admin/login") -> str:
    resp = client.get(url)
    body = resp.get_data(as_text=True)
    assert 'name="csrf_token"' in body, (resp.status_code, resp.headers, body[:300])
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', body).group(1)
