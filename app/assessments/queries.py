"""Reads of assessment integrations for the staff screens (no writes, no commits)."""

from __future__ import annotations

from app.assessments.models import VENDOR
from app.extensions import db
from app.partners.models import PartnerIntegration


def integration(integration_id: int) -> PartnerIntegration | None:
    """An assessment integration of any company (platform staff); None for another vendor's."""
    row = db.session.get(PartnerIntegration, integration_id)
    return row if row is not None and row.vendor == VENDOR else None
