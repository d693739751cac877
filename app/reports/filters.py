"""The filters every report takes: a date range (default the last 90 days), a job and a
department. Parsed from the query string; a bad value is a ``FilterError`` with a message in
the reader's language (the page answers 400 with the form and the message, never a 500)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from app.problems import Problem

DEFAULT_DAYS = 90
#: The longest range a report covers (ten years): keeps a typo like 0202 from meaning "all time".
MAX_DAYS = 3660
MIN_YEAR, MAX_YEAR = 2000, 2999


class FilterError(Problem):
    """A filter the reader must correct (its message in the reader's language)."""
    messages = {
        "not_a_date": _l("%(field)s is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31."),
        "bad_year": _l("%(field)s must be between the years %(first)s and %(last)s."),
        "end_before_start": _l("The end of the range is before its start."),
        "too_long": _l("Choose a range of at most ten years."),
        "bad_job": _l("Choose a job from the list."),
        "bad_department": _l("Choose a department from the list."),
    }


@dataclass(frozen=True)
class Filters:
    start: date
    end: date  # inclusive
    job_id: int | None = None
    department: str = ""

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time.min)

    @property
    def until(self) -> datetime:
        """The first instant after the range (``end`` is a whole day)."""
        return datetime.combine(self.end + timedelta(days=1), time.min)

    def params(self) -> dict[str, str]:
        """The query string that gives these filters back (links, the CSV)."""
        out = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.job_id:
            out["job"] = str(self.job_id)
        if self.department:
            out["department"] = self.department
        return out


def default(today: date) -> Filters:
    return Filters(start=today - timedelta(days=DEFAULT_DAYS - 1), end=today)


def _day(raw: str, label: str) -> date:
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        raise FilterError("not_a_date", field=label) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:  # also keeps "the day after" computable (no 9999-12-31)
        raise FilterError("bad_year", field=label, first=MIN_YEAR, last=MAX_YEAR)
    return day


def parse(args, today: date, job_ids: set[int], departments: set[str]) -> Filters:
    """The filters of ``args`` (a request's query string). ``job_ids`` and ``departments``
    are those the reader may choose (their jobs'): anything else is a FilterError."""
    base = default(today)
    start = _day(args["from"], lazy_pgettext("date range", "From")) if (args.get("from") or "").strip() else base.start
    end = _day(args["to"], lazy_pgettext("date range", "To")) if (args.get("to") or "").strip() else base.end
    if end < start:
        raise FilterError("end_before_start")
    if (end - start).days > MAX_DAYS:
        raise FilterError("too_long")
    job_raw = (args.get("job") or "").strip()
    job_id = None
    if job_raw:
        if not job_raw.isdigit() or len(job_raw) > 12 or int(job_raw) not in job_ids:
            raise FilterError("bad_job")
        job_id = int(job_raw)
    department = (args.get("department") or "").strip()
    if department and department not in departments:
        raise FilterError("bad_department")
    return Filters(start=start, end=end, job_id=job_id, department=department)
