"""The test's own Redis (an embedded Valkey on its own port) stopped and started again
mid-run: queued tasks are gone with it, requests during the outage still commit their rows,
the sweeper re-enqueues from the database, and every email goes out exactly once."""

from __future__ import annotations

from datetime import timedelta

from freezegun import freeze_time
from redis import Redis
from rq import Queue
from sqlalchemy import select

from app import create_app, sweeper
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.clients import Auth, FreshGClient
from tests.support.faults import badge, card
from tests.support.processes import run_worker


def test_redis_restarted_mid_run_loses_nothing_and_sends_each_email_once(
        app, app_config, make, own_redis, faulty_smtp, test_env, client):
    redis_settings = {"REDIS_URL": own_redis.url, "RQ_CONNECTION": own_redis.url,
                      "RATELIMIT_STORAGE_URI": own_redis.url}
    web = create_app({**app_config, **redis_settings, "RQ_ASYNC": True})
    env = {**test_env, "REDIS_URL": own_redis.url, "MAIL_PORT": str(faulty_smtp.port)}
    company = make.company("acme")
    job = make.job(company)
    start = utcnow()
    with web.app_context(), freeze_time(start):
        before = make.application(job, email="before@example.fi").id  # enqueued into Redis…
    assert Queue("emails", connection=Redis.from_url(own_redis.url)).count == 1

    own_redis.stop()  # …and Redis goes away with the queue in memory
    assert not own_redis.up()
    with web.app_context(), freeze_time(start):
        during = make.application(job, email="during@example.fi").id  # the request still commits
    make.staff()
    staff_app = create_app({**app_config, **redis_settings})
    staff_app.test_client_class = FreshGClient
    with staff_app.app_context():
        tasks_client = staff_app.test_client()
        Auth(tasks_client).login("staff@haku.test")
        page = tasks_client.get("/staff/tasks")
        assert page.status_code == 200 and "The task queue (Redis) is not reachable" in page.get_data(as_text=True)
    assert badge("pending") in card(client, company, during)

    own_redis.start()  # same port, empty
    assert own_redis.up() and Queue("emails", connection=Redis.from_url(own_redis.url)).count == 0
    with web.app_context(), freeze_time(start + timedelta(minutes=1)):
        assert sweeper.sweep()["outbox"] == 2  # the app's connection pool reconnects by itself
    run_worker(env)
    with web.app_context(), freeze_time(start + timedelta(minutes=5)):
        assert sweeper.sweep()["outbox"] == 0
    run_worker(env)
    db.session.expire_all()
    rows = db.session.scalars(select(OutboxEmail).where(OutboxEmail.application_id.in_([before, during]))).all()
    assert sorted((r.to_addr, r.status, r.attempts) for r in rows) == [
        ("before@example.fi", "sent", 1), ("during@example.fi", "sent", 1)]
    assert sorted(m["To"] for m in faulty_smtp.accepted) == ["before@example.fi", "during@example.fi"]
    assert badge("sent") in card(client, company, before) and badge("sent") in card(client, company, during)
