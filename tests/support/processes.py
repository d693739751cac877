"""Processes the tests start: free ports, the app's test config, a real RQ worker, polling with a
deadline, and the partner settings a live server or worker inherits."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_config(database_url, redis_url, smtp_sink, session_dir, **extra) -> dict:
    config = {"NAME": "testing", "SQLALCHEMY_DATABASE_URI": database_url, "REDIS_URL": redis_url,
              "RQ_CONNECTION": redis_url, "RATELIMIT_STORAGE_URI": redis_url, "MAIL_SERVER": "127.0.0.1",
              "MAIL_PORT": smtp_sink.port, "UPLOAD_DIR": str(session_dir / "files"),
              "SECRET_KEY": "test-secret-key-0123456789abcdef0123456789", "BASE_URL": "http://127.0.0.1:5000"}
    config.update(extra)
    return config


def run_worker(test_env: dict, queues: str = "emails boards emrex assessments default", timeout: int = 120,
               options: tuple[str, ...] = ()):
    """Run a real ``flask rq worker --burst`` in its own process until the queues are empty."""
    cmd = [sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", "--burst", *options, *queues.split()]
    result = subprocess.run(cmd, env=test_env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.05, message: str = "condition"):
    """Poll ``predicate`` until it is truthy or the deadline passes (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}")


#: Settings a test may point at a sandbox; the live server and worker processes get them too.
PARTNER_SETTINGS = ("TOPCV_API_URL", "ASSESSMENT_VENDOR_URL", "EMREX_REGISTRY_URLS", "PARTNER_HTTP_TIMEOUT",
                    "OUTBOUND_ALLOWED_HOSTS")


def partner_env(test_env: dict, app) -> dict:
    """``test_env`` plus the partner settings (and BASE_URL) the test set on ``app.config``."""
    env = dict(test_env)
    for key in (*PARTNER_SETTINGS, "BASE_URL"):
        if key in app.config and app.config[key] is not None:
            env[key] = str(app.config[key])
    return env
