"""Imported at start-up (``register_features``): what scorecards plug into the core — the
"Score" column of the applications list and the score badge on the board's chips. Their
recruiter presentation (card panel, ⋯ actions, settings links, the form and the export) is
``app/admin/views/scorecards.py``; erasure is ``app.privacy`` calling
``services.forget_applications``."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.access import Action, row_scope
from app.applications.reviewers import review_asked, review_withdrawn
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


def _review_is_a_scorecard(application, user=None, actor=None, **_) -> None:
    """Someone asked to review an application ("Ask to review…") is asked for their scorecard
    on it, in the same commit, without a second notification: their review is the scorecard."""
    from app.scorecards import services

    try:
        services.ask(application.id, user.id, requested_by=actor, tell=False)
    except services.ScorecardError:  # no job, an erased candidate: the review stays a plain one
        pass


review_asked.connect(_review_is_a_scorecard)


def _withdraw_the_scorecard(application, user=None, **_) -> None:
    """The review request withdrawn: their scorecard on it that is not submitted goes too (a
    submitted one stays: it is part of the application's record)."""
    from app.extensions import db

    for card in db.session.scalars(select(Scorecard).where(
            Scorecard.application_id == application.id, Scorecard.author_id == user.id,
            Scorecard.interview_id.is_(None), Scorecard.status != ScorecardStatus.SUBMITTED)):
        db.session.delete(card)


review_withdrawn.connect(_withdraw_the_scorecard)
