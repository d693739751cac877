"""A real RQ worker process against the test's own Redis, sending over real SMTP."""

from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app import create_app, sweeper
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import Notification, OutboxEmail
from tests.support.mail import text_of
from tests.support.processes import free_port, run_worker

pytestmark = pytest.mark.integration


def _rows():
    return db.session.scalars(select(OutboxEmail).order_by(OutboxEmail.id)).all()


def test_worker_delivers_the_outbox(app, async_app, make, mailbox, test_env):
    with async_app.app_context():
        job = make.job(make.company("acme", "Acme Oy"), "Data analyst")
        make.application(job, email="aino@example.fi")
        assert [r.status for r in _rows()] == ["pending"]
        assert mailbox.messages == []
    run_worker(test_env)
    db.session.expire_all()
    assert [r.status for r in _rows()] == ["sent"]
    (msg,) = mailbox.messages
    assert "Data analyst" in msg["Subject"] and "Acme Oy" in text_of(msg)


def test_redis_down_at_commit_then_sweeper_sends_once(app, app_config, make, mailbox, test_env):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    down = create_app({**app_config, "RQ_ASYNC": True, "REDIS_URL": dead, "RQ_CONNECTION": dead})
    with down.app_context():
        job = make.job(make.company("acme"))
        make.application(job, email="aino@example.fi")  # the enqueue fails; the row is committed
    db.session.expire_all()
    (row,) = _rows()
    assert row.status == "pending" and row.attempts == 0
    with freeze_time(utcnow() + timedelta(minutes=1)):
        live = create_app({**app_config, "RQ_ASYNC": True})
        with live.app_context():
            assert sweeper.sweep()["outbox"] == 1
            assert sweeper.sweep()["outbox"] == 0  # its task still waits: no second copy (a copy would
            #                                         find the row claimed: the next test)
    run_worker(test_env)
    db.session.expire_all()
    assert row.status == "sent" and row.attempts == 1
    assert len(mailbox.messages) == 1


def test_job_ids_are_deterministic_and_tasks_idempotent(app, async_app, make, mailbox, test_env):
    from app import background
    from app.messaging.services import send_email_options
    from app.messaging.tasks import send_email

    with async_app.app_context():
        make.application(make.job(make.company("acme")))
        (row,) = _rows()
        for _ in range(3):
            background.enqueue(send_email, row.id, job_id=f"email-{row.id}-0", **send_email_options())
    run_worker(test_env)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(OutboxEmail.id)).where(OutboxEmail.status == "sent")) == 1
    assert len(mailbox.messages) == 1


def die_on_first_run(marker: str) -> str:
    """A task whose first work horse is killed outright (as by the OOM killer)."""
    import os
    import signal
    from pathlib import Path

    path = Path(marker)
    if not path.exists():
        path.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return "survived"


def test_killed_work_process_is_seen_by_its_supervisor_and_the_task_retried(async_app, test_env, tmp_path):
    """Tasks run in a work process forked once from the loaded app (app/background/worker.py);
    one killed mid-task is seen by the supervisor, which fails the task into its Retry and
    forks a fresh work process that runs it."""
    from rq import Retry

    from app.background import get_queue

    with async_app.app_context():
        job = get_queue("default").enqueue("tests.integration.test_worker.die_on_first_run",
                                           str(tmp_path / "marker"), retry=Retry(max=1))
    out = run_worker(test_env, queues="default")
    job.refresh()
    assert (tmp_path / "marker").exists()
    assert job.get_status() == "finished" and job.return_value() == "survived"
    assert job.retries_left == 0  # the killed attempt used the one retry
    assert "died (signal SIGKILL) running " + job.id in out.stderr


def note_process(tag: str) -> dict:
    """What a task sees of the process and session it runs in; leaves both dirty on purpose."""
    import os

    from flask import g

    from app.extensions import db
    from app.messaging.models import Notification

    seen = {"tag": tag, "pid": os.getpid(), "g": sorted(vars(g)), "dirty": bool(db.session.new),
            "in_transaction": db.session().in_transaction()}
    g.left_behind = tag
    db.session.add(Notification(user_id=1, kind="left", title="never committed"))  # never flushed
    return seen


def _run_noting(async_app, test_env, n: int, options: tuple[str, ...] = ()) -> list[dict]:
    from app.background import get_queue

    with async_app.app_context():
        jobs = [get_queue("default").enqueue("tests.integration.test_worker.note_process", str(i))
                for i in range(n)]
    run_worker(test_env, queues="default", options=options)
    for job in jobs:
        job.refresh()
    return [job.return_value() for job in jobs]


def test_tasks_share_a_process_but_never_a_session_or_app_context(async_app, test_env):
    seen = _run_noting(async_app, test_env, 4)
    assert len({s["pid"] for s in seen}) == 1  # no fork per task
    assert all(s["g"] == [] and not s["dirty"] and not s["in_transaction"] for s in seen)
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0


def test_work_process_is_recycled_after_max_tasks(async_app, test_env):
    seen = _run_noting(async_app, test_env, 5, options=("--max-tasks", "2"))
    pids = [s["pid"] for s in seen]
    assert len(set(pids)) == 3 and all(pids.count(p) <= 2 for p in pids)


def test_the_supervisor_runs_the_scheduler(async_app, test_env):
    """``--with-scheduler``: the worker's supervisor (not its recyclable work process) moves
    due scheduled tasks (a Retry interval, a quick partner retry) onto their queue."""
    from datetime import UTC, datetime

    from app.background import get_queue

    with async_app.app_context():
        job = get_queue("default").enqueue_at(datetime.now(UTC) - timedelta(seconds=1),
                                              "tests.integration.test_worker.note_process", "scheduled")
    assert job.get_status() == "scheduled"
    run_worker(test_env, queues="default", options=("--with-scheduler",))
    job.refresh()
    assert job.get_status() == "finished" and job.return_value()["tag"] == "scheduled"
