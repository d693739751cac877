"""Commit, then enqueue (app/background/deferred.py): what a transaction defers is enqueued
once its commit has succeeded and the session is free again, and is dropped when the
transaction (or a savepoint inside it) rolls back. Tasks run inline here (RQ_ASYNC off)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app import background
from app.accounts.models import Company
from app.extensions import db

RAN: list[tuple] = []


def count_companies(tag: str) -> int:
    """A task that emits SQL and commits, as the partner and email tasks do."""
    n = db.session.scalar(select(func.count()).select_from(Company))
    RAN.append((tag, n))
    db.session.commit()
    return n


def defer_again(tag: str) -> None:
    """A task that defers a task of its own and commits (a quick retry does this)."""
    background.defer(count_companies, f"{tag}+1", queue="default")
    db.session.commit()


@pytest.fixture(autouse=True)
def _clean():
    RAN.clear()
    yield
    RAN.clear()


def test_a_deferred_task_runs_after_the_commit_and_can_use_the_session(app, make):
    make.company("acme")
    db.session.add(Company(slug="beta", name="Beta"))
    background.defer(count_companies, "first", queue="default")
    assert RAN == []
    db.session.commit()
    assert RAN == [("first", 2)]  # it saw the committed row: it ran after the commit, in a new transaction


def test_tasks_deferred_by_a_task_run_after_its_own_commit(app, make):
    make.company("acme")
    background.defer(defer_again, "outer", queue="default")
    db.session.commit()
    assert RAN == [("outer+1", 1)]


def test_a_rollback_drops_what_the_transaction_deferred(app, make):
    make.company("acme")
    background.defer(count_companies, "lost", queue="default")
    db.session.rollback()
    db.session.commit()
    assert RAN == []


def test_a_failed_commit_drops_what_it_deferred(app, make):
    make.company("acme")
    db.session.add(Company(slug="acme", name="Twin"))  # the slug is unique
    background.defer(count_companies, "lost", queue="default")
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.commit()
    assert RAN == []


def test_a_savepoint_rolled_back_takes_back_only_its_own_tasks(app, make):
    make.company("acme")
    background.defer(count_companies, "outer", queue="default")
    with pytest.raises(RuntimeError), db.session.begin_nested():
        background.defer(count_companies, "inner", queue="default")
        raise RuntimeError("undo the savepoint")
    with db.session.begin_nested():
        background.defer(count_companies, "kept", queue="default")
    assert RAN == []  # a released savepoint commits nothing yet
    db.session.commit()
    assert [tag for tag, _ in RAN] == ["outer", "kept"]


def test_a_redis_outage_at_enqueue_is_logged_not_raised(app, make, monkeypatch, caplog):
    from redis.exceptions import ConnectionError as RedisConnectionError

    from app.background import queues

    class Down:
        def enqueue(self, *args, **kwargs):
            raise RedisConnectionError("gone")

    monkeypatch.setattr(queues, "get_queue", lambda name: Down())
    monkeypatch.setattr("app.background.deferred.get_queue", lambda name: Down())
    make.company("acme")
    background.defer(count_companies, "lost", queue="default")
    db.session.commit()  # the rows are the truth; the sweeper enqueues what is still due
    assert RAN == [] and "the sweeper will retry" in caplog.text


def test_a_commits_tasks_reach_redis_in_one_round_trip(async_app, monkeypatch):
    """With a worker's queues (RQ_ASYNC on), what a commit let go is written to Redis in one
    pipeline — rq alone makes two round trips per task — and the jobs are those a plain enqueue
    writes: same queue, function, arguments and options."""
    import redis
    from rq import Retry
    from rq.job import Job

    from app.background import get_queue

    for queue in ("default", "emails"):
        get_queue(queue).empty()
    background.defer(count_companies, "warm", queue="default")
    db.session.commit()  # rq reads the server's version once per queue: not this test's business
    get_queue("default").get_redis_server_version()
    get_queue("emails").get_redis_server_version()
    trips = []
    execute, command = redis.client.Pipeline.execute, redis.Redis.execute_command
    monkeypatch.setattr(redis.client.Pipeline, "execute",
                        lambda self, *a, **k: trips.append([c[0][0] for c in self.command_stack]) or execute(self, *a, **k))
    monkeypatch.setattr(redis.Redis, "execute_command", lambda self, *a, **k: trips.append(a[0]) or command(self, *a, **k))
    options = {"retry": Retry(max=2, interval=[30, 120]), "job_timeout": 60, "failure_ttl": 3600}
    background.defer(count_companies, "one", queue="emails", job_id="t-one", **options)
    background.defer(count_companies, "two", queue="default", job_id="t-two")
    db.session.commit()
    assert len(trips) == 1, trips
    monkeypatch.undo()
    get_queue("emails").enqueue(count_companies, "plain", job_id="t-plain", **options)
    assert get_queue("emails").job_ids == ["t-one", "t-plain"] and get_queue("default").job_ids[-1] == "t-two"
    conn = get_queue("emails").connection
    piped, plain = Job.fetch("t-one", connection=conn), Job.fetch("t-plain", connection=conn)
    assert piped.args == ("one",) and piped.func_name == plain.func_name and piped.origin == plain.origin == "emails"
    assert (piped.retries_left, piped.retry_intervals, piped.timeout, piped.failure_ttl, piped.get_status()) == (
        plain.retries_left, plain.retry_intervals, plain.timeout, plain.failure_ttl, plain.get_status())
    assert conn.sismember("rq:queues", "rq:queue:emails") and conn.sismember("rq:queues", "rq:queue:default")
    for queue in ("default", "emails"):
        get_queue(queue).empty()
