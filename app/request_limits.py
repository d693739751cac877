"""Per-endpoint request body caps (ARCHITECTURE.md, limits table), applied before anything
reads the body.

Flask's ``MAX_CONTENT_LENGTH`` (25 MB) is the global cap; the routes below take less, or
more. The cap has to be in place before the first hook that touches ``request.form``:
CSRF protection parses the form in its own ``before_request``, so a cap set inside a view
came too late (the 11 MB apply cap was never applied). This hook runs first of all: a
declared ``Content-Length`` over the cap is a 413 without reading a byte, and a body without
one (chunked) is read through Werkzeug's limited stream, which stops at the cap.
"""

from __future__ import annotations

from flask import Flask, abort, current_app, request

#: endpoint → (config key of its cap, whether the form may hold that much in memory)
BODY_CAPS: dict[str, tuple[str, bool]] = {
    "portal.apply": ("APPLY_MAX_BYTES", False),
    "portal.emrex_return": ("EMREX_RETURN_MAX_BYTES", True),
    "partner_api.topcv_events": ("TOPCV_WEBHOOK_MAX_BYTES", False),
    "partner_api.assessment_connect": ("ASSESSMENT_CALLBACK_MAX_BYTES", False),
    "partner_api.assessment_status": ("ASSESSMENT_CALLBACK_MAX_BYTES", False),
    "partner_api.assessment_result": ("ASSESSMENT_CALLBACK_MAX_BYTES", False),
    "partner_api.assessment_logs": ("ASSESSMENT_CALLBACK_MAX_BYTES", False),
}

_BODILESS = frozenset({"GET", "HEAD", "OPTIONS"})


def init_app(app: Flask) -> None:
    # First of all before_request hooks (CSRF's and the rate limiter's are already registered).
    app.before_request_funcs.setdefault(None, []).insert(0, cap_request_body)


def cap_request_body() -> None:
    if request.method in _BODILESS or request.endpoint not in BODY_CAPS:
        return
    key, form_memory = BODY_CAPS[request.endpoint]
    limit = current_app.config[key]
    if (request.content_length or 0) > limit and request.blueprint != "partner_api":
        abort(413)  # the partner API answers its own JSON 413 before reading (partner_api.views.intake)
    request.max_content_length = limit
    if form_memory:
        request.max_form_memory_size = limit
