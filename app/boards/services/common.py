"""TopCV: the names, choices and error the parts share."""

from __future__ import annotations

from datetime import timedelta

VENDOR, PRODUCT = "topcv", "job_board"
RECONCILE_EVERY = timedelta(hours=6)
# The candidate accepted TopCV's terms, which pass the application to the employer.
TOPCV_CONSENT = "topcv-terms"
LEVELS = [("intern", "Intern"), ("fresher", "Fresher"), ("junior", "Junior"), ("middle", "Middle"),
          ("senior", "Senior"), ("lead", "Team lead"), ("manager", "Manager"), ("director", "Director")]
CURRENCIES = ["VND", "USD", "EUR"]


class BoardError(ValueError):
    """A rule was broken or TopCV said no; the message is for the recruiter."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
