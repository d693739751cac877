"""Imported at start-up (``register_features``): everything EMREX plugs into the core, in
one place — the stage-entry receiver (the job's trigger stage sends the request), the sweep
steps (reminders, stale attempts and expiry, the registry refresh), the encrypted token and the
list columns. Its recruiter presentation (card panel, timeline texts, ⋯ action, settings
links) is ``app/admin/views/emrex.py``; its staff presentation (company switch, navigation)
``app/staff/emrex_panel.py``."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.access import row_scope
from app.applications.scopes import visible_application_ids
from app.emrex import columns, services, tasks
from app.emrex.models import EmrexAttachment, EmrexRequest, EmrexTranscript
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


# What a hiring manager or interviewer sees of EMREX: the rows of the applications they see
# (app/accounts/access.py; the card's files and transcript actions load through these).


@row_scope("emrex_transcripts")
def _transcripts(user, reach):
    return EmrexTranscript.application_id.in_(visible_application_ids(user, reach))


@row_scope("emrex_attachments")
def _attachments(user, reach):
    return EmrexAttachment.transcript_id.in_(select(EmrexTranscript.id).where(
        EmrexTranscript.application_id.in_(visible_application_ids(user, reach))))


@row_scope("emrex_requests")
def _requests(user, reach):
    return EmrexRequest.application_id.in_(visible_application_ids(user, reach))
