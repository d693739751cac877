from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    or_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import today, utcnow
from app.extensions import db

#: The stages of a new job or job template without stages of its own, in English: they are
#: created named in the company's default language (``app.jobs.services.default_stages``),
#: and from then on they are the company's data, to rename as it likes.
DEFAULT_STAGES = [
    ("New", "normal"),
    ("In progress", "normal"),
    ("Interview", "normal"),
    ("Offer", "normal"),
    ("Hired", "hired"),
    ("Rejected", "rejected"),
]


class JobStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "temporary", "internship"]
WORKPLACES = ["onsite", "hybrid", "remote"]
SALARY_PERIODS = ["hour", "month", "year"]


job_team = Table(
    "job_team",
    db.metadata,
    Column("job_id", ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class JobFields:
    """Fields a job and a job template share (a template is a job's blueprint)."""

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    employment_type: Mapped[str] = mapped_column(String(32), default="full_time")
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
    salary_currency: Mapped[str] = mapped_column(String(3), default="EUR")
    salary_period: Mapped[str] = mapped_column(String(8), default="month", server_default="month")
    department: Mapped[str] = mapped_column(String(120), default="", server_default="")
    workplace: Mapped[str] = mapped_column(String(16), default="onsite", server_default="onsite")
    # Per-integration settings keyed by integration ("emrex", "assessments", ...).
    integration_settings: Mapped[dict | None] = mapped_column(JSON, default=None)


#: The fields a job copies from its template and the job forms edit (integration settings apart).
SHARED_FIELDS = ("title", "description", "location", "employment_type", "salary_min", "salary_max",
                 "salary_currency", "salary_period", "department", "workplace")


class JobTemplate(JobFields, db.Model):
    __tablename__ = "job_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    stages: Mapped[list[Stage]] = relationship(
        primaryjoin="Stage.template_id == JobTemplate.id", order_by="Stage.position",
        cascade="all, delete-orphan", overlaps="job,stages",
    )
    automations: Mapped[list[Automation]] = relationship(
        primaryjoin="Automation.template_id == JobTemplate.id", cascade="all, delete-orphan",
        overlaps="automations",
    )


class Job(JobFields, db.Model):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_company_status", "company_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    deadline: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.DRAFT)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("job_templates.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    company = relationship("Company")
    owner = relationship("User", foreign_keys=[owner_id])
    team = relationship("User", secondary=job_team, order_by="User.name")
    stages: Mapped[list[Stage]] = relationship(
        primaryjoin="Stage.job_id == Job.id", order_by="Stage.position",
        cascade="all, delete-orphan", back_populates="job",
    )
    automations: Mapped[list[Automation]] = relationship(
        primaryjoin="Automation.job_id == Job.id", cascade="all, delete-orphan",
    )

    @hybrid_property
    def is_open(self) -> bool:
        """The one rule for "does this job take applications?": published, and its deadline
        (if any) not passed. The careers page, the apply form, TopCV postings and applicants,
        and the Pending pool all ask this (``Job.is_open`` in a query, ``job.is_open`` on a row)."""
        return self.status == JobStatus.PUBLISHED.value and (self.deadline is None or self.deadline >= today())

    @is_open.inplace.expression
    @classmethod
    def _is_open_expression(cls):
        return cls.open_on(today())

    @classmethod
    def open_on(cls, day):
        """``Job.is_open`` in a query for the date ``day`` (a value or a bound parameter: a
        statement built once takes today's date per call)."""
        return and_(cls.status == JobStatus.PUBLISHED.value, or_(cls.deadline.is_(None), cls.deadline >= day))

    @property
    def first_stage(self) -> Stage | None:
        return self.stages[0] if self.stages else None

    def notify_users(self) -> list:
        """Owner plus team, once each: the people who get this job's notifications."""
        people = ([self.owner] if self.owner else []) + list(self.team)
        seen, out = set(), []
        for person in people:
            if person.id not in seen and person.is_enabled:
                seen.add(person.id)
                out.append(person)
        return out


class Stage(db.Model):
    """A pipeline stage of a job, or of a job template (exactly one of the two)."""

    __tablename__ = "stages"
    __table_args__ = (
        CheckConstraint("(job_id IS NULL) <> (template_id IS NULL)", name="ck_stage_owner"),
        Index("ix_stages_job_position", "job_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("job_templates.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    # normal | hired | rejected — entering hired/rejected closes the application.
    kind: Mapped[str] = mapped_column(String(16), default="normal")

    job: Mapped[Job | None] = relationship(back_populates="stages", foreign_keys=[job_id])

    @property
    def closes_application(self) -> bool:
        return self.kind in ("hired", "rejected")


class Automation(db.Model):
    """When an application enters ``stage``: send ``email_template`` and/or move it to
    ``move_to_stage`` (at once, or ``delay_days`` later through a swept due date)."""

    __tablename__ = "automations"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("job_templates.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    email_template_id: Mapped[int | None] = mapped_column(ForeignKey("email_templates.id", ondelete="SET NULL"))
    move_to_stage_id: Mapped[int | None] = mapped_column(ForeignKey("stages.id", ondelete="SET NULL"))
    delay_days: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    stage = relationship("Stage", foreign_keys=[stage_id])
    move_to_stage = relationship("Stage", foreign_keys=[move_to_stage_id])
    email_template = relationship("EmailTemplate")


class AutomationRun(db.Model):
    """One automation acting on one stage entry. The unique key makes each run happen once;
    a delayed move waits here with ``due_at`` until the sweeper performs it."""

    __tablename__ = "automation_runs"
    __table_args__ = (UniqueConstraint("automation_id", "stage_entry_id", name="uq_automation_run"),
                      Index("ix_automation_runs_due", "done_at", "due_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    automation_id: Mapped[int] = mapped_column(ForeignKey("automations.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    stage_entry_id: Mapped[int] = mapped_column(ForeignKey("stage_entries.id", ondelete="CASCADE"))
    due_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(32))
    data: Mapped[dict | None] = mapped_column(JSON, default=None)
