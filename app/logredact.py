"""A logging filter that keeps invite tokens and session ids out of every log line
(access logs print request paths, and EMREX invite links carry the token in the path)."""

from __future__ import annotations

import logging
import re

_PATTERNS = [
    (re.compile(r"(/emrex/r/)[A-Za-z0-9_\-]+"), r"\1[redacted]"),
    (re.compile(r"(sessionId=)[A-Za-z0-9]+"), r"\1[redacted]"),
    (re.compile(r"(/partner/v1/resumes/)[A-Za-z0-9_\-.]+"), r"\1[redacted]"),  # the CV link sent to assessment vendors
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
