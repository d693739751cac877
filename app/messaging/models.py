from __future__ import annotations

import enum
import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class EmailTemplate(db.Model):
    """An email with merge fields. ``company_id`` NULL = a global default (staff edit it);
    a company's template with the same ``key`` and locale overrides the default."""

    __tablename__ = "email_templates"
    __table_args__ = (Index("ix_email_templates_lookup", "key", "locale", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(5), default="en")
    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set when the move to merge-fields-only templates could not convert the old (Jinja)
    # text and reset it to the default; the old text is kept for the admin until they save.
    reset_at: Mapped[datetime | None]
    legacy_subject: Mapped[str | None] = mapped_column(Text)
    legacy_body: Mapped[str | None] = mapped_column(Text)

    @property
    def is_global(self) -> bool:
        return self.company_id is None

    @property
    def display_name(self) -> str:
        """The name lists show: a shipped template's English name in the reader's language."""
        from app.messaging.defaults import display_name

        return display_name(self.key, self.name)


class OutboxStatus(enum.StrEnum):
    """An outbox email: pending → sending → sent, or back to pending for a retry, or failed;
    a scheduled one (``due_at``) may be cancelled while it is still pending."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"  # a scheduled email withdrawn before its time (e.g. a rejection undone)


class OutboxEmail(db.Model):
    """Every email is a row first, written in the transaction of the change that causes it.

    ``dedupe_key`` makes the cause-to-email mapping one-to-one (e.g. ``automation-run:7``),
    so a retried service or task never writes a second email for the same reason.
    """

    __tablename__ = "outbox_emails"
    __table_args__ = (
        UniqueConstraint("dedupe_key", name="uq_outbox_dedupe"),
        UniqueConstraint("reply_token", name="uq_outbox_emails_reply_token"),
        Index("ix_outbox_status_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(48))
    dedupe_key: Mapped[str] = mapped_column(String(160))
    to_addr: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    #: The language it is written in (a template's ``locale``); None when not known.
    locale: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None]
    #: Not before this time (a scheduled email, e.g. a rejection sent two days later); None = now.
    due_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: An email about an application carries ``Reply-To: reply+<token>@<REPLY_DOMAIN>``;
    #: the inbound mailbox finds the application (and this email) by the token. 128 random
    #: bits as lowercase hex: MTAs may change the case of a local part.
    reply_token: Mapped[str | None] = mapped_column(String(64))
    #: A calendar invitation sent with it (``invite.ics``, text/calendar): its iTIP method
    #: (REQUEST or CANCEL) and text. None for an ordinary email.
    ics_method: Mapped[str | None] = mapped_column(String(16))
    ics: Mapped[str | None] = mapped_column(Text)

    @property
    def message_id(self) -> str:
        """Stable per row, so a resend after a lost acknowledgement is the same message."""
        digest = hashlib.sha256(self.dedupe_key.encode()).hexdigest()[:12]
        return f"<outbox-{self.id}.{digest}@haku.local>"


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(48))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(500))
    read_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user = relationship("User")
