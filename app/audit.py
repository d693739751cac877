"""The audit log: who changed what, when (configuration changes, sends, results received,
opt-outs, replays). One row per action, written in the transaction that made the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_company_at", "company_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    # "user:<id>", "partner:<vendor>", "system"
    actor: Mapped[str] = mapped_column(String(64))
    object: Mapped[str] = mapped_column(String(64))  # e.g. "partner_integration:12"
    action: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict | None] = mapped_column(JSON, default=None)
    after: Mapped[dict | None] = mapped_column(JSON, default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)


def actor_of(user=None, partner: str | None = None) -> str:
    if user is not None:
        return f"user:{user.id}"
    if partner:
        return f"partner:{partner}"
    return "system"


def record(*, company_id: int | None, actor: str, object: str, action: str, before: dict | None = None,
           after: dict | None = None) -> AuditEntry:
    """Add an audit row to the current transaction (the caller commits)."""
    entry = AuditEntry(company_id=company_id, actor=actor, object=object, action=action, before=before, after=after)
    db.session.add(entry)
    return entry


def N_(text: str) -> str:
    """Marks a label for the translation catalogues; the template translates it."""
    return text


# The user lifecycle (app/accounts/lifecycle.py).
USER_ACTION_LABELS = {
    "user.invited": N_("Invited a user"), "user.invite_resent": N_("Resent an invitation"),
    "user.invite_revoked": N_("Revoked an invitation"), "user.invite_accepted": N_("Accepted an invitation"),
    "user.disabled": N_("Disabled a user"), "user.enabled": N_("Re-enabled a user"),
    "user.role_changed": N_("Changed a user's role"), "user.reset_sent": N_("Sent a password-reset link"),
    "user.reset_requested": N_("Asked for a password-reset link"), "user.password_reset": N_("Reset a password"),
}

ACTION_LABELS = {
    "login": "Logged in", "login_failed": "Failed login", "password_changed": "Changed password",
    "stage_move": "Moved an application", "job_boards_enabled": "Job boards switched",
    "topcv.keys_saved": "Saved TopCV keys", "topcv.disconnected": "Disconnected TopCV", "topcv.post": "Posted to TopCV",
    "topcv.update": "Updated a TopCV posting", "topcv.close": "Closed a TopCV posting",
    "topcv.link": "Linked a TopCV posting", "replay": "Replayed a partner call",
    "create": "Added an integration", "update": "Changed an integration", "rotate_secret": "Rotated a signing secret",
    "connect": "Vendor finished the connection", "assessments_self_service": "Self-service switched",
    "assessment_settings": "Changed assessment settings", "send": "Sent an assessment",
    "result_received": "Assessment result received", "result_card_received": "Assessment result card received",
    "candidate_erased": "Erased a candidate", "candidate_anonymised": "Anonymised a candidate",
    "data_export": "Candidate downloaded their data", "retention_changed": "Changed the retention period",
    "email_template_converted": "Converted an email template to merge fields",
    "email_template_reset": "Reset an email template to the default",
    "candidate_merged": "Merged two candidate records", "candidate_split": "Split a merged candidate",
    "duplicate_dismissed": "Marked two candidates as different people",
    "company_language": "Changed the company's language or time zone",
    **USER_ACTION_LABELS,
    "emrex.transcript_accepted": "Accepted held study records", "emrex.transcript_discarded": "Discarded held study records",
}


def entries_for(company_id: int, *, before_id: int | None = None, action: str | None = None,
                limit: int = 100) -> list[AuditEntry]:
    """The company's audit entries, newest first (keyset pages by id)."""
    from sqlalchemy import select

    stmt = select(AuditEntry).where(AuditEntry.company_id == company_id)
    if before_id:
        stmt = stmt.where(AuditEntry.id < before_id)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    return list(db.session.scalars(stmt.order_by(AuditEntry.id.desc()).limit(limit)))
