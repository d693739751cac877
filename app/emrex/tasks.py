"""EMREX tasks and sweeper steps."""

from __future__ import annotations

from rq import Retry

from app import background
from app.emrex import services
from app.emrex.models import EmrexRequest
from app.rotation import register_encrypted
from app.sweeper import register_step


def refresh_registry() -> int:
    sync = services.refresh_registry()
    return sync.contact_points


def enqueue_refresh() -> bool:
    return background.enqueue(refresh_registry, queue="emrex", job_id="emrex-registry-refresh", retry=Retry(max=3, interval=[30, 120, 300]),
                              job_timeout=120, failure_ttl=7 * 24 * 3600)


@register_step("emrex_reminders")
def _reminders() -> int:
    return services.send_due_reminders()


@register_step("emrex_attempts")
def _attempts() -> int:
    return services.close_stale_attempts() + services.expire_requests()


@register_step("emrex_registry")
def _registry() -> int:
    if services.registry_due():
        return 1 if enqueue_refresh() else 0
    return 0


register_encrypted(EmrexRequest, "token_encrypted", lambda row: services.TOKEN_PURPOSE)
