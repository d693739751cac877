"""Imported at start-up (``register_features``): what privacy plugs into the core — the
retention sweep step."""

from __future__ import annotations

from app.plugins import plugins
from app.privacy import services


@plugins.sweep_step("retention")
def _retention() -> int:
    return services.sweep_retention()
