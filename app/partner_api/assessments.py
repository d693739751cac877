"""Assessment vendor → Haku calls (PARTNERS.md §2.3), and the candidate's CV for the vendor.

Every callback goes through ``intake`` (size 413, content type 415, signature 401, unknown
integration 404, switched off 410, idempotent by webhook-id, stored raw, 202, processed in
a task). ``connect`` is accepted while the integration is not connected yet; the other
callbacks need a connected integration and get 410 before that (nothing is stored).
"""

from __future__ import annotations

from flask import abort, current_app

from app.applications import files
from app.partner_api.blueprint import bp
from app.partner_api.views import intake
from app.partners import services as partners
from app.security import public

VENDOR = "alva"


def _limit() -> int:
    return current_app.config["ASSESSMENT_CALLBACK_MAX_BYTES"]


def _not_connected(integration) -> partners.Intake | None:
    """410 for a switched-on integration the vendor has not connected yet (asked only once
    the signature has verified)."""
    from app.assessments.services import CONNECTED

    if integration.status not in CONNECTED:
        return partners.Intake(410, {"error": {"code": "not_connected", "field": None,
                                               "message": "The integration is not connected yet: call connect first."}})
    return None


@bp.post("/assessments/<external_id>/connect")
@public
def assessment_connect(external_id: str):
    return intake(VENDOR, external_id, _limit(), route={"call": "connect"})


@bp.patch("/assessments/<external_id>/<partner_interview_id>")
@public
def assessment_status(external_id: str, partner_interview_id: str):
    return intake(VENDOR, external_id, _limit(), route={"partner_interview_id": partner_interview_id[:100]},
                  after_verify=_not_connected)


@bp.post("/assessments/<external_id>/applications/<application_ref>/result")
@public
def assessment_result(external_id: str, application_ref: str):
    return intake(VENDOR, external_id, _limit(), route={"application_ref": application_ref[:100]},
                  after_verify=_not_connected)


@bp.post("/assessments/<external_id>/applications/<application_ref>/logs")
@public
def assessment_logs(external_id: str, application_ref: str):
    return intake(VENDOR, external_id, _limit(), route={"application_ref": application_ref[:100]},
                  after_verify=_not_connected)


@bp.get("/resumes/<token>")
@public
def assessment_resume(token: str):
    """The candidate's CV for the vendor: a signed link valid 7 days, served as an attachment."""
    from app.assessments.services import resume_file

    row = resume_file(token)
    if row is None:
        abort(404)
    return files.download(row, "application/pdf")
