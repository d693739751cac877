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
