"""Interviews, their interviewers, the busy rows that make a double booking impossible, and
each user's weekly availability."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class InterviewStatus(enum.StrEnum):
    """draft (no time yet) → awaiting (a self-scheduling link is out) → booked → done;
    booked ↔ awaiting on a candidate's reschedule; cancelled from any open state."""

    DRAFT = "draft"
    AWAITING = "awaiting"
    BOOKED = "booked"
    CANCELLED = "cancelled"


OPEN_STATES = (InterviewStatus.DRAFT, InterviewStatus.AWAITING, InterviewStatus.BOOKED)


class InterviewKind(enum.StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"


class Interview(db.Model):
    """One interview of one application. ``starts_at``/``ends_at`` are naive UTC (None until
    booked); ``sequence`` is the iCalendar SEQUENCE, raised on every reschedule and on the
    cancel; ``uid`` stays the same for the interview's whole life."""

    __tablename__ = "interviews"
    __table_args__ = (Index("ix_interviews_reminder", "status", "remind_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16), default=InterviewKind.VIDEO)
    duration_minutes: Mapped[int] = mapped_column(default=45)
    location: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default=InterviewStatus.DRAFT)
    uid: Mapped[str] = mapped_column(String(120), unique=True)
    sequence: Mapped[int] = mapped_column(default=0)
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    #: The self-scheduling link: sha256 of the token, and until when it works.
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    link_expires_at: Mapped[datetime | None]
    #: The zone the candidate last chose on the scheduling page (their invitation's times).
    candidate_timezone: Mapped[str | None] = mapped_column(String(64))
    remind_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    cause: Mapped[str] = mapped_column(String(16), default="manual")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]

    application = relationship("Application", backref=backref("interviews", order_by="Interview.id",
                                                              cascade="all, delete-orphan"))
    stage = relationship("Stage")
    interviewers: Mapped[list[InterviewInterviewer]] = relationship(
        back_populates="interview", order_by="InterviewInterviewer.id", cascade="all, delete-orphan")

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


class InterviewInterviewer(db.Model):
    """A team member on an interview. ``removed_at``: they left the team (disabled) after it
    was booked; the interview stays and the card flags it."""

    __tablename__ = "interview_interviewers"
    __table_args__ = (UniqueConstraint("interview_id", "user_id", name="uq_interview_interviewer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    interview: Mapped[Interview] = relationship(back_populates="interviewers")
    user = relationship("User")


class InterviewerBusy(db.Model):
    """The DB-level guarantee against a double booking: one row per (interviewer, start) of a
    booked interview. Two bookings of the same slot by two connections both insert the same
    (user_id, starts_at); the unique key lets exactly one commit, on SQLite and PostgreSQL."""

    __tablename__ = "interviewer_busy"
    __table_args__ = (UniqueConstraint("user_id", "starts_at", name="uq_interviewer_busy_slot"),
                      Index("ix_interviewer_busy_range", "user_id", "starts_at", "ends_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]


class Availability(db.Model):
    """A user's weekly hours, in their own time zone: ``weekly`` maps weekday ("0" = Monday)
    to ``[["09:00", "12:00"], …]``; ``blocked`` is a list of ``[start, end]`` ISO local
    date-times (holidays, a dentist). No row: not available for self-scheduling."""

    __tablename__ = "user_availability"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    weekly: Mapped[dict] = mapped_column(JSON, default=dict)
    blocked: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class InterviewPlan(db.Model):
    """A job's interview automation: when an application enters ``stage_id``, an interview
    of this kind, duration and interviewers is created and the candidate is sent a
    self-scheduling link. One per job."""

    __tablename__ = "interview_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), unique=True)
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16), default=InterviewKind.VIDEO)
    duration_minutes: Mapped[int] = mapped_column(default=45)
    interviewer_ids: Mapped[list] = mapped_column(JSON, default=list)
    location: Mapped[str] = mapped_column(String(500), default="")
    is_active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
