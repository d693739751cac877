"""Assessment vendors: results on the order and the application (and a move on the score)."""

from __future__ import annotations

from app import audit
from app.applications import services as applications
from app.assessments.models import OPEN_STATUSES, VENDOR, AssessmentOrder, AssessmentStatus
from app.assessments.services.common import RANK, problem_data
from app.assessments.services.orders import refresh_summary
from app.assessments.services.settings import settings_of
from app.clock import utcnow

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
                                     "score": _fmt(order.score, order.max_score) if new == "complete" else None},
                               activity=new == "complete")
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
    if order.status != AssessmentStatus.COMPLETE or order.moved_on_score or order.score is None:
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
    try:  # one timeline line: the stage entry says the score moved it
        applications.enter_stage(application, move["target_stage_id"], cause="automation", depth=1,
                                 detail={"by": "assessment_score", "test": order.partner_test_name,
                                         "score": _fmt(order.score, order.max_score)})
    except applications.ApplicationError as exc:
        applications.add_event(application, "assessment_not_moved", data=problem_data(exc))
