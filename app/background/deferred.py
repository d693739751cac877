"""Commit, then enqueue: the seam between a service's transaction and its RQ tasks.

A service calls ``defer(task, *ids, queue=…)`` while it writes rows and commits the session
as usual. The tasks are enqueued only after that commit succeeded, so the worker always
finds the rows. If Redis is down the enqueue is logged and skipped: the rows are the truth
and the sweeper enqueues whatever is still due.

The listeners are registered once on SQLAlchemy's ``Session`` class (as ``applications/files.py``
does for files). ``after_commit`` only marks the tasks ready; they are enqueued in
``after_transaction_end``, once the committed transaction has been detached from the session.
Enqueuing inside ``after_commit`` drops tasks: with ``RQ_ASYNC`` off (tests, and a task that
enqueues from inside the worker) rq runs the task at once, its first query meets a session
still in the "committed" state (``InvalidRequestError``), and rq records that as the task
failing — the delivery stayed "pending" with no attempt.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from app.background.queues import get_queue
from app.extensions import db

log = logging.getLogger(__name__)
_DEFERRED = "haku_deferred"


def defer(task: Callable, *args: Any, queue: str, **options: Any) -> None:
    """Enqueue ``task(*args)`` on ``queue`` after the current transaction commits."""
    session = db.session()
    if not session.in_transaction():
        session.begin()  # the task belongs to a transaction, so a rollback drops it (no SQL yet)
    session.info.setdefault(_DEFERRED, []).append((task, args, queue, options))


def discard() -> None:
    """Forget what the current transaction deferred (a rollback does this by itself)."""
    db.session.info.pop(_DEFERRED, None)


#: Tasks of a transaction that committed, waiting for the transaction to be closed.
_COMMITTED = "haku_deferred_committed"
#: Open savepoints → how many tasks were deferred when each began (a rolled-back savepoint
#: takes back what was deferred inside it).
_SAVEPOINTS = "haku_deferred_savepoints"


@event.listens_for(Session, "after_transaction_create")
def _savepoint_began(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:
        session.info.setdefault(_SAVEPOINTS, {})[transaction] = len(session.info.get(_DEFERRED, ()))


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    """The transaction committed: its deferred tasks may go. Not yet, though: during this
    event the session still holds the committed transaction and cannot emit SQL, and a task
    run inline (``RQ_ASYNC`` off) or anything the enqueue triggers would fail inside it.
    A savepoint released inside a longer transaction commits nothing yet: its tasks stay
    with the outer transaction."""
    savepoint = session.get_nested_transaction()
    if savepoint is not None:
        session.info.get(_SAVEPOINTS, {}).pop(savepoint, None)
        return
    pending = session.info.pop(_DEFERRED, None)
    if pending:
        session.info.setdefault(_COMMITTED, []).extend(pending)


@event.listens_for(Session, "after_transaction_end")
def _enqueue_committed(session: Session, transaction: SessionTransaction) -> None:
    """The outermost transaction ended and the session is free again: enqueue what its
    commit let go. If it ended any other way (rollback, a failed commit, the session
    closed), what it deferred is dropped with its rows; so is what a savepoint deferred
    when the savepoint rolls back."""
    if transaction.parent is not None:
        mark = session.info.get(_SAVEPOINTS, {}).pop(transaction, None)
        if mark is not None and _DEFERRED in session.info:  # not released: rolled back
            del session.info[_DEFERRED][mark:]
        return
    session.info.pop(_SAVEPOINTS, None)
    ready = session.info.pop(_COMMITTED, None)
    if ready is None:
        session.info.pop(_DEFERRED, None)
        return
    _enqueue_all(ready)


def _enqueue_all(ready: list[tuple]) -> None:
    """Enqueue a commit's tasks. Those bound for Redis (an async queue, no ``unique``) go in one
    pipeline, one round trip for all (rq alone takes two per task: the queue's registration,
    then the job); the same commands in the same order, so a worker sees the same jobs. A Redis
    outage skips them all, logged, as each alone would have been (the sweeper catches up)."""
    piped, alone = [], []
    for item in ready:
        target = get_queue(item[2])
        together = getattr(target, "is_async", False) and not item[3].get("unique") \
            and (not piped or target.connection is piped[0][0].connection)
        (piped if together else alone).append((target, item))
    if piped:
        try:
            with piped[0][0].connection.pipeline() as pipe:
                for target, (task, args, _queue, options) in piped:
                    target.enqueue(task, *args, pipeline=pipe, **options)
                pipe.execute()
        except Exception as exc:
            if not _outage(exc):
                raise
            for _target, (task, *_rest) in piped:
                log.warning("enqueue of %s failed (%s); the sweeper will retry", task.__name__, type(exc).__name__)
    for _target, (task, args, queue, options) in alone:
        enqueue(task, *args, queue=queue, **options)


def _outage(exc: Exception) -> bool:
    """Whether ``exc`` is Redis (or the network) refusing, which the sweeper recovers from."""
    return getattr(exc, "__module__", "").startswith(("redis", "rq")) or isinstance(exc, OSError)


F = TypeVar("F", bound=Callable[..., Any])


def clean_on_error(service: F) -> F:
    """For a service that writes before it can know it must refuse: when it raises, the
    session is rolled back (which drops its deferred tasks) before the error reaches the
    view, so the view renders its answer from a clean session and never rolls back itself."""
    @functools.wraps(service)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return service(*args, **kwargs)
        except Exception:
            db.session.rollback()
            discard()
            raise

    return wrapper  # type: ignore[return-value]


def enqueue(task: Callable, *args: Any, queue: str, **options: Any) -> bool:
    """Enqueue now; never raise on a queue outage (the sweeper catches up)."""
    try:
        get_queue(queue).enqueue(task, *args, **options)
        return True
    except Exception as exc:
        if type(exc).__name__ == "DuplicateJobError":  # ``unique=True``: that task is already waiting
            return True  # Redis down or refusing: the database still has the intent
        if _outage(exc):
            log.warning("enqueue of %s failed (%s); the sweeper will retry", task.__name__, type(exc).__name__)
            return False
        raise


def waiting(queue: str) -> set[str]:
    """Ids of the tasks waiting in ``queue`` now (not yet started), for a sweep that must not
    enqueue a second copy of a task still waiting; empty when Redis cannot say."""
    try:
        return set(get_queue(queue).get_job_ids())
    except Exception as exc:
        if _outage(exc):
            return set()
        raise


def enqueue_in(seconds: float, task: Callable, *args: Any, queue: str, **options: Any) -> bool:
    """Enqueue after ``seconds`` (RQ's scheduler, so at most a few minutes: longer waits are
    due dates swept from the database); never raise on a queue outage."""
    if seconds <= 0:
        return enqueue(task, *args, queue=queue, **options)
    try:
        get_queue(queue).enqueue_in(timedelta(seconds=seconds), task, *args, **options)
        return True
    except Exception as exc:
        if _outage(exc):
            log.warning("scheduling %s failed (%s); the sweeper will retry", task.__name__, type(exc).__name__)
            return False
        raise
