"""/partner/v1: machine endpoints for partners (Standard Webhooks signed, CSRF-exempt).

Order of checks, cheapest and least revealing first: rate limits (per client address and
per integration), a declared size over the cap (413) and the content type (415) before a
byte is read; an unknown ``external_id`` is a 404 without reading the body (there is no
secret to verify it with; external ids are random UUIDs, so the 404 tells a prober nothing it
could use, and it tells a partner with a mistyped URL what is wrong); then the body is read,
capped, and ``partners.services.receive`` verifies the signature before it answers anything
about the integration's state (410) — verify → store with its unique key → answer → task.
"""

from __future__ import annotations

from flask import current_app, jsonify, request
from flask_limiter.util import get_remote_address

from app.extensions import limiter
from app.partner_api.blueprint import bp
from app.partners import services


def _integration_key() -> str:
    return f"{request.blueprint}:{(request.view_args or {}).get('external_id') or request.endpoint}"[:120]


limiter.shared_limit(lambda: current_app.config["PARTNER_RATE_LIMIT_PER_CLIENT"], scope="partner-client",
                     key_func=get_remote_address)(bp)
limiter.shared_limit(lambda: current_app.config["PARTNER_RATE_LIMIT_PER_INTEGRATION"], scope="partner-integration",
                     key_func=_integration_key)(bp)


def error(status: int, code: str, message: str, field: str | None = None):
    return jsonify({"error": {"code": code, "message": message, "field": field}}), status


def intake(vendor: str, external_id: str, max_bytes: int, route: dict | None = None, after_verify=None):
    """The common path of every signed inbound call (its look-up and insert on one
    autocommit connection)."""
    with services.intake_connection():
        return _intake(vendor, external_id, max_bytes, route, after_verify)


def _intake(vendor: str, external_id: str, max_bytes: int, route: dict | None, after_verify):
    length = request.content_length
    if length is not None and length > max_bytes:
        return error(413, "too_large", f"The body is larger than {max_bytes} bytes.")
    if request.mimetype != "application/json":
        return error(415, "unsupported_media_type", "Send application/json.")
    integration = services.intake_integration(vendor, external_id)
    if integration is None:
        return error(404, "not_found", "Unknown integration.")
    raw = request.stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return error(413, "too_large", f"The body is larger than {max_bytes} bytes.")
    result = services.receive(vendor, integration, raw, request.headers, route=route, after_verify=after_verify)
    return jsonify(result.body), result.status

