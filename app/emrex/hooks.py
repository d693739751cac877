"""Imported at start-up (``register_features``): everything EMREX plugs into the core, in
one place — the stage-entry receiver (the job's trigger stage sends the request), the sweep
steps (reminders, stale attempts and expiry, the registry refresh), the encrypted token, the
list columns, and the staff switch (company panel, navigation). Its recruiter presentation
(card panel, timeline texts, ⋯ action, settings links) is ``app/admin/views/emrex.py``."""

from __future__ import annotations

from flask import render_template, url_for

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


@plugins.staff_company_panel
def _staff_panel(company) -> str:
    """The EMREX block on a staff company page (activation and GPA scale)."""
    return render_template("staff/_emrex_company.html", company=company)


@plugins.staff_section
def _staff_section() -> list[dict]:
    return [{"label": "EMREX", "url": url_for("staff.emrex_registry")}]
