"""Imported at start-up (``register_features``): what scorecards plug into the core — the
"Score" column of the applications list and the score badge on the board's chips. Their
recruiter presentation (card panel, ⋯ actions, settings links, the form and the export) is
``app/admin/views/scorecards.py``; erasure is ``app.privacy`` calling
``services.forget_applications``."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.access import Action, row_scope
from app.applications.scopes import visible_application_ids
from app.plugins import plugins
from app.scorecards import columns
from app.scorecards.models import Scorecard, ScorecardStatus

plugins.list_column(columns.COLUMN)  # "Score": the average recommendation
plugins.chip_badge(columns.CHIP_BADGE)  # the same on the board's chips


@plugins.interviewer_source
def _asked_for_a_scorecard(user_id: int):
    """An interviewer sees the applications they are asked to score (any state of theirs)."""
    return select(Scorecard.application_id).where(Scorecard.author_id == user_id)


def _submitted_own(user, application) -> bool:
    """An interviewer reads the others' scorecards of an application once theirs is in."""
    from app.extensions import db

    application_id = getattr(application, "id", application)
    return db.session.scalar(select(Scorecard.id).where(
        Scorecard.application_id == application_id, Scorecard.author_id == user.id,
        Scorecard.status == ScorecardStatus.SUBMITTED).limit(1)) is not None


plugins.access_rule(Action.SEE_OTHERS_SCORES, _submitted_own)


@row_scope("scorecards")
def _scope(user, reach):
    """A hiring manager or interviewer reaches the scorecards of the applications they see."""
    return Scorecard.application_id.in_(visible_application_ids(user, reach))
