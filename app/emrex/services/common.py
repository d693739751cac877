"""EMREX requests: the timings, keys and errors every part of the service uses."""

from __future__ import annotations

from datetime import timedelta

REMINDER_DAYS = (3, 7, 14)
EXPIRE_AFTER = timedelta(days=44)
HANDOFF_WINDOW = timedelta(minutes=15)
TOKEN_PURPOSE = "emrex-invite-token"
INVITE_KEY = "emrex_invite"
REMINDER_KEY = "emrex_reminder"


class EmrexError(ValueError):
    """A rule of EMREX was broken; the message is for the user."""


class ReviewError(EmrexError):
    """A recruiter's decision on a held transcript could not be made; ``code`` says why
    (``not_held``: it was decided already, by someone else or in another tab)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code
