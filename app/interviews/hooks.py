"""Imported at start-up (``register_features``): everything interviews plug into the core, in
one place — the reminder sweep step and the stage-entry receiver (a job's interview plan
sends a self-scheduling link). Its recruiter presentation (card panel, ⋯ action, timeline
texts, My interviews, availability) is ``app/admin/views/interviews.py``; the candidate's
scheduling page ``app/portal/interviews.py``."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.access import row_scope
from app.applications.scopes import visible_application_ids
from app.interviews import services
from app.interviews.events import interview_booked
from app.interviews.models import Interview, InterviewInterviewer
from app.jobs.events import entry_read, stage_entered
from app.plugins import plugins
from app.scorecards import services as scorecards

stage_entered.connect(services.on_stage_entered)
entry_read(services.PLAN_ON_STAGE, services.plan_on_stage)  # apply asks it with the first stage


@plugins.sweep_step("interview_reminders")
def _reminders() -> int:
    return services.send_due_reminders()




def _ask_for_scorecards(interview, user_ids=(), **_) -> None:
    """A booked interview asks each interviewer for a scorecard on it, in the booking's commit
    (asking again after a reschedule finds the same one)."""
    for user_id in user_ids:
        try:
            scorecards.ask(interview.application_id, user_id, interview.id)
        except scorecards.ScorecardError:  # an erased candidate, a colleague since disabled: no request
            continue


interview_booked.connect(_ask_for_scorecards)


@plugins.interviewer_source
def _interviewing(user_id: int):
    """An interviewer sees the applications of the interviews they are on."""
    return select(Interview.application_id).join(
        InterviewInterviewer, InterviewInterviewer.interview_id == Interview.id).where(
        InterviewInterviewer.user_id == user_id)


@row_scope("interviews")
def _scope(user, reach):
    """A hiring manager or interviewer reaches the interviews of the applications they see."""
    return Interview.application_id.in_(visible_application_ids(user, reach))
