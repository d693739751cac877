"""The reports' figures against a plain-Python reading of their definitions
(``app/reports/queries.py``): a small company whose history has the awkward cases — two entries
at the same instant, a move back to an earlier stage, a second hire, an application sent back
to the Pending pool after it moved, entries before the range, a share link, another company
with a history of its own — and every filter (dates, job, department) for an admin and for a
hiring manager who sees one team's jobs. Whatever SQL the reports use (and on SQLite and
PostgreSQL alike), the counts must be equal and the medians and 90th percentiles equal to a
millionth of a day."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import delete, select

from app.accounts import access
from app.applications.models import Application, SourceLink, StageEntry
from app.clock import utcnow
from app.extensions import db
from app.jobs.models import Job, Stage
from app.reports import queries
from app.reports.filters import Filters
from app.reports.stats import percentile

DAY = 86400.0
# Stage indexes (by position) of the default pipeline.
NEW, PROGRESS, INTERVIEW, OFFER, HIRED, REJECTED = range(6)


def _history(application, created, steps, stages_of=None):
    """Replace ``application``'s history: ``steps`` are (stage index, hours after ``created``),
    in the stages of its job (or of ``stages_of``, a job it was in before)."""
    db.session.execute(delete(StageEntry).where(StageEntry.application_id == application.id))
    stages = sorted((stages_of or application.job).stages, key=lambda s: s.position)
    application.created_at = created
    for index, hours in steps:
        db.session.add(StageEntry(company_id=application.company_id, application_id=application.id,
                                  stage_id=stages[index].id, cause="person", entered_at=created + timedelta(hours=hours)))
        db.session.flush()  # ids in insertion order: the tie-break of equal instants
        application.stage_id = stages[index].id
    db.session.commit()


@pytest.fixture
def history(make):
    co = make.company("figures")
    other = make.company("elsewhere")
    t0 = utcnow().replace(microsecond=0) - timedelta(days=60)
    manager = make.user(co, role="hiring_manager")
    backend = make.job(co, title="Backend", department="Engineering")
    frontend = make.job(co, title="frontend", department="Engineering")
    designer = make.job(co, title="Designer", department="Design", team=[manager])
    stranger = make.job(other, title="Backend", department="Engineering")

    def app(job, n, steps, days=0, stages_of=None):
        application = make.application(job, email=f"{job.company.slug}{n}@example.com")
        _history(application, t0 + timedelta(days=days), steps, stages_of)
        return application

    app(backend, 1, [(NEW, 0), (PROGRESS, 30), (INTERVIEW, 100), (OFFER, 200), (HIRED, 260)])
    app(backend, 2, [(NEW, 0), (PROGRESS, 30), (PROGRESS, 30), (INTERVIEW, 55)], days=3)  # a tie
    app(backend, 3, [(NEW, 0), (INTERVIEW, 20), (PROGRESS, 70)], days=10)  # back to an earlier stage
    app(backend, 4, [(NEW, 0), (REJECTED, 5)], days=20)
    app(backend, 5, [(NEW, 0), (HIRED, 90), (OFFER, 100), (HIRED, 400)], days=25)  # hired twice
    app(backend, 6, [(NEW, 0)], days=40)
    app(frontend, 1, [(NEW, 0), (PROGRESS, 11), (OFFER, 47), (HIRED, 48)], days=1)
    app(frontend, 2, [(NEW, 0), (PROGRESS, 7)], days=15)
    linked = app(frontend, 3, [(NEW, 0), (PROGRESS, 13), (INTERVIEW, 26), (REJECTED, 27)], days=30)
    app(designer, 1, [(NEW, 0), (PROGRESS, 24), (HIRED, 600)], days=2)
    app(designer, 2, [(NEW, 0), (PROGRESS, 3), (INTERVIEW, 9)], days=12)
    # Moved to Backend after a history in Designer's stages.
    app(backend, 7, [(NEW, 0), (PROGRESS, 40), (OFFER, 41)], days=5, stages_of=designer)
    pooled = app(backend, 8, [(NEW, 0), (PROGRESS, 10), (HIRED, 20)], days=6)
    app(stranger, 1, [(NEW, 0), (PROGRESS, 1), (HIRED, 2)], days=4)
    pooled.job_id, pooled.stage_id = None, None  # back in the Pending pool: no longer counted
    link = SourceLink(company_id=co.id, job_id=frontend.id, name="Fair", code="figfair2026")
    db.session.add(link)
    db.session.flush()
    linked.source, linked.source_link_id = "link", link.id
    db.session.commit()
    return {"company": co, "admin": make.admin_of(co), "manager": manager, "t0": t0,
            "jobs": {"backend": backend.id, "designer": designer.id}}


def _filter_sets(t0):
    day = t0.date()
    return [Filters(start=day - timedelta(days=5), end=day + timedelta(days=80)),
            Filters(start=day + timedelta(days=4), end=day + timedelta(days=26)),
            Filters(start=day + timedelta(days=11), end=day + timedelta(days=11)),
            Filters(start=day - timedelta(days=5), end=day + timedelta(days=80), department="Engineering"),
            Filters(start=day - timedelta(days=300), end=day - timedelta(days=200))]


# ---------------------------------------------------------------- the reference

def _world(company_id, f, user):
    """The rows the definitions read: the counted applications and every entry with its stage."""
    scope = access.visible_applications(user)
    stmt = select(Application.id).where(Application.company_id == company_id, Application.job_id.is_not(None))
    if scope is not None:
        stmt = stmt.where(scope)
    visible = set(db.session.scalars(stmt))
    jobs = {job.id: job for job in db.session.scalars(select(Job).where(Job.company_id == company_id))}
    apps = {a.id: a for a in db.session.scalars(select(Application).where(Application.id.in_(visible)))
            if (not f.job_id or a.job_id == f.job_id) and (not f.department or jobs[a.job_id].department == f.department)}
    stages = {s.id: s for s in db.session.scalars(select(Stage).where(Stage.company_id == company_id))}
    entries = defaultdict(list)
    for e in db.session.scalars(select(StageEntry).where(StageEntry.company_id == company_id)):
        entries[e.application_id].append(e)
    for rows in entries.values():
        rows.sort(key=lambda e: (e.entered_at, e.id))
    return apps, jobs, stages, entries


def _spread(days):
    return (len(days), percentile(days, 0.5), percentile(days, 0.9))


def _hired_at(rows, stages):
    times = [e.entered_at for e in rows if stages[e.stage_id].kind == "hired"]
    return min(times) if times else None


def expected_time_to_hire(company_id, f, user):
    apps, jobs, stages, entries = _world(company_id, f, user)
    per_job = defaultdict(list)
    for a in apps.values():
        hired = _hired_at(entries[a.id], stages)
        if hired is not None and f.since <= hired < f.until:
            per_job[a.job_id].append((hired - a.created_at).total_seconds() / DAY)
    rows = sorted(((job_id, jobs[job_id].title, _spread(days)) for job_id, days in per_job.items()),
                  key=lambda row: (row[1].lower(), row[0]))
    return rows, _spread([d for days in per_job.values() for d in days])


def expected_time_in_stage(company_id, f, user):
    apps, _jobs, stages, entries = _world(company_id, f, user)
    per_name, lowest = defaultdict(list), {}
    for a in apps.values():
        rows = entries[a.id]
        for entry, following in pairwise(rows):
            stage = stages[entry.stage_id]
            if stage.kind == "normal" and f.since <= entry.entered_at < f.until:
                per_name[stage.name].append((following.entered_at - entry.entered_at).total_seconds() / DAY)
                lowest[stage.name] = min(lowest.get(stage.name, stage.position), stage.position)
    return [(name, _spread(per_name[name])) for name in sorted(per_name, key=lambda n: (lowest[n], n))]


def expected_conversion(company_id, f, user):
    apps, jobs, stages, entries = _world(company_id, f, user)
    tops = defaultdict(list)
    for a in apps.values():
        positions = [stages[e.stage_id].position for e in entries[a.id] if stages[e.stage_id].kind != "rejected"]
        if positions and f.since <= a.created_at < f.until:
            tops[a.job_id].append(max(positions))
    steps = []
    for job_id in sorted(tops, key=lambda j: (jobs[j].title, j)):
        pipeline = sorted((s for s in stages.values() if s.job_id == job_id and s.kind != "rejected"),
                          key=lambda s: (s.position, s.id))
        reached = [sum(1 for top in tops[job_id] if top >= s.position) for s in pipeline]
        for index, stage in enumerate(pipeline):
            steps.append((job_id, jobs[job_id].title, stage.name, reached[index],
                          reached[index + 1] if index + 1 < len(pipeline) else None))
    return steps


def expected_sources(company_id, f, user):
    apps, _jobs, stages, entries = _world(company_id, f, user)
    links = {link.id: link.name for link in db.session.scalars(select(SourceLink))}
    counts = defaultdict(lambda: [0, 0])
    for a in apps.values():
        if f.since <= a.created_at < f.until:
            key = (a.source, links.get(a.source_link_id))
            counts[key][0] += 1
            counts[key][1] += _hired_at(entries[a.id], stages) is not None
    return sorted((source, link, n, hired) for (source, link), (n, hired) in counts.items())


# ---------------------------------------------------------------- the comparison

def _same_spread(actual, expected):
    count, median, p90 = expected
    assert actual.count == count
    for got, want in ((actual.median, median), (actual.p90, p90)):
        assert (got is None) == (want is None) and (want is None or got == pytest.approx(want, abs=1e-6)), (actual,
                                                                                                            expected)


def _cases(history):
    users = [history["admin"], history["manager"]]
    filters = _filter_sets(history["t0"])
    first = filters[0]
    filters += [Filters(start=first.start, end=first.end, job_id=job_id) for job_id in history["jobs"].values()]
    return [(user, f) for user in users for f in filters]


def test_time_to_hire_matches_its_definition(history):
    company_id = history["company"].id
    for user, f in _cases(history):
        rows, total = queries.time_to_hire(company_id, f, user)
        want_rows, want_total = expected_time_to_hire(company_id, f, user)
        assert [(r[0], r[1]) for r in rows] == [(r[0], r[1]) for r in want_rows], (user.role, f)
        for (_id, _title, got), (_i, _t, want) in zip(rows, want_rows, strict=True):
            _same_spread(got, want)
        _same_spread(total, want_total)


def test_time_in_stage_matches_its_definition(history):
    company_id = history["company"].id
    for user, f in _cases(history):
        rows = queries.time_in_stage(company_id, f, user)
        want = expected_time_in_stage(company_id, f, user)
        assert [name for name, _s in rows] == [name for name, _s in want], (user.role, f)
        for (_n, got), (_m, spread) in zip(rows, want, strict=True):
            _same_spread(got, spread)


def test_conversion_matches_its_definition(history):
    company_id = history["company"].id
    for user, f in _cases(history):
        got = [(s.job_id, s.job_title, s.stage, s.reached, s.next_reached)
               for s in queries.conversion(company_id, f, user)]
        assert got == expected_conversion(company_id, f, user), (user.role, f)


def test_sources_match_their_definition(history):
    company_id = history["company"].id
    for user, f in _cases(history):
        assert sorted(queries.by_source(company_id, f, user)) == expected_sources(company_id, f, user), (user.role, f)


def test_the_fixture_has_figures_to_compare(history):
    """The comparison above means something: the widest range has every kind of figure."""
    company_id, f = history["company"].id, _filter_sets(history["t0"])[0]
    rows, total = queries.time_to_hire(company_id, f, history["admin"])
    assert total.count == 4 and len(rows) == 3
    assert len(queries.time_in_stage(company_id, f, history["admin"])) == 4
    assert len(queries.conversion(company_id, f, history["admin"])) == 15
    assert len(queries.time_to_hire(company_id, f, history["manager"])[0]) == 1


# ---------------------------------------------------------------- the numbers as written

@pytest.mark.parametrize("locale", ["en", "fi", "sv", "vi"])
def test_figures_are_written_as_babel_writes_them(app, locale):
    """``registry.Figures`` writes counts, days and rates byte for byte as ``format_decimal`` and
    ``format_percent`` with the reports' patterns, in every language of the app: halves rounded
    to even, groups of three, the locale's signs (and babel itself for negative numbers)."""
    from flask_babel import force_locale, format_decimal, format_percent

    from app.reports.registry import Figures

    counts = [0, 1, 7, 999, 1000, 1234, 99999, 100000, 1234567, -5]
    days = [0.0, 0.04, 0.05, 0.15, 0.25, 1.0, 2.45, 9.5, 14.65, 20.4, 999.95, 1234.5, 98765.25, -0.0, -3.5]
    days += [n / 86400 * 37 for n in range(0, 400000, 997)]
    rates = [round(part / whole, 4) for whole in range(1, 120) for part in range(whole + 1)] + [0.0625, 0.0635, -0.5]
    with app.test_request_context("/"), force_locale(locale):
        fig = Figures()
        assert [fig.count(n) for n in counts] == [format_decimal(n, format="#,##0") for n in counts]
        assert [fig.days(d) for d in days] == [format_decimal(round(d, 1), format="#,##0.0") for d in days]
        assert [fig.pct(r) for r in rates] == [format_percent(r, format="#,##0.0%") for r in rates]
        assert fig.days(None) == fig.pct(None) == "–"
