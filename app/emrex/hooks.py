"""Imported at start-up (``register_features``): everything EMREX plugs into the core, in
one place — the stage-entry receiver (the job's trigger stage sends the request), the sweep
steps (reminders, stale attempts and expiry, the registry refresh), the encrypted token and the
list columns. Its recruiter presentation (card panel, timeline texts, ⋯ action, settings
links) is ``app/admin/views/emrex.py``; its staff presentation (company switch, navigation)
``app/staff/emrex_panel.py``."""

from __future__ import annotations

from app.emrex import columns, services, tasks
from app.emrex.models import EmrexRequest
from app.emrex.services import invites
from app.jobs.events import stage_entered
from app.plugins import plugins

stage_entered.connect(invites.on_stage_entered)

for column in columns.COLUMNS:  # status, institution, degree, credits, GPA
    plugins.list_column(column)

plugins.encrypted(EmrexRequest, "token_encrypted", lambda row: services.TOKEN_PURPOSE)


@plugins.sweep_step("emrex_reminders")
def _reminders() -> int:
    return services.send_due_reminders()


@plugins.sweep_step("emrex_attempts")
def _attempts() -> int:
    return services.close_stale_attempts() + services.expire_requests()


@plugins.sweep_step("emrex_registry")
def _registry() -> int:
    if services.registry_due():
        return 1 if tasks.enqueue_refresh() else 0
    return 0

plugins.chip_badge(columns.CHIP_BADGE)  # the summary's status on the board's chips
