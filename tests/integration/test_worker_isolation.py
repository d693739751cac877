"""The worker runs many tasks in one work process (app/background/worker.py) and must keep
the safety a fork per task gave: a task that crashes or leaves something behind cannot
poison the next one, and queues are taken fairly. Each test runs a real ``flask rq worker``
process against the test's own Redis and database."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from app.extensions import db
from tests.support.processes import run_worker

pytestmark = pytest.mark.integration

ORDER = "test:worker:order"
#: Connections a task checked out and kept (module state in the work process).
_KEPT: list = []


@pytest.fixture
def scratch(async_app):
    """A table of the test's own, so the tasks can write rows without foreign keys."""
    db.session.execute(text("CREATE TABLE worker_scratch (tag VARCHAR(40))"))
    db.session.commit()
    yield
    db.session.rollback()
    db.session.execute(text("DROP TABLE worker_scratch"))
    db.session.commit()


# ---------------------------------------------------------------- tasks (imported by name)

def _state(tag: str) -> dict:
    from flask import current_app

    return {"tag": tag, "pid": os.getpid(), "in_transaction": db.session().in_transaction(),
            "config": current_app.config["MAIL_DEFAULT_SENDER"],
            "rows": db.session.execute(text("SELECT tag FROM worker_scratch ORDER BY tag")).scalars().all()}


def look(tag: str) -> dict:
    """What the next task sees, after writing and committing a row of its own."""
    seen = _state(tag)
    db.session.execute(text("INSERT INTO worker_scratch (tag) VALUES (:t)"), {"t": tag})
    db.session.commit()
    return seen


def crash_mid_transaction(tag: str) -> None:
    db.session.execute(text("INSERT INTO worker_scratch (tag) VALUES (:t)"), {"t": tag})
    db.session.flush()
    raise RuntimeError("the task broke with its transaction open")


def keep_a_connection(tag: str) -> int:
    """Checks out a connection of its own, writes in an open transaction and keeps it."""
    conn = db.engine.connect()
    conn.execute(text("INSERT INTO worker_scratch (tag) VALUES (:t)"), {"t": tag})
    _KEPT.append(conn)
    return os.getpid()


def change_config(tag: str) -> int:
    from flask import current_app

    current_app.config["MAIL_DEFAULT_SENDER"] = f"Poisoned <{tag}@example.com>"
    return os.getpid()


def add_config(tag: str) -> int:
    """What an extension does on first use: a new key, no existing one changed."""
    from flask import current_app

    current_app.config.setdefault("WORKER_SCRATCH_ADDED", tag)
    return os.getpid()


def record(tag: str) -> str:
    from rq import get_current_job

    get_current_job().connection.rpush(ORDER, tag)
    return tag


# ---------------------------------------------------------------- helpers

def _enqueue(queue: str, task, *args):
    from app.background import get_queue

    return get_queue(queue).enqueue(f"tests.integration.test_worker_isolation.{task.__name__}", *args)


def _results(jobs) -> list:
    for job in jobs:
        job.refresh()
        result = job.latest_result()
        assert result is None or result.type != result.Type.FAILED or job.func_name.endswith("crash_mid_transaction"), \
            result.exc_string
    return [job.return_value() for job in jobs]


# ---------------------------------------------------------------- tests

def test_a_task_that_crashes_mid_transaction_leaves_nothing_to_the_next(async_app, test_env, scratch):
    crashed = _enqueue("default", crash_mid_transaction, "crashed")
    after = _enqueue("default", look, "after")
    run_worker(test_env, queues="default")
    crashed.refresh()
    assert crashed.get_status() == "failed"
    (seen,) = _results([after])
    assert seen["rows"] == [] and not seen["in_transaction"]  # its insert was rolled back
    assert db.session.execute(text("SELECT tag FROM worker_scratch")).scalars().all() == ["after"]


def test_a_task_that_keeps_a_connection_open_gets_its_work_process_replaced(async_app, test_env, scratch):
    """A connection the task checked out itself is no session the worker could remove; it
    holds an open transaction (and, on SQLite, the write lock). The work process ends after
    that task and a fresh one runs the next: the kept transaction is rolled back with it."""
    first = _enqueue("default", look, "first")
    keeper = _enqueue("default", keep_a_connection, "kept")
    after = _enqueue("default", look, "after")
    out = run_worker(test_env, queues="default")
    first_seen, kept_pid, after_seen = _results([first, keeper, after])
    assert first_seen["pid"] == kept_pid != after_seen["pid"]
    assert after_seen["rows"] == ["first"]  # never the kept, uncommitted row
    assert db.session.execute(text("SELECT tag FROM worker_scratch ORDER BY tag")).scalars().all() == [
        "after", "first"]
    assert "database connection(s) checked out" in out.stderr


def test_a_task_that_changes_the_app_config_cannot_pass_it_on(async_app, test_env, scratch):
    changer = _enqueue("default", change_config, "changed")
    after = _enqueue("default", look, "after")
    out = run_worker(test_env, queues="default")
    changer_pid, seen = _results([changer, after])
    assert "Poisoned" not in seen["config"] and seen["pid"] != changer_pid
    assert "a changed app config" in out.stderr


def test_a_config_key_added_on_first_use_does_not_replace_the_work_process(async_app, test_env, scratch):
    adder = _enqueue("default", add_config, "added")
    after = _enqueue("default", look, "after")
    out = run_worker(test_env, queues="default")
    adder_pid, seen = _results([adder, after])
    assert seen["pid"] == adder_pid and "replacing the work process" not in out.stderr


def test_clean_tasks_share_one_work_process(async_app, test_env, scratch):
    jobs = [_enqueue("default", look, f"t{n}") for n in range(5)]
    seen = _results(jobs)
    assert seen == [None] * 5  # not run yet
    run_worker(test_env, queues="default")
    seen = _results(jobs)
    assert len({s["pid"] for s in seen}) == 1
    assert [len(s["rows"]) for s in seen] == [0, 1, 2, 3, 4]  # each saw the ones before, committed


def test_a_flood_on_one_queue_does_not_starve_the_others(async_app, test_env):
    """Round-robin over the queues: 40 emails queued first hold a TopCV (boards) and an
    EMREX task back by at most one task per other busy queue, not by the whole flood."""
    from redis import Redis

    redis = Redis.from_url(test_env["REDIS_URL"])
    redis.delete(ORDER)
    for n in range(40):
        _enqueue("emails", record, f"email-{n}")
    _enqueue("boards", record, "topcv")
    _enqueue("emrex", record, "emrex")
    _enqueue("assessments", record, "assessment")
    run_worker(test_env)  # emails boards emrex assessments default, the Procfile's order
    order = [tag.decode() for tag in redis.lrange(ORDER, 0, -1)]
    assert len(order) == 43 and sorted(order) == sorted({*order})
    others = len(("boards", "emrex", "assessments"))
    for tag in ("topcv", "emrex", "assessment"):
        assert order.index(tag) <= others, order[:8]
    # and the flood itself is not starved in turn: emails keep their own order
    assert [t for t in order if t.startswith("email-")] == [f"email-{n}" for n in range(40)]


def test_a_flood_on_a_later_queue_does_not_starve_the_first(async_app, test_env):
    from redis import Redis

    redis = Redis.from_url(test_env["REDIS_URL"])
    redis.delete(ORDER)
    for n in range(30):
        _enqueue("boards", record, f"topcv-{n}")
    for n in range(3):
        _enqueue("emails", record, f"email-{n}")
    run_worker(test_env, queues="emails boards")
    order = [tag.decode() for tag in redis.lrange(ORDER, 0, -1)]
    # emails and TopCV events alternate while both have work: the 3 emails are done by the 6th task
    assert max(order.index(f"email-{n}") for n in range(3)) <= 5, order[:8]
