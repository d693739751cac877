"""What the partner features store for people to read, as codes: an integration's
``status_detail``, an assessment order's ``status_detail``, a posting's ``last_error``, and the
delivery log's ``summary`` and ``error``. They are written with ``app.problems.store(code,
**params)`` (in a request, a task or a partner client alike) and worded here, in the reader's
language, when a page shows them (a parameter may itself be a stored text, the cause, worded
the same way); so the same failure reads in Finnish to one admin and in
Vietnamese to another.

The codes shared by every vendor (the HTTP client's, the delivery log's) are below; a vendor's
own codes are its ``Vendor.texts`` (app/partners/vendors.py), prefixed with its name. The
parameter ``partner`` is the partner's own words (the error message of its answer): shown as
the partner wrote them, after a label saying so. A row written before the codes, or any text
that is not a code, is shown as it is."""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.plugins import plugins
from app.problems import store, stored

TEXTS = {
    # the HTTP client (app/integrations/http.py)
    "timeout": _l("No answer within %(seconds)s seconds."),
    "connect": _l("The partner could not be reached (%(kind)s)."),
    "redirect": _l("The partner answered with a redirect (HTTP %(status)s), which Haku does not follow."),
    "http_status": _l("The partner refused the call (HTTP %(status)s)."),
    "partner_refused": _l("The partner refused the call (HTTP %(status)s)."),
    "host_refused": _l("Haku may not call this address (%(detail)s)."),
    "too_large": _l("The partner's answer was larger than Haku accepts."),
    "unexpected_answer": _l("The partner's answer was not as expected: %(detail)s"),
    # the delivery log (app/partners/services)
    "internal": _l("Haku could not finish this (internal error: %(kind)s)."),
    "unknown_call": _l("Haku does not know the call %(call)s."),
    "no_handler": _l("Haku does not handle events of type %(type)s."),
}

#: The label before a partner's own words.
PARTNER_SAYS = _l("The partner's answer, as sent:")


def _template(code: str) -> Any:
    text = TEXTS.get(code)
    if text is None:
        text = next((v.texts[code] for v in plugins.vendors.values() if code in v.texts), None)
    return text


def _parts(text: str | None) -> tuple[str, str | None]:
    """(Haku's sentence in the reader's language, the partner's own words or None)."""
    if not text:
        return "", None
    coded = stored(text)
    if coded is None:
        return text, None
    code, params = coded
    template = _template(code)
    if template is None:  # a code this version does not know: the stored text, as it is
        return text, None
    partner = params.pop("partner", None)
    words = str(template)
    for key, value in params.items():  # a stored text as a parameter (the cause): worded too
        if isinstance(value, dict) and isinstance(value.get("t"), str):
            inner = dict(value)
            params[key], inner_partner = _parts(store(inner.pop("t"), **inner))
            partner = partner or inner_partner
            if f"%({key})s)" in words:  # "(No answer within 10 seconds)", not "(… seconds.)"
                params[key] = params[key].rstrip(".")
    try:
        words = words % params if params else words
    except (KeyError, TypeError, ValueError):
        pass
    return words, (str(partner) if partner else None)


def describe(text: str | None) -> str:
    """A stored text as plain text in the reader's language (a flash, an email, a CSV)."""
    words, partner = _parts(text)
    return f"{words} {PARTNER_SAYS} “{partner}”" if partner else words


def describe_html(text: str | None) -> Markup:
    """The same for a page: the partner's own words marked as such (in a ``<q>``)."""
    words, partner = _parts(text)
    if not partner:
        return escape(words)
    return Markup('{} <span class="partner-words">{} <q>{}</q></span>').format(words, PARTNER_SAYS, partner)


def lazy(text: str | None) -> LazyString:
    """``describe`` when read: for a Problem's parameter, worded in the reader's language."""
    return LazyString(describe, text)
