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
