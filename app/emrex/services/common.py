"""EMREX requests: the timings, keys and errors every part of the service uses."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from app.problems import Problem

REMINDER_DAYS = (3, 7, 14)
EXPIRE_AFTER = timedelta(days=44)
HANDOFF_WINDOW = timedelta(minutes=15)
TOKEN_PURPOSE = "emrex-invite-token"
INVITE_KEY = "emrex_invite"
REMINDER_KEY = "emrex_reminder"


class EmrexError(Problem):
    """A rule of EMREX was broken; ``code`` says which."""

    messages = {
        "closed": _l("This request is closed."),
        "already_closed": _l("This request is already closed."),
        "no_reopen": _l("This request can no longer be reopened."),
        "bad_university": _l("Pick a university from the list."),
        "insecure_contact": _l("This university's contact point is not reachable securely."),
        "not_enabled": _l("EMREX is not enabled for this company."),
        "no_email": _l("The candidate has no email address."),
        "no_job": _l("Assign the candidate to a job first."),
        "bad_stage": _l("Pick a stage of this pipeline."),
        "bad_template": _l("Pick one of the EMREX email templates."),
        "bad_scale": _l("The scale is 4.0 or 5.0."),
        "not_held": _l("This transcript is no longer held: someone already decided. The card shows the "
                       "current state."),
    }


class ReviewError(EmrexError):
    """A recruiter's decision on a held transcript could not be made; ``code`` says why
    (``not_held``: it was decided already, by someone else or in another tab)."""
