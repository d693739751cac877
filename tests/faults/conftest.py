"""Fault-suite fixtures: an SMTP server that misbehaves on purpose, the test's own Redis that
a test may stop and restart, and a real long-running RQ worker that a test may kill.

Nothing here fakes a component: the SMTP server is aiosmtpd speaking SMTP over TCP, Redis
is an embedded Valkey process, the worker is ``flask rq worker`` in its own process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.support.faults import FaultySmtp, OwnRedis
from tests.support.processes import free_port


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.faults)


# ---------------------------------------------------------------- SMTP that fails on purpose


@pytest.fixture
def worker_env(test_env, faulty_smtp):
    """Environment of a worker process that sends to ``faulty_smtp``."""
    return {**test_env, "MAIL_PORT": str(faulty_smtp.port)}


@pytest.fixture
def faulty_smtp(app):
    """A fresh misbehaving SMTP server; the app (and ``worker_env``) send to it."""
    handler = FaultySmtp()
    handler.port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    mail = app.extensions["mail"]
    old_port, mail.port = mail.port, handler.port
    app.config["MAIL_PORT"] = handler.port
    try:
        yield handler
    finally:
        handler.release()
        mail.port = old_port
        controller.stop()


# ---------------------------------------------------------------- the test's own Redis, restartable


@pytest.fixture
def own_redis():
    redis = OwnRedis().start()
    try:
        yield redis
    finally:
        redis.stop()


# ---------------------------------------------------------------- a real worker a test may kill

