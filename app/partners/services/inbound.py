"""Partner integrations, inbound: the signed intake, the delivery log row, and processing by
the registered handlers (in tasks)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import joinedload
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app import background
from app.clock import utcnow
from app.extensions import db
from app.partners import vendors
from app.partners.models import DeliveryState, PartnerDelivery, PartnerIntegration
from app.partners.services.keys import signing_secrets
from app.partners.services.registry import InboundIgnored, InboundRejected, Intake
from app.problems import store

log = logging.getLogger(__package__)  # "app.partners.services", as before the split


# ---------------------------------------------------------------- inbound

#: The connection of the inbound call being taken (``intake_connection``), opened on first use.
_INTAKE_CONNECTION: ContextVar = ContextVar("haku_partner_intake_connection", default=None)


def _autocommit_connection():
    return db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")


@contextmanager
def intake_connection() -> Iterator[None]:
    """One autocommit connection for a whole inbound call (the look-up and the insert), taken
    from the pool when first needed (a call refused for its size or type needs none): the
    intake is hot (issue 15: close to a bare POST), and each of its two statements stands
    alone, so it needs no transaction: no BEGIN and COMMIT round trips, one pool checkout."""
    holder: dict = {}
    token = _INTAKE_CONNECTION.set(holder)
    try:
        yield
    finally:
        _INTAKE_CONNECTION.reset(token)
        if "conn" in holder:
            holder["conn"].close()


@contextmanager
def _connection() -> Iterator:
    holder = _INTAKE_CONNECTION.get()
    if holder is None:  # called outside an inbound call: a connection of its own
        with _autocommit_connection() as conn:
            yield conn
        return
    if "conn" not in holder:
        holder["conn"] = _autocommit_connection()
    yield holder["conn"]


#: Integrations an inbound call may take from this process's memory (``intake_integration``).
_KNOWN = "haku_partner_intake_known"
_KNOWN_MAX = 1000


def intake_integration(vendor: str, external_id: str) -> PartnerIntegration | None:
    """The integration an inbound URL names, or None (answered 404 before the body is read).

    Within an inbound call (``intake_connection``) an integration read before by this process
    is taken from memory, without its look-up (issue 15: the intake is measured against a bare
    POST). It is never trusted on its own: ``receive`` stores the event with an insert that
    checks, in the same statement, that the integration and its company's switches are still
    what was kept, and any other outcome (a refusal, a duplicate, a changed row) is decided
    again from a fresh look-up. So a key rotation, a disconnect or a company switching job
    boards off acts at once in every process, as before."""
    holder = _INTAKE_CONNECTION.get()
    if holder is None:
        return _intake_lookup(vendor, external_id)
    known = current_app.extensions.setdefault(_KNOWN, {})
    integration = known.get((vendor, external_id))
    if integration is not None:
        holder["known"] = integration
        return integration
    integration = _intake_lookup(vendor, external_id)
    if integration is not None:
        _remember(known, vendor, integration)
    return integration


def _remember(known: dict, vendor: str, integration: PartnerIntegration) -> None:
    if len(known) >= _KNOWN_MAX:  # bounded: integrations are few, a prober's ids are never kept
        known.clear()
    known[(vendor, integration.external_id)] = integration


def receive(vendor: str, integration: PartnerIntegration, raw: bytes, headers, *, route: dict | None = None,
            after_verify: Callable[[PartnerIntegration], Intake | None] | None = None) -> Intake:
    """Verify, store and acknowledge one signed inbound call; the work happens in a task.

    The signature is checked before anything about the integration's state is answered:
    410 (switched off, disconnected) and ``after_verify``'s answers go only to a caller who
    holds the secret. An integration with no secret left (its keys were removed) cannot verify
    anything and answers 410, so the sender stops retrying.

    An integration ``intake_integration`` took from memory is stored against only if it is
    still what the database holds (checked by the insert itself); otherwise, and for every
    answer but a stored event, the call is decided again with the integration read afresh."""
    holder = _INTAKE_CONNECTION.get()
    if holder is None or holder.get("known") is not integration:
        return _receive(vendor, integration, raw, headers, route, after_verify, kept=False)
    result = _receive(vendor, integration, raw, headers, route, after_verify, kept=True)
    if result is not None and result.delivery_id is not None:
        return result
    known = current_app.extensions.setdefault(_KNOWN, {})
    known.pop((vendor, integration.external_id), None)
    holder.pop("known", None)
    fresh = _intake_lookup(vendor, integration.external_id)
    if fresh is None:  # removed since it was kept: what the URL check answers for an unknown one
        return Intake(404, _error("not_found", "Unknown integration."))
    _remember(known, vendor, fresh)
    return _receive(vendor, fresh, raw, headers, route, after_verify, kept=False)


def _receive(
    vendor: str, integration: PartnerIntegration, raw: bytes, headers, route: dict | None, after_verify, *, kept: bool
) -> Intake | None:
    """``receive`` for one reading of the integration; with ``kept`` (read from memory) the
    insert checks that reading against the database, and None means it no longer holds."""
    secrets_ = _signing_secrets(vendor, integration)
    if not secrets_:
        return Intake(410, _error("gone", "This integration is not active."))
    known_vendor = vendors.get(vendor)
    form = known_vendor.secret_form
    payload = None
    signed = {name: headers.get(name) for name in _SIGNATURE_HEADERS}  # all the library reads
    for secret in secrets_:
        try:
            payload = Webhook(form(secret)).verify(raw, signed)
            break
        except WebhookVerificationError:
            continue
        except ValueError:  # signed, but the body is not JSON
            return Intake(400, _error("malformed", "The body is not valid JSON."))
    if payload is None:
        return Intake(401, _error("bad_signature", "The signature does not verify."))
    if not known_vendor.gate(integration):
        return Intake(410, _error("gone", "This integration is not active."))
    refusal = after_verify(integration) if after_verify is not None else None
    if refusal is not None:
        return refusal
    # JSON cannot carry a raw NUL in a string (json.loads refuses it), only the escape ``\u0000``:
    # a body without that escape has no NUL to remove
    if b"\\u0000" in raw:
        payload = without_nul(payload)
    route = without_nul(route)
    problem = _check_envelope(payload)
    if problem:
        return Intake(400, _error("malformed", problem))
    webhook_id = str(headers.get("webhook-id"))[:200]
    known = payload["type"] in known_vendor.inbound
    row = {"company_id": integration.company_id, "integration_id": integration.id, "direction": "in",
           "type": payload["type"][:64], "webhook_id": webhook_id,
           "state": DeliveryState.RECEIVED if known else DeliveryState.IGNORED,
           "target": route or None, "body": raw.decode("utf-8", "replace"), "summary": _summary_of(payload),
           "attempts": 0, "created_at": utcnow(), "updated_at": utcnow()}
    if kept:  # stored only if the integration and its company's switches are as they were read
        row.update(
            {f"k_{key}": integration.__dict__[key] for key in _kept_columns()},
            k_boards=integration.company.job_boards_enabled,
            k_slug=integration.company.slug,
        )
    try:  # one autocommit INSERT: the intake path is hot (see bench/topcv_bench.py)
        with _insert_connection() as conn:
            delivery_id = _insert(conn, "checked_insert" if kept else "insert", row)
    except IntegrityError:  # a redelivery, or a parallel duplicate that won the race
        return Intake(200, {"status": "duplicate"})
    if delivery_id is None:  # the kept integration changed: ``receive`` reads it again
        return None
    if known:
        request_drain(vendor)
    return Intake(202 if known else 200, {"status": "accepted" if known else "ignored"}, delivery_id)


#: Per integration, its signing secrets as decrypted by this process, with what they came from.
_SECRETS = "haku_partner_intake_secrets"


def _signing_secrets(vendor: str, integration: PartnerIntegration) -> list[str]:
    """``signing_secrets(integration)``, decrypted once per process for the same stored values
    (issue 15: decrypting on every signed call was a twentieth of the intake's CPU). The entry
    is keyed by the encrypted columns themselves and the encryption keys, so a new or removed
    secret is a different key and is decrypted afresh; the old plaintext is dropped then."""
    stored = (integration.signing_secret_enc, integration.previous_signing_secret_enc,
              current_app.config["HAKU_ENCRYPTION_KEYS"])
    kept = current_app.extensions.setdefault(_SECRETS, {})
    entry = kept.get((vendor, integration.external_id))
    if entry is not None and entry[0] == stored:
        return entry[1]
    secrets_ = signing_secrets(integration)
    if len(kept) >= _KNOWN_MAX:  # bounded as the kept integrations are
        kept.clear()
    kept[(vendor, integration.external_id)] = (stored, secrets_)
    return secrets_


#: The columns of the row ``receive`` stores.
_ROW_NAMES = ("company_id", "integration_id", "direction", "type", "webhook_id", "state", "target", "body", "summary",
              "attempts", "created_at", "updated_at")


@cache
def _statements() -> dict:
    """The intake's two statements, built once with bound parameters: building them per call
    (``.values(**row)``, a fresh ``select``) and deriving their cache keys cost more CPU than
    executing them (issue 15: the intake is measured against a bare POST)."""
    from app.accounts.models import Company

    columns = PartnerIntegration.__table__.c
    deliveries = PartnerDelivery.__table__
    lookup = (select(*columns, Company.job_boards_enabled.label("_boards"), Company.slug.label("_slug"))
              .join(Company, Company.id == columns.company_id)
              .where(columns.external_id == bindparam("external_id"), columns.vendor == bindparam("vendor")))
    # The same row, inserted only while the integration (every column the look-up read but
    # the vendor data cache) and its company's switches are what the caller kept.
    names = _ROW_NAMES
    kept = [_same(columns[key], bindparam(f"k_{key}", type_=columns[key].type)) for key in _kept_columns()]
    values = (
        select(*(bindparam(name, type_=deliveries.c[name].type) for name in names))
        .select_from(PartnerIntegration.__table__.join(Company, Company.id == columns.company_id))
        .where(*kept, Company.job_boards_enabled == bindparam("k_boards"), Company.slug == bindparam("k_slug"))
    )
    return {
        "lookup": lookup,
        "insert": insert(deliveries).returning(deliveries.c.id),
        "checked_insert": insert(deliveries).from_select(names, values).returning(deliveries.c.id),
    }


#: The headers of a Standard Webhooks call (the library reads no other).
_SIGNATURE_HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")


@contextmanager
def _insert_connection() -> Iterator:
    """The connection the insert runs on: the inbound call's own (``_connection``), or, on
    psycopg when the call has none yet (its integration was kept, so it read nothing), a
    pooled driver connection switched to autocommit for the one statement and back before it
    returns to the pool: SQLAlchemy's ``Connection`` and its isolation-level switch there and
    back cost more CPU than the insert's own client side (issue 15)."""
    holder = _INTAKE_CONNECTION.get()
    if holder is None or "conn" in holder or db.engine.dialect.driver != "psycopg":
        with _connection() as conn:
            yield conn
        return
    fairy = db.engine.raw_connection()
    try:
        fairy.dbapi_connection.autocommit = True
        yield _Raw(fairy)
    finally:
        if fairy.is_valid:
            try:
                fairy.dbapi_connection.autocommit = False
            except Exception as exc:  # a connection in a state it cannot leave: not pooled again
                fairy.invalidate(exc)
        fairy.close()


class _Raw:
    """What ``_insert`` reads of a ``Connection``, for a pooled driver connection alone: the
    engine's dialect and events (the statement counters of the tests and the bench see the
    insert; listeners get the pooled connection, whose ``info`` is the same), the driver
    connection, and invalidation of that one connection on a disconnect."""

    __slots__ = ("_fairy", "dialect", "dispatch", "info")

    def __init__(self, fairy):
        self._fairy = fairy
        self.dialect = db.engine.dialect
        self.dispatch = db.engine.dispatch
        self.info = fairy.info

    @property
    def connection(self):
        return self._fairy

    def invalidate(self, exc) -> None:
        self._fairy.invalidate(exc)


def _insert(conn, name: str, row: dict) -> int | None:
    """Run the intake's insert ``name`` (``_statements``) with ``row``: the new row's id, or
    None when a checked insert found the integration changed.

    On psycopg the statement SQLAlchemy compiled once goes straight to the driver's cursor,
    with the same bind processing, the same cursor events (statement counters see it) and the
    same errors (``IntegrityError``, a disconnect invalidating the connection): SQLAlchemy's
    per-execute work (the compiled cache's key, the execution context, the result object)
    cost twice the driver's own (issue 15: the intake is measured against a bare POST)."""
    compiled = _driver_insert(name, conn.dialect)
    if compiled is None:
        return conn.execute(_statements()[name], row).scalar()
    sql, processors = compiled
    for key, process in processors:
        row[key] = process(row[key])
    dbapi_connection = conn.connection.dbapi_connection
    kept = conn.info.get(_CURSOR)
    if kept is not None and kept[0] is dbapi_connection:
        cursor = kept[1]
    else:
        cursor = dbapi_connection.cursor()
        conn.info[_CURSOR] = (dbapi_connection, cursor)
    try:
        conn.dispatch.before_cursor_execute(conn, cursor, sql, row, None, False)
        cursor.execute(sql, row)
        found = cursor.fetchone()
        conn.dispatch.after_cursor_execute(conn, cursor, sql, row, None, False)
    except conn.dialect.loaded_dbapi.Error as exc:
        conn.info.pop(_CURSOR, None)
        gone = conn.dialect.is_disconnect(exc, dbapi_connection, cursor)
        cursor.close()
        if gone:
            conn.invalidate(exc)
        raise DBAPIError.instance(sql, row, exc, conn.dialect.loaded_dbapi.Error, connection_invalidated=gone,
                                  dialect=conn.dialect) from exc
    return found[0] if found is not None else None


_CURSOR = "haku.intake_cursor"


@lru_cache(maxsize=16)
def _driver_insert(name: str, dialect) -> tuple[str, tuple] | None:
    """The SQL of the intake's insert ``name`` compiled for ``dialect`` and its parameters'
    bind processors, for ``_insert`` to hand to the driver; None where the driver is not
    psycopg (SQLite runs it through SQLAlchemy)."""
    if dialect.driver != "psycopg":
        return None
    compiled = _statements()[name].compile(dialect=dialect, column_keys=list(_ROW_NAMES))
    if compiled.positional:
        return None
    processors = []
    for key, bind in compiled.binds.items():
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((key, process))
    return compiled.string, tuple(processors)


def _same(column, value):
    """``column`` holds ``value`` (NULL equal to NULL; plain ``=`` where NULL cannot be, so the
    primary key's index is used)."""
    return column.is_not_distinct_from(value) if column.nullable else column == value


@cache
def _kept_columns() -> tuple[str, ...]:
    """The integration's columns a kept reading is checked on: all but ``cache`` (vendor data
    the intake does not read, and a JSON column PostgreSQL cannot compare)."""
    return tuple(c.key for c in PartnerIntegration.__table__.c if c.key != "cache")


def _intake_lookup(vendor: str, external_id: str) -> PartnerIntegration | None:
    """The integration and its company's switches in one plain query (the intake path is
    hot); returned as detached objects, read only."""
    from app.accounts.models import Company

    if not external_id or len(external_id) > 36 or "\x00" in external_id:
        return None
    columns = PartnerIntegration.__table__.c
    with _connection() as conn:
        row = conn.execute(_statements()["lookup"], {"external_id": external_id, "vendor": vendor}).mappings().first()
    if row is None:
        return None
    integration = _read_only(PartnerIntegration, {c.key: row[c.key] for c in columns})
    integration.__dict__["company"] = _read_only(Company, {"id": row["company_id"], "slug": row["_slug"],
                                                           "job_boards_enabled": row["_boards"]})
    return integration


def _read_only(cls, values: dict):
    """An instance of ``cls`` holding ``values`` as the ORM's loader fills one (straight into
    its ``__dict__``, no attribute events): the declarative constructor's per-attribute
    bookkeeping cost more than the look-up's statement on the intake path (issue 15)."""
    obj = cls.__mapper__.class_manager.new_instance()
    obj.__dict__.update(values)
    return obj


def _drain_marker(vendor: str) -> str:
    return f"haku:partner-drain-requested:{vendor}"


#: Per vendor, the ``_clock()`` time until which this process skips the drain marker.
_ASKED = "haku_partner_drain_asked"
_clock = time.monotonic


def request_drain(vendor: str) -> None:
    """Make sure a drain task will look at the stored events. A marker in Redis (set for
    30 s, cleared by the drain each time it looks) keeps this to one cheap call per event and
    one queued drain per look. The drain job has no fixed id: an event stored after a drain's
    last look, while that job is still in Redis, gets a drain of its own (with a fixed, unique
    id its enqueue was refused and the event waited for the marker to expire or for the
    sweeper). Drains that overlap are safe: each event is claimed before it is processed.
    Whatever slips through (Redis away), the sweeper picks up.

    After this process has set the marker, or found it set, it asks Redis nothing for half of
    ``PARTNER_DRAIN_LINGER`` (issue 15: the marker's round trip was a sixth of the intake's
    CPU). That is safe because a marker found set or set at time t is cleared by a drain at
    some time t' ≥ t, and every drain that clears the marker looks once more at least
    ``PARTNER_DRAIN_LINGER`` after its last clearing (``drain_inbound``, a job RQ's scheduler
    runs): an event stored before t + linger / 2 is seen by that look at the latest. A
    synchronous queue (tests, ``RQ_ASYNC`` off) has no later look, so there it never skips."""
    from app.partners import tasks

    asked = current_app.extensions.setdefault(_ASKED, {})
    now = _clock()  # before Redis is asked: the marker is cleared after this moment
    if now < asked.get(vendor, 0.0):
        return
    linger = _linger(vendor)
    try:
        if not background.connection().set(_drain_marker(vendor), 1, nx=True, ex=30):
            if linger:
                asked[vendor] = now + linger / 2
            return
    except Exception as exc:  # Redis away: the rows are stored; the sweeper enqueues them
        log.warning("drain marker not set (%s)", type(exc).__name__)
        return
    if background.enqueue(tasks.drain_inbound, vendor, queue=tasks.queue_of(vendor), result_ttl=0, failure_ttl=60,
                          job_timeout=900) and linger:
        asked[vendor] = now + linger / 2


def _linger(vendor: str) -> float:
    """Seconds a drain of ``vendor`` looks once more after it last cleared the marker: the
    ``PARTNER_DRAIN_LINGER`` setting, or 0 where the vendor's queue runs tasks at once."""
    from app.partners import tasks

    seconds = float(current_app.config.get("PARTNER_DRAIN_LINGER") or 0)
    if seconds <= 0 or not background.get_queue(tasks.queue_of(vendor)).is_async:
        return 0.0
    return seconds


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


def _claim(delivery_id: int, direction: str, from_states: tuple[str, ...], to_state: str, *, alone: bool = False):
    """Take a delivery for one attempt with an atomic update (a second worker gets None); the
    delivery and its integration (with its company) come back read in one statement.

    ``alone``: the update is committed as it runs, on an autocommit connection of its own, not
    by the session (no BEGIN and COMMIT round trips, none of the session's commit work: issue
    15, the claim was a sixth of a worker's CPU per TopCV event). Only for a caller whose
    session holds nothing to commit yet: outbound calls are claimed again by their quick
    retries inside the session's own work (RQ's synchronous mode), which must see it."""
    claim = update(PartnerDelivery).where(
        PartnerDelivery.id == delivery_id, PartnerDelivery.direction == direction,
        PartnerDelivery.state.in_(from_states)).values(
        state=to_state, claimed_at=utcnow(), attempts=PartnerDelivery.attempts + 1)
    if alone:
        with _autocommit_connection() as conn:
            claimed = conn.execute(claim).rowcount
    else:
        claimed = db.session.execute(claim).rowcount
        db.session.commit()
    if not claimed:
        return None
    return db.session.execute(select(PartnerDelivery, PartnerIntegration).join(
        PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).options(
        joinedload(PartnerIntegration.company)).where(PartnerDelivery.id == delivery_id)).one()


def process_inbound(delivery_id: int) -> str:
    """Do the work of one stored inbound event, once."""
    claimed = _claim(delivery_id, "in", (DeliveryState.RECEIVED,), DeliveryState.PROCESSING, alone=True)
    if claimed is None:
        return "skipped"
    delivery, integration = claimed
    handler = vendors.get(integration.vendor).inbound.get(delivery.type)
    started = utcnow()
    try:
        if handler is None:
            raise InboundRejected("no_handler", type=delivery.type)
        handler(delivery, integration, without_nul(json.loads(delivery.body or "{}")))
        delivery.state, delivery.error = DeliveryState.PROCESSED, None
        delivery.latency_ms = int((utcnow() - started).total_seconds() * 1000)
        db.session.commit()
        return "processed"
    except InboundIgnored as exc:
        db.session.rollback()
        background.discard()
        db.session.execute(update(PartnerDelivery).where(PartnerDelivery.id == delivery_id).values(
            state=DeliveryState.IGNORED, error=str(exc)[:1000]))  # a code (texts.py) or legacy text
        db.session.commit()
        return "ignored"
    except Exception as exc:
        db.session.rollback()
        background.discard()
        if not isinstance(exc, InboundRejected):
            log.exception("processing partner delivery %s failed", delivery_id)
        message = str(exc) if isinstance(exc, InboundRejected) else store("internal", kind=type(exc).__name__)
        db.session.execute(update(PartnerDelivery).where(PartnerDelivery.id == delivery_id).values(
            state=DeliveryState.FAILED, error=message[:1000]))
        db.session.commit()
        return "failed"


def drain_inbound(vendor: str, limit: int = 20000, budget_seconds: float = 600, *, follow_up: bool = False) -> int:
    """Process stored inbound events of one vendor, oldest first, until none is left (or
    the budget is used; the look below continues).

    Each look clears the marker first, so an event stored after it asks for a drain again. A
    drain that cleared the marker has a look of its own run ``_linger`` seconds after it
    finished (``follow_up``: that look clears nothing until it finds an event, so the chain
    ends at the first look that finds none): ``request_drain`` counts on it when it skips the
    marker."""
    deadline = _clock() + budget_seconds
    done = 0
    cleared = False
    clear = not follow_up
    while done < limit and _clock() < deadline:
        if clear:
            try:
                background.connection().delete(_drain_marker(vendor))
            except Exception:  # Redis away: the marker expires by itself
                pass
            cleared = True
        clear = True
        ids = db.session.scalars(select(PartnerDelivery.id).join(
            PartnerIntegration, PartnerIntegration.id == PartnerDelivery.integration_id).where(
            PartnerIntegration.vendor == vendor, PartnerDelivery.direction == "in",
            PartnerDelivery.state == DeliveryState.RECEIVED).order_by(PartnerDelivery.id).limit(100)).all()
        db.session.rollback()
        if not ids:
            break
        for delivery_id in ids:
            process_inbound(delivery_id)
            done += 1
    if cleared:
        linger = _linger(vendor)
        if linger:
            from app.partners import tasks

            # + 1: RQ's scheduler keeps due times in whole seconds (rounded down), so a job due in
            # ``linger`` seconds could run up to a second early
            background.enqueue_in(linger + 1, tasks.drain_inbound, vendor, True, queue=tasks.queue_of(vendor),
                                  result_ttl=0, failure_ttl=60, job_timeout=900)
    return done
