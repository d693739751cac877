"""The scorecards' average recommendation (1–4) in the applications list ("Score", sortable)
and on the board's chips: read from the summary row in the page's one query, hidden from a
reader who still has their own to submit (``ScorecardSummary.hidden``)."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func
from sqlalchemy.orm import joinedload

from app.applications.board import ChipBadge
from app.applications.columns import ListColumn
from app.applications.models import Application
from app.scorecards.models import ScorecardSummary


def _join(stmt):
    return stmt.outerjoin(ScorecardSummary, ScorecardSummary.application_id == Application.id)


def score_text(average, count, hidden) -> str:
    if average is None:
        return ""
    if hidden:
        return gettext("hidden until yours is in")
    return gettext("%(average)s / 4 (%(count)s)", average=f"{average:.1f}", count=count)


def _score(application) -> str:
    row = application.scorecard_summary
    return score_text(row.average, row.count, row.hidden) if row is not None else ""


def _chip_text(average, count, hidden) -> str | None:
    if average is None or hidden:
        return None
    return gettext("Score %(average)s / 4", average=f"{average:.1f}")


#: the list column this feature adds, registered in its hooks.py; hidden and missing scores
#: sort below every score (and so give nothing away)
COLUMN = ListColumn("scorecard_score", _l("Score"), _score,
                    sort=case((ScorecardSummary.hidden, -1.0), else_=func.coalesce(ScorecardSummary.average, -1.0)),
                    options=[joinedload(Application.scorecard_summary)], join=_join)

#: the board chips' badge, registered in its hooks.py
CHIP_BADGE = ChipBadge("scorecard", (ScorecardSummary.average, ScorecardSummary.count, ScorecardSummary.hidden),
                       ScorecardSummary.application_id, _chip_text)
