"""Reads for the card's conversation (no writes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import exists, select

from app.applications.models import Application
from app.conversations.models import InboundAttachment, InboundEmail
from app.extensions import db
from app.messaging.models import OutboxEmail, OutboxStatus


@dataclass
class Entry:
    """One email of the thread, either way."""

    direction: str  # "out" (to the candidate) or "in" (their reply)
    at: datetime
    sender: str
    to: str
    subject: str
    body: str
    status: str | None = None  # outgoing: the outbox status
    locale: str | None = None
    error: str | None = None
    attachments: list[InboundAttachment] = field(default_factory=list)
    id: int = 0
    due: datetime | None = None  # outgoing, not yet sent: when it is scheduled to go (a delayed rejection)


def sent_on_card():
    """The card's read (app/plugins.py ``card_panel``): emails went (or wait to go) to the
    candidate about the application."""
    return exists().where(OutboxEmail.application_id == Application.id)


def replies_on_card():
    """The card's read: the candidate replied about the application."""
    return exists().where(InboundEmail.application_id == Application.id)


def thread(application_id: int, sent: bool = True, replies: bool = True) -> list[Entry]:
    """Every email to and from the candidate about this application, oldest first. The card
    says which side has none (``sent_on_card``, ``replies_on_card``): that one is not read."""
    out = db.session.scalars(select(OutboxEmail).where(OutboxEmail.application_id == application_id)
                             .order_by(OutboxEmail.id)).all() if sent else []
    replies = db.session.scalars(select(InboundEmail).where(InboundEmail.application_id == application_id)
                                 .order_by(InboundEmail.received_at, InboundEmail.id)).all() if replies else []
    entries = [Entry("out", e.sent_at or e.created_at, "", e.to_addr, e.subject, e.body_text, status=e.status,
                     locale=e.locale, error=e.last_error if e.status != OutboxStatus.SENT else None, id=e.id,
                     due=e.due_at if e.status == OutboxStatus.PENDING else None)
               for e in out]
    entries += [Entry("in", r.received_at, r.from_name or r.from_addr, "", r.subject, r.body_text,
                      attachments=list(r.attachments), id=r.id) for r in replies]
    return sorted(entries, key=lambda e: (e.at, e.direction == "in", e.id))


def attachment_of(company_id: int, attachment_id: int) -> InboundAttachment | None:
    """An attachment of a reply to one of the company's applications (else None: a 404)."""
    return db.session.scalar(select(InboundAttachment).join(InboundEmail)
                             .where(InboundAttachment.id == attachment_id, InboundEmail.company_id == company_id))


def application_of_attachment(attachment: InboundAttachment) -> int | None:
    return db.session.scalar(select(InboundEmail.application_id).where(InboundEmail.id == attachment.inbound_email_id))
