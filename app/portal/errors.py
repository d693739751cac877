"""Errors on a company's careers pages (``/c/<slug>/…``) in the company's look: its name in the
header, links back to its positions, the footer's "Your data" (issue 18, item 2). Anything
else, or a company that does not exist, keeps Haku's plain error page. (An unexpected error
has rolled the session back before this runs: app/errors.py.)"""

from __future__ import annotations

import re

from flask import request

from app.accounts import queries as accounts
from app.plugins import plugins

_COMPANY_PATH = re.compile(r"^/c/([^/]+)(?:/|$)")


@plugins.error_page
def _company_error_page(code: int):
    match = _COMPANY_PATH.match(request.path)
    if match is None:
        return None
    company = accounts.company_by_slug(match.group(1))
    if company is None:
        return None
    return "portal/error.html", {"company": company}
