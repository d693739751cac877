"""Imported at start-up (``register_features``): everything interviews plug into the core, in
one place — the reminder sweep step and the stage-entry receiver (a job's interview plan
sends a self-scheduling link). Its recruiter presentation (card panel, ⋯ action, timeline
texts, My interviews, availability) is ``app/admin/views/interviews.py``; the candidate's
scheduling page ``app/portal/interviews.py``."""

from __future__ import annotations

from app.interviews import services
from app.jobs.events import stage_entered
from app.plugins import plugins

stage_entered.connect(services.on_stage_entered)


@plugins.sweep_step("interview_reminders")
def _reminders() -> int:
    return services.send_due_reminders()


# MERGE POINT (scorecards): when the scorecards feature lands, connect here, e.g.
#   from app.interviews.events import interview_booked
#   interview_booked.connect(lambda interview, user_ids: [request_scorecard(interview.application_id, uid,
#                                                          interview.id) for uid in user_ids])
