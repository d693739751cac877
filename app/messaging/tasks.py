"""RQ tasks of the messaging feature. Each takes ids and is safe to run twice."""

from __future__ import annotations

from app.messaging import services


def send_email(outbox_id: int) -> str:
    return services.deliver(outbox_id)
