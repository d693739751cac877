"""A large bulk move runs as a task in a real worker process: every application moved once,
each one's automation fired once, the progress record complete; the task enqueued again (a
retry) changes nothing."""

import pytest
from sqlalchemy import func, select

from app.extensions import db
from tests.support.processes import run_worker
from tests.support.rejections import interviewing

pytestmark = pytest.mark.integration


def test_a_large_bulk_move_runs_in_the_worker_once_per_application(app, async_app, make, test_env):
    from app import background
    from app.applications.automations import add_automation
    from app.applications.models import Application, BulkAction, BulkItem, StageEntry
    from app.bulk import services as bulk
    from app.bulk.tasks import run_bulk
    from app.jobs.models import AutomationRun
    from app.messaging.models import OutboxEmail

    with async_app.app_context():
        company, recruiter, job, first = interviewing(make)
        apps = [first, *(make.application(job, email=f"c{i}@example.fi", given=f"Cand{i}", family="Koski")
                         for i in range(bulk.SYNC_MAX + 4))]
        offer = next(s for s in job.stages if s.name == "Offer")
        template = bulk.email_templates(company.id)[0]
        add_automation(job, stage_id=offer.id, email_template_id=template.id, move_to_stage_id=None)
        ids = bulk.selection(company.id, ids=[a.id for a in apps])
        action = bulk.start(company.id, recruiter, "move", {"stage": "Offer"}, ids)
        assert action.status == "queued"  # large: left to the worker
        action_id, offer_id = action.id, offer.id
        emails_before = db.session.scalar(select(func.count(OutboxEmail.id)))
    run_worker(test_env, queues="default")
    db.session.expire_all()
    action = db.session.get(BulkAction, action_id)
    assert (action.status, action.total, action.done, action.skipped, action.failed) == \
        ("finished", len(apps), len(apps), 0, 0)
    assert db.session.scalar(select(func.count(Application.id)).where(Application.stage_id == offer_id)) == len(apps)
    runs = list(db.session.scalars(select(AutomationRun.application_id).where(
        AutomationRun.application_id.in_(ids))))
    assert sorted(runs) == sorted(ids)
    emails_after = db.session.scalar(select(func.count(OutboxEmail.id)))
    assert emails_after - emails_before == len(apps)  # one automation email each

    # a retried task (same bulk action, enqueued again, even after it was marked unfinished)
    action.status = "running"
    db.session.commit()
    with async_app.app_context():
        background.enqueue(run_bulk, action_id, queue="default")
    run_worker(test_env, queues="default")
    db.session.expire_all()
    assert db.session.scalar(select(func.count(OutboxEmail.id))) == emails_after
    assert db.session.scalar(select(func.count(StageEntry.id)).where(StageEntry.stage_id == offer_id)) == len(apps)
    assert db.session.scalar(select(func.count()).select_from(BulkItem)) == len(apps)
