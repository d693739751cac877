"""A candidate's request for their data: the emailed link's token, stored only as a hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db


class DataExportRequest(db.Model):
    """One "Your data" request for an email address that has applications.

    ``token_hash`` is the SHA-256 of the link's token (256 random bits); the token itself
    is only in the email. The link works once (``used_at``) and until ``expires_at``.
    Rows are purged by the retention sweep a day after they expire.
    """

    __tablename__ = "data_export_requests"
    __table_args__ = (Index("ix_data_export_requests_email", "email_normalized", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email_normalized: Mapped[str] = mapped_column(String(254))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    locale: Mapped[str] = mapped_column(String(5), default="en")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > utcnow()
