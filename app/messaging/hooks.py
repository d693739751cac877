"""Imported at start-up (``register_features``): what messaging plugs into the core — the
outbox relay as a sweep step. A failed email is announced by ``events.email_failed``."""

from __future__ import annotations

from app.messaging import services
from app.plugins import plugins


@plugins.sweep_step("outbox")
def _outbox() -> int:
    """Relay what is due in the outbox (new emails, retries after a failed send)."""
    return services.relay_outbox()
