"""RQ tasks of the messaging feature. Each takes ids and is safe to run twice."""

from __future__ import annotations

from app.messaging import services
from app.sweeper import register_step


def send_email(outbox_id: int) -> str:
    return services.deliver(outbox_id)


@register_step("outbox")
def _outbox() -> int:
    """Relay what is due in the outbox (new emails, retries after a failed send)."""
    return services.relay_outbox()
