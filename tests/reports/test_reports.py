"""Reports (issue 18 item 6): each report's figures on a small hand-built history (exact
medians, 90th percentiles, conversion and counts), the filters, tenant isolation, a hiring
manager's scope, the CSV and its injection safety, bad filter input, and the statement count
that does not grow with the rows."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from app.applications.models import RejectionReason, StageEntry
from app.clock import utcnow
from app.extensions import db
from tests.support.statements import selects

PAGES = ("time-to-hire", "time-in-stage", "conversion", "sources", "rejection-reasons", "completion", "open-jobs")


def _history(application, t0, steps):
    """Replace the application's stage history: ``steps`` are (stage index, days after t0)."""
    db.session.execute(delete(StageEntry).where(StageEntry.application_id == application.id))
    stages = sorted(application.job.stages, key=lambda s: s.position)
    application.created_at = t0
    previous = None
    for index, days in steps:
        stage = stages[index]
        db.session.add(StageEntry(company_id=application.company_id, application_id=application.id,
                                  stage_id=stage.id, from_stage_id=previous, cause="person",
                                  entered_at=t0 + timedelta(days=days)))
        previous = stage.id
        application.stage_id = stage.id
    db.session.commit()


@pytest.fixture
def world(make, auth):
    """Acme: "Backend" (Engineering) with four applications, "Designer" (Design) with one."""
    co = make.company("acme")
    t0 = utcnow().replace(microsecond=0) - timedelta(days=40)
    backend = make.job(co, title="Backend", department="Engineering")
    designer = make.job(co, title="Designer", department="Design")
    a1, a2, a3, a4 = (make.application(backend, email=f"a{n}@example.com") for n in range(1, 5))
    b1 = make.application(designer, email="b1@example.com")
    # New 0, In progress 1, Interview 2, Offer 3, Hired 4, Rejected 5
    _history(a1, t0, [(0, 0), (1, 2), (2, 5), (4, 10)])
    _history(a2, t0, [(0, 0), (1, 4), (4, 20)])
    _history(a3, t0, [(0, 0), (5, 1)])
    _history(a4, t0, [(0, 0), (1, 6)])
    _history(b1, t0, [(0, 0), (4, 30)])
    a2.source = "topcv"
    reason = db.session.scalar(select(RejectionReason).where(RejectionReason.company_id == co.id,
                                                             RejectionReason.key == "not_qualified"))
    a3.rejection_reason_id, a3.rejected_at, a3.status = reason.id, t0 + timedelta(days=1), "closed"
    db.session.commit()
    auth.login(f"admin@{co.slug}.test")
    return {"company": co, "backend": backend, "designer": designer, "apps": (a1, a2, a3, a4, b1), "t0": t0,
            "reason": reason}


def _csv(client, key, **params) -> list[list[str]]:
    response = client.get(f"/admin/reports/{key}/export.csv", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_index_lists_every_report_and_the_nav_links_it(client, world):
    body = client.get("/admin/reports").get_data(as_text=True)
    for key in PAGES:
        assert f"/admin/reports/{key}" in body
    assert 'href="/admin/reports" aria-current="page"' in body


def test_time_to_hire(client, world):
    rows = _csv(client, "time-to-hire")
    assert rows == [["Job", "Hires", "Median days", "90th percentile days"],
                    ["Backend", "2", "15.0", "19.0"], ["Designer", "1", "30.0", "30.0"],
                    ["All jobs", "3", "20.0", "28.0"]]
    body = client.get("/admin/reports/time-to-hire").get_data(as_text=True)
    assert "<svg" in body and "<title" in body and "<desc" in body and "median 15.0 d · p90 19.0 d" in body


def test_time_in_each_stage_leaves_open_stays_out(client, world):
    rows = _csv(client, "time-in-stage")
    assert rows == [["Stage", "Stays", "Median days", "90th percentile days"],
                    ["New", "5", "4.0", "20.4"], ["In progress", "2", "9.5", "14.7"], ["Interview", "1", "5.0", "5.0"]]


def test_conversion_per_job_by_stage_position(client, world):
    rows = _csv(client, "conversion", job=world["backend"].id)
    assert rows == [["Job", "Stage", "Reached", "Reached the next stage", "Conversion"],
                    ["Backend", "New", "4", "3", "0.75"], ["Backend", "In progress", "3", "2", "0.6667"],
                    ["Backend", "Interview", "2", "2", "1.0"], ["Backend", "Offer", "2", "2", "1.0"],
                    ["Backend", "Hired", "2", "", ""]]
    every = _csv(client, "conversion")
    assert {row[0] for row in every[1:]} == {"Backend", "Designer"}
    body = client.get("/admin/reports/conversion").get_data(as_text=True)
    assert "choose a job to see another" in body


def test_sources_and_hires(client, world):
    assert _csv(client, "sources") == [["Source", "Applications", "Hired", "Hire rate"],
                                       ["Careers page", "4", "2", "0.5"], ["TopCV", "1", "1", "1.0"]]


def test_sources_name_each_share_link(client, world):
    from app.applications.models import SourceLink

    a1, a2, *_ = world["apps"]
    link = SourceLink(company_id=world["company"].id, job_id=a1.job_id, name="University fair", code="fair2026ab")
    db.session.add(link)
    db.session.flush()
    for application in (a1, a2):
        application.source, application.source_link_id = "link", link.id
    db.session.commit()
    rows = _csv(client, "sources")
    assert ["Share link: University fair", "2"] == rows[1][:2] or ["Share link: University fair", "2"] == rows[2][:2]
    assert sum(int(r[1]) for r in rows[1:]) == 5


def test_rejection_reasons_with_and_without_a_reason(client, world, make):
    a5 = make.application(world["backend"], email="a5@example.com")
    a5.rejected_at, a5.status = utcnow() - timedelta(days=3), "closed"
    db.session.commit()
    # Most first; on a tie the company's reasons before "no reason recorded".
    assert _csv(client, "rejection-reasons") == [["Reason", "Rejections", "Share"], ["Not qualified", "1", "0.5"],
                                                 ["No reason recorded", "1", "0.5"]]


def test_emrex_and_assessment_completion(client, world):
    from app.assessments.models import AssessmentOrder
    from app.emrex.models import EmrexRequest
    from app.partners.models import PartnerIntegration

    a1, a2, a3, _a4, _b1 = world["apps"]
    co = world["company"]
    for application, status in ((a1, "completed"), (a2, "sent"), (a3, "completed"), (a3, "expired")):
        db.session.add(EmrexRequest(company_id=co.id, application_id=application.id, status=status))
    integration = PartnerIntegration(company_id=co.id, vendor="alva", product="assessment", status="configured")
    db.session.add(integration)
    db.session.flush()
    for n, status in enumerate(("complete", "invited", "expired")):
        db.session.add(AssessmentOrder(company_id=co.id, application_id=a1.id, integration_id=integration.id,
                                       partner_test_id=f"t{n}", status=status))
    db.session.commit()
    assert _csv(client, "completion") == [["What was asked", "Asked", "Completed", "Completion rate"],
                                          ["EMREX study records", "4", "2", "0.5"], ["Assessments", "3", "1", "0.3333"]]


def test_open_jobs_and_their_age(client, world, make):
    make.job(world["company"], title="Draft job", status="draft")
    job = world["backend"]
    job.created_at = utcnow() - timedelta(days=12)
    db.session.commit()
    rows = _csv(client, "open-jobs")
    assert rows[0] == ["Job", "Department", "Days open", "Applications"]
    assert rows[1] == ["Backend", "Engineering", "12", "4"]
    assert rows[2][0] == "Designer" and rows[2][3] == "1"
    assert len(rows) == 3


def test_date_job_and_department_filters(client, world):
    t0 = world["t0"]
    # Only the hires of days 5..15 after t0: a1 (day 10).
    rows = _csv(client, "time-to-hire", **{"from": (t0 + timedelta(days=5)).date().isoformat(),
                                           "to": (t0 + timedelta(days=15)).date().isoformat()})
    assert rows[1:] == [["Backend", "1", "10.0", "10.0"], ["All jobs", "1", "10.0", "10.0"]]
    assert _csv(client, "time-to-hire", job=world["designer"].id)[1:] == [["Designer", "1", "30.0", "30.0"],
                                                                         ["All jobs", "1", "30.0", "30.0"]]
    assert _csv(client, "sources", department="Design")[1:] == [["Careers page", "1", "1", "1.0"]]
    assert _csv(client, "open-jobs", department="Engineering")[1][0] == "Backend"
    # A range before everything: nothing, and the page says so.
    old = {"from": "2001-01-01", "to": "2001-12-31"}
    assert _csv(client, "sources", **old) == [["Source", "Applications", "Hired", "Hire rate"]]
    body = client.get("/admin/reports/sources", query_string=old).get_data(as_text=True)
    assert "Nothing to report for these filters yet." in body


@pytest.mark.parametrize("params, message", [
    ({"from": "yesterday"}, "is not a date"),
    ({"from": "2026-02-30"}, "is not a date"),
    ({"from": "2026-05-01", "to": "2026-04-01"}, "before its start"),
    ({"from": "2001-01-01", "to": "2026-01-01"}, "at most ten years"),
    ({"from": "1900-01-01"}, "between the years 2000 and 2999"),
    ({"from": "2999-12-30", "to": "9999-12-31"}, "between the years 2000 and 2999"),
    ({"job": "abc"}, "Choose a job from the list"),
    ({"job": "999999"}, "Choose a job from the list"),
    ({"department": "Nope"}, "Choose a department from the list"),
])
def test_bad_filters_are_a_400_with_a_message(client, world, params, message):
    response = client.get("/admin/reports/time-to-hire", query_string=params)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert 'role="alert"' in response.get_data(as_text=True)
    csv_response = client.get("/admin/reports/time-to-hire/export.csv", query_string=params)
    assert csv_response.status_code == 400 and message in csv_response.get_data(as_text=True)


def test_unknown_report_is_404(client, world):
    assert client.get("/admin/reports/nope").status_code == 404


def test_another_company_sees_none_of_it(client, world, make, auth):
    other = make.company("other")
    auth.logout()
    auth.login(f"admin@{other.slug}.test")
    for key in PAGES:
        assert len(_csv(client, key)) == 1, key
    # Acme's job is not a choice for Other.
    assert client.get("/admin/reports/sources", query_string={"job": world["backend"].id}).status_code == 400


def test_a_hiring_manager_sees_their_teams_jobs_only(client, world, make, auth):
    manager = make.user(world["company"], role="hiring_manager")
    world["designer"].team.append(manager)
    db.session.commit()
    auth.logout()
    auth.login(manager.email)
    assert _csv(client, "time-to-hire")[1:] == [["Designer", "1", "30.0", "30.0"], ["All jobs", "1", "30.0", "30.0"]]
    assert _csv(client, "sources")[1:] == [["Careers page", "1", "1", "1.0"]]
    assert [row[0] for row in _csv(client, "open-jobs")[1:]] == ["Designer"]
    assert client.get("/admin/reports/sources", query_string={"job": world["backend"].id}).status_code == 400
    body = client.get("/admin/reports/sources").get_data(as_text=True)
    assert "Backend" not in body


def test_an_interviewer_gets_no_reports(client, world, make, auth):
    interviewer = make.user(world["company"], role="interviewer")
    auth.logout()
    auth.login(interviewer.email)
    assert client.get("/admin/reports").status_code == 403
    assert client.get("/admin/reports/sources").status_code == 403
    assert 'href="/admin/reports"' not in client.get("/admin/").get_data(as_text=True)


def test_csv_cells_cannot_run_as_formulas(client, world):
    world["backend"].title = "=HYPERLINK(\"http://evil\")"
    world["reason"].label = "+1 reason"
    db.session.commit()
    rows = _csv(client, "time-to-hire")
    assert rows[1][0] == "'=HYPERLINK(\"http://evil\")"
    assert _csv(client, "rejection-reasons")[1][0] == "'+1 reason"


def test_each_report_costs_the_same_statements_however_many_rows(client, world, make):
    def count(key):
        db.session.expire_all()
        return len(selects(lambda: client.get(f"/admin/reports/{key}")))

    small = {key: count(key) for key in PAGES}
    t0 = world["t0"]
    for n in range(6):
        job = make.job(world["company"], title=f"More {n}", department=f"Dept {n}")
        for m in range(3):
            application = make.application(job, email=f"more{n}x{m}@example.com")
            _history(application, t0, [(0, 0), (1, 1 + m), (4, 5 + m)])
    large = {key: count(key) for key in PAGES}
    assert large == small
    # The layout and the signed-in user aside, each report is a handful of statements.
    floor = len(selects(lambda: client.get("/admin/reports")))
    assert all(n - floor <= 4 for n in large.values()), (floor, large)
