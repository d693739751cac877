"""Partner integrations, outbound: calls queued or made at once, run with retries, replayed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import audit, background
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult
from app.partners import vendors
from app.partners.models import DeliveryState, PartnerDelivery, PartnerIntegration
from app.partners.services.inbound import _claim
from app.partners.services.keys import alert_admins
from app.partners.services.registry import SWEEP_SCHEDULE, PartnerError
from app.problems import store

log = logging.getLogger(__package__)  # "app.partners.services", as before the split


# ---------------------------------------------------------------- outbound

def task_options() -> dict:
    """Retries are the delivery's own (see ``run_delivery``), not RQ's ``Retry``: the row
    counts attempts, so a worker killed mid-call or a lost enqueue never loses one."""
    return {"failure_ttl": 7 * 24 * 3600}


def queue_call(integration: PartnerIntegration, type_: str, *, target: dict | None = None, summary: str = "",
               actor: User | None = None) -> PartnerDelivery:
    """Record an outbound call and run it in a task after the commit (the caller commits)."""
    from app.partners import tasks

    delivery = PartnerDelivery(company_id=integration.company_id, integration_id=integration.id, direction="out",
                               type=type_, state=DeliveryState.PENDING, target=target, summary=summary[:500],
                               actor_id=actor.id if actor else None)
    db.session.add(delivery)
    db.session.flush()
    background.defer(tasks.run_delivery, delivery.id, queue=tasks.queue_of(integration.vendor), **task_options())
    return delivery


def call_now(integration: PartnerIntegration, type_: str, fn: Callable[[], CallResult], *, summary: str = "",
             actor: User | None = None) -> CallResult:
    """A call made during a request (e.g. validating keys as they are saved), logged like
    any other. The caller commits."""
    result = fn()
    db.session.add(PartnerDelivery(
        company_id=integration.company_id, integration_id=integration.id, direction="out", type=type_,
        state=DeliveryState.OK if result.ok else DeliveryState.FAILED, summary=summary[:500],
        status_code=result.status_code,
        latency_ms=result.latency_ms, error=result.error, attempts=1, actor_id=actor.id if actor else None))
    return result


def run_delivery(delivery_id: int) -> str:
    """Make one outbound call (one attempt) and record the outcome."""
    claimed = _claim(delivery_id, "out", (DeliveryState.PENDING, DeliveryState.RETRYING), DeliveryState.RUNNING)
    if claimed is None:
        return "skipped"
    delivery, integration = claimed
    handler = vendors.outbound_handler(delivery.type)
    try:
        result = handler(delivery, integration) if handler else CallResult(None, error=store("unknown_call", call=delivery.type))
    except Exception as exc:
        db.session.rollback()
        background.discard()
        log.exception("partner call %s failed", delivery_id)
        delivery = db.session.get(PartnerDelivery, delivery_id)
        integration = db.session.get(PartnerIntegration, delivery.integration_id)
        result = CallResult(None, error=store("internal", kind=type(exc).__name__), retryable=True)
    delivery.status_code, delivery.latency_ms, delivery.error = result.status_code, result.latency_ms, result.error
    if result.ok:
        delivery.state, delivery.next_retry_at = DeliveryState.OK, None
    elif not result.retryable:
        delivery.state, delivery.next_retry_at = DeliveryState.FAILED, None
    elif delivery.attempts < len(_intervals()) + 1:
        delay = _intervals()[delivery.attempts - 1]
        delivery.state, delivery.next_retry_at = DeliveryState.RETRYING, utcnow() + timedelta(seconds=delay)
        db.session.commit()
        _retry_soon(integration.vendor, delivery.id, delay)
        return delivery.state
    elif delivery.attempts < len(_intervals()) + 1 + len(SWEEP_SCHEDULE):
        step = max(0, delivery.attempts - len(_intervals()) - 1)
        delivery.state = DeliveryState.RETRYING
        delivery.next_retry_at = utcnow() + SWEEP_SCHEDULE[min(step, len(SWEEP_SCHEDULE) - 1)]
    else:
        delivery.state, delivery.next_retry_at = DeliveryState.DEAD, None
        on_dead = vendors.dead_handler(delivery.type)
        if on_dead is not None:
            on_dead(delivery, integration)
        # Lazy: each admin reads it in their own language (notify words it per user).
        alert_admins(integration, _l("A %(vendor)s call failed for good: %(call)s",
                                     vendor=vendors.get(integration.vendor).display_name, call=delivery.type),
                     _log_link(integration), f"dead:{delivery.id}")
    db.session.commit()
    return delivery.state


def _intervals() -> list[int]:
    return list(current_app.config.get("PARTNER_RETRY_INTERVALS", [10, 30, 90]))


def _retry_soon(vendor: str, delivery_id: int, delay: int) -> None:
    """The quick retries (≤ 5 minutes) go through RQ: at once, or by RQ's scheduler. If
    that enqueue is lost the sweeper finds the row due and enqueues it again."""
    from app.partners import tasks

    if delay <= 0:
        background.enqueue(tasks.run_delivery, delivery_id, queue=tasks.queue_of(vendor))
    else:  # Redis away: logged; the due date in the row is the truth
        background.enqueue_in(delay, tasks.run_delivery, delivery_id, queue=tasks.queue_of(vendor),
                              failure_ttl=7 * 24 * 3600)


def _log_link(integration: PartnerIntegration) -> str | None:
    from app.links import path_for

    try:
        return path_for("admin.partner_log", integration_id=integration.id)
    except Exception:
        return None


def replay(delivery: PartnerDelivery, actor: User) -> PartnerDelivery:
    """Run a failed or dead delivery again (company admins, from the log)."""
    from app.partners import tasks

    if not delivery.replayable:
        raise PartnerError("not_failed")
    before = {"state": delivery.state, "attempts": delivery.attempts}
    if delivery.direction == "in":
        delivery.state = DeliveryState.RECEIVED
        background.defer(tasks.process_inbound, delivery.id, queue=tasks.queue_of(delivery.integration.vendor))
    else:
        delivery.state, delivery.attempts, delivery.next_retry_at = DeliveryState.PENDING, 0, None
        background.defer(tasks.run_delivery, delivery.id, queue=tasks.queue_of(delivery.integration.vendor),
                         **task_options())
    delivery.error = None
    audit.record(company_id=delivery.company_id, actor=audit.actor_of(actor), object=f"partner_delivery:{delivery.id}",
                 action="replay", before=before, after={"state": delivery.state})
    db.session.commit()
    return delivery


def deliveries_for(integration: PartnerIntegration, limit: int = 200) -> list[PartnerDelivery]:
    return list(db.session.scalars(select(PartnerDelivery).where(
        PartnerDelivery.integration_id == integration.id, PartnerDelivery.company_id == integration.company_id)
        .order_by(PartnerDelivery.id.desc()).limit(limit)))
