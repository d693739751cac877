"""Assessment vendors: the outbound calls, run in tasks through the partner delivery log."""

from __future__ import annotations

from sqlalchemy import select

from app.applications import services as applications
from app.assessments.models import AssessmentOrder, AssessmentStatus
from app.assessments.services.common import CONNECTED, INVITE_TEMPLATE
from app.assessments.services.integrations import _no_key, _note_call, callback_url, client_for
from app.assessments.services.orders import _open_key, refresh_summary, resume_url
from app.assessments.services.results import apply_status
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult
from app.partners.models import PartnerDelivery, PartnerIntegration
from app.problems import store

# ---------------------------------------------------------------- outbound calls (run in tasks)

def _order_for(delivery: PartnerDelivery, integration: PartnerIntegration) -> AssessmentOrder | None:
    order_id = (delivery.target or {}).get("order_id")
    if not isinstance(order_id, int):
        return None
    return db.session.scalar(select(AssessmentOrder).where(AssessmentOrder.id == order_id,
                                                           AssessmentOrder.company_id == integration.company_id,
                                                           AssessmentOrder.integration_id == integration.id))


def _fail_order(order: AssessmentOrder, message: str) -> None:
    """``message``: a stored text (app/assessments/texts.py), worded when shown."""
    order.status, order.status_detail, order.open_key = AssessmentStatus.FAILED, message, None
    applications.add_event(order.application, "assessment_failed",
                           data={"test": order.partner_test_name, "error": message})
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
        return store("alva.other_order_open")
    order.status, order.status_detail, order.open_key = AssessmentStatus.PENDING, None, key
    db.session.flush()
    return None


def send_test(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    order = _order_for(delivery, integration)
    if order is None:
        return CallResult(None, error=store("alva.order_gone"), retryable=False)
    if order.status == AssessmentStatus.FAILED and order.partner_interview_id is None:
        problem = _reopen(order)
        if problem:
            return CallResult(None, error=problem, retryable=False)
    elif order.status != AssessmentStatus.PENDING:
        return CallResult(None, error=store("alva.order_not_waiting", status=order.status), retryable=False)
    if not integration.is_active or integration.status not in CONNECTED:
        result = CallResult(None, error=store("alva.switched_off"), retryable=False)
    else:
        client = client_for(integration)
        result = client.send_test(_send_body(order, integration)) if client else _no_key()
        _note_call(integration, result)
    if result.ok:
        order.partner_interview_id = result.data["partner_interview_id"]
        order.candidate_url = result.data["candidate_url"]
        order.status, order.status_detail, order.invited_at = AssessmentStatus.INVITED, None, utcnow()
        locale = _queue_invite(order)
        applications.add_event(order.application, "assessment_invited",
                               data={"test": order.partner_test_name, **({"locale": locale} if locale else {})})
        refresh_summary(order.application_id, order.company_id)
        delivery.summary = store("alva.sent_summary", order=order.id, interview=order.partner_interview_id)
    elif not result.retryable:
        _fail_order(order, result.error or store("alva.test_refused"))
    return result


def send_test_dead(delivery: PartnerDelivery, integration: PartnerIntegration) -> None:
    order = _order_for(delivery, integration)
    if order is not None and order.status == AssessmentStatus.PENDING:
        _fail_order(order, store("alva.unreachable", cause=delivery.error) if delivery.error else store("alva.no_answer"))


def _queue_invite(order: AssessmentOrder) -> str | None:
    """The candidate gets the vendor's test link from Haku, through the outbox, in the
    application's language. Returns that language (None when no email went out)."""
    from app.messaging.services import queue_template_email, template_for

    application = order.application
    candidate = application.candidate
    template = template_for(application.company_id, INVITE_TEMPLATE, applications.email_languages(application))
    if template is None or not candidate.email:
        return None
    fields = {**applications.merge_fields(application), "link": order.candidate_url}
    queue_template_email(template, to=candidate.email, fields=fields, kind="assessment_invite",
                         dedupe_key=f"assessment-invite:{order.id}", company_id=application.company_id,
                         application_id=application.id)
    return template.locale


def check_test_status(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    order = _order_for(delivery, integration)
    if order is None or not order.partner_interview_id:
        return CallResult(None, error=store("alva.no_sent_order"), retryable=False)
    client = client_for(integration)
    result = client.test_status(order.partner_interview_id) if client else _no_key()
    _note_call(integration, result)
    if result.ok:
        apply_status(order, result.data)
    return result
