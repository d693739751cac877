"""Candidate data rights: the time limits, names and error the parts share."""

from __future__ import annotations

from datetime import timedelta

EXPORT_LINK_VALID = timedelta(hours=24)
# One email per address in this window, however often the form is sent (no mail bombing).
EXPORT_RESEND_AFTER = timedelta(minutes=10)
EXPORT_KEEP_AFTER_EXPIRY = timedelta(days=1)
ERASED_GIVEN, ERASED_FAMILY = "Erased", "candidate"
RETENTION_BATCH = 200
# Timeline kinds the candidate does not see: the team's internal notes.
INTERNAL_EVENT_KINDS = {"note"}


class PrivacyError(ValueError):
    """A rule of data rights was broken; the message is for the user."""
