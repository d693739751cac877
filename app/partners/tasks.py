"""Partner tasks (they take ids).

Each task is enqueued on its vendor's queue (``queue_of``, from the vendor's ``Vendor.queue`` in
app/partners/vendors.py): TopCV's on ``boards``, Alva Labs' on ``assessments``. The sweep step and
the encrypted columns are wired in ``app/partners/hooks.py``.
"""

from __future__ import annotations

from app.partners import services, vendors


def queue_of(vendor: str) -> str:
    """The queue a vendor's tasks run on (job boards and assessment vendors apart)."""
    return vendors.get(vendor).queue


def process_inbound(delivery_id: int) -> str:
    return services.process_inbound(delivery_id)


def run_delivery(delivery_id: int) -> str:
    return services.run_delivery(delivery_id)


def drain_inbound(vendor: str, follow_up: bool = False) -> int:
    return services.drain_inbound(vendor, follow_up=follow_up)


