from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.clock import utcnow
from app.extensions import db


def email_match_key(email: str | None) -> str | None:
    """The key under which two addresses are *suggested* as one person: lower case, the
    local part without dots and without a ``+tag`` (gmail-style). Never used to attach an
    application to a person; only to show recruiters a possible duplicate."""
    value = (email or "").strip().lower()
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        return value[:254] or None
    local = local.split("+", 1)[0].replace(".", "")
    if domain == "googlemail.com":
        domain = "gmail.com"
    return f"{local}@{domain}"[:254] if local else None


class ApplicationStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    PENDING = "pending"  # waiting in the company's Pending pool
    DISMISSED = "dismissed"  # rejected from the Pending pool


class Candidate(db.Model):
    __tablename__ = "candidates"
    __table_args__ = (
        Index("ix_candidates_company_email", "company_id", "email_normalized"),
        Index("ix_candidates_company_phone", "company_id", "phone_normalized"),
        Index("ix_candidates_company_email_key", "company_id", "email_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    given_names: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    # The name as the source gave it, whole, when that is how it came (a job board's one
    # full-name field: Vietnamese names put the family name first). Shown instead of
    # "given family", which would reorder it.
    display_name: Mapped[str | None] = mapped_column(String(400))
    email: Mapped[str | None] = mapped_column(String(254))
    email_normalized: Mapped[str | None] = mapped_column(String(254))
    # email_match_key(email), kept in step by the validator below: possible duplicates only.
    email_key: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_normalized: Mapped[str | None] = mapped_column(String(40))
    locale: Mapped[str] = mapped_column(String(5), default="en")
    # Set when a name came from a source that does not verify it (e.g. a job board split).
    name_unverified: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    applications: Mapped[list[Application]] = relationship(back_populates="candidate")

    @property
    def full_name(self) -> str:
        return self.display_name or f"{self.given_names} {self.family_name}".strip()

    @validates("email")
    def _keep_email_key(self, _key: str, value: str | None) -> str | None:
        self.email_key = email_match_key(value)
        return value


class StoredFile(db.Model):
    """A file kept outside the web root under a generated name; served as an attachment."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    storage_key: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Application(db.Model):
    __tablename__ = "applications"
    __table_args__ = (
        Index("ix_applications_company_created", "company_id", "created_at", "id"),
        Index("ix_applications_company_status_created", "company_id", "status", "created_at", "id"),
        # The board: a stage's newest first, and "show more" after a keyset (app/applications/board.py).
        Index("ix_applications_board", "job_id", "stage_id", "stage_entered_at", "id",
              postgresql_include=["company_id"]),
        Index("ix_applications_dedupe", "company_id", "candidate_id", "job_id"),
        # Reports (app/reports): the rejections of a date range.
        Index("ix_applications_company_rejected", "company_id", "rejected_at"),
        UniqueConstraint("company_id", "source", "source_ref", name="uq_applications_source_ref"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # active_history on the four columns the kept counts are keyed on (app/applications/counts.py):
    # setting one that is not loaded loads its old value first, so the flush knows what to take off.
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True, active_history=True)
    # Opaque reference for partners; never the row id.
    ref: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    # No job means the application waits in the company's Pending pool.
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), active_history=True)
    stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id"), active_history=True)
    source: Mapped[str] = mapped_column(String(32), default="careers")
    # The source's own id of this application (e.g. TopCV's board_application_id).
    source_ref: Mapped[str | None] = mapped_column(String(100))
    # ``source`` "link": the job's share link it came through; "referral": the team member who
    # referred the person (app/applications/sources.py).
    source_link_id: Mapped[int | None] = mapped_column(ForeignKey("source_links.id", ondelete="SET NULL"),
                                                       index=True)
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default=ApplicationStatus.OPEN, active_history=True)
    closed_at: Mapped[datetime | None]
    cover_letter: Mapped[str] = mapped_column(Text, default="")
    cv_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    consent_text_version: Mapped[str | None] = mapped_column(String(32))
    consent_at: Mapped[datetime | None]
    # A candidate added by a recruiter (``source`` "manual" or "referral") gave no consent on
    # the careers form: the legal basis the recruiter recorded (``sources.LEGAL_BASES``).
    consent_basis: Mapped[str | None] = mapped_column(String(32))
    pending_reason: Mapped[str | None] = mapped_column(String(255))
    pending_data: Mapped[dict | None] = mapped_column(JSON, default=None)
    email_failed: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    stage_entered_at: Mapped[datetime | None]
    # Set by a rejection through the reject dialog (app/applications/rejections.py); empty for
    # a rejection before reasons existed or by an automation ("no reason recorded").
    rejection_reason_id: Mapped[int | None] = mapped_column(ForeignKey("rejection_reasons.id", ondelete="SET NULL"),
                                                            index=True)
    rejection_note: Mapped[str | None] = mapped_column(Text)
    rejected_at: Mapped[datetime | None]
    rejected_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The last news on the application for the team (a reply, a transcript, a result, a note):
    # set by ``services.add_event(..., activity=True)``; the board marks a chip whose news is
    # newer than the user's ``ApplicationView`` (and not their own doing).
    last_activity_at: Mapped[datetime | None]
    last_activity_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    job = relationship("Job")
    stage = relationship("Stage")
    cv_file = relationship("StoredFile")
    rejection_reason = relationship("RejectionReason")
    rejected_by = relationship("User", foreign_keys=[rejected_by_id])
    last_activity_by = relationship("User", foreign_keys=[last_activity_by_id], viewonly=True)
    source_link = relationship("SourceLink", viewonly=True)
    referred_by = relationship("User", foreign_keys=[referred_by_id], viewonly=True)
    # The company's tags on this application (app/applications/tags.py), by name.
    tags = relationship("Tag", secondary="application_tags", order_by="Tag.name_key", viewonly=True)

    @property
    def is_open(self) -> bool:
        return self.status == ApplicationStatus.OPEN


class SourceLink(db.Model):
    """A job's named share link ("LinkedIn", "University fair"): its address carries
    ``?src=<code>`` from the job page to the apply form, and the applications that came through
    it record it (``Application.source_link_id``). Archived, it stops counting new ones (the
    code then reads as the careers page) and keeps its old applications."""

    __tablename__ = "source_links"
    __table_args__ = (Index("ix_source_links_job", "company_id", "job_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    code: Mapped[str] = mapped_column(String(16), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived: Mapped[bool] = mapped_column(default=False)

    created_by = relationship("User", viewonly=True)


class ApplicationCount(db.Model):
    """How many applications a company has per job, stage and status (``job_id`` and
    ``stage_id`` 0 for none: the Pending pool): the dashboard's and the board's figures
    without counting rows on each view. Kept by ``app/applications/counts.py`` in the
    transaction of every change of an application's company, job, stage or status (one flush
    hook, and its upsert in the statement of an application inserted as a plain row), never
    written anywhere else; the migration and ``counts.rebuild`` recompute it from
    the applications."""
    __tablename__ = "application_counts"

    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True)
    job_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # no FK: 0 is the pool
    stage_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # no FK: 0 is none
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
class ApplicationReviewer(db.Model):
    """A team member asked to review an application ("Ask to review…" on the card): an
    interviewer sees the applications they are asked to review (app/accounts/access.py, the
    first ``plugins.interviewer_source``)."""

    __tablename__ = "application_reviewers"
    __table_args__ = (Index("ix_application_reviewers_user", "user_id", "application_id"),)

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user = relationship("User", foreign_keys=[user_id])


class RejectionReason(db.Model):
    """Why a company rejects an application ("Not qualified", "Withdrew", …): the company's own
    list, created from ``rejections.DEFAULT_REASONS`` in its language and then edited by its
    admins. A reason in use is deactivated, never deleted, so old rejections keep their words.
    ``key`` marks a default (one per company, so creating the defaults twice is harmless)."""

    __tablename__ = "rejection_reasons"
    __table_args__ = (UniqueConstraint("company_id", "key", name="uq_rejection_reasons_key"),
                      Index("ix_rejection_reasons_company_position", "company_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    key: Mapped[str | None] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Tag(db.Model):
    """A company-wide label recruiters put on applications ("Senior", "Relocation"), with a
    colour from the fixed palette (``tags.PALETTE``). Names are unique per company whatever
    their case (``name_key``)."""

    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("company_id", "name_key", name="uq_tags_company_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    name_key: Mapped[str] = mapped_column(String(60))
    colour: Mapped[str] = mapped_column(String(16), default="grey")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApplicationTag(db.Model):
    """One tag on one application."""

    __tablename__ = "application_tags"
    __table_args__ = (Index("ix_application_tags_tag", "tag_id", "application_id"),)

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StageEntry(db.Model):
    """One entry of an application into a stage: the event features subscribe to."""

    __tablename__ = "stage_entries"
    # Reports (app/reports): the entries into hired stages (time to hire, hires by source) and
    # the entries of a date range (time in each stage).
    __table_args__ = (Index("ix_stage_entries_stage", "stage_id", "application_id", "entered_at"),
                      Index("ix_stage_entries_company_entered", "company_id", "entered_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    from_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id", ondelete="SET NULL"))
    # person | apply | automation | import
    cause: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)

    stage = relationship("Stage", foreign_keys=[stage_id])


class ApplicationView(db.Model):
    """When a user last opened an application's card: one row per (user, application), written
    on opening; the board compares it with ``Application.last_activity_at``."""
    __tablename__ = "application_views"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True,
                                                index=True)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class TimelineEvent(db.Model):
    __tablename__ = "timeline_events"
    __table_args__ = (Index("ix_timeline_application", "application_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(48))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    data: Mapped[dict | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor = relationship("User")


class BulkStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    FINISHED = "finished"


class BulkOutcome(enum.StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"


class BulkAction(db.Model):
    """One bulk action on a selection of the applications list (move, reject, email): what was
    chosen, the applications it covers (``ids``, resolved from the checked rows or the filter
    when it was started, always of its company) and its progress. A small selection runs in the
    request; a large one as a task (``applications.tasks.run_bulk``) that the list shows with a
    progress bar until it is finished."""

    __tablename__ = "bulk_actions"
    __table_args__ = (Index("ix_bulk_actions_company_status", "company_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(16))  # move | reject | email
    params: Mapped[dict] = mapped_column(JSON, default=dict)  # stage name, reason, template, filter …
    ids: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=BulkStatus.QUEUED)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    skipped: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    #: the last progress (written, started, each application handled): the sweeper enqueues an
    #: unfinished one again when this is old (its task lost with Redis, or its worker killed)
    touched_at: Mapped[datetime | None] = mapped_column(default=utcnow)

    @property
    def processed(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.processed * 100 // self.total)


class BulkItem(db.Model):
    """One application's outcome in a bulk action, written in the same commit as the change
    itself: a retried task finds it and neither moves nor emails twice."""

    __tablename__ = "bulk_items"

    bulk_id: Mapped[int] = mapped_column(ForeignKey("bulk_actions.id", ondelete="CASCADE"), primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16))  # a BulkOutcome
    detail: Mapped[str | None] = mapped_column(String(64))
