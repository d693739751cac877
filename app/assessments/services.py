"""Assessment vendors (Alva Labs, PARTNERS.md §2): integrations per company × product, the
tests per job, orders, the vendor's callbacks and the results on the application.

Calls to the vendor go through the partner delivery log (``partners.services.queue_call``)
and run in RQ tasks with retries; the vendor's signed callbacks arrive through
``partners.services.receive`` and are processed here by the registered handlers.

Which inbound calls are accepted: ``integration.connect`` whenever staff have the
integration switched on (it is how the connection is finished); every other callback only
once the integration is connected (status ``configured`` or ``error``). The route answers
410 otherwise, and the handlers check again (a replay from the log).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app import audit, background
from app.accounts.models import Company, User
from app.applications import services as applications
from app.applications.models import Application, StageEntry, StoredFile
from app.assessments.models import OPEN_STATUSES, PRODUCTS, VENDOR, AssessmentOrder, AssessmentSummary
from app.clock import utcnow
from app.extensions import db
from app.integrations import alva
from app.integrations.http import CallResult, allowed_hosts
from app.jobs.events import stage_entered
from app.links import external_url
from app.partners import services as partners
from app.partners.models import IntegrationStatus, PartnerDelivery, PartnerIntegration

log = logging.getLogger(__name__)

CONNECTED = (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR)
TESTS_CACHE_FOR = timedelta(hours=1)
TESTS_RETRY_AFTER = timedelta(minutes=1)  # after a failed refresh, pages do not wait on the vendor again at once
RESUME_MAX_AGE = 7 * 24 * 3600
RESUME_SALT = "assessment-resume"
INVITE_TEMPLATE = "assessment_invite"
RANK = {"pending": 0, "invited": 1, "started": 2, "complete": 3, "expired": 3, "cancelled": 3, "error": 3,
        "failed": 3}


class AssessmentError(ValueError):
    """A rule of assessments was broken; the message is for the person."""


def product_label(product: str) -> str:
    return PRODUCTS.get(product, product)


# ---------------------------------------------------------------- integrations

def integrations_of(company_id: int, *, active_only: bool = False) -> list[PartnerIntegration]:
    stmt = select(PartnerIntegration).where(PartnerIntegration.company_id == company_id,
                                            PartnerIntegration.vendor == VENDOR)
    if active_only:
        stmt = stmt.where(PartnerIntegration.is_active.is_(True))
    rows = db.session.scalars(stmt).all()
    order = list(PRODUCTS)
    return sorted(rows, key=lambda i: order.index(i.product) if i.product in order else 99)


def all_integrations() -> list[PartnerIntegration]:
    """Every assessment integration of every company (platform staff)."""
    rows = db.session.scalars(select(PartnerIntegration).join(Company, Company.id == PartnerIntegration.company_id)
                              .where(PartnerIntegration.vendor == VENDOR).order_by(Company.name)).all()
    order = list(PRODUCTS)
    return sorted(rows, key=lambda i: (i.company.name.lower(), order.index(i.product) if i.product in order else 99))


def integration_of(company_id: int, integration_id: int | None) -> PartnerIntegration | None:
    if integration_id is None:
        return None
    return db.session.scalar(select(PartnerIntegration).where(
        PartnerIntegration.id == integration_id, PartnerIntegration.company_id == company_id,
        PartnerIntegration.vendor == VENDOR))


def is_usable(integration: PartnerIntegration | None) -> bool:
    """Switched on by staff and connected by the vendor: tests can be sent."""
    return bool(integration is not None and integration.is_active and integration.status in CONNECTED)


def has_active(company_id: int) -> bool:
    return db.session.scalar(select(func.count(PartnerIntegration.id)).where(
        PartnerIntegration.company_id == company_id, PartnerIntegration.vendor == VENDOR,
        PartnerIntegration.is_active.is_(True))) > 0


def callback_url(integration: PartnerIntegration) -> str:
    """Where the vendor sends this integration's callbacks (connect, PATCH, result, logs)."""
    return f"{current_app.config['BASE_URL']}/partner/v1/assessments/{integration.external_id}"


def _snapshot(integration: PartnerIntegration) -> dict:
    """What the audit log keeps of an integration (never a key or secret)."""
    return {"product": integration.product, "is_active": integration.is_active, "status": integration.status,
            "vendor_account_ref": integration.vendor_account_ref, "api_key_hint": integration.api_key_hint}


def create_integration(company: Company, product: str, *, api_key: str | None, is_active: bool,
                       actor: User) -> tuple[PartnerIntegration, str]:
    """Add one product for a company; returns the integration and its signing secret,
    which is shown once and never again (only its encrypted form is kept)."""
    integration, secret = _add(company, product, api_key=api_key, is_active=is_active, actor=actor)
    background.commit()
    return integration, secret


def _add(company: Company, product: str, *, api_key: str | None, is_active: bool,
         actor: User) -> tuple[PartnerIntegration, str]:
    if product not in PRODUCTS:
        raise AssessmentError("Pick one of the Alva products.")
    exists = db.session.scalar(select(PartnerIntegration.id).where(
        PartnerIntegration.company_id == company.id, PartnerIntegration.vendor == VENDOR,
        PartnerIntegration.product == product))
    if exists:
        raise AssessmentError(f"{product_label(product)} is already set up for {company.name}; edit it instead.")
    if api_key is not None and len(api_key.strip()) > 500:
        raise AssessmentError("The API key is too long.")
    integration = PartnerIntegration(company_id=company.id, vendor=VENDOR, product=product, is_active=bool(is_active),
                                     status=IntegrationStatus.NOT_CONFIGURED, created_by_id=actor.id if actor else None)
    db.session.add(integration)
    db.session.flush()  # the external_id is set now; the secrets are bound to it
    partners.set_api_key(integration, api_key)
    secret = partners.new_signing_secret()
    partners.set_signing_secret(integration, secret)
    audit.record(company_id=company.id, actor=audit.actor_of(actor), object=f"partner_integration:{integration.id}",
                 action="create", after=_snapshot(integration))
    return integration, secret


def enable_all(company: Company, *, actor: User) -> list[tuple[PartnerIntegration, str]]:
    """The "enable all three" shortcut: every product the company does not have yet, active,
    without an API key (staff paste the keys on each integration)."""
    have = {i.product for i in integrations_of(company.id)}
    created = [_add(company, product, api_key=None, is_active=True, actor=actor) for product in PRODUCTS
               if product not in have]
    for integration in integrations_of(company.id):
        if not integration.is_active and integration.product in have:
            before = _snapshot(integration)
            integration.is_active = True
            audit.record(company_id=company.id, actor=audit.actor_of(actor),
                         object=f"partner_integration:{integration.id}", action="update", before=before,
                         after=_snapshot(integration))
    background.commit()
    return created


def update_integration(integration: PartnerIntegration, *, is_active: bool, api_key: str | None = None,
                       vendor_account_ref: str | None = None, actor: User) -> PartnerIntegration:
    """Change an integration. ``api_key``: None keeps the stored key. ``vendor_account_ref``:
    None keeps it; a value finishes the connection by hand (→ configured); "" clears it."""
    before = _snapshot(integration)
    integration.is_active = bool(is_active)
    if api_key is not None and api_key.strip():
        if len(api_key.strip()) > 500:
            raise AssessmentError("The API key is too long.")
        partners.set_api_key(integration, api_key)
        if integration.status == IntegrationStatus.ERROR:
            integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    if vendor_account_ref is not None:
        ref = vendor_account_ref.strip()
        if len(ref) > 200:
            raise AssessmentError("The vendor's organisation reference is at most 200 characters.")
        if ref:
            if ref != integration.vendor_account_ref or integration.status not in CONNECTED:
                integration.vendor_account_ref = ref
                integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
        elif integration.vendor_account_ref:
            integration.vendor_account_ref = None
            integration.status, integration.status_detail = IntegrationStatus.NOT_CONFIGURED, None
    after = _snapshot(integration)
    if after != before:
        audit.record(company_id=integration.company_id, actor=audit.actor_of(actor),
                     object=f"partner_integration:{integration.id}", action="update", before=before, after=after)
    background.commit()
    return integration


def rotate_secret(integration: PartnerIntegration, actor: User) -> str:
    """A new signing secret (shown once); the previous one keeps verifying until the next
    rotation, so the vendor can switch without losing callbacks."""
    secret = partners.new_signing_secret()
    partners.set_signing_secret(integration, secret, keep_previous=True)
    audit.record(company_id=integration.company_id, actor=audit.actor_of(actor),
                 object=f"partner_integration:{integration.id}", action="rotate_secret")
    background.commit()
    return secret


def set_self_service(company: Company, enabled: bool, actor: User) -> None:
    before = {"assessments_self_service": company.assessments_self_service}
    company.assessments_self_service = bool(enabled)
    audit.record(company_id=company.id, actor=audit.actor_of(actor), object=f"company:{company.id}",
                 action="assessments_self_service", before=before,
                 after={"assessments_self_service": company.assessments_self_service})
    background.commit()


# ---------------------------------------------------------------- the vendor client

def client_for(integration: PartnerIntegration) -> alva.AlvaClient | None:
    key = partners.api_key(integration)
    if not key:
        return None
    config = current_app.config
    return alva.AlvaClient(config["ASSESSMENT_VENDOR_URL"], key, allowed_hosts(config["OUTBOUND_ALLOWED_HOSTS"]))


def _no_key() -> CallResult:
    return CallResult(None, error="No vendor API key is set for this integration.", retryable=False)


def _note_call(integration: PartnerIntegration, result: CallResult) -> None:
    """A refused API key puts the integration in ``error``; the next good call clears it."""
    if result.status_code in (401, 403) and integration.status == IntegrationStatus.CONFIGURED:
        integration.status = IntegrationStatus.ERROR
        integration.status_detail = f"The vendor refused the API key: {result.error}"[:500]
    elif result.ok and integration.status == IntegrationStatus.ERROR:
        integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None


# ---------------------------------------------------------------- the vendor's tests

def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def tests_of(integration: PartnerIntegration, *, actor: User | None = None,
             refresh: bool = False) -> tuple[list[dict], str | None, str | None]:
    """The integration's tests from the vendor, cached for an hour in ``integration.cache``.

    Returns ``(tests, problem, fetched_at)``; when the vendor cannot be reached the cached
    list comes back with the problem to show. The caller commits (the call is logged)."""
    cache = dict(integration.cache or {})
    tests = cache.get("tests") or []
    fetched = cache.get("tests_fetched_at")
    failed = cache.get("tests_failed_at")
    now = utcnow()
    fresh = fetched and datetime.fromisoformat(fetched) > now - TESTS_CACHE_FOR
    recently_failed = failed and datetime.fromisoformat(failed) > now - TESTS_RETRY_AFTER
    if not is_usable(integration):
        return tests, None, fetched
    if fresh and not refresh:
        return tests, None, fetched
    if recently_failed and not refresh:
        return tests, cache.get("tests_problem"), fetched
    client = client_for(integration)
    result = partners.call_now(integration, "alva.list_tests", client.list_tests if client else _no_key,
                               summary="list tests", actor=actor)
    _keep_tests(integration, result)
    cache = integration.cache or {}
    if result.ok:
        return result.data, None, cache["tests_fetched_at"]
    return tests, cache["tests_problem"], fetched


def _keep_tests(integration: PartnerIntegration, result: CallResult) -> None:
    """Store the outcome of asking the vendor for its tests in ``integration.cache``."""
    _note_call(integration, result)
    cache, now = dict(integration.cache or {}), _iso(utcnow())
    if result.ok:
        cache.update({"tests": result.data, "tests_fetched_at": now, "tests_failed_at": None, "tests_problem": None})
    else:
        problem = f"{product_label(integration.product)}: the list of tests could not be loaded ({result.error})."
        cache.update({"tests_failed_at": now, "tests_problem": problem})
    integration.cache = cache


def _list_tests(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    """Queued when the vendor finishes the connection, so the job settings' test picker has
    its list before a recruiter opens it (pages only read the cache)."""
    client = client_for(integration)
    result = client.list_tests() if client else _no_key()
    _keep_tests(integration, result)
    return result


partners.register_outbound("alva.list_tests")(_list_tests)


def test_name(integration: PartnerIntegration, partner_test_id: str) -> str:
    for test in (integration.cache or {}).get("tests") or []:
        if test.get("partner_test_id") == partner_test_id:
            return test.get("partner_test_name") or partner_test_id
    return partner_test_id


def cached_tests(integration: PartnerIntegration) -> tuple[list[dict], str | None, str | None]:
    """``(tests, problem, fetched_at)`` from the cache alone: no call, no write."""
    cache = integration.cache or {}
    fetched, failed = cache.get("tests_fetched_at"), cache.get("tests_failed_at")
    problem = cache.get("tests_problem") if failed and (not fetched or failed >= fetched) else None
    return cache.get("tests") or [], problem, fetched


def catalogue(company_id: int, actor: User | None = None, *, refresh: bool = False) -> list[dict]:
    """Every active integration of the company with its tests (for the pickers).

    Pages read the cached lists only: a GET never calls the vendor or writes a row
    (SECURITY_BAR item 10). ``refresh`` (a POST: the "Refresh the list of tests" button) asks
    the vendor now, logs the call and commits."""
    out = []
    for integration in integrations_of(company_id, active_only=True):
        if refresh and is_usable(integration):
            tests, problem, fetched = tests_of(integration, actor=actor, refresh=True)
        else:
            tests, problem, fetched = cached_tests(integration)
        out.append({"integration": integration, "label": product_label(integration.product), "tests": tests,
                    "problem": problem, "fetched_at": fetched, "usable": is_usable(integration)})
    if refresh:
        background.commit()
    return out


# ---------------------------------------------------------------- settings per job and template

DEFAULT_SETTINGS = {"integration_id": None, "partner_test_id": None, "partner_test_name": None,
                    "trigger_stage_id": None, "move_on_score": None}


def settings_of(owner) -> dict:
    """The assessment settings of a job or job template (default: no test)."""
    return {**DEFAULT_SETTINGS, **((owner.integration_settings or {}).get("assessments") or {})}


def save_settings(owner, *, integration_id: int | None, partner_test_id: str | None, trigger_stage_id: int | None,
                  move_threshold: float | None = None, move_target_stage_id: int | None = None,
                  actor: User | None = None) -> dict:
    """Store which test the job uses, the stage that sends it and the move on a passing score."""
    from app.jobs.services import set_integration_settings

    before = settings_of(owner)
    if integration_id is None:
        set_integration_settings(owner, "assessments", None)
        value = None
    else:
        integration = integration_of(owner.company_id, integration_id)
        if integration is None or not integration.is_active:
            raise AssessmentError("Pick a test of an active assessment product.")
        known = {t["partner_test_id"] for t in (integration.cache or {}).get("tests") or []}
        if not partner_test_id or (partner_test_id not in known and not (
                before["integration_id"] == integration_id and before["partner_test_id"] == partner_test_id)):
            raise AssessmentError("Pick one of the vendor's tests.")
        stage_ids = {s.id for s in owner.stages}
        if trigger_stage_id is not None and trigger_stage_id not in stage_ids:
            raise AssessmentError("Pick a stage of this pipeline.")
        move = None
        if move_threshold is not None or move_target_stage_id is not None:
            if move_threshold is None or move_target_stage_id is None:
                raise AssessmentError("To move on a passing score, give both the score and the stage.")
            if move_target_stage_id not in stage_ids:
                raise AssessmentError("Pick a target stage of this pipeline.")
            if move_threshold < 0 or move_threshold > 1_000_000:
                raise AssessmentError("The score is a number of 0 or more.")
            move = {"threshold": move_threshold, "target_stage_id": move_target_stage_id}
        value = {"integration_id": integration.id, "partner_test_id": partner_test_id,
                 "partner_test_name": test_name(integration, partner_test_id), "trigger_stage_id": trigger_stage_id,
                 "move_on_score": move}
        set_integration_settings(owner, "assessments", value)
    kind = "job" if owner.__class__.__name__ == "Job" else "job_template"
    audit.record(company_id=owner.company_id, actor=audit.actor_of(actor), object=f"{kind}:{owner.id}",
                 action="assessment_settings", before=before if before["integration_id"] else None, after=value)
    background.commit()
    return settings_of(owner)


# ---------------------------------------------------------------- orders

def _open_key(application_id: int, integration_id: int, partner_test_id: str) -> str:
    return f"{application_id}:{integration_id}:{partner_test_id}"[:200]


def open_order(application_id: int, integration_id: int, partner_test_id: str) -> AssessmentOrder | None:
    return db.session.scalar(select(AssessmentOrder).where(
        AssessmentOrder.open_key == _open_key(application_id, integration_id, partner_test_id)))


def orders_of(application: Application) -> list[AssessmentOrder]:
    return list(db.session.scalars(select(AssessmentOrder).where(
        AssessmentOrder.application_id == application.id, AssessmentOrder.company_id == application.company_id)
        .order_by(AssessmentOrder.id.desc())))


def refresh_summary(application_id: int, company_id: int) -> None:
    """Keep the list columns' row in step with the application's latest order."""
    latest = db.session.scalar(select(AssessmentOrder).where(AssessmentOrder.application_id == application_id)
                               .order_by(AssessmentOrder.id.desc()).limit(1))
    row = db.session.get(AssessmentSummary, application_id)
    if latest is None:
        if row is not None:
            db.session.delete(row)
        return
    if row is None:
        row = AssessmentSummary(application_id=application_id, company_id=company_id, status=latest.status)
        db.session.add(row)
    row.order_id, row.status, row.score, row.max_score = latest.id, latest.status, latest.score, latest.max_score


def send(application: Application, integration: PartnerIntegration, partner_test_id: str, *, cause: str,
         actor: User | None = None) -> AssessmentOrder:
    """Create the order (pending) and queue the call to the vendor. Never two open orders
    for the same application and test. The caller commits."""
    if integration.company_id != application.company_id:
        raise AssessmentError("Unknown assessment product.")
    if not integration.is_active:
        raise AssessmentError(f"{product_label(integration.product)} is switched off for your company.")
    if integration.status not in CONNECTED:
        raise AssessmentError(f"{product_label(integration.product)} is not connected yet: Alva Labs still has to "
                              "finish the connection.")
    if application.job_id is None or application.status != "open":
        raise AssessmentError("Only an open application of a job can get an assessment.")
    if not application.candidate.email:
        raise AssessmentError("The candidate has no email address.")
    partner_test_id = (partner_test_id or "").strip()[:100]
    if not partner_test_id:
        raise AssessmentError("Pick a test.")
    key = _open_key(application.id, integration.id, partner_test_id)
    if open_order(application.id, integration.id, partner_test_id) is not None:
        raise AssessmentError("This test was already sent to the candidate and is not finished yet.")
    order = AssessmentOrder(company_id=application.company_id, application_id=application.id,
                            integration_id=integration.id, partner_test_id=partner_test_id,
                            partner_test_name=test_name(integration, partner_test_id), status="pending",
                            cause=cause, open_key=key, created_by_id=actor.id if actor else None)
    db.session.add(order)
    db.session.flush()  # the unique open_key refuses a parallel twin here
    order.integration = integration
    partners.queue_call(integration, "alva.send_test", target={"order_id": order.id},
                        summary=f"{partner_test_id}, order {order.id}", actor=actor)
    applications.add_event(application, "assessment_ordered", actor=actor,
                           data={"test": order.partner_test_name, "product": product_label(integration.product),
                                 "cause": cause})
    audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                 object=f"assessment_order:{order.id}", action="send",
                 after={"application_ref": application.ref, "test": partner_test_id, "cause": cause})
    refresh_summary(application.id, application.company_id)
    return order


def send_manually(application: Application, integration_id: int | None, partner_test_id: str | None,
                  actor: User) -> AssessmentOrder:
    """"Send assessment" from the application's ⋯ menu."""
    integration = integration_of(application.company_id, integration_id)
    if integration is None:
        raise AssessmentError("Pick a test.")
    try:
        order = send(application, integration, partner_test_id or "", cause="manual", actor=actor)
        background.commit()
    except IntegrityError:  # a parallel send won the race for the open key
        db.session.rollback()
        background.discard()
        raise AssessmentError("This test was already sent to the candidate and is not finished yet.") from None
    return order


@stage_entered.connect
def _on_stage_entered(application, entry, depth: int = 0, **_) -> None:
    """The job's trigger stage sends its test, on the application's first entry only."""
    if application.job_id is None or application.status != "open":
        return
    settings = settings_of(application.job)
    if not settings["integration_id"] or settings["trigger_stage_id"] != entry.stage_id:
        return
    entries = db.session.scalar(select(func.count(StageEntry.id)).where(
        StageEntry.application_id == application.id, StageEntry.stage_id == entry.stage_id))
    if entries != 1:
        return
    integration = integration_of(application.company_id, settings["integration_id"])
    if integration is None:
        applications.add_event(application, "assessment_not_sent",
                               data={"reason": "The job's assessment product no longer exists."})
        return
    if open_order(application.id, integration.id, settings["partner_test_id"] or "") is not None:
        return  # already sent by hand and still open
    try:
        # a savepoint: a parallel twin of this order must not undo the stage move around it
        with db.session.begin_nested():
            send(application, integration, settings["partner_test_id"], cause="trigger")
    except AssessmentError as exc:
        applications.add_event(application, "assessment_not_sent", data={"reason": str(exc)})
    except IntegrityError:
        log.info("assessment for application %s already open (parallel send)", application.id)


# ---------------------------------------------------------------- the candidate's CV for the vendor

def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESUME_SALT)


def resume_url(application: Application) -> str | None:
    """A signed link to the CV that works for 7 days (null when there is no CV)."""
    if application.cv_file_id is None:
        return None
    token = _serializer().dumps({"r": application.ref, "f": application.cv_file_id})
    return external_url("partner_api.assessment_resume", token=token)


def resume_file(token: str) -> StoredFile | None:
    """The CV a resume token names, if the token is genuine, unexpired and still current."""
    if not token or len(token) > 500:
        return None
    try:
        data = _serializer().loads(token, max_age=RESUME_MAX_AGE)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("r"), str) or not isinstance(data.get("f"), int):
        return None
    application = db.session.scalar(select(Application).where(Application.ref == data["r"]))
    if application is None or application.cv_file_id != data["f"]:
        return None
    return db.session.scalar(select(StoredFile).where(StoredFile.id == data["f"],
                                                      StoredFile.company_id == application.company_id))


# ---------------------------------------------------------------- outbound calls (run in tasks)

def _order_for(delivery: PartnerDelivery, integration: PartnerIntegration) -> AssessmentOrder | None:
    order_id = (delivery.target or {}).get("order_id")
    if not isinstance(order_id, int):
        return None
    return db.session.scalar(select(AssessmentOrder).where(AssessmentOrder.id == order_id,
                                                           AssessmentOrder.company_id == integration.company_id,
                                                           AssessmentOrder.integration_id == integration.id))


def _fail_order(order: AssessmentOrder, message: str) -> None:
    order.status, order.status_detail, order.open_key = "failed", message[:1000], None
    applications.add_event(order.application, "assessment_failed",
                           data={"test": order.partner_test_name, "error": message[:300]})
    refresh_summary(order.application_id, order.company_id)


def _send_body(order: AssessmentOrder, integration: PartnerIntegration) -> dict:
    application = order.application
    candidate = application.candidate
    job = application.job
    return {
        "api_version": "1",
        "partner_test_id": order.partner_test_id,
        "candidate": {"first_name": candidate.given_names, "last_name": candidate.family_name,
                      "email": candidate.email, "phone_number": candidate.phone,
                      "resume_url": resume_url(application)},
        "application_ref": application.ref,
        "job": {"id": job.id, "title": job.title} if job else {"id": None, "title": None},
        "integration_external_id": integration.external_id,
        "callback_url": callback_url(integration),
        "locale": candidate.locale,
    }


def _reopen(order: AssessmentOrder) -> str | None:
    """A replayed send of a failed order opens it again (unless another one is open)."""
    key = _open_key(order.application_id, order.integration_id, order.partner_test_id)
    if db.session.scalar(select(AssessmentOrder.id).where(AssessmentOrder.open_key == key)) is not None:
        return "Another order for this test is open for the candidate; nothing was sent."
    order.status, order.status_detail, order.open_key = "pending", None, key
    db.session.flush()
    return None


def _send_test(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    order = _order_for(delivery, integration)
    if order is None:
        return CallResult(None, error="The order no longer exists.", retryable=False)
    if order.status == "failed" and order.partner_interview_id is None:
        problem = _reopen(order)
        if problem:
            return CallResult(None, error=problem, retryable=False)
    elif order.status != "pending":
        return CallResult(None, error=f"The order is already {order.status}; nothing was sent.", retryable=False)
    if not integration.is_active or integration.status not in CONNECTED:
        result = CallResult(None, error=f"{product_label(integration.product)} is switched off or not connected.",
                            retryable=False)
    else:
        client = client_for(integration)
        result = client.send_test(_send_body(order, integration)) if client else _no_key()
        _note_call(integration, result)
    if result.ok:
        order.partner_interview_id = result.data["partner_interview_id"]
        order.candidate_url = result.data["candidate_url"]
        order.status, order.status_detail, order.invited_at = "invited", None, utcnow()
        _queue_invite(order)
        applications.add_event(order.application, "assessment_invited", data={"test": order.partner_test_name})
        refresh_summary(order.application_id, order.company_id)
        delivery.summary = f"order {order.id} → {order.partner_interview_id}"[:500]
    elif not result.retryable:
        _fail_order(order, result.error or "The vendor refused the test.")
    return result


def _send_dead(delivery: PartnerDelivery, integration: PartnerIntegration) -> None:
    order = _order_for(delivery, integration)
    if order is not None and order.status == "pending":
        _fail_order(order, f"The vendor could not be reached: {delivery.error or 'no answer'}")


def _queue_invite(order: AssessmentOrder) -> None:
    """The candidate gets the vendor's test link from Haku, through the outbox."""
    from app.messaging.services import queue_template_email, template_for

    application = order.application
    candidate = application.candidate
    template = template_for(application.company_id, INVITE_TEMPLATE, candidate.locale)
    if template is None or not candidate.email:
        return
    fields = {**applications.merge_fields(application), "link": order.candidate_url}
    queue_template_email(template, to=candidate.email, fields=fields, kind="assessment_invite",
                         dedupe_key=f"assessment-invite:{order.id}", company_id=application.company_id,
                         application_id=application.id)


def _test_status(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    order = _order_for(delivery, integration)
    if order is None or not order.partner_interview_id:
        return CallResult(None, error="No sent order to ask about.", retryable=False)
    client = client_for(integration)
    result = client.test_status(order.partner_interview_id) if client else _no_key()
    _note_call(integration, result)
    if result.ok:
        apply_status(order, result.data)
    return result


partners.register_outbound("alva.send_test", on_dead=_send_dead)(_send_test)
partners.register_outbound("alva.test_status")(_test_status)


# ---------------------------------------------------------------- results

def apply_status(order: AssessmentOrder, data: dict) -> bool:
    """Apply a test_status (normalised by ``alva.parse_test_status``). Statuses never go
    back (invited → started → finished), so callbacks arriving out of order converge on the
    latest state; a finished order only takes updates of the same status."""
    new = data.get("partner_status")
    if new not in RANK or RANK[new] < RANK[order.status]:
        return False
    if RANK[order.status] == 3 and new != order.status:
        return False
    was = order.status
    order.status = new
    if data.get("partner_score") is not None:
        order.score = data["partner_score"]
    if data.get("partner_max_score") is not None:
        order.max_score = data["partner_max_score"]
    if data.get("sub_scores"):
        order.sub_scores = data["sub_scores"]
    if data.get("partner_profile_url"):
        order.profile_url = data["partner_profile_url"]
    if data.get("metadata"):
        order.vendor_metadata = data["metadata"]
    if new not in OPEN_STATUSES:
        order.open_key = None
    if new == "complete" and order.completed_at is None:
        order.completed_at = utcnow()
    if new != was:
        applications.add_event(order.application, "assessment_status",
                               data={"test": order.partner_test_name, "status": new,
                                     "score": _fmt(order.score, order.max_score) if new == "complete" else None})
        if new == "complete":
            audit.record(company_id=order.company_id, actor=audit.actor_of(partner=VENDOR),
                         object=f"assessment_order:{order.id}", action="result_received",
                         after={"status": new, "score": order.score, "max_score": order.max_score})
    _move_on_score(order)
    refresh_summary(order.application_id, order.company_id)
    return new != was


def _fmt(score: float | None, max_score: float | None) -> str | None:
    if score is None:
        return None
    text = f"{score:g}"
    return f"{text} / {max_score:g}" if max_score is not None else text


def _move_on_score(order: AssessmentOrder) -> None:
    """A finished test moves the application once when the job says so and the score passes."""
    if order.status != "complete" or order.moved_on_score or order.score is None:
        return
    application = order.application
    if application.job is None:
        return
    settings = settings_of(application.job)
    move = settings.get("move_on_score")
    if not move or settings["integration_id"] != order.integration_id \
            or settings["partner_test_id"] != order.partner_test_id:
        return
    if order.score < move["threshold"]:
        return
    order.moved_on_score = True
    if not application.is_open or application.stage_id == move["target_stage_id"]:
        return
    try:
        applications.enter_stage(application, move["target_stage_id"], cause="automation", depth=1)
    except applications.ApplicationError as exc:
        applications.add_event(application, "assessment_not_moved", data={"reason": str(exc)})
        return
    applications.add_event(application, "assessment_moved",
                           data={"test": order.partner_test_name, "score": _fmt(order.score, order.max_score),
                                 "stage": application.stage.name})


# ---------------------------------------------------------------- inbound calls (run in tasks)

def _require_connected(integration: PartnerIntegration) -> None:
    if not integration.is_active or integration.status not in CONNECTED:
        raise partners.InboundRejected("The integration is not connected (or switched off); nothing was changed.")


def _application_by_ref(integration: PartnerIntegration, ref: str | None) -> Application:
    """The application named in the URL, in the integration's own company only."""
    application = db.session.scalar(select(Application).where(
        Application.ref == (ref or "")[:36], Application.company_id == integration.company_id)) if ref else None
    if application is None:
        raise partners.InboundRejected("Unknown application_ref for this integration's company.")
    return application


@partners.register_inbound(VENDOR, "integration.connect")
def _connect(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    data = payload.get("data")
    ref = data.get("vendor_account_ref") if isinstance(data, dict) else None
    if not isinstance(ref, str) or not ref.strip() or len(ref.strip()) > 200:
        raise partners.InboundRejected("data.vendor_account_ref must be a string of 1–200 characters.")
    before = _snapshot(integration)
    integration.vendor_account_ref = ref.strip()
    integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    audit.record(company_id=integration.company_id, actor=audit.actor_of(partner=VENDOR),
                 object=f"partner_integration:{integration.id}", action="connect", before=before,
                 after=_snapshot(integration))
    if is_usable(integration):
        partners.queue_call(integration, "alva.list_tests", summary="list tests")


@partners.register_inbound(VENDOR, "assessment.status_changed")
def _status_changed(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    _require_connected(integration)
    interview_id = str((delivery.target or {}).get("partner_interview_id") or "")[:100]
    order = db.session.scalar(select(AssessmentOrder).where(
        AssessmentOrder.integration_id == integration.id, AssessmentOrder.company_id == integration.company_id,
        AssessmentOrder.partner_interview_id == interview_id)) if interview_id else None
    if order is None:
        raise partners.InboundRejected("Unknown partner_interview_id for this integration (if the send was still "
                                       "running, replay this event).")
    data = payload.get("data")
    if data in ({}, None):
        partners.queue_call(integration, "alva.test_status", target={"order_id": order.id},
                            summary=f"status of {interview_id}")
        return
    try:
        apply_status(order, alva.parse_test_status(data))
    except alva.ShapeError as exc:
        raise partners.InboundRejected(f"data is not a test_status: {exc}") from None


def _order_for_result(integration: PartnerIntegration, application: Application) -> AssessmentOrder:
    """The order a result card belongs to: the card names no interview, so it is the
    application's sent order of this product, finished ones without a card first."""
    orders = db.session.scalars(select(AssessmentOrder).where(
        AssessmentOrder.application_id == application.id, AssessmentOrder.integration_id == integration.id,
        AssessmentOrder.company_id == integration.company_id, AssessmentOrder.partner_interview_id.is_not(None))
        .order_by(AssessmentOrder.id.desc())).all()
    if not orders:
        raise partners.InboundRejected("No assessment was sent for this application with this integration.")
    waiting = [o for o in orders if o.status == "complete" and o.result_card is None]
    return (waiting or orders)[0]


@partners.register_inbound(VENDOR, "assessment.result")
def _result(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    _require_connected(integration)
    application = _application_by_ref(integration, (delivery.target or {}).get("application_ref"))
    try:
        card = alva.parse_result_card(payload.get("data"))
    except alva.ShapeError as exc:
        raise partners.InboundRejected(f"data is not a result card: {exc}") from None
    order = _order_for_result(integration, application)
    order.result_card = card
    status = {"partner_status": card["status"], "partner_score": card["score"],
              "partner_profile_url": card["links"][0]["url"] if card["links"] else None}
    if card["status"] in RANK and RANK[card["status"]] >= RANK[order.status]:
        apply_status(order, status)
    else:
        if order.score is None and card["score"] is not None:
            order.score = card["score"]
        refresh_summary(order.application_id, order.company_id)
    audit.record(company_id=order.company_id, actor=audit.actor_of(partner=VENDOR),
                 object=f"assessment_order:{order.id}", action="result_card_received",
                 after={"score": card["score"], "status": card["status"]})


@partners.register_inbound(VENDOR, "assessment.logs")
def _logs(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    _require_connected(integration)
    application = _application_by_ref(integration, (delivery.target or {}).get("application_ref"))
    try:
        entries = alva.parse_logs(payload.get("data"))
    except alva.ShapeError as exc:
        raise partners.InboundRejected(f"data is not a list of log entries: {exc}") from None
    for entry in entries:
        applications.add_event(application, "assessment_log",
                               data={"message": entry["message"], "at": entry["at"],
                                     "product": product_label(integration.product)})


def _gate(integration: PartnerIntegration) -> bool:
    """Inbound calls reach the handlers while staff keep the integration switched on."""
    return bool(integration.is_active and integration.company_id is not None)


partners.register_gate(VENDOR, _gate)
