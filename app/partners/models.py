from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class IntegrationStatus(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"
    CONFIGURED = "configured"
    ERROR = "error"
    DISCONNECTED = "disconnected"


class DeliveryState(enum.StrEnum):
    """A partner call's state in the delivery log (see PartnerDelivery)."""

    # inbound: received → processing → processed | ignored | failed
    RECEIVED = "received"
    PROCESSING = "processing"
    PROCESSED = "processed"
    IGNORED = "ignored"
    # outbound: pending → running → ok | failed | retrying | dead
    PENDING = "pending"
    RUNNING = "running"
    OK = "ok"
    RETRYING = "retrying"
    DEAD = "dead"
    FAILED = "failed"  # either way


class PartnerIntegration(db.Model):
    """One company × partner product (TopCV job board; each Alva product)."""

    __tablename__ = "partner_integrations"
    __table_args__ = (UniqueConstraint("company_id", "vendor", "product", name="uq_partner_integration"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    vendor: Mapped[str] = mapped_column(String(32))  # topcv | alva
    product: Mapped[str] = mapped_column(String(32))  # job_board | personality_logic | coding | interviews
    # Appears in every inbound URL; never the row id.
    external_id: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    is_active: Mapped[bool] = mapped_column(default=True)
    api_key_enc: Mapped[str | None] = mapped_column(Text)
    signing_secret_enc: Mapped[str | None] = mapped_column(Text)
    # While rotating, the previous secret still verifies inbound calls.
    previous_signing_secret_enc: Mapped[str | None] = mapped_column(Text)
    api_key_hint: Mapped[str | None] = mapped_column(String(16))  # last characters, for display
    status: Mapped[str] = mapped_column(String(16), default=IntegrationStatus.NOT_CONFIGURED)
    status_detail: Mapped[str | None] = mapped_column(String(500))
    vendor_account_ref: Mapped[str | None] = mapped_column(String(200))
    account_name: Mapped[str | None] = mapped_column(String(200))
    # Cached vendor data (e.g. the list of tests) with the time it was fetched.
    cache: Mapped[dict | None] = mapped_column(JSON, default=None)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    company = relationship("Company")

    @property
    def has_keys(self) -> bool:
        return bool(self.api_key_enc or self.signing_secret_enc)


class PartnerDelivery(db.Model):
    """One call, either way, in the delivery log.

    Inbound (``direction == "in"``): the raw signed event, unique per integration and
    ``webhook-id``; states ``received → processing → processed | ignored | failed``.
    Outbound: a call Haku makes; states ``pending → running → ok | failed | retrying | dead``.
    """

    __tablename__ = "partner_deliveries"
    __table_args__ = (
        UniqueConstraint("integration_id", "webhook_id", name="uq_partner_delivery_webhook"),
        Index("ix_partner_deliveries_company_created", "company_id", "created_at"),
        Index("ix_partner_deliveries_state_due", "state", "next_retry_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index of its own: ix_partner_deliveries_company_created starts with it
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    integration_id: Mapped[int] = mapped_column(ForeignKey("partner_integrations.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    type: Mapped[str] = mapped_column(String(64))
    webhook_id: Mapped[str | None] = mapped_column(String(200))  # inbound idempotency key
    state: Mapped[str] = mapped_column(String(16))
    # What the call was about: {"posting_id": 3}, {"order_id": 9}, a short request summary.
    target: Mapped[dict | None] = mapped_column(JSON, default=None)
    summary: Mapped[str | None] = mapped_column(String(500))
    body: Mapped[str | None] = mapped_column(Text)  # inbound: the raw body as received
    status_code: Mapped[int | None]
    latency_ms: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(String(1000))
    attempts: Mapped[int] = mapped_column(default=0)
    next_retry_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    integration = relationship("PartnerIntegration")

    @property
    def replayable(self) -> bool:
        """Failed or dead, and something Haku can run again (not a check made while a
        person waited, such as validating keys)."""
        from app.partners.vendors import outbound_handler

        if self.state not in (DeliveryState.FAILED, DeliveryState.DEAD):
            return False
        if self.direction == "in":
            return True
        return outbound_handler(self.type) is not None
