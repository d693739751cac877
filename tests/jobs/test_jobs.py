from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from app import sweeper
from app.applications import automations
from app.applications import services as applications
from app.applications.models import StageEntry
from app.clock import utcnow
from app.extensions import db
from app.jobs import services
from app.jobs.events import stage_entered
from app.jobs.models import AutomationRun
from app.messaging.models import OutboxEmail
from app.messaging.services import template_for


def names(owner):
    return [s.name for s in owner.stages]


def test_new_job_gets_default_stages(make):
    job = make.job(make.company("acme"))
    assert names(job) == ["New", "In progress", "Interview", "Offer", "Hired", "Rejected"]
    assert [s.kind for s in job.stages][-2:] == ["hired", "rejected"]


def test_stages_add_rename_reorder_delete(make):
    job = make.job(make.company("acme"))
    stage = services.add_stage(job, "Phone screen")
    assert names(job) == ["New", "In progress", "Interview", "Offer", "Phone screen", "Hired", "Rejected"]
    services.rename_stage(stage, "Phone call")
    services.move_stage(job, stage, -1)
    services.move_stage(job, stage, -1)
    db.session.expire(job)
    assert names(job)[2] == "Phone call"
    ids = [s.id for s in job.stages]
    services.reorder_stages(job, list(reversed(ids)))
    db.session.expire(job)
    assert names(job)[0] == "Rejected"
    with pytest.raises(services.JobError):
        services.reorder_stages(job, ids[:-1])
    services.delete_stage(stage)
    db.session.expire(job)
    assert "Phone call" not in names(job)


def test_stage_with_applications_cannot_be_deleted(make):
    job = make.job(make.company("acme"))
    make.application(job)
    with pytest.raises(services.JobError):
        services.delete_stage(job.stages[0])


def test_template_copies_fields_stages_automations_and_settings_by_position(make):
    company = make.company("acme")
    source = make.job(company, "Engineer", salary_min=3000, salary_max=4000)
    services.add_stage(source, "Tech test")
    automations.add_automation(source, stage_id=source.stages[2].id, email_template_id=None,
                            move_to_stage_id=source.stages[3].id, delay_days=2)
    services.set_integration_settings(source, "emrex", {"trigger_stage_id": source.stages[2].id, "reminders": True})
    db.session.commit()
    template = services.create_template(company.id, "Eng", {}, from_job=source)
    assert names(template) == names(source)
    tstage_ids = [s.id for s in template.stages]
    assert template.integration_settings["emrex"]["trigger_stage_id"] == tstage_ids[2]
    job = services.create_job(company.id, make.admin_of(company), {"title": "Engineer 2"}, template_id=template.id)
    assert names(job) == names(source) and job.salary_min == 3000 and job.template_id == template.id
    assert job.integration_settings["emrex"] == {"trigger_stage_id": job.stages[2].id, "reminders": True}
    (auto,) = job.automations
    assert (auto.stage_id, auto.move_to_stage_id, auto.delay_days) == (job.stages[2].id, job.stages[3].id, 2)


def test_foreign_template_is_refused(make):
    a, b = make.company("a"), make.company("b")
    template = services.create_template(b.id, "B", {"title": "x"})
    with pytest.raises(services.JobError):
        services.create_job(a.id, make.admin_of(a), {"title": "y"}, template_id=template.id)


def test_stage_event_fires_on_every_entry_with_its_cause(make):
    job = make.job(make.company("acme"))
    admin = make.admin_of(job.company)
    seen = []

    def receiver(application, entry, depth=0, **_):
        seen.append((entry.stage.name, entry.cause))

    stage_entered.connect(receiver)
    try:
        application = make.application(job)
        applications.move_to_stage(application, job.stages[2].id, admin)
        applications.move_to_stage(application, job.stages[1].id, admin)
        applications.move_to_stage(application, job.stages[2].id, admin)
    finally:
        stage_entered.disconnect(receiver)
    assert seen == [("New", "apply"), ("Interview", "person"), ("In progress", "person"), ("Interview", "person")]


def test_automation_moves_at_once_and_chains_like_a_manual_move(make):
    job = make.job(make.company("acme"))
    interview = template_for(job.company_id, "interview_invitation")
    db.session.add(interview)
    db.session.commit()
    automations.add_automation(job, stage_id=job.stages[0].id, email_template_id=None, move_to_stage_id=job.stages[1].id)
    automations.add_automation(job, stage_id=job.stages[1].id, email_template_id=interview.id,
                            move_to_stage_id=job.stages[2].id)
    application = make.application(job)
    assert application.stage.name == "Interview"
    causes = [e.cause for e in db.session.scalars(select(StageEntry).where(
        StageEntry.application_id == application.id).order_by(StageEntry.id))]
    assert causes == ["apply", "automation", "automation"]
    mails = db.session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "automation")).all()
    assert len(mails) == 1 and job.title in mails[0].subject


def test_automation_loop_is_stopped(make):
    job = make.job(make.company("acme"))
    automations.add_automation(job, stage_id=job.stages[1].id, email_template_id=None, move_to_stage_id=job.stages[2].id)
    automations.add_automation(job, stage_id=job.stages[2].id, email_template_id=None, move_to_stage_id=job.stages[1].id)
    application = make.application(job)
    applications.move_to_stage(application, job.stages[1].id, make.admin_of(job.company))
    runs = db.session.scalars(select(AutomationRun)).all()
    assert any(r.outcome == "loop" for r in runs)
    assert len(runs) <= automations.MAX_AUTOMATION_DEPTH + 2


def test_delayed_move_waits_for_the_sweeper(make):
    job = make.job(make.company("acme"))
    automations.add_automation(job, stage_id=job.stages[0].id, email_template_id=None,
                            move_to_stage_id=job.stages[5].id, delay_days=3)
    start = utcnow()
    with freeze_time(start):
        application = make.application(job)
    with freeze_time(start + timedelta(days=2, hours=23)):
        sweeper.sweep()
    db.session.expire_all()
    assert application.stage.name == "New"
    with freeze_time(start + timedelta(days=3, minutes=1)):
        sweeper.sweep()
        sweeper.sweep()
    db.session.expire_all()
    assert application.stage.name == "Rejected" and application.status == "closed"
    assert db.session.scalar(select(AutomationRun)).outcome == "move"


def test_delayed_move_is_skipped_when_the_application_moved_on(make):
    job = make.job(make.company("acme"))
    automations.add_automation(job, stage_id=job.stages[0].id, email_template_id=None,
                            move_to_stage_id=job.stages[5].id, delay_days=3)
    start = utcnow()
    with freeze_time(start):
        application = make.application(job)
        applications.move_to_stage(application, job.stages[2].id, make.admin_of(job.company))
    with freeze_time(start + timedelta(days=4)):
        sweeper.sweep()
    db.session.expire_all()
    assert application.stage.name == "Interview"
    assert db.session.scalar(select(AutomationRun)).outcome == "skipped"


@pytest.mark.parametrize("kwargs,message", [
    ({"stage_id": -1, "email_template_id": None, "move_to_stage_id": None}, "stage of this pipeline"),
    ({"email_template_id": None, "move_to_stage_id": None}, "sends an email"),
    ({"email_template_id": 99999, "move_to_stage_id": None}, "Unknown email template"),
])
def test_automation_validation(make, kwargs, message):
    job = make.job(make.company("acme"))
    kwargs.setdefault("stage_id", job.stages[0].id)
    with pytest.raises(services.JobError, match=message):
        automations.add_automation(job, **kwargs)
