"""Assessment columns in the applications list (cogwheel menu): the latest order's score and
status, sortable and filterable through the per-application summary row."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from sqlalchemy.orm import joinedload

from app.applications.board import ChipBadge
from app.applications.columns import ListColumn
from app.applications.models import Application
from app.assessments.models import AssessmentStatus, AssessmentSummary

STATUS_LABELS = {
    AssessmentStatus.PENDING: _l("Sending"), AssessmentStatus.INVITED: _l("Invited"),
    AssessmentStatus.STARTED: _l("Started"), AssessmentStatus.COMPLETE: _l("Complete"),
    AssessmentStatus.EXPIRED: _l("Expired"), AssessmentStatus.CANCELLED: _l("Cancelled"),
    AssessmentStatus.ERROR: _l("Vendor error"), AssessmentStatus.FAILED: _l("Not sent"),
}


def _join(stmt):
    return stmt.outerjoin(AssessmentSummary, AssessmentSummary.application_id == Application.id)


def _status(application) -> str:
    row = application.assessment_summary
    return str(STATUS_LABELS.get(row.status, row.status)) if row is not None else ""


def _score(application) -> str:
    row = application.assessment_summary
    if row is None or row.score is None:
        return ""
    return f"{row.score:g} / {row.max_score:g}" if row.max_score is not None else f"{row.score:g}"


def _status_filter(stmt, value):
    return stmt.where(AssessmentSummary.status == value)


def _score_filter(stmt, value):
    try:
        minimum = float(value)
    except ValueError:
        return stmt
    return stmt.where(AssessmentSummary.score >= minimum)


_OPTIONS = [joinedload(Application.assessment_summary)]

#: the columns this feature adds to the list, registered in its hooks.py
COLUMNS = (
    # No score sorts below every score on both databases (PostgreSQL puts NULLs first when descending).
    ListColumn("assessment_score", _l("Assessment score"), _score,
               sort=func.coalesce(AssessmentSummary.score, -1.0),
               options=_OPTIONS, join=_join, filter=("min", None, _score_filter)),
    ListColumn("assessment_status", _l("Assessment status"), _status, sort=AssessmentSummary.status,
               options=_OPTIONS, join=_join, filter=("choice", list(STATUS_LABELS.items()), _status_filter)),
)


def _chip_text(status, score, max_score) -> str | None:
    """The board chip's assessment badge: the score once there is one, else the status."""
    if status is None:
        return None
    if score is not None:
        shown = f"{score:g} / {max_score:g}" if max_score is not None else f"{score:g}"
    else:
        shown = str(STATUS_LABELS.get(status, status))
    return gettext("Assessment: %(value)s", value=shown)


#: the badge this feature adds to the board's chips, registered in its hooks.py
def _chips_show(company) -> bool:
    """The board's chips carry the badge while the company has an active integration (asked
    once per request, under the key the admin's settings links use, so the board asks once)."""
    from flask import has_request_context, request

    from app.assessments.services.integrations import has_active

    if not has_request_context():
        return has_active(company.id)
    cache = request.environ.setdefault("haku.assessments_active", {})
    if company.id not in cache:
        cache[company.id] = has_active(company.id)
    return cache[company.id]


CHIP_BADGE = ChipBadge("assessment", (AssessmentSummary.status, AssessmentSummary.score, AssessmentSummary.max_score),
                       AssessmentSummary.application_id, _chip_text, shown=_chips_show,
                       asks=lambda company: _integrations().active_of(company),
                       told=lambda company_id, active: _integrations().remember_active(company_id, active))


def _integrations():
    from app.assessments.services import integrations

    return integrations
