"""One object per partner vendor: everything Haku knows about it in one place.

A feature that talks to a vendor builds one ``Vendor`` in its ``hooks.py`` and registers it
with ``plugins.vendor`` (app/plugins.py): TopCV in ``app/boards/hooks.py``, Alva Labs in
``app/assessments/hooks.py``. The partner services read it by the name stored in
``PartnerIntegration.vendor``: the queue its tasks run on, how to check a signature
(``secret_form``), whether an integration accepts inbound calls (``gate``), the handler of
each inbound event and each outbound call, what to do when a call is dead, and what the
admin shows (``display_name``, ``status_labels``, ``texts``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.plugins import plugins


def _active(integration) -> bool:
    return bool(integration.is_active)


def _as_is(secret: str) -> str:
    return secret


@dataclass
class Vendor:
    name: str  # PartnerIntegration.vendor
    display_name: str  # as the admin shows it
    queue: str  # the RQ queue its inbound and outbound work runs on ("boards", "assessments")
    #: event type -> ``fn(delivery, integration, payload)``: the work of one event, in a task;
    #: raises ``InboundRejected`` for a permanent problem; must not commit
    inbound: dict[str, Callable] = field(default_factory=dict)
    #: call type -> ``fn(delivery, integration) -> CallResult``: makes the call and applies its
    #: effects (success or permanent failure); must not commit
    outbound: dict[str, Callable] = field(default_factory=dict)
    #: call type -> ``fn(delivery, integration)``: when the retries of that call are used up
    on_dead: dict[str, Callable] = field(default_factory=dict)
    #: ``fn(integration)``: whether it accepts inbound calls at all (else 410)
    gate: Callable[[Any], bool] = _active
    #: the signature check: a stored signing secret in the ``whsec_`` form the library expects
    secret_form: Callable[[str], str] = _as_is
    #: status -> label of what the vendor reports (integration or order statuses)
    status_labels: dict[str, Any] = field(default_factory=dict)
    #: code -> lazy gettext text: the vendor's own stored texts (app/partners/texts.py),
    #: codes prefixed with its name ("topcv.", "alva.")
    texts: dict[str, Any] = field(default_factory=dict)


def vendor(name: str) -> Vendor | None:
    """The registered vendor of that name, or None."""
    return plugins.vendors.get(name)


#: Where the work of a vendor no feature registered goes (a row left from a removed
#: integration): a real queue the default worker takes, so it runs and ends, never stalls.
UNKNOWN_VENDOR_QUEUE = "assessments"


def get(name: str) -> Vendor:
    """The registered vendor of that name, or one that knows nothing (no handlers, the
    default gate and signature check) for a name no feature registered."""
    return plugins.vendors.get(name) or Vendor(name, name, UNKNOWN_VENDOR_QUEUE)


def outbound_handler(type_: str) -> Callable | None:
    """The handler of an outbound call type, whichever vendor registered it."""
    return next((v.outbound[type_] for v in plugins.vendors.values() if type_ in v.outbound), None)


def dead_handler(type_: str) -> Callable | None:
    return next((v.on_dead[type_] for v in plugins.vendors.values() if type_ in v.on_dead), None)
