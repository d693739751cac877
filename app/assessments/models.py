"""Assessment orders and results (PARTNERS.md §2).

An integration is a ``PartnerIntegration`` with ``vendor == "alva"`` and one of the
``PRODUCTS``; an order is one test sent to one candidate for one application.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db

__all__ = ["AssessmentOrder", "AssessmentStatus", "AssessmentSummary"]

VENDOR = "alva"
PRODUCTS = {
    "personality_logic": "Alva personality & logic test",
    "coding": "Alva Coding",
    "interviews": "Alva Interviews",
}


class AssessmentStatus(enum.StrEnum):
    """An order's status (and its application's summary row's: the latest order's)."""

    PENDING = "pending"  # Haku has not sent it yet
    INVITED = "invited"
    STARTED = "started"
    COMPLETE = "complete"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    ERROR = "error"
    FAILED = "failed"  # Haku's own: the send failed


ORDER_STATUSES = tuple(AssessmentStatus)
OPEN_STATUSES = (AssessmentStatus.PENDING, AssessmentStatus.INVITED, AssessmentStatus.STARTED)
# What the vendor reports (test_status.partner_status); "failed" is Haku's own (the send failed).
PARTNER_STATUSES = (AssessmentStatus.INVITED, AssessmentStatus.STARTED, AssessmentStatus.COMPLETE,
                    AssessmentStatus.EXPIRED, AssessmentStatus.CANCELLED, AssessmentStatus.ERROR)


class AssessmentOrder(db.Model):
    """One test sent (or being sent) to the candidate of one application.

    ``open_key`` is ``"<application>:<integration>:<test>"`` while the order is open and
    NULL once it is finished, so the database itself refuses a second open order for the
    same application and test.
    """

    __tablename__ = "assessment_orders"
    __table_args__ = (
        UniqueConstraint("open_key", name="uq_assessment_orders_open_key"),
        UniqueConstraint("integration_id", "partner_interview_id", name="uq_assessment_orders_interview"),
        Index("ix_assessment_orders_application", "company_id", "application_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    integration_id: Mapped[int] = mapped_column(ForeignKey("partner_integrations.id", ondelete="CASCADE"))
    partner_test_id: Mapped[str] = mapped_column(String(100))
    partner_test_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default=AssessmentStatus.PENDING)
    # Why the order failed (the vendor's own message), shown on the card.
    status_detail: Mapped[str | None] = mapped_column(String(1000))
    cause: Mapped[str] = mapped_column(String(16), default="manual")  # manual | trigger
    partner_interview_id: Mapped[str | None] = mapped_column(String(100))
    candidate_url: Mapped[str | None] = mapped_column(String(1000))
    score: Mapped[float | None]
    max_score: Mapped[float | None]
    sub_scores: Mapped[list | None] = mapped_column(JSON, default=None)
    profile_url: Mapped[str | None] = mapped_column(String(1000))
    result_card: Mapped[dict | None] = mapped_column(JSON, default=None)
    vendor_metadata: Mapped[dict | None] = mapped_column("metadata", JSON, default=None)
    moved_on_score: Mapped[bool] = mapped_column(default=False)
    open_key: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    invited_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    integration = relationship("PartnerIntegration")
    application = relationship("Application")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def product_name(self) -> str:
        return PRODUCTS.get(self.integration.product, self.integration.product) if self.integration else ""


class AssessmentSummary(db.Model):
    """One row per application with assessment activity: the latest order's status and
    score, which the list columns show, sort and filter by in the list's one query."""

    __tablename__ = "assessment_summaries"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("assessment_orders.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), index=True)
    score: Mapped[float | None] = mapped_column(index=True)
    max_score: Mapped[float | None]

    application = relationship("Application", backref=backref("assessment_summary", uselist=False,
                                                              cascade="all, delete-orphan"))
