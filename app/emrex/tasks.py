"""EMREX tasks (the sweep steps that run them are wired in ``app/emrex/hooks.py``)."""

from __future__ import annotations

from rq import Retry

from app import background
from app.emrex import services


def refresh_registry() -> int:
    sync = services.refresh_registry()
    return sync.contact_points


def enqueue_refresh() -> bool:
    return background.enqueue(refresh_registry, queue="emrex", job_id="emrex-registry-refresh", retry=Retry(max=3, interval=[30, 120, 300]),
                              job_timeout=120, failure_ttl=7 * 24 * 3600)
