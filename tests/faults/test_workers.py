"""Worker faults: a crash between commit and enqueue (SECURITY_BAR 29), the same task twice
and a worker killed mid-send (30), a task that keeps raising (34). Real RQ workers against
the test's own Redis, real SMTP; the only injected fault is one call made to raise (29)."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from freezegun import freeze_time
from redis import Redis
from rq import Queue, Retry
from rq.job import Job
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry
from sqlalchemy import select

from app import background, sweeper
from app.background import deferred
from app.clock import utcnow
from app.extensions import db
from app.messaging import services
from app.messaging.models import OutboxEmail
from tests.support.clients import Auth
from tests.support.faults import WorkerProcess, badge, card
from tests.support.processes import run_worker, wait_for


def the_row() -> OutboxEmail:
    db.session.expire_all()
    return db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id.is_not(None)))


def test_bar_29_crash_between_commit_and_enqueue_then_the_sweeper_sends_once(
        app, async_app, make, faulty_smtp, worker_env, client, monkeypatch):
    company = make.company("acme")
    job = make.job(company)

    def crash(*args, **kwargs):
        raise SystemError("process died right after COMMIT")

    monkeypatch.setattr(deferred, "_enqueue_all", crash)  # what the after-commit event calls
    with async_app.app_context(), pytest.raises(SystemError):
        make.application(job, email="aino@example.fi")
    monkeypatch.undo()
    row = the_row()
    assert (row.status, row.attempts) == ("pending", 0)  # committed, never enqueued
    assert sum(Queue(q, connection=Redis.from_url(worker_env["REDIS_URL"])).count
               for q in ("emails", "default")) == 0
    assert badge("pending") in card(client, company, row.application_id)

    with async_app.app_context():
        assert sweeper.sweep()["outbox"] == 0  # younger than the grace period: the request may still enqueue
        with freeze_time(utcnow() + timedelta(minutes=1)):
            assert sweeper.sweep()["outbox"] == 1
            # a second sweep before the worker ran: the task is still waiting, no second copy
            assert sweeper.sweep()["outbox"] == 0
            assert Queue("emails", connection=Redis.from_url(worker_env["REDIS_URL"])).count == 1
    run_worker(worker_env)
    with async_app.app_context(), freeze_time(utcnow() + timedelta(minutes=2)):
        assert sweeper.sweep()["outbox"] == 0
    run_worker(worker_env)
    row = the_row()
    assert (row.status, row.attempts) == ("sent", 1)
    assert [m["To"] for m in faulty_smtp.accepted] == ["aino@example.fi"]
    assert badge("sent") in card(client, company, row.application_id)


def test_bar_30_the_same_task_twice_serially_sends_once(app, async_app, make, faulty_smtp, worker_env):
    from app.messaging.tasks import send_email

    with async_app.app_context():
        make.application(make.job(make.company("acme")))
        row = the_row()
        for suffix in ("0", "again", "manual"):  # the relay, a staff retry, a duplicate: different job ids
            assert background.enqueue(send_email, row.id, job_id=f"email-{row.id}-{suffix}",
                                      **services.send_email_options())
    run_worker(worker_env)
    assert the_row().status == "sent"
    assert len(faulty_smtp.accepted) == 1 and len(faulty_smtp.seen) == 1
    queue = Queue("emails", connection=Redis.from_url(worker_env["REDIS_URL"]))
    results = {Job.fetch(f"email-{row.id}-{s}", connection=queue.connection).return_value()
               for s in ("0", "again", "manual")}
    assert results == {"sent"}  # the later runs found it sent and did nothing


def test_bar_30_the_same_task_twice_concurrently_sends_once(app, async_app, make, faulty_smtp, worker_env,
                                                             tmp_path):
    from app.messaging.tasks import send_email

    faulty_smtp.fail("hold", times=1)  # the first send is in flight while the second task runs
    with async_app.app_context():
        make.application(make.job(make.company("acme")))
        row = the_row()
        background.enqueue(send_email, row.id, job_id=f"email-{row.id}-a", **services.send_email_options())
    first = WorkerProcess(worker_env, "emails", tmp_path / "worker.log")
    try:
        wait_for(lambda: len(faulty_smtp.seen) == 1, timeout=60, message="the first send to reach DATA")
        assert the_row().status == "sending"
        with async_app.app_context():
            background.enqueue(send_email, row.id, job_id=f"email-{row.id}-b", **services.send_email_options())
        run_worker(worker_env)  # a second worker runs the duplicate while the first still sends
        queue = Queue("emails", connection=Redis.from_url(worker_env["REDIS_URL"]))
        assert Job.fetch(f"email-{row.id}-b", connection=queue.connection).return_value() == "sending"
        faulty_smtp.release()
        wait_for(lambda: the_row().status == "sent", timeout=60, message="the first send to finish")
    finally:
        first.stop()
    assert len(faulty_smtp.accepted) == 1 and len(faulty_smtp.seen) == 1


def test_bar_30_worker_killed_mid_send_is_retried_into_one_logical_send(
        app, async_app, make, faulty_smtp, worker_env, client, tmp_path):
    faulty_smtp.fail("hold", times=1)  # the server holds its answer to DATA…
    company = make.company("acme")
    with async_app.app_context():
        make.application(make.job(company), email="aino@example.fi")
    worker = WorkerProcess(worker_env, "emails", tmp_path / "worker.log")
    try:
        wait_for(lambda: len(faulty_smtp.seen) == 1, timeout=60, message="the send to reach DATA")
        killed = worker.kill()  # …while the worker (and its work horse) die with SIGKILL
    finally:
        worker.stop()
    faulty_smtp.release()
    assert len(killed) >= 1
    row = the_row()
    assert (row.status, row.attempts) == ("sending", 1) and row.sent_at is None
    assert faulty_smtp.accepted == []
    page = card(client, company, row.application_id)
    assert badge("sending") in page and badge("sent") not in page  # honest: not sent

    # RQ's AbandonedJobError path: the started-registry entry expires, the job is retried
    redis = Redis.from_url(worker_env["REDIS_URL"])
    queue = Queue("emails", connection=redis)
    started = StartedJobRegistry(queue=queue)
    assert started.get_job_ids() == [f"email-{row.id}-0"]
    started.cleanup(timestamp=time.time() + 3600)
    scheduled = ScheduledJobRegistry(queue=queue)
    for job_id in scheduled.get_job_ids():  # the Retry interval, elapsed: what the scheduler does then
        scheduled.remove(job_id)
        queue.enqueue_job(Job.fetch(job_id, connection=redis))
    assert queue.count == 1
    run_worker(worker_env)
    row = the_row()
    assert row.status == "sending" and faulty_smtp.accepted == []  # the live claim stops a blind resend

    # the sweeper releases the stale claim of the dead worker and sends it, once
    with async_app.app_context(), freeze_time(utcnow() + services.STALE_CLAIM + timedelta(minutes=1)):
        assert sweeper.sweep()["outbox"] == 1
    run_worker(worker_env)
    row = the_row()
    assert (row.status, row.attempts) == ("sent", 2)
    (msg,) = faulty_smtp.accepted
    assert msg["Message-ID"] == row.message_id == faulty_smtp.seen[0]["Message-ID"]  # same message, resent
    assert len(faulty_smtp.seen) == 2
    with async_app.app_context(), freeze_time(utcnow() + timedelta(hours=1)):
        assert sweeper.sweep()["outbox"] == 0
    assert badge("sent") in card(client, company, row.application_id)


def _raising_task_run_to_the_end(test_env, redis_url):
    redis = Redis.from_url(redis_url)
    queue = Queue("default", connection=redis)
    job = queue.enqueue("tests.faults.tasks.always_raises", "attempts:broken", retry=Retry(max=2),
                        job_timeout=30, failure_ttl=3600)
    for _ in range(5):  # a retry can be requeued just as a burst worker ends: burst again until idle
        run_worker(test_env, queues="default")
        if not queue.count:
            break
    return redis, queue, job


def test_bar_34_a_task_that_keeps_raising_fails_after_exactly_its_tries(app, test_env, redis_url):
    """Flask-RQ's per-task `flask rq work-horse` subprocess lost the Retry (the job sat QUEUED in
    the failed registry after one run); Haku's worker (app/background/worker.py) keeps rq's own."""
    redis, queue, job = _raising_task_run_to_the_end(test_env, redis_url)
    assert int(redis.get("attempts:broken")) == 3  # the first run and two retries, then no more
    fetched = Job.fetch(job.id, connection=redis)
    assert fetched.get_status() == "failed" and fetched.retries_left == 0
    assert FailedJobRegistry(queue=queue).get_job_ids() == [job.id] and queue.count == 0
    run_worker(test_env, queues="default")
    assert int(redis.get("attempts:broken")) == 3


def test_bar_34_an_exhausted_task_alerts_staff_and_can_be_retried(app, make, test_env, redis_url, client):
    _, queue, job = _raising_task_run_to_the_end(test_env, redis_url)
    assert FailedJobRegistry(queue=queue).get_job_ids() == [job.id]
    make.staff()
    Auth(client).login("staff@haku.test")
    home = client.get("/staff/").get_data(as_text=True)
    assert 'class="badge badge-failed" title="Failed tasks">1</span>' in home  # the alert on every staff page
    page = client.get("/staff/tasks").get_data(as_text=True)
    assert "always_raises" in page and "BrokenPartner: the partner answered nonsense again" in page
    assert client.post(f"/staff/tasks/default/{job.id}/retry").status_code == 302
    assert FailedJobRegistry(queue=queue).count == 0 and queue.count == 1
    assert 'title="Failed tasks"' not in client.get("/staff/").get_data(as_text=True)
