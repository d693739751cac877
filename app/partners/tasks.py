"""Partner tasks (they take ids) and the sweep step for retries and lost work.

Job-board work runs on the ``boards`` queue, assessment work on ``assessments``.
"""

from __future__ import annotations

from app.extensions import rq
from app.partners import services
from app.partners.models import PartnerIntegration
from app.rotation import register_encrypted
from app.sweeper import register_step

QUEUE_OF_VENDOR = {"topcv": "boards", "alva": "assessments"}


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


def drain_task(vendor: str):
    return drain_board_inbound if QUEUE_OF_VENDOR.get(vendor) == "boards" else drain_assessment_inbound


def inbound_task(vendor: str):
    return process_board_inbound if QUEUE_OF_VENDOR.get(vendor) == "boards" else process_assessment_inbound


def outbound_task(vendor: str):
    return run_board_delivery if QUEUE_OF_VENDOR.get(vendor) == "boards" else run_assessment_delivery


@register_step("partner_deliveries")
def _deliveries() -> int:
    return services.sweep_deliveries()



def _partner(what: str):
    return lambda row: f"partner:{row.external_id}:{what}"


register_encrypted(PartnerIntegration, "api_key_enc", _partner("api_key"))
register_encrypted(PartnerIntegration, "signing_secret_enc", _partner("signing_secret"))
register_encrypted(PartnerIntegration, "previous_signing_secret_enc", _partner("previous"))
