"""/partner/v1: machine endpoints for partners (Standard Webhooks signed, CSRF-exempt).

Each route checks size and content type, then hands the raw bytes to
``partners.services.receive`` (verify → store with its unique key → answer → task).
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from app.extensions import csrf, limiter
from app.partners import services

bp = Blueprint("partner_api", __name__)
csrf.exempt(bp)
limiter.exempt(bp)


def error(status: int, code: str, message: str, field: str | None = None):
    return jsonify({"error": {"code": code, "message": message, "field": field}}), status


def intake(vendor: str, external_id: str, max_bytes: int, route: dict | None = None):
    """The common path of every signed inbound call."""
    length = request.content_length
    if length is not None and length > max_bytes:
        return error(413, "too_large", f"The body is larger than {max_bytes} bytes.")
    if request.mimetype != "application/json":
        return error(415, "unsupported_media_type", "Send application/json.")
    raw = request.stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return error(413, "too_large", f"The body is larger than {max_bytes} bytes.")
    result = services.receive(vendor, external_id, raw, request.headers, route=route)
    return jsonify(result.body), result.status


from app.partner_api import assessments, boards  # noqa: F401
