"""Partner integrations (PARTNERS.md §0): keys at rest, signed inbound intake, the
delivery log with retries, dead deliveries and replay.

Features register what they do with ``register_inbound`` (one event type of one vendor)
and ``register_outbound`` (one kind of call Haku makes), and ``register_gate`` to say when
a vendor's integration accepts inbound calls at all (404/410 rules).
"""

from __future__ import annotations

import base64
import json
import logging
import secrets as pysecrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app import audit, background
from app.accounts import secrets
from app.accounts.models import Role, User
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult
from app.partners.models import IntegrationStatus, PartnerDelivery, PartnerIntegration

log = logging.getLogger(__name__)

SWEEP_SCHEDULE = [timedelta(minutes=15), timedelta(hours=1), timedelta(hours=2), timedelta(hours=4),
                  timedelta(hours=8)]
STUCK_AFTER = timedelta(minutes=10)
LOST_ENQUEUE_AFTER = timedelta(minutes=1)
RETRY_GRACE = timedelta(minutes=1)  # RQ's scheduler runs the quick retries; the sweeper catches what it lost


class PartnerError(ValueError):
    """A rule was broken; the message is for the person or partner."""


class InboundRejected(Exception):
    """The event cannot be processed (permanent); the message goes into the log."""


class InboundIgnored(Exception):
    """Nothing to do for this event (e.g. about a posting Haku does not know); logged as
    ignored with the message, not as a failure."""


@dataclass
class Intake:
    status: int
    body: dict
    delivery_id: int | None = None


INBOUND: dict[tuple[str, str], Callable] = {}
OUTBOUND: dict[str, Callable] = {}
ON_DEAD: dict[str, Callable] = {}
GATES: dict[str, Callable] = {}
SECRET_FORMS: dict[str, Callable[[str], str]] = {}


def register_inbound(vendor: str, type_: str):
    """``fn(delivery, integration, payload)`` does the work of one event; raise
    ``InboundRejected`` for a permanent problem. Runs in a task; must not commit."""
    def decorator(fn):
        INBOUND[(vendor, type_)] = fn
        return fn
    return decorator


def register_outbound(type_: str, on_dead: Callable | None = None):
    """``fn(delivery, integration) -> CallResult`` makes the call and applies its effects
    (success or permanent failure). ``on_dead(delivery, integration)`` runs when retries
    are used up. Must not commit."""
    def decorator(fn):
        OUTBOUND[type_] = fn
        if on_dead is not None:
            ON_DEAD[type_] = on_dead
        return fn
    return decorator


def register_gate(vendor: str, fn: Callable[[PartnerIntegration], bool],
                  secret_form: Callable[[str], str] | None = None) -> None:
    """``fn(integration)``: whether it accepts inbound calls (else 410). ``secret_form``
    turns a stored signing secret into the ``whsec_`` form the library expects."""
    GATES[vendor] = fn
    if secret_form is not None:
        SECRET_FORMS[vendor] = secret_form


# ---------------------------------------------------------------- integrations and keys

def new_signing_secret() -> str:
    return "whsec_" + base64.b64encode(pysecrets.token_bytes(32)).decode()


def _purpose(integration: PartnerIntegration, what: str) -> str:
    return f"partner:{integration.external_id}:{what}"


def set_api_key(integration: PartnerIntegration, api_key: str | None) -> None:
    api_key = (api_key or "").strip()
    integration.api_key_enc = secrets.encrypt(api_key, purpose=_purpose(integration, "api_key")) if api_key else None
    integration.api_key_hint = api_key[-4:] if api_key else None


def set_signing_secret(integration: PartnerIntegration, secret: str | None, *, keep_previous: bool = False) -> None:
    if keep_previous and integration.signing_secret_enc:
        previous = signing_secrets(integration)[0]
        integration.previous_signing_secret_enc = secrets.encrypt(previous, purpose=_purpose(integration, "previous"))
    else:
        integration.previous_signing_secret_enc = None
    integration.signing_secret_enc = (secrets.encrypt(secret, purpose=_purpose(integration, "signing_secret"))
                                      if secret else None)


def api_key(integration: PartnerIntegration) -> str | None:
    if not integration.api_key_enc:
        return None
    return secrets.decrypt(integration.api_key_enc, purpose=_purpose(integration, "api_key"))


def signing_secrets(integration: PartnerIntegration) -> list[str]:
    out = []
    if integration.signing_secret_enc:
        out.append(secrets.decrypt(integration.signing_secret_enc, purpose=_purpose(integration, "signing_secret")))
    if integration.previous_signing_secret_enc:
        out.append(secrets.decrypt(integration.previous_signing_secret_enc, purpose=_purpose(integration, "previous")))
    return out


def integration_by_external_id(vendor: str, external_id: str) -> PartnerIntegration | None:
    if not external_id or len(external_id) > 36 or "\x00" in external_id:
        return None
    return db.session.scalar(select(PartnerIntegration).options(joinedload(PartnerIntegration.company)).where(
        PartnerIntegration.external_id == external_id, PartnerIntegration.vendor == vendor))


def company_admins(company_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(User.company_id == company_id, User.role == Role.ADMIN.value,
                                                      User.is_enabled.is_(True))))


def alert_admins(integration: PartnerIntegration, title: str, link: str | None, dedupe_key: str) -> None:
    from app.messaging.services import notify

    notify(company_admins(integration.company_id), company_id=integration.company_id, kind="integration_alert",
           title=title, link=link, dedupe_key=dedupe_key)


# ---------------------------------------------------------------- inbound

def intake_integration(vendor: str, external_id: str) -> PartnerIntegration | None:
    """The integration an inbound URL names, or None (answered 404 before the body is read)."""
    return _intake_lookup(vendor, external_id)


def receive(vendor: str, integration: PartnerIntegration, raw: bytes, headers, *, route: dict | None = None,
            after_verify: Callable[[PartnerIntegration], Intake | None] | None = None) -> Intake:
    """Verify, store and acknowledge one signed inbound call; the work happens in a task.

    The signature is checked before anything about the integration's state is answered:
    410 (switched off, disconnected) and ``after_verify``'s answers go only to a caller who
    holds the secret. An integration with no secret left (its keys were removed) cannot verify
    anything and answers 410, so the sender stops retrying."""
    secrets_ = signing_secrets(integration)
    if not secrets_:
        return Intake(410, _error("gone", "This integration is not active."))
    form = SECRET_FORMS.get(vendor, lambda s: s)
    payload = None
    for secret in secrets_:
        try:
            payload = Webhook(form(secret)).verify(raw, {k.lower(): v for k, v in headers.items()})
            break
        except WebhookVerificationError:
            continue
        except ValueError:  # signed, but the body is not JSON
            return Intake(400, _error("malformed", "The body is not valid JSON."))
    if payload is None:
        return Intake(401, _error("bad_signature", "The signature does not verify."))
    gate = GATES.get(vendor, lambda i: i.is_active)
    if not gate(integration):
        return Intake(410, _error("gone", "This integration is not active."))
    refusal = after_verify(integration) if after_verify is not None else None
    if refusal is not None:
        return refusal
    payload, route = without_nul(payload), without_nul(route)
    problem = _check_envelope(payload)
    if problem:
        return Intake(400, _error("malformed", problem))
    webhook_id = str(headers.get("webhook-id"))[:200]
    known = (vendor, payload["type"]) in INBOUND
    row = {"company_id": integration.company_id, "integration_id": integration.id, "direction": "in",
           "type": payload["type"][:64], "webhook_id": webhook_id, "state": "received" if known else "ignored",
           "target": route or None, "body": raw.decode("utf-8", "replace"), "summary": _summary_of(payload),
           "attempts": 0, "created_at": utcnow(), "updated_at": utcnow()}
    try:  # a Core insert: the intake path is hot (see bench/topcv_bench.py)
        delivery_id = db.session.execute(insert(PartnerDelivery).values(**row).returning(PartnerDelivery.id)).scalar()
        db.session.commit()
    except IntegrityError:  # a redelivery, or a parallel duplicate that won the race
        db.session.rollback()
        return Intake(200, {"status": "duplicate"})
    if known:
        request_drain(vendor)
    return Intake(202 if known else 200, {"status": "accepted" if known else "ignored"}, delivery_id)


def _intake_lookup(vendor: str, external_id: str) -> PartnerIntegration | None:
    """The integration and its company's switches in one plain query (the intake path is
    hot); returned as detached objects, read only."""
    from app.accounts.models import Company

    if not external_id or len(external_id) > 36 or "\x00" in external_id:
        return None
    columns = PartnerIntegration.__table__.c
    row = db.session.execute(select(*columns, Company.job_boards_enabled.label("_boards"),
                                    Company.slug.label("_slug"))
                             .join(Company, Company.id == PartnerIntegration.company_id)
                             .where(columns.external_id == external_id, columns.vendor == vendor)).mappings().first()
    if row is None:
        return None
    integration = PartnerIntegration(**{c.key: row[c.key] for c in columns})
    integration.company = Company(id=row["company_id"], slug=row["_slug"], job_boards_enabled=row["_boards"])
    return integration


def _drain_marker(vendor: str) -> str:
    return f"haku:partner-drain-requested:{vendor}"


def request_drain(vendor: str) -> None:
    """Make sure a drain task will look at the stored events. A marker in Redis (set for
    30 s, cleared by the drain as it looks) keeps this to one cheap call per event; one
    drain per vendor is queued at a time. Whatever slips through, the sweeper picks up."""
    from app.extensions import rq
    from app.partners import tasks

    try:
        if not rq.get_queue("default").connection.set(_drain_marker(vendor), 1, nx=True, ex=30):
            return
    except Exception as exc:  # Redis away: the rows are stored; the sweeper enqueues them
        log.warning("drain marker not set (%s)", type(exc).__name__)
        return
    background.enqueue(tasks.drain_task(vendor), vendor, job_id=f"partner-drain-{vendor}", unique=True,
                       result_ttl=0, failure_ttl=60, job_timeout=900)


def without_nul(value: Any) -> Any:
    """Partner text without NUL characters (JSON may carry ``\u0000``; PostgreSQL text
    cannot hold it), applied once at the boundary to everything taken from a call."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


def _check_envelope(payload: Any) -> str | None:
    if not isinstance(payload, dict):
        return "The body must be a JSON object."
    if payload.get("api_version") != "1":
        return "api_version must be \"1\"."
    if not isinstance(payload.get("type"), str) or not payload["type"]:
        return "type is missing."
    if "data" not in payload:
        return "data is missing."
    return None


def _summary_of(payload: dict) -> str:
    data = payload.get("data")
    if isinstance(data, dict):
        keys = [k for k in ("board_job_id", "board_application_id", "partner_interview_id", "vendor_account_ref",
                            "status", "score", "partner_status", "partner_score") if data.get(k) is not None]
        return ", ".join(f"{k}={str(data[k])[:60]}" for k in keys)[:500]
    return ""


def _error(code: str, message: str, field: str | None = None) -> dict:
    return {"error": {"code": code, "message": message, "field": field}}


def _claim(delivery_id: int, direction: str, from_states: tuple[str, ...], to_state: str):
    """Take a delivery for one attempt with an atomic update (a second worker gets None)."""
    claimed = db.session.execute(update(PartnerDelivery).where(
        PartnerDelivery.id == delivery_id, PartnerDelivery.direction == direction,
        PartnerDelivery.state.in_(from_states)).values(
        state=to_state, claimed_at=utcnow(), attempts=PartnerDelivery.attempts + 1)).rowcount
    db.session.commit()
    if not claimed:
        return None
    delivery = db.session.get(PartnerDelivery, delivery_id)
    return delivery, db.session.get(PartnerIntegration, delivery.integration_id)


def process_inbound(delivery_id: int) -> str:
    """Do the work of one stored inbound event, once."""
    claimed = _claim(delivery_id, "in", ("received",), "processing")
    if claimed is None:
        return "skipped"
    delivery, integration = claimed
    handler = INBOUND.get((integration.vendor, delivery.type))
    started = utcnow()
    try:
        if handler is None:
            raise InboundRejected(f"no handler for {delivery.type}")
        handler(delivery, integration, without_nul(json.loads(delivery.body or "{}")))
        delivery.state, delivery.error = "processed", None
        delivery.latency_ms = int((utcnow() - started).total_seconds() * 1000)
        background.commit()
        return "processed"
    except InboundIgnored as exc:
        db.session.rollback()
        background.discard()
        db.session.execute(update(PartnerDelivery).where(PartnerDelivery.id == delivery_id).values(
            state="ignored", error=str(exc)[:1000]))
        db.session.commit()
        return "ignored"
    except Exception as exc:
        db.session.rollback()
        background.discard()
        if not isinstance(exc, InboundRejected):
            log.exception("processing partner delivery %s failed", delivery_id)
        message = str(exc) if isinstance(exc, InboundRejected) else f"internal error ({type(exc).__name__})"
        db.session.execute(update(PartnerDelivery).where(PartnerDelivery.id == delivery_id).values(
            state="failed", error=message[:1000]))
        db.session.commit()
        return "failed"


def drain_inbound(vendor: str, limit: int = 20000, budget_seconds: float = 600) -> int:
    """Process stored inbound events of one vendor, oldest first, until none is left (or
    the budget is used; the next intake or the sweeper continues)."""
    import time

    from app.extensions import rq

    deadline = time.monotonic() + budget_seconds
    done = 0
    while done < limit and time.monotonic() < deadline:
        try:
            rq.get_queue("default").connection.delete(_drain_marker(vendor))
        except Exception:  # Redis away: the marker expires by itself
            pass
        ids = db.session.scalars(select(PartnerDelivery.id).join(
            PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).where(
            PartnerIntegration.vendor == vendor, PartnerDelivery.direction == "in",
            PartnerDelivery.state == "received").order_by(PartnerDelivery.id).limit(100)).all()
        db.session.rollback()
        if not ids:
            break
        for delivery_id in ids:
            process_inbound(delivery_id)
            done += 1
    return done


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
                               type=type_, state="pending", target=target, summary=summary[:500],
                               actor_id=actor.id if actor else None)
    db.session.add(delivery)
    db.session.flush()
    background.defer(tasks.outbound_task(integration.vendor), delivery.id, **task_options())
    return delivery


def call_now(integration: PartnerIntegration, type_: str, fn: Callable[[], CallResult], *, summary: str = "",
             actor: User | None = None) -> CallResult:
    """A call made during a request (e.g. validating keys as they are saved), logged like
    any other. The caller commits."""
    result = fn()
    db.session.add(PartnerDelivery(
        company_id=integration.company_id, integration_id=integration.id, direction="out", type=type_,
        state="ok" if result.ok else "failed", summary=summary[:500], status_code=result.status_code,
        latency_ms=result.latency_ms, error=result.error, attempts=1, actor_id=actor.id if actor else None))
    return result


def run_delivery(delivery_id: int) -> str:
    """Make one outbound call (one attempt) and record the outcome."""
    claimed = _claim(delivery_id, "out", ("pending", "retrying"), "running")
    if claimed is None:
        return "skipped"
    delivery, integration = claimed
    handler = OUTBOUND.get(delivery.type)
    try:
        result = handler(delivery, integration) if handler else CallResult(None, error=f"unknown call {delivery.type}")
    except Exception as exc:
        db.session.rollback()
        background.discard()
        log.exception("partner call %s failed", delivery_id)
        delivery = db.session.get(PartnerDelivery, delivery_id)
        integration = db.session.get(PartnerIntegration, delivery.integration_id)
        result = CallResult(None, error=f"internal error ({type(exc).__name__})", retryable=True)
    delivery.status_code, delivery.latency_ms, delivery.error = result.status_code, result.latency_ms, result.error
    if result.ok:
        delivery.state, delivery.next_retry_at = "ok", None
    elif not result.retryable:
        delivery.state, delivery.next_retry_at = "failed", None
    elif delivery.attempts < len(_intervals()) + 1:
        delay = _intervals()[delivery.attempts - 1]
        delivery.state, delivery.next_retry_at = "retrying", utcnow() + timedelta(seconds=delay)
        background.commit()
        _retry_soon(integration.vendor, delivery.id, delay)
        return delivery.state
    elif delivery.attempts < len(_intervals()) + 1 + len(SWEEP_SCHEDULE):
        step = max(0, delivery.attempts - len(_intervals()) - 1)
        delivery.state, delivery.next_retry_at = "retrying", utcnow() + SWEEP_SCHEDULE[min(step, len(SWEEP_SCHEDULE) - 1)]
    else:
        delivery.state, delivery.next_retry_at = "dead", None
        if delivery.type in ON_DEAD:
            ON_DEAD[delivery.type](delivery, integration)
        alert_admins(integration, f"A {integration.vendor} call failed for good: {delivery.type}",
                     _log_link(integration), f"dead:{delivery.id}")
    background.commit()
    return delivery.state


def _intervals() -> list[int]:
    return list(current_app.config.get("PARTNER_RETRY_INTERVALS", [10, 30, 90]))


def _retry_soon(vendor: str, delivery_id: int, delay: int) -> None:
    """The quick retries (≤ 5 minutes) go through RQ: at once, or by RQ's scheduler. If
    that enqueue is lost the sweeper finds the row due and enqueues it again."""
    from app.partners import tasks

    task = tasks.outbound_task(vendor)
    if delay <= 0:
        background.enqueue(task, delivery_id)
        return
    try:
        task.enqueue_in(timedelta(seconds=delay), delivery_id, failure_ttl=7 * 24 * 3600)
    except Exception as exc:  # Redis away: the due date in the row is the truth
        log.warning("could not schedule retry of delivery %s (%s)", delivery_id, type(exc).__name__)


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
        raise PartnerError("Only a failed delivery can be replayed.")
    before = {"state": delivery.state, "attempts": delivery.attempts}
    if delivery.direction == "in":
        delivery.state = "received"
        background.defer(tasks.inbound_task(delivery.integration.vendor), delivery.id)
    else:
        delivery.state, delivery.attempts, delivery.next_retry_at = "pending", 0, None
        background.defer(tasks.outbound_task(delivery.integration.vendor), delivery.id, **task_options())
    delivery.error = None
    audit.record(company_id=delivery.company_id, actor=audit.actor_of(actor), object=f"partner_delivery:{delivery.id}",
                 action="replay", before=before, after={"state": delivery.state})
    background.commit()
    return delivery


def deliveries_for(integration: PartnerIntegration, limit: int = 200) -> list[PartnerDelivery]:
    return list(db.session.scalars(select(PartnerDelivery).where(
        PartnerDelivery.integration_id == integration.id, PartnerDelivery.company_id == integration.company_id)
        .order_by(PartnerDelivery.id.desc()).limit(limit)))


# ---------------------------------------------------------------- sweeping

def sweep_deliveries(limit: int = 500) -> int:
    """Due retries, enqueues lost while Redis was away, and work of killed workers."""
    from app.partners import tasks

    now = utcnow()
    stuck = now - STUCK_AFTER
    db.session.execute(update(PartnerDelivery).where(
        PartnerDelivery.state == "running", PartnerDelivery.claimed_at < stuck).values(state="retrying",
                                                                                         next_retry_at=now))
    db.session.execute(update(PartnerDelivery).where(
        PartnerDelivery.state == "processing", PartnerDelivery.claimed_at < stuck).values(state="received"))
    db.session.commit()
    lost = now - LOST_ENQUEUE_AFTER
    out_rows = db.session.execute(select(PartnerDelivery.id, PartnerIntegration.vendor).join(
        PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).where(
        PartnerDelivery.direction == "out",
        or_((PartnerDelivery.state == "retrying") & (PartnerDelivery.next_retry_at <= now - RETRY_GRACE),
            (PartnerDelivery.state == "retrying") & PartnerDelivery.next_retry_at.is_(None)
            & (PartnerDelivery.updated_at < lost),
            (PartnerDelivery.state == "pending") & (PartnerDelivery.created_at < lost)))
        .limit(limit)).all()
    in_rows = db.session.execute(select(PartnerDelivery.id, PartnerIntegration.vendor).join(
        PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).where(
        PartnerDelivery.direction == "in", PartnerDelivery.state == "received",
        PartnerDelivery.updated_at < lost).limit(limit)).all()
    for delivery_id, vendor in out_rows:
        background.enqueue(tasks.outbound_task(vendor), delivery_id, job_id=f"partner-out-{delivery_id}-{now:%H%M}",
                           **task_options())
    for delivery_id, vendor in in_rows:
        background.enqueue(tasks.inbound_task(vendor), delivery_id, job_id=f"partner-in-{delivery_id}-{now:%H%M}")
    return len(out_rows) + len(in_rows)


def describe_status(integration: PartnerIntegration) -> str:
    return {IntegrationStatus.NOT_CONFIGURED: "Not configured", IntegrationStatus.CONFIGURED: "Configured",
            IntegrationStatus.ERROR: "Error", IntegrationStatus.DISCONNECTED: "Disconnected"}.get(
        integration.status, integration.status)
