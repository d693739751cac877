"""Partner integrations (PARTNERS.md §0): keys at rest, signed inbound intake, the
delivery log with retries, dead deliveries and replay.

What each vendor does (its inbound handlers, outbound calls, gate for the 404/410 rules,
signature check and queue) is one ``Vendor`` object (app/partners/vendors.py), built and
registered in the feature's ``hooks.py``.

One module per part: ``registry`` (timings, errors), ``keys``, ``inbound``, ``outbound`` and
``sweep``.
"""

from app.partners.services.inbound import (
    drain_inbound,
    intake_connection,
    intake_integration,
    process_inbound,
    receive,
    request_drain,
    without_nul,
)
from app.partners.services.keys import (
    alert_admins,
    api_key,
    company_admins,
    integration_by_external_id,
    new_signing_secret,
    set_api_key,
    set_signing_secret,
    signing_secrets,
)
from app.partners.services.outbound import call_now, deliveries_for, queue_call, replay, run_delivery, task_options
from app.partners.services.registry import (
    LOST_ENQUEUE_AFTER,
    RETRY_GRACE,
    STUCK_AFTER,
    SWEEP_SCHEDULE,
    InboundIgnored,
    InboundRejected,
    Intake,
    PartnerError,
)
from app.partners.services.sweep import describe_status, sweep_deliveries

__all__ = [
    "LOST_ENQUEUE_AFTER", "RETRY_GRACE", "STUCK_AFTER", "SWEEP_SCHEDULE", "InboundIgnored", "InboundRejected", "Intake", "PartnerError",
    "alert_admins", "api_key", "call_now", "company_admins", "deliveries_for", "describe_status",
    "drain_inbound", "intake_connection", "intake_integration", "integration_by_external_id", "new_signing_secret",
    "process_inbound", "queue_call", "receive", "replay", "request_drain", "run_delivery", "set_api_key", "set_signing_secret", "signing_secrets",
    "sweep_deliveries", "task_options", "without_nul"
]
