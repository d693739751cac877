"""Error pages: a clear message in the page's language, never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.htmx import is_htmx

log = logging.getLogger(__name__)

MESSAGES = {
    400: _l("The request could not be understood."),
    401: _l("Please log in."),
    403: _l("You do not have access to this page."),
    404: _l("We could not find that page."),
    405: _l("That action is not allowed here."),
    413: _l("What you sent is too large."),
    415: _l("That content type is not supported."),
    429: _l("Too many attempts. Please wait a minute and try again."),
    500: _l("Something went wrong on our side. Please try again."),
}


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, _unexpected)


def _wants_json() -> bool:
    return request.path.startswith("/partner/") or request.accept_mimetypes.best == "application/json"


def render_error(code: int, message: str | None = None):
    message = message or str(MESSAGES.get(code, _("Something went wrong.")))
    if _wants_json():
        return jsonify({"error": {"code": str(code), "message": message, "field": None}}), code
    if is_htmx():
        return render_template("_partials/_error.html", code=code, message=message), code
    template, context = _page_for(code)
    return render_template(template, code=code, message=message, **context), code


def _page_for(code: int) -> tuple[str, dict]:
    from app.plugins import plugins

    for provider in plugins.error_pages:
        try:
            page = provider(code)
        except Exception:  # a broken provider (the database is down: a 500) falls back to the plain page
            log.warning("error page provider failed; the plain page is used", exc_info=True)
            page = None
        if page is not None:
            return page
    return "error.html", {}


def _csrf_error(exc: CSRFError):
    return render_error(400, _("Your form expired or was sent from another page. Please reload and try again."))


def http_error(exc: HTTPException):
    """The answer to an HTTP error; blueprints that answer some codes their own way fall back here."""
    if exc.code is None or exc.code < 400:
        return exc
    return render_error(exc.code, exc.description if exc.code in (400, 413, 415) and exc.description
                        and not exc.description.startswith(("The browser", "The server", "The data")) else None)


def _unexpected(exc: Exception):
    from app.extensions import db

    db.session.rollback()
    log.exception("unhandled error on %s %s", request.method, request.path)
    return render_error(500)
