"""Imported at start-up: the retention sweep step."""

from __future__ import annotations

from app.privacy import services
from app.sweeper import register_step


@register_step("retention")
def _retention() -> int:
    return services.sweep_retention()
