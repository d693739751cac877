"""Assessment vendors: the vendor's callbacks, run in tasks by the registered handlers, and the
gate that says when they are accepted."""

from __future__ import annotations

from sqlalchemy import select

from app import audit
from app.applications import services as applications
from app.applications.models import Application
from app.assessments.models import VENDOR, AssessmentOrder, AssessmentStatus
from app.assessments.services.common import CONNECTED, RANK, product_label
from app.assessments.services.integrations import _snapshot, is_usable
from app.assessments.services.orders import refresh_summary, vendor_log
from app.assessments.services.results import apply_status
from app.extensions import db
from app.integrations import alva
from app.partners import services as partners
from app.partners.models import IntegrationStatus, PartnerDelivery, PartnerIntegration
from app.problems import store

# ---------------------------------------------------------------- inbound calls (run in tasks)

def _require_connected(integration: PartnerIntegration) -> None:
    if not integration.is_active or integration.status not in CONNECTED:
        raise partners.InboundRejected("alva.not_connected")


def _application_by_ref(integration: PartnerIntegration, ref: str | None) -> Application:
    """The application named in the URL, in the integration's own company only."""
    application = db.session.scalar(select(Application).where(
        Application.ref == (ref or "")[:36], Application.company_id == integration.company_id)) if ref else None
    if application is None:
        raise partners.InboundRejected("alva.unknown_application")
    return application


def on_connect(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    data = payload.get("data")
    ref = data.get("vendor_account_ref") if isinstance(data, dict) else None
    if not isinstance(ref, str) or not ref.strip() or len(ref.strip()) > 200:
        raise partners.InboundRejected("alva.bad_account_ref")
    before = _snapshot(integration)
    integration.vendor_account_ref = ref.strip()
    integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    audit.record(company_id=integration.company_id, actor=audit.actor_of(partner=VENDOR),
                 object=f"partner_integration:{integration.id}", action="connect", before=before,
                 after=_snapshot(integration))
    if is_usable(integration):
        partners.queue_call(integration, "alva.list_tests", summary=store("alva.list_tests_summary"))


def on_status_changed(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    _require_connected(integration)
    interview_id = str((delivery.target or {}).get("partner_interview_id") or "")[:100]
    order = db.session.scalar(select(AssessmentOrder).where(
        AssessmentOrder.integration_id == integration.id, AssessmentOrder.company_id == integration.company_id,
        AssessmentOrder.partner_interview_id == interview_id)) if interview_id else None
    if order is None:
        raise partners.InboundRejected("alva.unknown_interview")
    data = payload.get("data")
    if data in ({}, None):
        partners.queue_call(integration, "alva.test_status", target={"order_id": order.id},
                            summary=store("alva.status_summary", interview=interview_id))
        return
    try:
        apply_status(order, alva.parse_test_status(data))
    except alva.ShapeError as exc:
        raise partners.InboundRejected("alva.bad_status", detail=str(exc)) from None


def _order_for_result(integration: PartnerIntegration, application: Application) -> AssessmentOrder:
    """The order a result card belongs to: the card names no interview, so it is the
    application's sent order of this product, finished ones without a card first."""
    orders = db.session.scalars(select(AssessmentOrder).where(
        AssessmentOrder.application_id == application.id, AssessmentOrder.integration_id == integration.id,
        AssessmentOrder.company_id == integration.company_id, AssessmentOrder.partner_interview_id.is_not(None))
        .order_by(AssessmentOrder.id.desc())).all()
    if not orders:
        raise partners.InboundRejected("alva.no_order_for_result")
    waiting = [o for o in orders if o.status == AssessmentStatus.COMPLETE and o.result_card is None]
    return (waiting or orders)[0]


def on_result(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    _require_connected(integration)
    application = _application_by_ref(integration, (delivery.target or {}).get("application_ref"))
    try:
        card = alva.parse_result_card(payload.get("data"))
    except alva.ShapeError as exc:
        raise partners.InboundRejected("alva.bad_result", detail=str(exc)) from None
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


def on_logs(delivery: PartnerDelivery, integration: PartnerIntegration, payload: dict) -> None:
    _require_connected(integration)
    application = _application_by_ref(integration, (delivery.target or {}).get("application_ref"))
    try:
        entries = alva.parse_logs(payload.get("data"))
    except alva.ShapeError as exc:
        raise partners.InboundRejected("alva.bad_logs", detail=str(exc)) from None
    seen = {(line.get("at"), line.get("message")) for line in vendor_log(application)}
    for entry in entries:
        if (entry["at"], entry["message"]) in seen:  # the same line sent again (a retried delivery)
            continue
        seen.add((entry["at"], entry["message"]))
        applications.add_event(application, "assessment_log",
                               data={"message": entry["message"], "at": entry["at"],
                                     "product": product_label(integration.product)})


def accepts_calls(integration: PartnerIntegration) -> bool:
    """Inbound calls reach the handlers while staff keep the integration switched on."""
    return bool(integration.is_active and integration.company_id is not None)
