"""The reports as the screens show them: each a title, what it counts, and for given filters
a table (columns and rows, the same rows the CSV holds), the bars of its chart and its notes.
The figures come from ``queries`` (a fixed number of statements per report)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from math import copysign

from flask_babel import format_decimal, format_percent, get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.applications.sources import source_labels
from app.reports import queries
from app.reports.filters import Filters

#: The most bars a chart draws (the table and the CSV have every row).
MAX_BARS = 30


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the figure written beside the bar, as the reader reads it


@dataclass
class Result:
    columns: list[str]
    rows: list[list]  # raw values (numbers, None): the CSV's cells
    shown: list[list[str]]  # the same rows formatted for the page
    bars: list[Bar]
    notes: list[str] = field(default_factory=list)
    top: float | None = None  # the chart's full width (default: the largest bar)
    text_columns: int = 1  # the leading columns that are words, not figures

    @property
    def scale(self) -> float:
        return self.top or max([bar.value for bar in self.bars] + [0]) or 1.0

    @property
    def empty(self) -> bool:
        return not self.rows


@dataclass(frozen=True)
class Report:
    key: str
    title: object  # lazy string
    summary: object
    build: Callable[[int, Filters, object, date], Result]
    uses_range: bool = True


class Figures:
    """The reports' number formats for the reader's locale, exactly as babel writes them
    (``format_decimal(n, format="#,##0")``, ``format_decimal(round(d, 1), format="#,##0.0")``,
    ``format_percent(r, format="#,##0.0%")``: the explicit patterns group by three and use the
    locale's decimal, group and percent signs, rounding half to even), with the symbols looked
    up once per page: through babel each cell parsed its pattern and looked the locale up again
    (15 µs a cell; a big company's conversion table has 2,500 of them). Negative numbers, which
    the reports do not make, still go through babel."""

    def __init__(self):
        symbols = get_locale().number_symbols["latn"]
        self._decimal, self._group, self._percent = symbols["decimal"], symbols["group"], symbols["percentSign"]

    def _local(self, text: str) -> str:
        return text.replace(",", "\0").replace(".", self._decimal).replace("\0", self._group)

    def count(self, value: int) -> str:
        return format_decimal(value, format="#,##0") if value < 0 else f"{value:,}".replace(",", self._group)

    def days(self, value: float | None) -> str:
        if value is None:
            return "–"
        value = round(value, 1)
        if copysign(1.0, value) < 0:
            return format_decimal(value, format="#,##0.0")
        return self._local(f"{Decimal(str(value)):,.1f}")

    def pct(self, value: float | None) -> str:
        if value is None:
            return "–"
        if copysign(1.0, value) < 0:
            return format_percent(value, format="#,##0.0%")
        return self._local(f"{Decimal(str(value)).scaleb(2):,.1f}") + self._percent


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _r1(value: float | None):
    return None if value is None else round(value, 1)


def _bars(pairs: list[Bar]) -> list[Bar]:
    """The chart's bars (the builders format only the first ``MAX_BARS`` rows' texts)."""
    return pairs[:MAX_BARS]


# ---------------------------------------------------------------- the reports

def _time_to_hire(company_id, f, user, today) -> Result:
    fig = Figures()
    rows, total = queries.time_to_hire(company_id, f, user)
    columns = [_("Job"), _("Hires"), _("Median days"), _("90th percentile days")]
    raw = [[title, s.count, _r1(s.median), _r1(s.p90)] for _id, title, s in rows]
    if rows:
        raw.append([_("All jobs"), total.count, _r1(total.median), _r1(total.p90)])
    shown = [[r[0], fig.count(r[1]), fig.days(r[2]), fig.days(r[3])] for r in raw]
    bars = [Bar(title, s.median or 0, _("median %(median)s d · p90 %(p90)s d · %(hires)s",
                                         median=fig.days(s.median), p90=fig.days(s.p90),
                                         hires=ngettext("%(num)d hire", "%(num)d hires", s.count)))
            for _id, title, s in rows[:MAX_BARS]]
    return Result(columns, raw, shown, _bars(bars), [
        _("From the application to its first entry into a hired stage; the range picks the hires made in it.")])


def _time_in_stage(company_id, f, user, today) -> Result:
    fig = Figures()
    rows = queries.time_in_stage(company_id, f, user)
    columns = [_("Stage"), _("Stays"), _("Median days"), _("90th percentile days")]
    raw = [[name, s.count, _r1(s.median), _r1(s.p90)] for name, s in rows]
    shown = [[r[0], fig.count(r[1]), fig.days(r[2]), fig.days(r[3])] for r in raw]
    bars = [Bar(name, s.median or 0, _("median %(median)s d · p90 %(p90)s d", median=fig.days(s.median), p90=fig.days(s.p90)))
            for name, s in rows[:MAX_BARS]]
    return Result(columns, raw, shown, _bars(bars), [
        _("From entering a stage to the next move; stays that have not ended are left out. Stages of the same "
          "name in different jobs count together; the range picks the stays that began in it.")])


def _conversion(company_id, f, user, today) -> Result:
    fig = Figures()
    steps = queries.conversion(company_id, f, user)
    columns = [_("Job"), _("Stage"), _("Reached"), _("Reached the next stage"), _("Conversion")]
    raw = [[s.job_title, s.stage, s.reached, s.next_reached,
            _rate(s.next_reached, s.reached) if s.next_reached is not None else None] for s in steps]
    shown = [[r[0], r[1], fig.count(r[2]), "–" if r[3] is None else fig.count(r[3]), fig.pct(r[4])] for r in raw]
    notes = [_("An application reached a stage when it entered it or a later one; the range picks the "
               "applications created in it.")]
    bars: list[Bar] = []
    chart_job = f.job_id or (steps[0].job_id if steps else None)
    if chart_job is not None:
        chosen = [s for s in steps if s.job_id == chart_job]
        bars = [Bar(s.stage, s.reached, ngettext("%(num)d reached", "%(num)d reached", s.reached)
                    + ("" if s.next_reached is None else " · " + _("%(rate)s on", rate=fig.pct(_rate(s.next_reached, s.reached)))))
                for s in chosen]
        if not f.job_id and len({s.job_id for s in steps}) > 1:
            notes.append(_("The chart shows %(job)s; choose a job to see another. The table has every job.",
                           job=chosen[0].job_title))
    return Result(columns, raw, shown, _bars(bars), notes, text_columns=2)


def _sources(company_id, f, user, today) -> Result:
    fig = Figures()
    rows = queries.by_source(company_id, f, user)
    labels = source_labels()
    columns = [_("Source"), _("Applications"), _("Hired"), _("Hire rate")]
    raw = [[_("Share link: %(name)s", name=link) if link else labels[source], n, hired, _rate(hired, n)]
           for source, link, n, hired in rows]
    shown = [[r[0], fig.count(r[1]), fig.count(r[2]), fig.pct(r[3])] for r in raw]
    bars = [Bar(r[0], r[1], _("%(applications)s · %(hired)s hired", applications=fig.count(r[1]), hired=fig.count(r[2])))
            for r in raw[:MAX_BARS]]
    return Result(columns, raw, shown, _bars(bars), [
        _("Applications created in the range, and how many of them have been hired.")])


def _rejections(company_id, f, user, today) -> Result:
    fig = Figures()
    rows = queries.rejection_reasons(company_id, f, user)
    total = sum(n for _label, n in rows)
    columns = [_("Reason"), _("Rejections"), _("Share")]
    raw = [[label if label is not None else _("No reason recorded"), n, _rate(n, total)] for label, n in rows]
    shown = [[r[0], fig.count(r[1]), fig.pct(r[2])] for r in raw]
    bars = [Bar(r[0], r[1], f"{fig.count(r[1])} · {fig.pct(r[2])}") for r in raw[:MAX_BARS]]
    return Result(columns, raw, shown, _bars(bars), [_("Applications rejected in the range, by the reason given.")])


def _completion(company_id, f, user, today) -> Result:
    fig = Figures()
    counts = queries.completion(company_id, f, user)
    names = {"emrex": _("EMREX study records"), "assessments": _("Assessments")}
    columns = [_("What was asked"), _("Asked"), _("Completed"), _("Completion rate")]
    raw = [[names[key], asked, done, _rate(done, asked)] for key, (asked, done) in counts.items()]
    bars = [Bar(r[0], (r[3] or 0) * 100, _("%(done)s of %(asked)s · %(rate)s", done=fig.count(r[2]), asked=fig.count(r[1]),
                                           rate=fig.pct(r[3]))) for r in raw]
    raw_kept = [r for r in raw if r[1]]
    shown = [[r[0], fig.count(r[1]), fig.count(r[2]), fig.pct(r[3])] for r in raw_kept]
    return Result(columns, raw_kept, shown, [b for b, r in zip(bars, raw, strict=True) if r[1]], [
        _("Requests for study records and assessment orders made in the range; completed: the records came "
          "or the test was finished.")], top=100)


def _open_jobs(company_id, f, user, today) -> Result:
    fig = Figures()
    jobs = queries.open_jobs(company_id, f, user)
    columns = [_("Job"), _("Department"), _("Days open"), _("Applications")]
    raw = [[j.title, j.department, max((today - j.created_at.date()).days, 0), j.applications] for j in jobs]
    shown = [[r[0], r[1], fig.count(r[2]), fig.count(r[3])] for r in raw]
    bars = [Bar(r[0], r[2], _("%(days)s · %(applications)s",
                              days=ngettext("%(num)d day", "%(num)d days", r[2]),
                              applications=ngettext("%(num)d application", "%(num)d applications", r[3])))
            for r in raw[:MAX_BARS]]
    return Result(columns, raw, shown, _bars(bars), [
        _("Published jobs now, oldest first; days since the job was created. The date range does not apply.")],
        text_columns=2)


REPORTS: list[Report] = [
    Report("time-to-hire", _l("Time to hire"), _l("Days from application to hire, median and 90th percentile, per job."),
           _time_to_hire),
    Report("time-in-stage", _l("Time in each stage"), _l("Days an application stays in each stage, median and 90th "
                                                         "percentile."), _time_in_stage),
    Report("conversion", _l("Pipeline conversion"), _l("Per job, how many applications went on from each stage to "
                                                       "the next."), _conversion),
    Report("sources", _l("Applications and hires by source"), _l("Where applications came from and which sources "
                                                                 "led to hires."), _sources),
    Report("rejection-reasons", _l("Rejection reasons"), _l("Why applications were rejected: count and share."),
           _rejections),
    Report("completion", _l("EMREX and assessment completion"), _l("Study records and tests asked for, and how many "
                                                                   "were completed."), _completion),
    Report("open-jobs", _l("Open jobs and their age"), _l("Published jobs, how long they have been open and their "
                                                          "applications."), _open_jobs, uses_range=False),
]

BY_KEY = {report.key: report for report in REPORTS}
