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

from flask import Flask, abort, current_app, g, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData

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

#: Forms whose typed answers survive a body over the cap: the fields before the first file are
#: kept (the form puts its file last but one), the file is dropped, and the view answers the
#: form again with its message (``upload_too_large()``). Nothing over the cap is kept or parsed.
KEEP_TYPED: frozenset[str] = frozenset({"portal.apply"})
#: How much of an oversized body is read for the typed fields (they come first, and are small).
TYPED_PREFIX_BYTES = 256 * 1024
#: An oversized body is read to its end and thrown away, up to this much, so that the browser
#: gets the answer (a server that answers mid-upload and closes is shown as "connection reset").
#: A larger one is answered at once, without reading on.
DRAIN_MAX_BYTES = 32 * 1024 * 1024


def init_app(app: Flask) -> None:
    # First of all before_request hooks (CSRF's and the rate limiter's are already registered).
    app.before_request_funcs.setdefault(None, []).insert(0, cap_request_body)


def cap_request_body() -> None:
    if request.method in _BODILESS or request.endpoint not in BODY_CAPS:
        return
    key, form_memory = BODY_CAPS[request.endpoint]
    limit = current_app.config[key]
    if (request.content_length or 0) > limit and request.blueprint != "partner_api":
        if request.endpoint in KEEP_TYPED and request.mimetype == "multipart/form-data":
            return _keep_typed_fields()
        abort(413)  # the partner API answers its own JSON 413 before reading (partner_api.views.intake)
    request.max_content_length = limit
    if form_memory:
        request.max_form_memory_size = limit


def upload_too_large() -> bool:
    """Whether this request's body was over its cap and only its typed fields were kept."""
    return bool(g.get("upload_too_large"))


def _keep_typed_fields() -> None:
    """An oversized form (a 30 MB CV): its typed fields become ``request.form``, its files are
    dropped, and the rest of the body is read and discarded."""
    boundary = request.mimetype_params.get("boundary", "").encode("latin-1")
    stream = request.environ["wsgi.input"]
    length = request.content_length or 0
    fields, used = _fields_before_the_first_file(stream, boundary, min(length, TYPED_PREFIX_BYTES))
    if length <= DRAIN_MAX_BYTES:
        left = length - used
        while left > 0:
            chunk = stream.read(min(64 * 1024, left))
            if not chunk:
                break
            left -= len(chunk)
    request.form = fields  # the cached properties the form parser would have filled
    request.files = MultiDict()
    g.upload_too_large = True


def _fields_before_the_first_file(stream, boundary: bytes, budget: int) -> tuple[MultiDict, int]:
    fields: MultiDict = MultiDict()
    if not boundary:
        return fields, 0
    decoder = MultipartDecoder(boundary, max_form_memory_size=budget)
    state: dict = {"name": None, "parts": []}
    used = 0
    while used < budget:
        chunk = stream.read(min(16 * 1024, budget - used))
        used += len(chunk)
        try:
            fields_done = _take_events(decoder, chunk, fields, state)
        except (ValueError, RequestEntityTooLarge):  # malformed, or one field over the budget: keep what was read
            return fields, used
        if fields_done:
            return fields, used
        if not chunk:
            break
    return fields, used


def _take_events(decoder: MultipartDecoder, chunk: bytes, fields: MultiDict, state: dict) -> bool:
    """Feed one chunk; True once the first file (or the end) is reached."""
    decoder.receive_data(chunk or None)
    event = decoder.next_event()
    while not isinstance(event, NeedData):
        if isinstance(event, (File, Epilogue)):
            return True
        if isinstance(event, Field):
            state["name"], state["parts"] = event.name, []
        elif isinstance(event, Data):
            state["parts"].append(event.data)
            if not event.more_data and state["name"] is not None:
                fields.add(state["name"], b"".join(state["parts"]).decode("utf-8", "replace"))
        event = decoder.next_event()
    return False
