"""Assessment vendors: orders (sent by the trigger stage or by hand) and the candidate's CV
for the vendor."""

from __future__ import annotations

import logging

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from app import audit, background
from app.accounts.models import User
from app.applications import services as applications
from app.applications.models import Application, ApplicationStatus, StageEntry, StoredFile, TimelineEvent
from app.assessments.models import AssessmentOrder, AssessmentStatus, AssessmentSummary
from app.assessments.services.common import (
    CONNECTED,
    RESUME_MAX_AGE,
    RESUME_SALT,
    AssessmentError,
    problem_data,
    product_label,
)
from app.assessments.services.integrations import integration_of
from app.assessments.services.settings import settings_of
from app.assessments.services.vendor_tests import test_name
from app.extensions import db
from app.links import external_url
from app.partners import services as partners
from app.partners.models import PartnerIntegration
from app.problems import store

log = logging.getLogger(__package__)  # "app.assessments.services", as before the split


# ---------------------------------------------------------------- orders

def _open_key(application_id: int, integration_id: int, partner_test_id: str) -> str:
    return f"{application_id}:{integration_id}:{partner_test_id}"[:200]


def open_order(application_id: int, integration_id: int, partner_test_id: str) -> AssessmentOrder | None:
    return db.session.scalar(select(AssessmentOrder).where(
        AssessmentOrder.open_key == _open_key(application_id, integration_id, partner_test_id)))


def orders_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application has assessment orders."""
    return exists().where(AssessmentOrder.application_id == Application.id,
                          AssessmentOrder.company_id == Application.company_id)


def log_on_card():
    """The card's read: the vendor sent log lines about the application (``vendor_log``)."""
    return exists().where(TimelineEvent.application_id == Application.id,
                          TimelineEvent.company_id == Application.company_id, TimelineEvent.kind == "assessment_log")


def orders_of(application: Application) -> list[AssessmentOrder]:
    return list(db.session.scalars(select(AssessmentOrder).where(
        AssessmentOrder.application_id == application.id, AssessmentOrder.company_id == application.company_id)
        .order_by(AssessmentOrder.id.desc())))


def vendor_log(application: Application) -> list[dict]:
    """The vendor's log lines for the application (``at`` as sent, ``at_time`` parsed to UTC or
    None, ``message``, ``product``), oldest first by the vendor's own times (they arrive later
    than they happened)."""
    from datetime import UTC, datetime

    rows = db.session.scalars(select(TimelineEvent.data).where(
        TimelineEvent.application_id == application.id, TimelineEvent.company_id == application.company_id,
        TimelineEvent.kind == "assessment_log").order_by(TimelineEvent.id))
    lines = []
    for data in rows:
        line = dict(data or {})
        try:
            at = datetime.fromisoformat(str(line.get("at", "")).replace("Z", "+00:00"))
            line["at_time"] = at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at
        except ValueError:
            line["at_time"] = None
        lines.append(line)
    return sorted(lines, key=lambda line: line["at_time"] or datetime.max)


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
        raise AssessmentError("unknown_product")
    if not integration.is_active:
        raise AssessmentError("switched_off", product=product_label(integration.product))
    if integration.status not in CONNECTED:
        raise AssessmentError("not_connected", product=product_label(integration.product))
    if application.job_id is None or application.status != ApplicationStatus.OPEN:
        raise AssessmentError("not_open")
    if not application.candidate.email:
        raise AssessmentError("no_email")
    partner_test_id = (partner_test_id or "").strip()[:100]
    if not partner_test_id:
        raise AssessmentError("no_test")
    key = _open_key(application.id, integration.id, partner_test_id)
    if open_order(application.id, integration.id, partner_test_id) is not None:
        raise AssessmentError("already_sent")
    order = AssessmentOrder(company_id=application.company_id, application_id=application.id,
                            integration_id=integration.id, partner_test_id=partner_test_id,
                            partner_test_name=test_name(integration, partner_test_id), status=AssessmentStatus.PENDING,
                            cause=cause, open_key=key, created_by_id=actor.id if actor else None)
    db.session.add(order)
    db.session.flush()  # the unique open_key refuses a parallel twin here
    order.integration = integration
    partners.queue_call(integration, "alva.send_test", target={"order_id": order.id},
                        summary=store("alva.send_summary", test=partner_test_id, order=order.id), actor=actor)
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
        raise AssessmentError("no_test")
    try:
        order = send(application, integration, partner_test_id or "", cause="manual", actor=actor)
        db.session.commit()
    except IntegrityError:  # a parallel send won the race for the open key
        db.session.rollback()
        background.discard()
        raise AssessmentError("already_sent") from None
    return order


def on_stage_entered(application, entry, depth: int = 0, **_) -> None:
    """The job's trigger stage sends its test, on the application's first entry only."""
    if application.job_id is None or application.status != ApplicationStatus.OPEN:
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
                               data=problem_data(AssessmentError("product_gone")))
        return
    if open_order(application.id, integration.id, settings["partner_test_id"] or "") is not None:
        return  # already sent by hand and still open
    try:
        # a savepoint: a parallel twin of this order must not undo the stage move around it
        with db.session.begin_nested():
            send(application, integration, settings["partner_test_id"], cause="trigger")
    except AssessmentError as exc:
        applications.add_event(application, "assessment_not_sent", data=problem_data(exc))
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
