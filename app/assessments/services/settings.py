"""Assessment vendors: the settings per job and template (integration, test, trigger stage)."""

from __future__ import annotations

from app import audit, background
from app.accounts.models import User
from app.assessments.services.common import AssessmentError
from app.assessments.services.integrations import integration_of
from app.assessments.services.vendor_tests import test_name
from app.extensions import db

# ---------------------------------------------------------------- settings per job and template

DEFAULT_SETTINGS = {"integration_id": None, "partner_test_id": None, "partner_test_name": None,
                    "trigger_stage_id": None, "move_on_score": None}


def settings_of(owner) -> dict:
    """The assessment settings of a job or job template (default: no test)."""
    return {**DEFAULT_SETTINGS, **((owner.integration_settings or {}).get("assessments") or {})}


@background.clean_on_error
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
            raise AssessmentError("inactive_test")
        known = {t["partner_test_id"] for t in (integration.cache or {}).get("tests") or []}
        if not partner_test_id or (partner_test_id not in known and not (
                before["integration_id"] == integration_id and before["partner_test_id"] == partner_test_id)):
            raise AssessmentError("bad_test")
        stage_ids = {s.id for s in owner.stages}
        if trigger_stage_id is not None and trigger_stage_id not in stage_ids:
            raise AssessmentError("bad_stage")
        move = None
        if move_threshold is not None or move_target_stage_id is not None:
            if move_threshold is None or move_target_stage_id is None:
                raise AssessmentError("half_rule")
            if move_target_stage_id not in stage_ids:
                raise AssessmentError("bad_target")
            if move_threshold < 0 or move_threshold > 1_000_000:
                raise AssessmentError("bad_threshold")
            move = {"threshold": move_threshold, "target_stage_id": move_target_stage_id}
        value = {"integration_id": integration.id, "partner_test_id": partner_test_id,
                 "partner_test_name": test_name(integration, partner_test_id), "trigger_stage_id": trigger_stage_id,
                 "move_on_score": move}
        set_integration_settings(owner, "assessments", value)
    kind = "job" if owner.__class__.__name__ == "Job" else "job_template"
    audit.record(company_id=owner.company_id, actor=audit.actor_of(actor), object=f"{kind}:{owner.id}",
                 action="assessment_settings", before=before if before["integration_id"] else None, after=value)
    db.session.commit()
    return settings_of(owner)
