"""Background work in one place: RQ queues, commit-then-enqueue, the worker, and the staff
view of the queues.

* ``queues``   — one Redis connection and one ``rq.Queue`` per name in ``RQ_QUEUES``;
* ``deferred`` — ``defer(task, *ids, queue=…)`` in a transaction, enqueued by SQLAlchemy's
  after-commit event; ``enqueue``/``enqueue_in`` now, never raising on a Redis outage;
* ``worker``   — ``flask rq worker``: the app loaded once, tasks run without a fork each;
* ``monitor``  — waiting/running/scheduled/failed tasks per queue, workers, retry, and
  dropping the queued tasks that name erased rows.

Plain rq, no Flask-RQ: Haku chooses a task's queue where it enqueues it (a partner task
goes to its vendor's queue) and runs its own worker class, so a Flask extension would add
only the per-function queue binding and the per-task interpreter Haku does not want.
Task functions are plain functions in each feature's ``tasks.py``.
"""

from app.background.deferred import clean_on_error, defer, discard, enqueue, enqueue_in, waiting
from app.background.queues import connection, get_queue

__all__ = ["clean_on_error", "connection", "defer", "discard", "enqueue", "enqueue_in", "get_queue", "waiting"]
