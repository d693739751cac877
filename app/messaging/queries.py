"""Reads of emails, notifications and templates for the screens (no writes, no commits)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.messaging.models import EmailTemplate, Notification


def notifications_of(user_id: int, company_id: int, limit: int = 100) -> list:
    """The newest notifications as rows of what the page shows (title, body, link, read_at,
    created_at), not entities: the page is read-only and lists up to 100."""
    return list(db.session.execute(select(
        Notification.id, Notification.title, Notification.body, Notification.link, Notification.read_at,
        Notification.created_at).where(Notification.company_id == company_id, Notification.user_id == user_id)
        .order_by(Notification.created_at.desc()).limit(limit)))


def global_templates() -> list[EmailTemplate]:
    """The platform's email templates (no company), by key and language."""
    return list(db.session.scalars(select(EmailTemplate).where(EmailTemplate.company_id.is_(None))
                                   .order_by(EmailTemplate.key, EmailTemplate.locale)))


def global_template(template_id: int) -> EmailTemplate | None:
    return db.session.scalar(select(EmailTemplate).where(EmailTemplate.id == template_id,
                                                         EmailTemplate.company_id.is_(None)))
