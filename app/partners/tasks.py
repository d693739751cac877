"""Partner tasks (they take ids) and the sweep step for retries and lost work.

Each task is enqueued on its vendor's queue (``queue_of``): job-board work on ``boards``,
assessment work on ``assessments``.
"""

from __future__ import annotations

from app.partners import services
from app.partners.models import PartnerIntegration
from app.rotation import register_encrypted
from app.sweeper import register_step

QUEUE_OF_VENDOR = {"topcv": "boards", "alva": "assessments"}


def queue_of(vendor: str) -> str:
    """The queue a vendor's tasks run on (job boards and assessment vendors apart)."""
    return QUEUE_OF_VENDOR.get(vendor, "assessments")


def process_inbound(delivery_id: int) -> str:
    return services.process_inbound(delivery_id)


def run_delivery(delivery_id: int) -> str:
    return services.run_delivery(delivery_id)


def drain_inbound(vendor: str) -> int:
    return services.drain_inbound(vendor)


@register_step("partner_deliveries")
def _deliveries() -> int:
    return services.sweep_deliveries()


def _partner(what: str):
    return lambda row: f"partner:{row.external_id}:{what}"


register_encrypted(PartnerIntegration, "api_key_enc", _partner("api_key"))
register_encrypted(PartnerIntegration, "signing_secret_enc", _partner("signing_secret"))
register_encrypted(PartnerIntegration, "previous_signing_secret_enc", _partner("previous"))
