"""Batched SMTP (issue 15, item 4): one ``send_email`` task sends up to ``OUTBOX_BATCH`` due
outbox rows over one SMTP connection, each row's outcome recorded exactly once. Real worker
processes, a real SMTP server (aiosmtpd) with failure modes; the crash is a SIGKILL of the
worker at one named point: while the server holds its answer to the batch's second DATA."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from app import sweeper
from app.clock import utcnow
from app.extensions import db
from app.messaging import services
from app.messaging.models import OutboxEmail
from tests.support.faults import WorkerProcess
from tests.support.processes import run_worker, wait_for

pytestmark = pytest.mark.faults


def _apply(async_app, make, n: int) -> list[int]:
    """``n`` applications, so ``n`` confirmation rows, each with its own task queued."""
    with async_app.app_context():
        job = make.job(make.company("acme"))
        for i in range(n):
            make.application(job, email=f"person{i}@example.fi")
    return _rows_ids()


def _rows_ids() -> list[int]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxEmail.id).order_by(OutboxEmail.id)))


def _state() -> list[tuple[str, int]]:
    db.session.expire_all()
    return [(r.status, r.attempts) for r in db.session.scalars(select(OutboxEmail).order_by(OutboxEmail.id))]


def _accepted_once(faulty_smtp) -> bool:
    counts = Counter(m["Message-ID"] for m in faulty_smtp.accepted)
    expected = {r.message_id for r in db.session.scalars(select(OutboxEmail))}
    return set(counts) == expected and set(counts.values()) == {1}


def test_due_emails_go_out_over_one_connection_each_once(app, async_app, make, faulty_smtp, worker_env):
    ids = _apply(async_app, make, 5)
    assert len(ids) == 5 and faulty_smtp.seen == []
    out = run_worker(worker_env, queues="emails")
    assert "replacing the work process" not in out.stderr  # real tasks leave nothing behind
    assert _state() == [("sent", 1)] * 5  # the other four tasks found their rows sent: no second attempt
    assert _accepted_once(faulty_smtp)
    assert len(set(faulty_smtp.peers)) == 1  # one SMTP connection for the five


def test_the_batch_size_is_a_setting(app, async_app, make, faulty_smtp, worker_env):
    _apply(async_app, make, 5)
    run_worker({**worker_env, "OUTBOX_BATCH": "2"}, queues="emails")
    assert _state() == [("sent", 1)] * 5 and _accepted_once(faulty_smtp)
    assert sorted(Counter(faulty_smtp.peers).values()) == [1, 2, 2]  # batches of at most two


def test_a_permanent_refusal_mid_batch_fails_that_row_and_the_batch_goes_on(app, async_app, make, faulty_smtp,
                                                                           worker_env):
    _apply(async_app, make, 4)
    faulty_smtp.fail("rcpt", "550 5.1.1 No such user here", times=1, after=1)
    run_worker(worker_env, queues="emails")
    assert _state() == [("sent", 1), ("failed", 1), ("sent", 1), ("sent", 1)]
    assert len(faulty_smtp.accepted) == 3 and len(set(faulty_smtp.peers)) == 1


def test_a_temporary_failure_mid_batch_postpones_that_row_and_loses_nothing(app, async_app, make, faulty_smtp,
                                                                            worker_env):
    ids = _apply(async_app, make, 4)
    start = utcnow()
    faulty_smtp.fail("data", "421 4.3.2 Service shutting down", times=1, after=1)
    run_worker(worker_env, queues="emails")
    # the second row is back in the outbox with a due date; the batch stopped there and the
    # rows after it went out through their own tasks, on a new connection
    assert _state() == [("sent", 1), ("pending", 1), ("sent", 1), ("sent", 1)]
    second = db.session.get(OutboxEmail, ids[1])
    assert second.next_attempt_at >= start + services.BACKOFF[0] and "421" in second.last_error
    assert len(set(faulty_smtp.peers)) >= 2
    # the back-off passes (the worker runs on the real clock, so the row's dates move back)
    second.next_attempt_at, second.created_at = utcnow() - timedelta(seconds=1), utcnow() - timedelta(minutes=2)
    db.session.commit()
    with async_app.app_context():
        assert sweeper.sweep()["outbox"] == 1
    run_worker(worker_env, queues="emails")
    assert _state() == [("sent", 1), ("sent", 2), ("sent", 1), ("sent", 1)]
    assert _accepted_once(faulty_smtp)


def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(app, async_app, make, faulty_smtp,
                                                                         worker_env, tmp_path):
    ids = _apply(async_app, make, 4)
    faulty_smtp.fail("hold", times=1, after=1)  # the first message goes through, the second is held…
    worker = WorkerProcess(worker_env, "emails", tmp_path / "worker.log")
    try:
        wait_for(lambda: len(faulty_smtp.seen) == 2, timeout=60, message="the batch's second DATA")
        worker.kill()  # …and the worker dies right there (the named point: DATA sent, no answer yet)
    finally:
        worker.stop()
    faulty_smtp.release()
    # what the crash left: the first row recorded sent, the second in flight, the rest untouched
    assert _state() == [("sent", 1), ("sending", 1), ("pending", 0), ("pending", 0)]
    assert [m["Message-ID"] for m in faulty_smtp.accepted] == [db.session.get(OutboxEmail, ids[0]).message_id]

    run_worker(worker_env, queues="emails")  # the rows' own tasks: the pending ones go, the live claim holds
    assert _state() == [("sent", 1), ("sending", 1), ("sent", 1), ("sent", 1)]
    with async_app.app_context(), freeze_time(utcnow() + services.STALE_CLAIM + timedelta(minutes=1)):
        assert sweeper.sweep()["outbox"] == 1  # the dead worker's claim released, sent again
    run_worker(worker_env, queues="emails")
    assert _state() == [("sent", 1), ("sent", 2), ("sent", 1), ("sent", 1)]
    assert _accepted_once(faulty_smtp)
    second = db.session.get(OutboxEmail, ids[1]).message_id
    assert [m["Message-ID"] for m in faulty_smtp.seen].count(second) == 2  # transmitted twice, accepted once
    assert len(faulty_smtp.seen) == 5
