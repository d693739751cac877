"""Asking for a drain of stored TopCV events (issue 15 item 2: the Redis marker was a sixth of
the intake's CPU). A process that has asked skips the marker for half of
``PARTNER_DRAIN_LINGER``; every drain that cleared the marker looks once more that long after
(a job RQ's scheduler runs), so an event stored while its process skipped is still processed
promptly, once, and never left for the sweeper. Behaviour only: the clock is the test's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from rq.registry import ScheduledJobRegistry
from sqlalchemy import func, select

from app.applications.models import Application
from app.background import connection
from app.background.queues import get_queue
from app.extensions import db
from app.partners import services as partners
from app.partners import tasks
from app.partners.models import DeliveryState, PartnerDelivery
from app.partners.services import inbound
from tests.support.boards import applied, posting_for

MARKER = "haku:partner-drain-requested:topcv"


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RQ_ASYNC": True, "PARTNER_DRAIN_LINGER": 1.0}  # drains queued, not run inline


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(inbound, "_clock", lambda: now[0])
    return now


@pytest.fixture
def queue(app):
    return get_queue(tasks.queue_of("topcv"))


def _looks(queue) -> list:
    """The follow-up looks waiting in RQ's scheduler, as (job, when it is due)."""
    registry = ScheduledJobRegistry(queue=queue)
    out = []
    for job_id in registry.get_job_ids():
        job = queue.fetch_job(job_id)
        assert (job.func, job.args) == (tasks.drain_inbound, ("topcv", True))
        out.append((job, registry.get_scheduled_time(job_id)))
    return out


def _run(job) -> int:
    """What the worker does with the job once the scheduler has queued it."""
    ScheduledJobRegistry(queue=get_queue(tasks.queue_of("topcv"))).remove(job)
    return job.func(*job.args, **job.kwargs)


def _states() -> dict:
    return dict(db.session.execute(select(PartnerDelivery.webhook_id, PartnerDelivery.state)).all())


def test_a_process_that_asked_skips_the_marker_for_half_the_linger(board, post_event, queue, clock):
    url = board.url
    assert post_event(applied(ref="APP-1"), msg_id="evt_s1", url=url).status_code == 202
    assert queue.count == 1 and connection().exists(MARKER)
    connection().delete(MARKER)  # a drain looked
    clock[0] += 0.4
    assert post_event(applied(ref="APP-2"), msg_id="evt_s2", url=url).status_code == 202
    assert not connection().exists(MARKER)  # Redis was not asked
    assert queue.count == 1
    clock[0] += 0.2  # 0.6 s after asking: half the linger has passed
    assert post_event(applied(ref="APP-3"), msg_id="evt_s3", url=url).status_code == 202
    assert connection().exists(MARKER)
    assert queue.count == 2
    assert set(_states().values()) == {DeliveryState.RECEIVED}  # all stored, none processed in the request


def test_an_event_stored_after_the_drains_last_look_is_processed_by_its_follow_up(board, post_event, make, queue,
                                                                                 clock):
    posting_for(board, make.job(board.company), status="approved")
    url = board.url
    assert post_event(applied(ref="APP-1", email="a@example.vn"), msg_id="evt_f1", url=url).status_code == 202
    db.session.remove()
    before = datetime.now(UTC)
    assert partners.drain_inbound("topcv") == 1  # the queued drain: its last look finds nothing more
    [(look, due_at)] = _looks(queue)
    assert due_at >= before + timedelta(seconds=1.0)  # at least PARTNER_DRAIN_LINGER after that look
    # stored after the drain's last look, while this process still skips the marker
    clock[0] += 0.3
    assert post_event(applied(ref="APP-2", email="b@example.vn"), msg_id="evt_f2", url=url).status_code == 202
    assert not connection().exists(MARKER) and queue.count == 1  # no new drain asked for
    assert _states()["evt_f2"] == DeliveryState.RECEIVED
    db.session.remove()
    assert _run(look) == 1
    assert _states() == {"evt_f1": DeliveryState.PROCESSED, "evt_f2": DeliveryState.PROCESSED}
    assert db.session.scalar(select(func.count()).select_from(Application)) == 2
    # that look found an event, so it cleared the marker and has a look of its own; that one
    # finds nothing, clears nothing and ends the chain
    [(last, _due)] = _looks(queue)
    db.session.remove()
    assert _run(last) == 0
    assert _looks(queue) == []
    assert db.session.scalar(select(func.count()).select_from(Application)) == 2  # each event once


def test_a_drain_stopped_by_its_budget_looks_again(board, post_event, make, queue, clock, monkeypatch):
    """An event stored while the drain works on another, and the drain's time is up before it
    looks again: the follow-up look takes it (before, the next event's drain or the sweeper)."""
    posting_for(board, make.job(board.company), status="approved")
    url = board.url
    assert post_event(applied(ref="APP-1", email="p1@example.vn"), msg_id="evt_b1", url=url).status_code == 202
    process = inbound.process_inbound

    def process_while_another_arrives(delivery_id):
        assert post_event(applied(ref="APP-2", email="p2@example.vn"), msg_id="evt_b2", url=url).status_code == 202
        clock[0] += 700  # past the drain's budget
        return process(delivery_id)

    monkeypatch.setattr(inbound, "process_inbound", process_while_another_arrives)
    db.session.remove()
    assert partners.drain_inbound("topcv", budget_seconds=600) == 1
    monkeypatch.setattr(inbound, "process_inbound", process)
    assert _states() == {"evt_b1": DeliveryState.PROCESSED, "evt_b2": DeliveryState.RECEIVED}
    [(look, _due)] = _looks(queue)
    db.session.remove()
    assert _run(look) == 1
    assert _states() == {"evt_b1": DeliveryState.PROCESSED, "evt_b2": DeliveryState.PROCESSED}


def test_a_drain_that_cleared_nothing_schedules_nothing(board, queue):
    assert partners.drain_inbound("topcv", follow_up=True) == 0
    assert _looks(queue) == []
    assert partners.drain_inbound("topcv") == 0  # an ordinary drain cleared the marker: it looks again
    assert len(_looks(queue)) == 1


def test_no_skipping_without_a_linger(app, board, post_event, queue, clock):
    app.config["PARTNER_DRAIN_LINGER"] = 0
    url = board.url
    assert post_event(applied(ref="APP-1"), msg_id="evt_z1", url=url).status_code == 202
    connection().delete(MARKER)
    assert post_event(applied(ref="APP-2"), msg_id="evt_z2", url=url).status_code == 202
    assert connection().exists(MARKER) and queue.count == 2
    db.session.remove()
    assert partners.drain_inbound("topcv") == 2  # (no posting: both fail) and no follow-up look
    assert _looks(queue) == []


def test_a_synchronous_queue_processes_every_event_at_once(app, board, post_event, make, clock):
    """RQ_ASYNC off (tests, a one-process setup): the drain runs inside the request and has no
    later look, so no request may skip the marker."""
    from app.background import queues

    app.config["RQ_ASYNC"] = False
    queues.init_app(app)
    assert not get_queue(tasks.queue_of("topcv")).is_async
    posting_for(board, make.job(board.company), status="approved")
    url = board.url
    for n in (1, 2, 3):
        assert post_event(applied(ref=f"APP-{n}", email=f"s{n}@example.vn"), msg_id=f"evt_y{n}",
                          url=url).status_code == 202
    assert set(_states().values()) == {DeliveryState.PROCESSED}
    assert db.session.scalar(select(func.count()).select_from(Application)) == 3
    assert _looks(get_queue(tasks.queue_of("topcv"))) == []


def test_the_sweeper_still_recovers_an_event_whose_drain_was_lost(board, post_event, queue, clock, monkeypatch):
    """A lost drain (its job deleted, a worker killed before its follow-up look) leaves the
    event to the sweeper, as before."""
    from app.partners.services import sweep

    url = board.url
    assert post_event(applied(ref="APP-1"), msg_id="evt_l1", url=url).status_code == 202
    queue.empty()
    connection().delete(MARKER)
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(minutes=5)
    monkeypatch.setattr(sweep, "utcnow", lambda: later)
    assert partners.sweep_deliveries() == 1
    assert [job.func for job in queue.jobs] == [tasks.process_inbound]
