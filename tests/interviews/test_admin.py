"""The recruiter's side: "Schedule interview…" on the card, the panel, booking and
cancelling from it, My interviews and the availability page."""

from __future__ import annotations

from datetime import datetime

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from app.extensions import db
from app.interviews.models import Availability, Interview, InterviewStatus
from app.messaging.models import OutboxEmail

NOW = datetime(2026, 12, 7, 8, 0)


@pytest.fixture(autouse=True)
def _frozen():
    """Every step at one instant (a Monday morning): the sign-in included."""
    with freeze_time(NOW):
        yield


def test_create_and_book_from_the_card(team, client, auth):
    app_id = team["application"].id
    auth.login(team["admin"].email)
    with freeze_time(NOW):
        card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
        assert "Schedule interview" in card
        dialog = client.get(f"/admin/applications/{app_id}/interviews/new", headers={"HX-Request": "true"})
        assert dialog.status_code == 200 and "<dialog" in dialog.get_data(as_text=True)
        assert team["anna"].name in dialog.get_data(as_text=True)
        # the admin's zone is the company's (Helsinki): 14:00 local on 9 December is 12:00 UTC
        resp = client.post(f"/admin/applications/{app_id}/interviews/new", data={
            "kind": "video", "duration": "45", "interviewers": [str(team["anna"].id)],
            "location": "https://meet.example/x", "then": "time", "date": "2026-12-09", "time": "14:00"})
        assert resp.status_code == 303
        interview = db.session.scalar(select(Interview))
        assert interview.status == InterviewStatus.BOOKED and interview.starts_at == datetime(2026, 12, 9, 12, 0)
        card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
        assert "interview-panel" in card and "Interview booked for" in card
        resp = client.post(f"/interviews/{interview.id}/cancel")  # outside /admin: not a route
        assert resp.status_code == 404
        resp = client.post(f"/admin/interviews/{interview.id}/cancel")
        assert resp.status_code == 303
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.CANCELLED
    kinds = sorted(r.kind for r in db.session.scalars(select(OutboxEmail)))
    assert kinds.count("interview_cancelled") == 1 and kinds.count("interview_invitation") == 1


def test_the_form_shows_its_errors(team, client, auth):
    auth.login(team["admin"].email)
    app_id = team["application"].id
    resp = client.post(f"/admin/applications/{app_id}/interviews/new", data={
        "kind": "video", "duration": "5", "then": "time"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "between 15 and 480" in html and "at least one interviewer" in html
    with freeze_time(NOW):
        resp = client.post(f"/admin/applications/{app_id}/interviews/new", data={
            "kind": "video", "duration": "30", "interviewers": [str(team["anna"].id)], "then": "time"})
    assert resp.status_code == 422 and "Give a date and a time" in resp.get_data(as_text=True)
    assert db.session.scalar(select(Interview)) is None


def test_another_company_cannot_touch_an_interview(team, make, client, auth):
    from app.interviews import services

    interview = services.create(team["application"], team["admin"], kind="phone", duration_minutes=30,
                                interviewer_ids=[team["anna"].id])
    other = make.company("muu")
    auth.login(make.admin_of(other).email)
    assert client.post(f"/admin/interviews/{interview.id}/cancel").status_code == 404
    assert client.get(f"/admin/applications/{team['application'].id}/interviews/new").status_code == 404
    db.session.refresh(interview)
    assert interview.status == InterviewStatus.DRAFT


def test_my_interviews_and_availability(team, client, auth):
    from app.interviews import services

    auth.login(team["anna"].email)
    assert "No upcoming interviews" in client.get("/admin/interviews/mine").get_data(as_text=True)
    with freeze_time(NOW):
        interview = services.create(team["application"], team["admin"], kind="onsite", duration_minutes=60,
                                    interviewer_ids=[team["anna"].id], location="Mannerheimintie 1")
        services.book(interview, datetime(2026, 12, 9, 8, 0), actor=team["admin"])
        html = client.get("/admin/interviews/mine").get_data(as_text=True)
    assert "Aino Virtanen" in html and "Mannerheimintie 1" in html
    page = client.get("/admin/account/availability")
    assert page.status_code == 200 and "09:00-17:00" in page.get_data(as_text=True)
    bad = client.post("/admin/account/availability", data={"day0": "nine to five"})
    assert bad.status_code == 422 and "is not a time range" in bad.get_data(as_text=True)
    ok = client.post("/admin/account/availability", data={"day0": "08:00-11:00", "day2": "12:00-15:00",
                                                          "blocked": "2026-12-24 00:00 - 2026-12-27 00:00"})
    assert ok.status_code == 303
    row = db.session.get(Availability, team["anna"].id)
    assert row.weekly == {"0": [["08:00", "11:00"]], "2": [["12:00", "15:00"]]}
