"""EMREX settings: per company, job or template (trigger stage, email template, reminders)."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Company
from app.emrex.services.common import EmrexError
from app.extensions import db
from app.messaging.models import EmailTemplate

# ---------------------------------------------------------------- settings

DEFAULT_SETTINGS = {"email_template_id": None, "trigger_stage_id": None, "reminders_enabled": True}


def settings_of(owner) -> dict:
    """The EMREX settings of a job or job template (defaults: manual only, reminders on)."""
    return {**DEFAULT_SETTINGS, **((owner.integration_settings or {}).get("emrex") or {})}


def email_templates() -> list[EmailTemplate]:
    """The EMREX invite templates staff manage; recruiters pick from these."""
    return list(db.session.scalars(select(EmailTemplate).where(
        EmailTemplate.company_id.is_(None), EmailTemplate.key.like("emrex_invite%"))
        .order_by(EmailTemplate.key, EmailTemplate.locale)))


def save_settings(owner, *, email_template_id: int | None, trigger_stage_id: int | None,
                  reminders_enabled: bool) -> dict:
    from app.jobs.services import set_integration_settings

    if trigger_stage_id is not None and trigger_stage_id not in {s.id for s in owner.stages}:
        raise EmrexError("bad_stage")
    if email_template_id is not None and email_template_id not in {t.id for t in email_templates()}:
        raise EmrexError("bad_template")
    value = {"email_template_id": email_template_id, "trigger_stage_id": trigger_stage_id,
             "reminders_enabled": bool(reminders_enabled)}
    set_integration_settings(owner, "emrex", value)
    db.session.commit()
    return value


def set_company(company: Company, *, enabled: bool, gpa_scale: str) -> None:
    """Staff: switch EMREX on (after the agreement is signed) and pick the GPA scale."""
    if gpa_scale not in ("4.0", "5.0"):
        raise EmrexError("bad_scale")
    company.emrex_enabled, company.gpa_scale = bool(enabled), gpa_scale
    db.session.commit()
