"""The task queues as staff see them: waiting, running, scheduled and failed tasks per
queue, the workers alive, and a retry for a failed one (RQ's ``FailedJobRegistry``); and
the removal of queued tasks whose arguments name erased rows."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from rq import Queue
from rq.job import Job
from rq.registry import DeferredJobRegistry, FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry
from rq.worker import Worker

from app.background.queues import get_queue
from app.config import QUEUES
from app.problems import Problem

log = logging.getLogger(__name__)


class TaskQueueError(Problem):
    messages = {
        "unknown_queue": _l("Unknown queue."),
        "not_failed": _l("That task is not in the failed list (any more)."),
    }


@dataclass
class FailedTask:
    id: str
    queue: str
    name: str
    args: str
    failed_at: str
    error: str


@dataclass
class QueueState:
    name: str
    waiting: int = 0
    running: int = 0
    scheduled: int = 0
    failed: list[FailedTask] = field(default_factory=list)
    failed_count: int = 0


@dataclass
class WorkerState:
    name: str
    state: str
    queues: str
    current_task: str
    last_heartbeat: str
    done: int
    failed: int


def _queue(name: str) -> Queue:
    if name not in QUEUES:
        raise TaskQueueError("unknown_queue")
    return get_queue(name)


def overview(limit: int = 50) -> list[QueueState]:
    """Counts per queue and the newest failed tasks (Redis errors propagate to the caller)."""
    out = []
    for name in QUEUES:
        queue = _queue(name)
        failed = FailedJobRegistry(queue=queue)
        state = QueueState(name, waiting=queue.count, running=StartedJobRegistry(queue=queue).count,
                           scheduled=ScheduledJobRegistry(queue=queue).count, failed_count=failed.count)
        ids = failed.get_job_ids(0, limit - 1)
        for job in Job.fetch_many(ids, connection=queue.connection):
            if job is None:
                continue
            result = job.latest_result()
            error = (result.exc_string if result is not None else "") or ""
            state.failed.append(FailedTask(id=job.id, queue=name, name=job.func_name.rsplit(".", 1)[-1],
                                           args=", ".join(repr(a) for a in job.args)[:120],
                                           failed_at=f"{job.ended_at:%Y-%m-%d %H:%M:%S}" if job.ended_at else "",
                                           error=error.strip().splitlines()[-1][:300] if error.strip() else ""))
        out.append(state)
    return out


def failed_total() -> int | None:
    """Failed tasks over every queue, for the alert in the staff navigation; None when Redis
    cannot be asked (the Tasks page says why)."""
    try:
        return sum(FailedJobRegistry(queue=_queue(name)).count for name in QUEUES)
    except Exception:
        return None


def workers() -> list[WorkerState]:
    """The workers alive now: rq drops a worker's key when its heartbeat stops, so a killed
    worker leaves this list within its TTL."""
    connection = _queue(QUEUES[0]).connection
    out = []
    for worker in sorted(Worker.all(connection=connection), key=lambda w: w.name):
        job = worker.get_current_job_id() or ""
        out.append(WorkerState(name=worker.name, state=str(worker.get_state()).rsplit(".", 1)[-1].lower(),
                               queues=", ".join(worker.queue_names()), current_task=job,
                               last_heartbeat=f"{worker.last_heartbeat:%Y-%m-%d %H:%M:%S}" if worker.last_heartbeat
                               else "", done=worker.successful_job_count, failed=worker.failed_job_count))
    return out


def retry(queue_name: str, job_id: str) -> None:
    """Put a failed task back on its queue (tasks load their rows by id and are safe to rerun)."""
    queue = _queue(queue_name)
    registry = FailedJobRegistry(queue=queue)
    if job_id not in registry.get_job_ids():
        raise TaskQueueError("not_failed")
    registry.requeue(job_id)


def task_name(task: Callable) -> str:
    """The dotted name RQ stores for a task function (``Job.func_name``)."""
    return f"{task.__module__}.{task.__qualname__}"


def drop_queued(targets: dict[Callable, Iterable[int]]) -> int:
    """Remove waiting, scheduled, deferred and failed tasks of ``task`` whose first argument
    is one of its ids, for each ``task: ids`` in ``targets``. A Redis outage is logged and
    counted as nothing removed (the rows are gone, so the tasks would do nothing)."""
    wanted = {(task_name(task), i) for task, ids in targets.items() for i in ids}
    if not wanted:
        return 0
    removed = 0
    try:
        for name in QUEUES:
            queue = get_queue(name)
            ids = set(queue.get_job_ids())
            for registry in (ScheduledJobRegistry, FailedJobRegistry, DeferredJobRegistry):
                ids |= set(registry(queue=queue).get_job_ids())
            for job in Job.fetch_many(sorted(ids), connection=queue.connection):
                if job is not None and job.args and (job.func_name, job.args[0]) in wanted:
                    job.delete()
                    removed += 1
    except Exception as exc:
        if getattr(exc, "__module__", "").startswith(("redis", "rq")) or isinstance(exc, OSError):
            log.warning("could not clean the task queues (%s)", type(exc).__name__)
            return removed
        raise
    return removed
