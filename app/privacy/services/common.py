"""Candidate data rights: the time limits, names and error the parts share."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from app.problems import Problem

EXPORT_LINK_VALID = timedelta(hours=24)
# One email per address in this window, however often the form is sent (no mail bombing).
EXPORT_RESEND_AFTER = timedelta(minutes=10)
EXPORT_KEEP_AFTER_EXPIRY = timedelta(days=1)
ERASED_GIVEN, ERASED_FAMILY = "Erased", "candidate"
RETENTION_BATCH = 200
# Timeline kinds the candidate does not see: the team's internal notes.
INTERNAL_EVENT_KINDS = {"note"}


class PrivacyError(Problem):
    """A rule of data rights was broken; ``code`` says which."""

    messages = {
        "unknown_candidate": _l("Unknown candidate."),
        "link_invalid": _l("This link is no longer valid."),
        "bad_retention": _l("Keep candidates between 1 and 120 months."),
        "bad_notice_url": _l("The privacy notice's address must start with https:// and be at most 500 characters."),
    }
