"""Partner integrations, sweeping: deliveries stuck, lost or due again, and an integration's
status in words."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select, update

from app import background
from app.clock import utcnow
from app.extensions import db
from app.partners.models import DeliveryState, IntegrationStatus, PartnerDelivery, PartnerIntegration
from app.partners.services.outbound import task_options
from app.partners.services.registry import LOST_ENQUEUE_AFTER, RETRY_GRACE, STUCK_AFTER

# ---------------------------------------------------------------- sweeping

def sweep_deliveries(limit: int = 500) -> int:
    """Due retries, enqueues lost while Redis was away, and work of killed workers."""
    from app.partners import tasks

    now = utcnow()
    stuck = now - STUCK_AFTER
    db.session.execute(update(PartnerDelivery).where(
        PartnerDelivery.state == DeliveryState.RUNNING, PartnerDelivery.claimed_at < stuck).values(
        state=DeliveryState.RETRYING, next_retry_at=now))
    db.session.execute(update(PartnerDelivery).where(
        PartnerDelivery.state == DeliveryState.PROCESSING, PartnerDelivery.claimed_at < stuck).values(
        state=DeliveryState.RECEIVED))
    db.session.commit()
    lost = now - LOST_ENQUEUE_AFTER
    out_rows = db.session.execute(select(PartnerDelivery.id, PartnerIntegration.vendor).join(
        PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).where(
        PartnerDelivery.direction == "out",
        or_((PartnerDelivery.state == DeliveryState.RETRYING) & (PartnerDelivery.next_retry_at <= now - RETRY_GRACE),
            (PartnerDelivery.state == DeliveryState.RETRYING) & PartnerDelivery.next_retry_at.is_(None)
            & (PartnerDelivery.updated_at < lost),
            (PartnerDelivery.state == DeliveryState.PENDING) & (PartnerDelivery.created_at < lost)))
        .limit(limit)).all()
    in_rows = db.session.execute(select(PartnerDelivery.id, PartnerIntegration.vendor).join(
        PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).where(
        PartnerDelivery.direction == "in", PartnerDelivery.state == DeliveryState.RECEIVED,
        PartnerDelivery.updated_at < lost).limit(limit)).all()
    for delivery_id, vendor in out_rows:
        background.enqueue(tasks.run_delivery, delivery_id, queue=tasks.queue_of(vendor), job_id=f"partner-out-{delivery_id}-{now:%H%M}",
                           **task_options())
    for delivery_id, vendor in in_rows:
        background.enqueue(tasks.process_inbound, delivery_id, queue=tasks.queue_of(vendor), job_id=f"partner-in-{delivery_id}-{now:%H%M}")
    return len(out_rows) + len(in_rows)


STATUS_LABELS = {IntegrationStatus.NOT_CONFIGURED: _l("Not configured"), IntegrationStatus.CONFIGURED: _l("Configured"),
                 IntegrationStatus.ERROR: _l("Error"), IntegrationStatus.DISCONNECTED: _l("Disconnected")}


def describe_status(integration: PartnerIntegration) -> str:
    """The integration's status in the reader's language."""
    label = STATUS_LABELS.get(integration.status)
    return str(label) if label is not None else str(integration.status)
