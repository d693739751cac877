"""EMREX: the registry cache, requests to candidates, hand-off attempts, transcripts."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.clock import utcnow
from app.emrex.identity import IdentityMatch
from app.extensions import db


class EmrexRequestStatus(enum.StrEnum):
    """pending → sent → opened → in_progress → completed | cancelled | expired"""

    PENDING = "pending"
    SENT = "sent"
    OPENED = "opened"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class EmrexSummaryStatus(enum.StrEnum):
    """What the list shows for an application: its request's status, or ``held`` (the
    newest transcript waits for review) or ``discarded`` (a recruiter discarded it)."""

    PENDING = "pending"
    SENT = "sent"
    OPENED = "opened"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    HELD = "held"
    DISCARDED = "discarded"


class AttemptOutcome(enum.StrEnum):
    """How a hand-off to a contact point ended (``open`` until it returns or is abandoned)."""

    OPEN = "open"
    IMPORTED = "imported"
    CANCELLED = "cancelled"
    NO_RESULTS = "no_results"
    ERROR = "error"
    REJECTED = "rejected"
    LATE = "late"
    ABANDONED = "abandoned"


OPEN_STATES = (EmrexRequestStatus.PENDING, EmrexRequestStatus.SENT, EmrexRequestStatus.OPENED,
               EmrexRequestStatus.IN_PROGRESS)
TERMINAL_STATES = (EmrexRequestStatus.COMPLETED, EmrexRequestStatus.CANCELLED, EmrexRequestStatus.EXPIRED)


class Review(enum.StrEnum):
    """Whether a transcript counts for its application. ``held``: the identity check said
    mismatch (a forwarded invite link, or a typo), so it stays out of the candidate's
    export, the list columns and the GPA until a recruiter accepts or discards it."""

    CLEAR = "clear"
    HELD = "held"
    ACCEPTED = "accepted"
    DISCARDED = "discarded"


COUNTED_REVIEWS = (Review.CLEAR, Review.ACCEPTED)


def _initial_review(context) -> str:
    """Fail closed: a transcript stored without a review state is held unless its identity
    check passed."""
    identity = context.get_current_parameters().get("identity_status")
    return Review.CLEAR if identity in (IdentityMatch.MATCH, IdentityMatch.PARTIAL) else Review.HELD


class EmrexCountry(db.Model):
    __tablename__ = "emrex_countries"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    single_fetch: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class EmrexContactPoint(db.Model):
    """A contact point (EMP) from the registry. Identified by its URL; the certificates are
    the only ones a transcript from it may be signed with."""

    __tablename__ = "emrex_contact_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500), unique=True)
    acronym: Mapped[str] = mapped_column(String(100), default="")
    name: Mapped[str] = mapped_column(String(300), default="")
    country_code: Mapped[str] = mapped_column(String(8), index=True)
    institutions: Mapped[list] = mapped_column(JSON, default=list)
    certificates: Mapped[list] = mapped_column(JSON, default=list)  # PEM strings
    source: Mapped[str] = mapped_column(String(16), default="emreg")  # emreg | ewp
    is_active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def display_name(self) -> str:
        return self.name or ", ".join(self.institutions or []) or self.acronym or self.url


class EmrexRegistrySync(db.Model):
    """One refresh of the registry: when, from where, what came of it."""

    __tablename__ = "emrex_registry_syncs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    ok: Mapped[bool] = mapped_column(default=False)
    contact_points: Mapped[int] = mapped_column(default=0)
    detail: Mapped[str] = mapped_column(Text, default="")


class EmrexRequest(db.Model):
    """A request to a candidate to transfer study records into one application."""

    __tablename__ = "emrex_requests"
    __table_args__ = (Index("ix_emrex_requests_due", "status", "next_reminder_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=EmrexRequestStatus.PENDING)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    token_encrypted: Mapped[str | None] = mapped_column(Text)
    email_template_id: Mapped[int | None] = mapped_column(ForeignKey("email_templates.id", ondelete="SET NULL"))
    reminders_enabled: Mapped[bool] = mapped_column(default=True)
    reminders_sent: Mapped[int] = mapped_column(default=0)
    next_reminder_at: Mapped[datetime | None]
    sends: Mapped[int] = mapped_column(default=0)
    stated_birth_date: Mapped[date | None]  # the candidate's own statement, for the identity check
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    cause: Mapped[str] = mapped_column(String(16), default="manual")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    opened_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]

    application = relationship("Application", backref=backref("emrex_requests", order_by="EmrexRequest.id",
                                                              cascade="all, delete-orphan"))
    attempts: Mapped[list[EmrexAttempt]] = relationship(back_populates="request", order_by="EmrexAttempt.id",
                                                        cascade="all, delete-orphan")
    events: Mapped[list[EmrexRequestEvent]] = relationship(order_by="EmrexRequestEvent.id",
                                                           cascade="all, delete-orphan")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


class EmrexAttempt(db.Model):
    """One hand-off to a contact point and its return. ``session_id`` is single use and
    valid for 15 minutes; the certificates are a snapshot of the registry at hand-off."""

    __tablename__ = "emrex_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("emrex_requests.id", ondelete="CASCADE"), index=True)
    contact_point_id: Mapped[int | None] = mapped_column(ForeignKey("emrex_contact_points.id", ondelete="SET NULL"))
    emp_url: Mapped[str] = mapped_column(String(500))
    emp_name: Mapped[str] = mapped_column(String(300), default="")
    certificates: Mapped[list] = mapped_column(JSON, default=list)
    session_id: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]
    outcome: Mapped[str] = mapped_column(String(16), default=AttemptOutcome.OPEN)
    return_code: Mapped[str | None] = mapped_column(String(40))
    return_message: Mapped[str | None] = mapped_column(String(500))
    #: Why it ended without records, as a code worded when shown (``app.emrex.reasons``);
    #: ``detail`` keeps the English of the moment (older rows have only that).
    reason: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(String(500))

    request: Mapped[EmrexRequest] = relationship(back_populates="attempts")


class EmrexRequestEvent(db.Model):
    """The request's history (sent, reminded, opened, submitted, …); also feeds the funnel."""

    __tablename__ = "emrex_request_events"
    __table_args__ = (Index("ix_emrex_events_request", "request_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("emrex_requests.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str | None] = mapped_column(String(40))  # as EmrexAttempt.reason
    detail: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EmrexTranscript(db.Model):
    """An imported transcript: the raw signed document, what was verified, what it says."""

    __tablename__ = "emrex_transcripts"
    __table_args__ = (UniqueConstraint("attempt_id", name="uq_emrex_transcript_attempt"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("emrex_requests.id", ondelete="CASCADE"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("emrex_attempts.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    raw_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    signature_verified: Mapped[bool] = mapped_column(default=False)
    signature_algorithm: Mapped[str | None] = mapped_column(String(120))
    cert_expired: Mapped[bool] = mapped_column(default=False)
    schema_valid: Mapped[bool] = mapped_column(default=False)
    legacy: Mapped[bool] = mapped_column(default=False)
    identity_status: Mapped[str] = mapped_column(String(16), default=IdentityMatch.MISMATCH)
    identity_detail: Mapped[dict | None] = mapped_column(JSON, default=None)
    review_status: Mapped[str] = mapped_column(String(16), default=_initial_review, server_default=Review.CLEAR.value)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]
    learner: Mapped[dict | None] = mapped_column(JSON, default=None)
    reports: Mapped[list | None] = mapped_column(JSON, default=None)  # parsed tree for display
    institution: Mapped[str | None] = mapped_column(String(300))
    degree: Mapped[str | None] = mapped_column(String(300))
    total_ects: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    gpa: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    gpa_scale: Mapped[str | None] = mapped_column(String(4))
    gpa_detail: Mapped[dict | None] = mapped_column(JSON, default=None)
    # {"issuer": {"picked": …, "document": …, "agrees": bool} | None, "sha1": bool}
    checks: Mapped[dict | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    raw_file = relationship("StoredFile")
    reviewed_by = relationship("User")
    attachments: Mapped[list[EmrexAttachment]] = relationship(cascade="all, delete-orphan",
                                                              order_by="EmrexAttachment.id")

    @property
    def needs_review(self) -> bool:
        return self.review_status == Review.HELD

    @property
    def counts(self) -> bool:
        """Part of the application: exported, in the list columns and the GPA."""
        return self.review_status in COUNTED_REVIEWS


class EmrexAttachment(db.Model):
    __tablename__ = "emrex_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("emrex_transcripts.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(60), default="")

    file = relationship("StoredFile")


class EmrexSummary(db.Model):
    """One row per application with EMREX activity: what the list columns show and sort by
    (kept by the services, so the list stays one query however many columns show)."""

    __tablename__ = "emrex_summaries"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    institution: Mapped[str | None] = mapped_column(String(300))
    degree: Mapped[str | None] = mapped_column(String(300))
    credits_total: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    gpa: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    needs_review: Mapped[bool] = mapped_column(default=False)

    application = relationship("Application", backref=backref("emrex_summary", uselist=False,
                                                              cascade="all, delete-orphan"))
