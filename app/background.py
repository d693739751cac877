"""Commit, then enqueue: the seam between a service's transaction and its RQ tasks.

A service calls ``defer(task, *ids)`` while it writes rows and ``commit()`` once at the
end. Tasks are enqueued only after the commit succeeded, so the worker always finds the
rows. If Redis is down the enqueue is logged and skipped: the rows are the truth and the
sweeper enqueues whatever is still due.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from app.extensions import db

log = logging.getLogger(__name__)
_KEY = "haku_deferred"
F = TypeVar("F", bound=Callable[..., Any])


def defer(task: Any, *args: Any, **options: Any) -> None:
    """Enqueue ``task(*args)`` after the current transaction commits."""
    db.session.info.setdefault(_KEY, []).append((task, args, options))


def discard() -> None:
    db.session.info.pop(_KEY, None)


def commit() -> None:
    """Commit the session, then enqueue the deferred tasks."""
    try:
        db.session.commit()
    except Exception:
        discard()
        raise
    pending = db.session.info.pop(_KEY, [])
    for task, args, options in pending:
        enqueue(task, *args, **options)


def clean_on_error(service: F) -> F:
    """For a service that writes before it can know it must refuse: when it raises, the
    session is rolled back (and its deferred tasks dropped) before the error reaches the
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


def enqueue(task: Any, *args: Any, **options: Any) -> bool:
    """Enqueue now; never raise on a queue outage (the sweeper catches up)."""
    try:
        task.enqueue(*args, **options)
        return True
    except Exception as exc:
        if type(exc).__name__ == "DuplicateJobError":  # ``unique=True``: that task is already waiting
            return True  # Redis down or refusing: the database still has the intent
        if getattr(exc, "__module__", "").startswith(("redis", "rq")) or isinstance(exc, OSError):
            log.warning("enqueue of %s failed (%s); the sweeper will retry", task.__name__, type(exc).__name__)
            return False
        raise
