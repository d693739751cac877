"""Page-or-fragment, toast-or-flash: the one place that decides, on top of htmx-flask.

A view that serves both htmx and plain requests answers through :func:`respond` (render
something) or :func:`done` (after a mutation: fragment + toast for htmx, flash + redirect
otherwise). Neither reads ``HX-*`` headers: htmx-flask's ``request.htmx`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from flask import Response, flash, redirect, render_template
from htmx_flask import make_response, request

Context = Mapping | Callable[[], Mapping] | None
Snippets = Iterable[str] | Callable[[], Iterable[str]]


def wants_fragment() -> bool:
    """A plain htmx request: not boosted and not a history restore (those want pages)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


#: The older name, still imported by views written before :func:`respond`.
is_fragment_request = wants_fragment


def is_htmx() -> bool:
    """Any htmx request, boosted or not: it can follow ``HX-Redirect`` instead of a 302."""
    return bool(getattr(request, "htmx", None))


def render_fragment(template: str, **context) -> str:
    return render_template(template, **context)


def render_page_or_fragment(page_template: str, fragment_template: str, **context) -> str:
    """One route serves both: the fragment for htmx, the full page (which includes the
    same fragment) otherwise."""
    return render_template(fragment_template if wants_fragment() else page_template, **context)


def _context(context: Context) -> Mapping:
    """A context (or ``oob`` list) is a mapping, or a callable building it only in the branch
    that renders, so a redirect does not pay for queries it never shows."""
    if context is None:
        return {}
    return context() if callable(context) else context


def _snippets(oob: Snippets) -> str:
    return "".join(oob() if callable(oob) else oob)


def _trigger(message: str | None, level: str, trigger: Mapping | None) -> dict | None:
    events = dict(trigger or {})
    if message:
        events = {"toast": {"level": level, "message": str(message)}, **events}
    return events or None


def respond(fragment: str | None, page: str | None, context: Context = None, *, message: str | None = None,
            level: str = "success", status: int = 200, trigger: Mapping | None = None,
            oob: Snippets = ()) -> Response:
    """Render for this request: htmx gets ``fragment`` (or an empty body when it is None),
    the message as a ``toast`` in ``HX-Trigger`` beside any other ``trigger`` events, and the
    ``oob`` snippets (elements carrying ``hx-swap-oob``) appended; anything else gets ``page``
    with the message flashed, so the layout shows it in the same answer."""
    values = _context(context)
    if wants_fragment():
        html = render_template(fragment, **values) if fragment else ""
        return make_response(html + _snippets(oob), status, trigger=_trigger(message, level, trigger))
    if message:
        flash(str(message), level)
    return make_response(render_template(page, **values), status)


def done(message: str | None, redirect_to: str, *, level: str = "success", fragment: str | None = None,
         context: Context = None, status: int = 200, trigger: Mapping | None = None, oob: Snippets = (),
         toast: str | None = None, code: int = 302) -> Response:
    """After a mutation: htmx gets ``fragment`` (empty body when None) with the message as a
    toast (``toast`` overrides its text when the page message is longer); a plain request gets
    the message flashed and a redirect (post/redirect/get), so nothing waits in the flash queue
    after an htmx answer."""
    if wants_fragment():
        values = _context(context)
        html = render_template(fragment, **values) if fragment else ""
        return make_response(html + _snippets(oob), status, trigger=_trigger(toast or message, level, trigger))
    if message:
        flash(str(message), level)
    return redirect(redirect_to, code=code)
