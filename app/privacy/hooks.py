"""Imported at start-up: the retention sweep step."""

from __future__ import annotations

from app.messaging.sweeper import register_step
from app.privacy import services


@register_step("retention")
def _retention() -> int:
    return services.sweep_retention()
