"""Who may read an application's scorecards: the one place that decides (issue 17 item 2).

Anti-anchoring: someone asked for a scorecard on an application (a request or a draft of
theirs that is not submitted) sees no one else's scorecards on it, neither the card's
summary nor the average on the list and the board, until theirs is in. Their own scorecard
they always see. An interviewer (a role without ``Action.SEE_OTHERS_SCORES``,
app/accounts/access.py) sees the others' only once theirs on that application is in (the
rule this feature registers in ``hooks.py``), asked or not. The list and the board apply the same rule inside their one query through
``ScorecardSummary.hidden`` (``models.awaiting_own``), so a page costs no extra statement.
"""

from __future__ import annotations

from flask import has_request_context, request
from sqlalchemy import select

from app.accounts import access
from app.extensions import db
from app.scorecards.models import ScorecardStatus, awaiting_own


def scorecards_visible_to(user, application_id: int, scorecards: list | None = None) -> bool:
    """Whether ``user`` may read the other people's scorecards of the application (kept for
    the request). A caller that has loaded all the application's ``scorecards`` passes them,
    and the rule is read from them instead of asked of the database."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    key = (user.id, application_id)
    cache = request.environ.setdefault("haku.scorecards_visible", {}) if has_request_context() else {}
    if key not in cache:
        if scorecards is not None:
            cache[key] = not any(c.application_id == application_id and c.author_id == user.id
                                 and c.status != ScorecardStatus.SUBMITTED for c in scorecards)
        else:
            cache[key] = not db.session.scalar(select(awaiting_own(user.id, application_id)))
        if cache[key]:  # an interviewer: once theirs is in (hooks.py's rule, given the id)
            cache[key] = access.can(user, access.Action.SEE_OTHERS_SCORES, application_id)
    return cache[key]


def forget(user_id: int, application_id: int) -> None:
    """Drop the request's remembered answer (after the user submitted in this request)."""
    if has_request_context():
        request.environ.get("haku.scorecards_visible", {}).pop((user_id, application_id), None)
