"""The job's interview scheduling: entering its stage creates an interview and sends the
candidate the self-scheduling link, once."""

from __future__ import annotations

from datetime import datetime

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from app.applications.services import move_to_stage
from app.extensions import db
from app.interviews import services
from app.interviews.models import Interview, InterviewStatus
from app.messaging.models import OutboxEmail

NOW = datetime(2026, 12, 7, 8, 0)


@pytest.fixture(autouse=True)
def _frozen():
    with freeze_time(NOW):
        yield


def _links() -> list[OutboxEmail]:
    return list(db.session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "interview_link")))


def test_entering_the_stage_sends_a_scheduling_link_once(team):
    job, application = team["job"], team["application"]
    stage = job.stages[2]
    services.save_plan(job, stage_id=stage.id, kind="video", duration_minutes=30,
                       interviewer_ids=[team["anna"].id, team["ben"].id], location="https://meet.example/k",
                       is_active=True)
    move_to_stage(application, stage.id, team["admin"])
    (interview,) = db.session.scalars(select(Interview)).all()
    assert interview.status == InterviewStatus.AWAITING and interview.cause == "automation"
    assert interview.duration_minutes == 30 and {i.user_id for i in interview.interviewers} == {
        team["anna"].id, team["ben"].id}
    (email,) = _links()
    assert email.to_addr == "aino@example.com" and "/interview/" in email.body_text
    # back and into the stage again: the open interview stands, no second link
    move_to_stage(application, job.stages[1].id, team["admin"])
    move_to_stage(application, stage.id, team["admin"])
    assert len(db.session.scalars(select(Interview)).all()) == 1 and len(_links()) == 1


def test_switched_off_or_other_stage_does_nothing(team):
    job, application = team["job"], team["application"]
    services.save_plan(job, stage_id=job.stages[2].id, kind="phone", duration_minutes=30,
                       interviewer_ids=[team["anna"].id], location="", is_active=False)
    move_to_stage(application, job.stages[2].id, team["admin"])
    services.save_plan(job, stage_id=job.stages[3].id, kind="phone", duration_minutes=30,
                       interviewer_ids=[team["anna"].id], location="", is_active=True)
    move_to_stage(application, job.stages[1].id, team["admin"])
    assert db.session.scalars(select(Interview)).all() == [] and _links() == []


def test_the_settings_page_saves_the_plan(team, client, auth):
    job = team["job"]
    auth.login(team["admin"].email)
    page = client.get(f"/admin/jobs/{job.id}/interview-scheduling")
    assert page.status_code == 200 and team["ben"].name in page.get_data(as_text=True)
    bad = client.post(f"/admin/jobs/{job.id}/interview-scheduling", data={
        "stage": str(job.stages[2].id), "kind": "video", "duration": "30", "is_active": "y"})
    assert bad.status_code == 422 and "at least one interviewer" in bad.get_data(as_text=True)
    ok = client.post(f"/admin/jobs/{job.id}/interview-scheduling", data={
        "stage": str(job.stages[2].id), "kind": "onsite", "duration": "60",
        "interviewers": [str(team["ben"].id)], "location": "Toimisto", "is_active": "y"})
    assert ok.status_code == 303
    plan = services.plan_of(job.id)
    assert (plan.stage_id, plan.kind, plan.duration_minutes, plan.interviewer_ids, plan.is_active) == (
        job.stages[2].id, "onsite", 60, [team["ben"].id], True)
