"""Partner integrations: the timings, errors and the registries features fill
(``register_inbound``, ``register_outbound``, ``register_gate``); each registry is one dict,
defined here only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from app.partners.models import PartnerIntegration
from app.problems import Problem

SWEEP_SCHEDULE = [timedelta(minutes=15), timedelta(hours=1), timedelta(hours=2), timedelta(hours=4),
                  timedelta(hours=8)]
STUCK_AFTER = timedelta(minutes=10)
LOST_ENQUEUE_AFTER = timedelta(minutes=1)
RETRY_GRACE = timedelta(minutes=1)  # RQ's scheduler runs the quick retries; the sweeper catches what it lost


class PartnerError(Problem):
    """A rule was broken; ``code`` says which."""

    messages = {"not_failed": _l("Only a failed delivery can be replayed.")}


class InboundRejected(Exception):
    """The event cannot be processed (permanent); the message goes into the log."""


class InboundIgnored(Exception):
    """Nothing to do for this event (e.g. about a posting Haku does not know); logged as
    ignored with the message, not as a failure."""


@dataclass
class Intake:
    status: int
    body: dict
    delivery_id: int | None = None


INBOUND: dict[tuple[str, str], Callable] = {}
OUTBOUND: dict[str, Callable] = {}
ON_DEAD: dict[str, Callable] = {}
GATES: dict[str, Callable] = {}
SECRET_FORMS: dict[str, Callable[[str], str]] = {}


def register_inbound(vendor: str, type_: str):
    """``fn(delivery, integration, payload)`` does the work of one event; raise
    ``InboundRejected`` for a permanent problem. Runs in a task; must not commit."""
    def decorator(fn):
        INBOUND[(vendor, type_)] = fn
        return fn
    return decorator


def register_outbound(type_: str, on_dead: Callable | None = None):
    """``fn(delivery, integration) -> CallResult`` makes the call and applies its effects
    (success or permanent failure). ``on_dead(delivery, integration)`` runs when retries
    are used up. Must not commit."""
    def decorator(fn):
        OUTBOUND[type_] = fn
        if on_dead is not None:
            ON_DEAD[type_] = on_dead
        return fn
    return decorator


def register_gate(vendor: str, fn: Callable[[PartnerIntegration], bool],
                  secret_form: Callable[[str], str] | None = None) -> None:
    """``fn(integration)``: whether it accepts inbound calls (else 410). ``secret_form``
    turns a stored signing secret into the ``whsec_`` form the library expects."""
    GATES[vendor] = fn
    if secret_form is not None:
        SECRET_FORMS[vendor] = secret_form
