"""Partner integrations: the timings and errors. What each vendor does (its handlers, gate,
queue) is its ``Vendor`` object (app/partners/vendors.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from app.problems import Problem, store

SWEEP_SCHEDULE = [timedelta(minutes=15), timedelta(hours=1), timedelta(hours=2), timedelta(hours=4),
                  timedelta(hours=8)]
STUCK_AFTER = timedelta(minutes=10)
LOST_ENQUEUE_AFTER = timedelta(minutes=1)
RETRY_GRACE = timedelta(minutes=1)  # RQ's scheduler runs the quick retries; the sweeper catches what it lost


class PartnerError(Problem):
    """A rule was broken; ``code`` says which."""

    messages = {"not_failed": _l("Only a failed delivery can be replayed.")}


class _Coded(Exception):
    """Its reason goes into the delivery log as a code and its parameters (``str(exc)`` is
    the stored form), worded by app/partners/texts.py when shown."""

    def __init__(self, code: str, **params):
        super().__init__(store(code, **params))
        self.code, self.params = code, params


class InboundRejected(_Coded):
    """The event cannot be processed (permanent); the reason goes into the log."""


class InboundIgnored(_Coded):
    """Nothing to do for this event (e.g. about a posting Haku does not know); logged as
    ignored with the reason, not as a failure."""


@dataclass
class Intake:
    status: int
    body: dict
    delivery_id: int | None = None
