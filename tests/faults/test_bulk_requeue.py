"""A large bulk action started while Redis is down: its task cannot be enqueued, the action
stays "queued" in the database, and once Redis is back the sweeper enqueues it again — but
only after it has made no progress for ``STALLED_AFTER``, and not while its task is waiting.
A real worker then runs it: every application moved, each automation fired once."""

from __future__ import annotations

from datetime import timedelta

from freezegun import freeze_time
from redis import Redis
from rq import Queue
from sqlalchemy import select

from app import create_app, sweeper
from app.accounts.models import User
from app.applications.automations import add_automation
from app.applications.models import Application, BulkAction, BulkStatus
from app.clock import utcnow
from app.extensions import db
from app.jobs.models import AutomationRun
from tests.support.processes import run_worker
from tests.support.rejections import interviewing


def test_bulk_action_deferred_while_redis_is_down_is_requeued_by_the_sweeper(
        app, app_config, make, own_redis, faulty_smtp, test_env, monkeypatch):
    from app.bulk import services as bulk

    company, recruiter, job, first = interviewing(make)
    apps = [first] + [make.application(job, email=f"b{i}@example.fi") for i in range(3)]
    offer = next(s for s in job.stages if s.name == "Offer")
    template = bulk.email_templates(company.id)[0]
    add_automation(job, stage_id=offer.id, email_template_id=template.id, move_to_stage_id=None)
    ids = [a.id for a in apps]
    redis_settings = {"REDIS_URL": own_redis.url, "RQ_CONNECTION": own_redis.url,
                      "RATELIMIT_STORAGE_URI": own_redis.url}
    web = create_app({**app_config, **redis_settings, "RQ_ASYNC": True})
    env = {**test_env, "REDIS_URL": own_redis.url, "MAIL_PORT": str(faulty_smtp.port)}
    monkeypatch.setattr(bulk, "SYNC_MAX", 2)  # four applications: a task
    start = utcnow()

    own_redis.stop()
    with web.app_context(), freeze_time(start):
        action = bulk.start(company.id, db.session.get(User, recruiter.id), "move", {"stage": "Offer"},
                            bulk.selection(company.id, ids=ids))
        bulk_id = action.id
        assert action.status == BulkStatus.QUEUED  # committed; the enqueue failed and was logged
    own_redis.start()  # empty: the task is nowhere
    queue = Queue("default", connection=Redis.from_url(own_redis.url))
    assert queue.count == 0

    with web.app_context(), freeze_time(start + timedelta(minutes=1)):
        assert sweeper.sweep()["bulk_stalled"] == 0  # not stalled yet: it may be on its way
    with web.app_context(), freeze_time(start + timedelta(minutes=6)):
        assert sweeper.sweep()["bulk_stalled"] == 1
    assert queue.count == 1
    with web.app_context(), freeze_time(start + timedelta(minutes=12)):
        assert sweeper.sweep()["bulk_stalled"] == 0  # its task is waiting: not enqueued twice
    assert queue.count == 1

    run_worker(env)
    db.session.expire_all()
    action = db.session.get(BulkAction, bulk_id)
    assert (action.status, action.done, action.skipped, action.failed) == (BulkStatus.FINISHED, 4, 0, 0)
    assert {db.session.get(Application, i).stage.name for i in ids} == {"Offer"}
    runs = db.session.scalars(select(AutomationRun.application_id).where(AutomationRun.application_id.in_(ids)))
    assert sorted(runs) == sorted(ids)  # each automation exactly once
    with web.app_context(), freeze_time(start + timedelta(minutes=30)):
        assert sweeper.sweep()["bulk_stalled"] == 0  # finished: left alone
