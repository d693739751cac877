"""A recruiter's answers about pairs of candidate records: "not the same person" and the
snapshot a merge keeps so that it can be split again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.extensions import db


class DuplicateDismissal(db.Model):
    """A pair a recruiter marked as two different people; never suggested again.
    ``low_id < high_id`` so that a pair has one row whichever way it was answered."""

    __tablename__ = "duplicate_dismissals"
    __table_args__ = (UniqueConstraint("company_id", "low_id", "high_id", name="uq_duplicate_dismissals_pair"),
                      Index("ix_duplicate_dismissals_high", "high_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    low_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    high_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CandidateMerge(db.Model):
    """What one merge changed, kept until ``expires_at`` (30 days) so that it can be undone:
    the removed record as it was, the survivor's values before and after, the applications
    moved and the timeline events the merge wrote. The retention sweep deletes expired rows;
    erasing the survivor deletes them at once."""

    __tablename__ = "candidate_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    # The removed record's id (the row itself is gone; a split recreates it under this id).
    merged_candidate_id: Mapped[int]
    merged_data: Mapped[dict] = mapped_column(JSON)
    survivor_before: Mapped[dict] = mapped_column(JSON)
    survivor_after: Mapped[dict] = mapped_column(JSON)
    moved_application_ids: Mapped[list] = mapped_column(JSON)
    event_ids: Mapped[list] = mapped_column(JSON)
    dismissals: Mapped[list] = mapped_column(JSON, default=list)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
