"""Imported at start-up, last (``register_features``): what the applications feature plugs
into the core — its receivers of the core's signals (a failed email shows on the card; a job
or stage with applications is in use) and the automations (the due-run sweep step, and the
stage-entry receiver, connected after every feature's so an integration that triggers on a
stage sees the entry before an automation moves the application on), and the rejection's
receivers (an application leaving its rejected stage is no longer rejected; a new company
starts with the default reasons). The core list columns
are registered in ``columns.py``, next to their class."""

from __future__ import annotations

from app.accounts.events import company_created
from app.applications import automations, counts, rejections, scopes, services  # noqa: F401 (counts, scopes: register)
from app.jobs.events import entry_read, job_in_use, stage_entered, stage_in_use
from app.messaging.events import email_failed
from app.plugins import plugins

email_failed.connect(services.on_email_failed)
job_in_use.connect(services.job_has_applications)
stage_in_use.connect(services.stage_has_applications)
company_created.connect(rejections.on_company_created)  # the default rejection reasons
stage_entered.connect(rejections.on_stage_entered)  # leaving a rejection clears it, withdraws its email


@plugins.sweep_step("automations")
def _due() -> int:
    return automations.run_due_automations()


stage_entered.connect(automations.schedule_automations)  # last: see above
entry_read(automations.ON_STAGE, automations.on_stage)  # apply asks it with the first stage
