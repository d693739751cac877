"""Scorecards: structured feedback on an application (issue 17 item 2).

A scorecard is one person's (``author``) ratings of the job's attributes, an overall
recommendation and notes, for one application and optionally one interview. It is asked for
(``REQUESTED``), kept as a draft (``DRAFT``) and finally ``SUBMITTED``. The attributes come
from the job's scorecard definition (``Job.integration_settings["scorecard"]``, copied from
the template with the rest of its settings); ratings are stored by the attribute's id.

``ScorecardSummary`` holds one row per application with submitted scorecards (their count and
average recommendation) so the list and the board read it in their one joined query.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, bindparam, exists
from sqlalchemy.orm import Mapped, backref, column_property, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db

__all__ = ["Recommendation", "Scorecard", "ScorecardStatus", "ScorecardSummary"]

#: The attribute scale: 1–4, no middle step (a rater has to lean one way), the same width as
#: the recommendation so the two read alike.
SCALE = (1, 2, 3, 4)


class ScorecardStatus(enum.StrEnum):
    REQUESTED = "requested"  # asked for, nothing written yet
    DRAFT = "draft"  # saved, not submitted
    SUBMITTED = "submitted"


class Recommendation(enum.StrEnum):
    """The overall recommendation; ``points`` (1–4) is what the average is made of."""

    DEFINITELY_NOT = "definitely_not"
    NO = "no"
    YES = "yes"
    STRONG_YES = "strong_yes"

    @property
    def points(self) -> int:
        return list(Recommendation).index(self) + 1


class Scorecard(db.Model):
    __tablename__ = "scorecards"
    __table_args__ = (
        # one per (application, author, interview): ``interview_key`` is the interview, 0 for
        # none (a unique constraint over the nullable column would let NULLs repeat)
        UniqueConstraint("application_id", "author_id", "interview_key", name="uq_scorecard_author_interview"),
        Index("ix_scorecards_author_status", "author_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # The interview it is about (app/interviews, built beside this); the foreign key comes
    # with that table.
    interview_id: Mapped[int | None]
    interview_key: Mapped[int] = mapped_column(default=0)  # interview_id or 0, for the unique key
    status: Mapped[str] = mapped_column(String(16), default=ScorecardStatus.REQUESTED)
    recommendation: Mapped[str | None] = mapped_column(String(16))
    ratings: Mapped[dict | None] = mapped_column(JSON, default=None)  # attribute id -> 1..4
    notes: Mapped[str] = mapped_column(Text, default="")
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None]

    author = relationship("User", foreign_keys=[author_id])
    application = relationship("Application")

    @property
    def is_submitted(self) -> bool:
        return self.status == ScorecardStatus.SUBMITTED


class ScorecardSummary(db.Model):
    """The submitted scorecards of one application: how many, their average recommendation."""

    __tablename__ = "scorecard_summaries"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"),
                                                primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    average: Mapped[float | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def awaiting_own(user_id, application_id):
    """SQL: ``user_id`` has a scorecard for ``application_id`` still to submit (asked for or
    a draft). The anti-anchoring rule (``visibility.scorecards_visible_to``) is its negation;
    the list and the board read it as ``ScorecardSummary.hidden`` in their one query."""
    return exists().where(Scorecard.application_id == application_id, Scorecard.author_id == user_id,
                          Scorecard.status != ScorecardStatus.SUBMITTED)


def _viewer_id() -> int | None:
    """The signed-in user's id when a query runs (none outside a request: nothing hidden)."""
    from flask import has_request_context
    from flask_login import current_user

    if not has_request_context() or not getattr(current_user, "is_authenticated", False):
        return None
    return current_user.id


#: Whether the summary is hidden from the user reading it (evaluated when the query runs).
ScorecardSummary.hidden = column_property(awaiting_own(bindparam("scorecard_viewer", callable_=_viewer_id),
                                                       ScorecardSummary.application_id))
ScorecardSummary.application = relationship(
    "Application", backref=backref("scorecard_summary", uselist=False, cascade="all, delete-orphan",
                                   passive_deletes=True))
