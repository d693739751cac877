"""The RQ queues of an app: one Redis connection and one ``rq.Queue`` per name in
``RQ_QUEUES``, made when the app is created.

``RQ_CONNECTION`` is the Redis URL, ``RQ_ASYNC`` off (the testing config) runs a task inline
at enqueue time, as RQ's own ``is_async=False`` does. Plain rq, no Flask extension: the few
lines here are all Haku needs from one (see ``app/background/__init__.py``).
"""

from __future__ import annotations

from flask import Flask, current_app
from redis import Redis
from rq import Queue

_EXTENSION = "haku_queues"


class QueueError(KeyError):
    pass


def init_app(app: Flask) -> None:
    connection = Redis.from_url(app.config["RQ_CONNECTION"])
    is_async = bool(app.config.get("RQ_ASYNC", not app.testing))
    app.extensions[_EXTENSION] = {name: Queue(name, connection=connection, is_async=is_async)
                                  for name in app.config["RQ_QUEUES"]}


def queues(app: Flask | None = None) -> dict[str, Queue]:
    """The current app's queues by name, in ``RQ_QUEUES`` order (the order a worker takes them)."""
    return (app or current_app).extensions[_EXTENSION]


def get_queue(name: str) -> Queue:
    try:
        return queues()[name]
    except KeyError:
        raise QueueError(f"{name!r} is not one of the queues in RQ_QUEUES") from None


def connection() -> Redis:
    """The Redis connection the queues use (also for Haku's own locks and markers)."""
    return get_queue("default").connection
