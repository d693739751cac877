"""EMREX columns in the applications list (cogwheel menu): sortable and filterable. They read
the summary row, which only ever holds counted transcripts (a held one shows its status)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import format_decimal, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from app.applications.board import ChipBadge
from app.applications.columns import ListColumn
from app.applications.listing import like_escaped
from app.applications.models import Application
from app.emrex.models import EmrexSummary, EmrexSummaryStatus

STATUS_LABELS = {
    EmrexSummaryStatus.SENT: _l("Requested"), EmrexSummaryStatus.OPENED: _l("Opened"),
    EmrexSummaryStatus.IN_PROGRESS: _l("At university"), EmrexSummaryStatus.COMPLETED: _l("Records received"),
    EmrexSummaryStatus.CANCELLED: _l("Cancelled"), EmrexSummaryStatus.EXPIRED: _l("Expired"),
    EmrexSummaryStatus.PENDING: _l("Pending"), EmrexSummaryStatus.HELD: _l("Held for review"),
    EmrexSummaryStatus.DISCARDED: _l("Records discarded"),
}


def _decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_credits(value) -> str:
    """Credits as people write them, in the page's language: "7.5", "180", fi "7,5" (no
    trailing zeros). The one format of the list column, the card facts and the course table;
    a value that is not a number comes back as it was given."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    return format_decimal(number, format="#,##0.###")


def format_gpa(value) -> str:
    """A GPA with two decimals in the page's language ("4.50", fi "4,50")."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    return format_decimal(number, format="#,##0.00")


def format_scale(value) -> str:
    """A grading scale's name ("5.0", fi "5,0")."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    return format_decimal(number, format="0.0")


def _join(stmt):
    return stmt.outerjoin(EmrexSummary, EmrexSummary.application_id == Application.id)


def _summary(application):
    return application.emrex_summary


def _value(attr, fmt=str):
    def get(application):
        row = _summary(application)
        value = getattr(row, attr) if row is not None else None
        return "" if value is None else fmt(value)

    return get


def _status(application) -> str:
    row = _summary(application)
    if row is None:
        return ""
    label = str(STATUS_LABELS.get(row.status, row.status))
    return f"{label} ⚠" if row.needs_review else label


def _status_filter(stmt, value):
    return stmt.where(EmrexSummary.status == value)


def _gpa_filter(stmt, value):
    try:
        minimum = float(value)
    except ValueError:
        return stmt
    return stmt.where(EmrexSummary.gpa >= minimum)


def _credits_filter(stmt, value):
    try:
        minimum = float(value)
    except ValueError:
        return stmt
    return stmt.where(EmrexSummary.credits_total >= minimum)


def _text_filter(attr):
    def apply(stmt, value):
        return stmt.where(getattr(EmrexSummary, attr).ilike(f"%{like_escaped(value)}%", escape="\\"))

    return apply


_OPTIONS = [joinedload(Application.emrex_summary)]

#: the columns this feature adds to the list, registered in its hooks.py
COLUMNS = (
    ListColumn("emrex_status", _l("EMREX status"), _status, sort=EmrexSummary.status, options=_OPTIONS,
               join=_join, filter=("choice", list(STATUS_LABELS.items()), _status_filter)),
    ListColumn("emrex_institution", _l("Institution"), _value("institution"), sort=EmrexSummary.institution,
               options=_OPTIONS, join=_join, filter=("text", None, _text_filter("institution"))),
    ListColumn("emrex_degree", _l("Degree"), _value("degree"), sort=EmrexSummary.degree,
               options=_OPTIONS, join=_join, filter=("text", None, _text_filter("degree"))),
    ListColumn("emrex_credits_total", _l("Credits (ECTS)"), _value("credits_total", format_credits),
               sort=EmrexSummary.credits_total, options=_OPTIONS, join=_join,
               filter=("min", None, _credits_filter)),
    ListColumn("emrex_gpa", _l("GPA"), _value("gpa", format_gpa), sort=EmrexSummary.gpa,
               options=_OPTIONS, join=_join, filter=("min", None, _gpa_filter)),
)


def _chip_text(status, needs_review) -> str | None:
    """The board chip's EMREX badge: the summary's status ("EMREX: Records received")."""
    if status is None:
        return None
    label = str(STATUS_LABELS.get(status, status))
    return gettext("EMREX: %(status)s", status=label + (" ⚠" if needs_review else ""))


#: the badge this feature adds to the board's chips, registered in its hooks.py
CHIP_BADGE = ChipBadge("emrex", (EmrexSummary.status, EmrexSummary.needs_review), EmrexSummary.application_id,
                       _chip_text, shown=lambda company: bool(company.emrex_enabled))
