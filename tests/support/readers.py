"""Several people reading the same thing, each in their own language: the catalogue's wording
of a message in a language, and a page as a given user sees it (their own signed-in client)."""

from __future__ import annotations

from flask_babel import force_locale, gettext, pgettext

from tests.support.clients import Auth


def worded(app, lang: str, msgid: str, context: str | None = None, **params) -> str:
    """``msgid`` as the catalogue of ``lang`` words it (so tests follow rewordings)."""
    with app.test_request_context(), force_locale(lang):
        return pgettext(context, msgid, **params) if context else gettext(msgid, **params)


def page_as(app, email: str, path: str) -> str:
    """``path`` as the user ``email`` sees it, in the language of their Account page."""
    client = app.test_client()
    assert Auth(client).login(email).status_code == 302
    resp = client.get(path)
    assert resp.status_code == 200, (path, resp.status_code)
    return resp.get_data(as_text=True)
