"""The conversation with a candidate: the emails they sent back (replies to an outgoing
email's ``Reply-To: reply+<token>@<REPLY_DOMAIN>``) and their attachments. Outgoing emails
are the outbox's rows (``app.messaging``); each one to a candidate carries its reply token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class InboundEmail(db.Model):
    """A candidate's reply, matched to the application by its token and to the email it
    answers (``outbox_id``). ``raw_sha256`` makes a redelivery by the MTA a no-op."""

    __tablename__ = "inbound_emails"
    __table_args__ = (
        UniqueConstraint("application_id", "raw_sha256", name="uq_inbound_emails_raw"),
        Index("ix_inbound_emails_application", "application_id", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_emails.id", ondelete="SET NULL"))
    from_addr: Mapped[str] = mapped_column(String(254))
    from_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str | None] = mapped_column(String(255))
    raw_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    attachments = relationship("InboundAttachment", order_by="InboundAttachment.id", cascade="all, delete-orphan",
                               lazy="selectin")


class InboundAttachment(db.Model):
    __tablename__ = "inbound_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    inbound_email_id: Mapped[int] = mapped_column(ForeignKey("inbound_emails.id", ondelete="CASCADE"), index=True)
    stored_file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id"))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]

    stored_file = relationship("StoredFile")
