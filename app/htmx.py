"""Page-or-fragment rendering on top of htmx-flask."""

from __future__ import annotations

from flask import render_template, request


def is_fragment_request() -> bool:
    """A plain htmx request: not boosted and not a history restore (those want pages)."""
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not request.headers.get("HX-Boosted") and not request.headers.get("HX-History-Restore-Request")


def render_fragment(template: str, **context) -> str:
    return render_template(template, **context)


def render_page_or_fragment(page_template: str, fragment_template: str, **context) -> str:
    """One route serves both: the fragment for htmx, the full page (which includes the
    same fragment) otherwise."""
    return render_template(fragment_template if is_fragment_request() else page_template, **context)
