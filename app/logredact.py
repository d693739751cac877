"""Logging: a filter that keeps invite tokens, session ids and email addresses out of every
log line (access logs print request paths, and EMREX invite links carry the token in the
path), a request id on every line, and JSON lines for production (``LOG_FORMAT=json``)."""

from __future__ import annotations

import json
import logging
import re
import uuid

_PATTERNS = [
    (re.compile(r"(/emrex/r/)[A-Za-z0-9_\-]+"), r"\1[redacted]"),
    (re.compile(r"(/your-data/d/)[A-Za-z0-9_\-]+"), r"\1[redacted]"),  # data export links
    (re.compile(r"(/set-password/)[A-Za-z0-9_\-]+"), r"\1[redacted]"),  # invitation and password-reset links
    (re.compile(r"(sessionId=)[A-Za-z0-9]+"), r"\1[redacted]"),
    (re.compile(r"(/partner/v1/resumes/)[A-Za-z0-9_\-.]+"), r"\1[redacted]"),  # the CV link sent to assessment vendors
    (re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+\.)+[A-Za-z]{2,}"), "[email]"),  # personal data
    # Any other link token (invitations, password resets, links added later): a path segment
    # of 32+ base64url characters mixing upper and lower case (ids, slugs and UUIDs do not).
    (re.compile(r"(?<=/)(?=[A-Za-z0-9_\-]*[A-Z])(?=[A-Za-z0-9_\-]*[a-z])[A-Za-z0-9_\-]{32,}(?![A-Za-z0-9_\-.])"),
     "[redacted]"),
    (re.compile(r"([?&;](?:token|code|key|secret|password|signature)=)[^&\s'\"]+", re.IGNORECASE), r"\1[redacted]"),
]


# Control characters, except the colour codes (ESC [ … m) Werkzeug's development log uses.
_CONTROL = re.compile(r"(?!\x1b\[[0-9;]*m)[\x00-\x08\x0a-\x1f\x7f]")


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def encode_controls(text: str) -> str:
    """CR, LF and other control characters as visible escapes: user input inside a message
    can never start a forged log line (or move the terminal's cursor; colour codes stay)."""
    return _CONTROL.sub(lambda m: {"\r": "\\r", "\n": "\\n"}.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


class RedactSecrets(logging.Filter):
    """Redacts and encodes every record's message, and its traceback, before any handler
    formats it (text and JSON alike)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = encode_controls(redact(message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


def current_request_id() -> str | None:
    from flask import g, has_request_context

    return getattr(g, "request_id", None) if has_request_context() else None


class RequestId(logging.Filter):
    """Puts the current request's id on every record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id (and the
    exception, if any). The message has already been through ``RedactSecrets``."""

    def format(self, record: logging.LogRecord) -> str:
        out = {"ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
               "level": record.levelname, "logger": record.name, "msg": record.getMessage(),
               "request_id": getattr(record, "request_id", "-")}
        if record.exc_info:
            out["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(out, ensure_ascii=False)


JsonFormatter.converter = __import__("time").gmtime


def init_request_ids(app) -> None:
    """Take the load balancer's ``X-Request-ID`` (if sane) or make one; echo it back."""
    from flask import g, request

    @app.before_request
    def _request_id():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if re.fullmatch(r"[A-Za-z0-9._\-]{8,64}", incoming) else uuid.uuid4().hex

    @app.after_request
    def _echo(response):
        rid = current_request_id()
        if rid:
            response.headers["X-Request-ID"] = rid
        return response
