from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class PostingStatus(enum.StrEnum):
    """draft (Haku has not posted it yet) → pending_review → approved | rejected; closed; expired"""

    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    CLOSED = "closed"
    EXPIRED = "expired"


POSTING_STATUSES = tuple(PostingStatus)
OPEN_POSTING_STATUSES = (PostingStatus.PENDING_REVIEW, PostingStatus.APPROVED)


class Posting(db.Model):
    """A job on an external board (TopCV): the "Posted jobs" log of a job."""

    __tablename__ = "postings"
    __table_args__ = (
        UniqueConstraint("integration_id", "board_job_id", name="uq_posting_board_job"),
        Index("ix_postings_status_sync_due", "status", "sync_due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    integration_id: Mapped[int] = mapped_column(ForeignKey("partner_integrations.id", ondelete="CASCADE"))
    board: Mapped[str] = mapped_column(String(32), default="topcv")
    board_job_id: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), default=PostingStatus.DRAFT)
    reject_reason: Mapped[str | None] = mapped_column(String(1000))
    # The fields sent to the board (the posting form), and a hash of the last pushed version.
    payload: Mapped[dict | None] = mapped_column(JSON, default=None)
    last_payload_hash: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(String(1000))
    last_synced_at: Mapped[datetime | None]
    # When the sweeper next pulls the status from the board (reconciliation).
    sync_due_at: Mapped[datetime | None]
    # Time of the newest board event applied, so a late, older notice changes nothing.
    board_event_at: Mapped[datetime | None]
    linked: Mapped[bool] = mapped_column(default=False)  # "Add posted job": created on the board, not by Haku
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    job = relationship("Job")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_POSTING_STATUSES
