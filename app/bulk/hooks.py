"""Imported at start-up (``register_features``): the bulk actions' sweep step, which enqueues
again a bulk action whose task was lost (deferred while Redis was down, or its worker killed)."""

from __future__ import annotations

from app.bulk import services
from app.plugins import plugins


@plugins.sweep_step("bulk_stalled")
def _stalled() -> int:
    return services.requeue_stalled()
