"""The worker: ``flask rq worker [--burst] [--with-scheduler] QUEUE…``.

One process loads the app once and supervises a *work process* forked from it. The work
process is an rq ``SimpleWorker`` that runs task after task without forking (a few
milliseconds of CPU per task instead of a fork's tens) and keeps the isolation a fork gave:

* each task runs in a fresh app context, and its database session is removed (rolled back
  and closed) after it, whatever the task left open;
* after ``--max-tasks`` tasks (``WORKER_MAX_TASKS``) the work process exits and the
  supervisor forks a fresh one from the loaded app, so memory a task leaks stays bounded;
* a work process that dies mid-task (SIGKILL, the OOM killer, a segfault) is seen by the
  supervisor at once, which fails that task the way rq's forking worker fails a killed work
  horse: the task's ``Retry`` runs, or it lands in the failed registry for staff;
* a supervisor killed with its work process leaves the task in rq's started registry,
  where rq's abandoned-job cleanup retries it (and the outbox rows keep their own claim).

The supervisor runs the rq scheduler (``--with-scheduler``) itself, so a recycled or
crashed work process never takes the scheduler with it. SIGTERM is passed to the work
process, which finishes its task and stops (rq's warm shutdown); a second SIGTERM stops the
task too (cold). SIGINT from a terminal reaches both processes already.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import socket
import sys
import time
import uuid

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from rq import Queue, SimpleWorker
from rq.executions import ExecutionRegistry
from rq.job import Job, JobStatus
from rq.scheduler import RQScheduler
from rq.utils import now

from app.background.queues import connection

log = logging.getLogger(__name__)

#: Exit codes of the work process the supervisor acts on; anything else is a crash.
DONE, RECYCLE, LOOP_ENDED = 0, 3, 4
SCHEDULER_CHECK_SECONDS = 15
_GONE = object()
#: Seconds between two refreshes of an idle or busy worker's own heartbeat key.
HEARTBEAT_EVERY = 1.0


class TaskWorker(SimpleWorker):
    """rq's non-forking worker with each task in its own app context and session.

    Two changes to rq's loop, both about keeping up:

    * the queues are taken round-robin, not in a fixed priority order: after a task from
      one queue the worker looks at the next queue first, so a flood of emails cannot hold
      back a TopCV event or an EMREX task by more than one task per other busy queue
      (``reorder_queues``, as rq's ``RoundRobinWorker`` does for the forking worker);
    * rq refreshes the worker's own heartbeat key twice around every dequeue; one refresh
      a second is plenty for a key that lives minutes, and saves two Redis round trips a
      task (the heartbeats inside a task's pipelines, which carry the job's own timeout,
      are always sent).
    """

    app: Flask
    tasks_run = 0
    log_result_lifespan = False  # one line less per task; the result TTL is the same for every task
    _beat_at = 0.0
    _beat_expires = 0.0

    def reorder_queues(self, reference_queue: Queue) -> None:
        position = self._ordered_queues.index(reference_queue)
        self._ordered_queues = self._ordered_queues[position + 1:] + self._ordered_queues[:position + 1]

    def heartbeat(self, timeout: int | None = None, pipeline=None) -> None:
        timeout = timeout or self.worker_ttl + 60
        clock = time.monotonic()
        if (pipeline is None and clock - self._beat_at < HEARTBEAT_EVERY
                and clock + timeout <= self._beat_expires + HEARTBEAT_EVERY):
            return  # refreshed under a second ago, and its key lives (almost) as long as asked
        super().heartbeat(timeout, pipeline=pipeline)
        self._beat_at, self._beat_expires = clock, clock + timeout

    poisoned: str | None = None
    _config: dict | None = None

    def perform_job(self, job, queue) -> bool:
        db = self.app.extensions["sqlalchemy"]
        if self._config is None:
            self._config = dict(self.app.config)
        with self.app.app_context():
            try:
                return super().perform_job(job, queue)
            finally:
                db.session.remove()
                self.tasks_run += 1
                self._check_left_behind(db, job)

    def _check_left_behind(self, db, job) -> None:
        """What a task can leave behind that a fresh app context and a removed session do
        not clean: a database connection it checked out itself (with its transaction and
        locks), or a change to the app's config. Either ends this work process after the
        task, and the supervisor forks a clean one, as if each task had its own fork."""
        leaked = sum(engine.pool.checkedout() for engine in db.engines.values()
                     if hasattr(engine.pool, "checkedout"))
        if leaked:
            self.poisoned = f"{leaked} database connection(s) checked out"
        elif any(self.app.config.get(key, _GONE) != value for key, value in self._config.items()):
            self.poisoned = "a changed app config"
        elif len(self.app.config) != len(self._config):  # keys an extension sets on first use: adopted
            self._config = dict(self.app.config)
        if self.poisoned:
            log.warning("task %s left %s behind; replacing the work process", job.id, self.poisoned)
            self._stop_requested = True


def work_queues(app: Flask, names: tuple[str, ...] | list[str]) -> list[Queue]:
    """The queues a worker takes, always asynchronous (``RQ_ASYNC`` is for enqueuing: a
    worker's own retry must go back to Redis, not run inline)."""
    known = app.config["RQ_QUEUES"]
    names = list(names) or list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise click.BadParameter(f"not in RQ_QUEUES: {', '.join(unknown)}", param_hint="QUEUES")
    conn = connection()
    return [Queue(name, connection=conn) for name in names]


def _work_process(app: Flask, queues: list[Queue], name: str, burst: bool, max_tasks: int) -> int:
    """Body of the forked work process: take tasks until the queues are empty (burst), a stop
    signal, ``max_tasks``, or an error rq stops on; returns its exit code."""
    db = app.extensions["sqlalchemy"]
    with app.app_context():
        for engine in db.engines.values():  # the supervisor's pooled connections stay its own
            engine.dispose(close=False)
    worker = TaskWorker(queues, name=name, connection=queues[0].connection)
    worker.app = app
    worker.work(burst=burst, max_jobs=max_tasks, logging_level="INFO")
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose()
    if worker.poisoned or (worker.tasks_run >= max_tasks and not worker._stop_requested):
        return RECYCLE
    if worker._stop_requested or burst:
        return DONE
    return LOOP_ENDED  # rq left its loop on an error (e.g. Redis timed out): a fresh one is forked


def recover(queues: list[Queue], name: str, how: str) -> str | None:
    """Fail the task a dead work process was running, as rq fails a killed work horse (its
    ``Retry`` runs, or it goes to the failed registry), and drop the dead worker's key."""
    conn = queues[0].connection
    worker = TaskWorker.find_by_key(TaskWorker.redis_worker_namespace_prefix + name, connection=conn)
    if worker is None:
        return None
    job_id = worker.get_current_job_id()
    if job_id:
        try:
            job = Job.fetch(job_id, connection=conn)
        except Exception:  # the job is gone (finished and expired, deleted)
            job = None
        if job is not None and job.get_status() not in (JobStatus.FINISHED, JobStatus.FAILED):
            executions = [e for e in ExecutionRegistry(job.id, conn).get_executions() if e.worker_name == name]
            worker.execution = executions[0] if executions else None
            job.ended_at = now()
            queue = Queue(job.origin, connection=conn)
            log.warning("work process %s died (%s) running %s; failing it for its retry", name, how, job.id)
            worker.handle_job_failure(job, queue=queue, exc_string=f"Work process terminated unexpectedly ({how})")
    worker.register_death()
    return job_id


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"


def _wait(pid: int, timeout: float) -> int | None:
    """The child's wait status, or None if it still runs after ``timeout`` seconds."""
    fd = os.pidfd_open(pid)
    try:
        select.select([fd], [], [], timeout)
    except InterruptedError:  # pragma: no cover - PEP 475 retries select itself
        pass
    finally:
        os.close(fd)
    done, status = os.waitpid(pid, os.WNOHANG)
    return status if done else None


class Supervisor:
    def __init__(self, app: Flask, queues: list[Queue], *, name: str, burst: bool, with_scheduler: bool,
                 max_tasks: int):
        self.app, self.queues, self.name = app, queues, name
        self.burst, self.with_scheduler, self.max_tasks = burst, with_scheduler, max_tasks
        self.child = 0
        self.stopping = 0  # SIGTERMs received
        self.scheduler: RQScheduler | None = None
        self.generation = 0

    def _on_term(self, signum, frame) -> None:
        self.stopping += 1
        if self.child:
            try:
                os.kill(self.child, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def _on_int(self, signum, frame) -> None:
        self.stopping += 1  # the terminal sent it to the work process too

    def _scheduler_tick(self) -> None:
        if not self.with_scheduler:
            return
        if self.scheduler is None:
            self.scheduler = RQScheduler(self.queues, connection=self.queues[0].connection)
        if self.burst:  # as rq's burst worker does: move what is due once
            if self.scheduler.acquire_locks():
                try:
                    self.scheduler.register_birth()
                    self.scheduler.enqueue_scheduled_jobs()
                finally:
                    self.scheduler.release_locks()
                    self.scheduler.register_death()
            return
        process = self.scheduler._process
        if process is None or not process.is_alive():
            self.scheduler.acquire_locks(auto_start=True)  # another worker's scheduler may hold them

    def _stop_scheduler(self) -> None:
        process = self.scheduler._process if self.scheduler else None
        if process is not None and process.is_alive():
            os.kill(process.pid, signal.SIGTERM)
            process.join(timeout=10)

    def fork(self) -> None:
        self.generation += 1
        name = f"{self.name}.{self.generation}"
        pid = os.fork()
        if pid == 0:  # the work process: never return into the CLI
            code = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                code = _work_process(self.app, self.queues, name, self.burst, self.max_tasks)
            except SystemExit as exc:  # rq's cold shutdown
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:
                log.exception("work process %s failed", name)
            finally:
                logging.shutdown()
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self.child, self.child_name = pid, name
        if self.stopping:  # a SIGTERM came while forking: pass it on now
            os.kill(pid, signal.SIGTERM)

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._on_term)
        signal.signal(signal.SIGINT, self._on_int)
        crashes = 0
        try:
            while True:
                self._scheduler_tick()
                if self.stopping:
                    return 0
                self.fork()
                status = None
                while status is None:
                    status = _wait(self.child, SCHEDULER_CHECK_SECONDS)
                    if status is None:
                        self._scheduler_tick()
                self.child = 0
                code = os.waitstatus_to_exitcode(status)
                if code == DONE:
                    return 0
                if code == RECYCLE:
                    crashes = 0
                    continue
                how = _describe(status)
                job_id = recover(self.queues, self.child_name, how)
                if job_id is None:  # died outside a task: do not spin on a broken setup
                    crashes += 1
                    if crashes > 5:
                        log.error("work process keeps dying (%s); giving up", how)
                        return 1
                    pause_until = time.monotonic() + min(30, 2 ** crashes)
                    while not self.stopping and time.monotonic() < pause_until:
                        time.sleep(0.2)
        finally:
            self._stop_scheduler()


worker_cli = AppGroup("rq", help="The task worker.")


@worker_cli.command("worker")
@click.argument("queues", nargs=-1)
@click.option("--burst", "-b", is_flag=True, help="Run until the queues are empty, then stop.")
@click.option("--with-scheduler", is_flag=True, help="Also run rq's scheduler (delayed tasks, Retry intervals).")
@click.option("--name", default=None, help="Worker name (its work processes add .1, .2, …).")
@click.option("--max-tasks", type=int, default=None,
              help="Tasks per work process before a fresh one is forked (default WORKER_MAX_TASKS).")
def worker_cmd(queues: tuple[str, ...], burst: bool, with_scheduler: bool, name: str | None,
               max_tasks: int | None) -> None:
    """Run tasks from QUEUES (default: every queue in RQ_QUEUES, in that order)."""
    app = current_app._get_current_object()
    supervisor = Supervisor(app, work_queues(app, queues),
                            name=name or f"{socket.gethostname()}.{os.getpid()}.{uuid.uuid4().hex[:6]}",
                            burst=burst, with_scheduler=with_scheduler,
                            max_tasks=max_tasks or app.config.get("WORKER_MAX_TASKS", 1000))
    sys.exit(supervisor.run())
