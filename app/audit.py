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
    "login": N_("Logged in"), "login_failed": N_("Failed login"), "password_changed": N_("Changed password"),
    "stage_move": N_("Moved an application"), "job_boards_enabled": N_("Job boards switched"),
    "topcv.keys_saved": N_("Saved TopCV keys"), "topcv.disconnected": N_("Disconnected TopCV"),
    "topcv.post": N_("Posted to TopCV"),
    "topcv.update": N_("Updated a TopCV posting"), "topcv.close": N_("Closed a TopCV posting"),
    "topcv.link": N_("Linked a TopCV posting"), "replay": N_("Replayed a partner call"),
    "create": N_("Added an integration"), "update": N_("Changed an integration"),
    "rotate_secret": N_("Rotated a signing secret"),
    "connect": N_("Vendor finished the connection"), "assessments_self_service": N_("Self-service switched"),
    "assessment_settings": N_("Changed assessment settings"), "send": N_("Sent an assessment"),
    "result_received": N_("Assessment result received"), "result_card_received": N_("Assessment result card received"),
    "candidate_erased": N_("Erased a candidate"), "candidate_anonymised": N_("Anonymised a candidate"),
    "data_export": N_("Candidate downloaded their data"), "retention_changed": N_("Changed the retention period"),
    "email_template_converted": N_("Converted an email template to merge fields"),
    "email_template_reset": N_("Reset an email template to the default"),
    "candidate_merged": N_("Merged two candidate records"), "candidate_split": N_("Split a merged candidate"),
    "duplicate_dismissed": N_("Marked two candidates as different people"),
    "company_language": N_("Changed the company's language or time zone"),
    "privacy_notice_changed": N_("Changed the privacy notice's address"),
    "careers_site_changed": N_("Changed the careers site's look"),
    **USER_ACTION_LABELS,
    "emrex.transcript_accepted": N_("Accepted held study records"),
    "emrex.transcript_discarded": N_("Discarded held study records"),
    "application.rejected": N_("Rejected an application"),
    "application.rejection_undone": N_("Undid a rejection"),
    "rejection_reason.added": N_("Added a rejection reason"),
    "rejection_reason.renamed": N_("Renamed a rejection reason"),
    "rejection_reason.moved": N_("Reordered the rejection reasons"),
    "rejection_reason.activated": N_("Switched a rejection reason on"),
    "rejection_reason.deactivated": N_("Switched a rejection reason off"),
    "rejection_reason.deleted": N_("Deleted a rejection reason"),
    "scorecard.requested": N_("Asked for a scorecard"),
    "scorecard.draft_saved": N_("Saved a scorecard draft"),
    "scorecard.submitted": N_("Submitted a scorecard"),
    "scorecard.corrected": N_("Corrected a submitted scorecard"),
    "scorecard.definition_saved": N_("Changed a scorecard's attributes"),
    "note.mention": N_("Mentioned team members in a note"),
    "reviewer.ask": N_("Asked someone to review an application"),
    "reviewer.remove": N_("Stopped asking someone to review an application"),
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
