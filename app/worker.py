"""The RQ worker: rq's own ``os.fork`` work horse, forked from a parent that already has the
app loaded.

Flask-RQ's default worker starts a fresh ``flask rq work-horse`` interpreter per task, which
imports and builds the whole app every time (most of a second of CPU), so two workers send
only a few emails a second. Forking from the loaded parent costs a few milliseconds and keeps
every crash-safety property of rq: each task still runs in its own process, a killed horse is
seen by the parent (``monitor_work_horse``) and the task goes through the failed/abandoned
path and its ``Retry``, and the outbox rows keep their own claim and lease.
"""

from __future__ import annotations

import typing as t

from flask import Flask, current_app
from flask_rq import RQ
from rq import Worker


class AppForkWorker(Worker):
    """A forking worker whose horse runs each task in a fresh app context."""

    app: Flask

    def main_work_horse(self, job, queue):
        # Database connections opened by the parent must not be shared with the child:
        # drop the inherited pools without closing the parent's sockets (SQLAlchemy's
        # recipe for multiprocessing). redis-py checks the pid itself.
        db = self.app.extensions["sqlalchemy"]  # (not app.extensions: it builds this class)
        with self.app.app_context():
            for engine in db.engines.values():
                engine.dispose(close=False)
        return super().main_work_horse(job, queue)

    def perform_job(self, job, queue) -> bool:
        db = self.app.extensions["sqlalchemy"]
        with self.app.app_context():
            try:
                return super().perform_job(job, queue)
            finally:
                db.session.remove()
                for engine in db.engines.values():
                    engine.dispose()  # the horse exits next: close its connections politely


class HakuRQ(RQ):
    """Flask-RQ with ``flask rq worker`` building an :class:`AppForkWorker`."""

    def make_worker(self, queues: list[str] | tuple[str, ...] | None = None, **kwargs: t.Any) -> Worker:
        known = self.queues
        worker_queues = tuple(known[name] for name in queues) if queues else tuple(known.values())
        worker = AppForkWorker(worker_queues, job_class=worker_queues[0].job_class, **kwargs)
        worker.app = current_app._get_current_object()
        return worker
