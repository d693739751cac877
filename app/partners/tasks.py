"""Partner tasks (they take ids).

Each vendor's work runs on its ``Vendor.queue`` (app/partners/vendors.py): TopCV's on
``boards``, Alva Labs' on ``assessments``. The sweep step and the encrypted columns are wired
in ``app/partners/hooks.py``.
"""

from __future__ import annotations

from app.extensions import rq
from app.partners import services, vendors


@rq.job(queue="boards")
def process_board_inbound(delivery_id: int) -> str:
    return services.process_inbound(delivery_id)


@rq.job(queue="boards")
def run_board_delivery(delivery_id: int) -> str:
    return services.run_delivery(delivery_id)


@rq.job(queue="assessments")
def process_assessment_inbound(delivery_id: int) -> str:
    return services.process_inbound(delivery_id)


@rq.job(queue="assessments")
def run_assessment_delivery(delivery_id: int) -> str:
    return services.run_delivery(delivery_id)


@rq.job(queue="boards")
def drain_board_inbound(vendor: str) -> int:
    return services.drain_inbound(vendor)


@rq.job(queue="assessments")
def drain_assessment_inbound(vendor: str) -> int:
    return services.drain_inbound(vendor)


def _on_boards(vendor: str) -> bool:
    return vendors.get(vendor).queue == "boards"


def drain_task(vendor: str):
    return drain_board_inbound if _on_boards(vendor) else drain_assessment_inbound


def inbound_task(vendor: str):
    return process_board_inbound if _on_boards(vendor) else process_assessment_inbound


def outbound_task(vendor: str):
    return run_board_delivery if _on_boards(vendor) else run_assessment_delivery
