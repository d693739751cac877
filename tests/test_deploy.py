"""Production entry points: the Procfile's processes, the gunicorn config, and the health
endpoints a load balancer uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from app.extensions import db

ROOT = Path(__file__).resolve().parent.parent


def test_procfile_runs_the_documented_processes():
    procs = dict(line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    assert set(procs) == {"release", "web", "worker", "sweeper", "inbound"}
    assert "db upgrade" in procs["release"] and "wsgi:app" in procs["web"] and "inbound-smtp" in procs["inbound"]
    assert "--with-scheduler" in procs["worker"] and "sweep --loop" in procs["sweeper"]


def test_gunicorn_config_is_valid():
    env = dict(os.environ, HAKU_CONFIG="development", DATABASE_URL="sqlite://", REDIS_URL="redis://127.0.0.1:1/0",
               WEB_CONCURRENCY="3")
    result = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--check-config",
                             "--print-config", "wsgi:app"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    settings = dict((part.strip() for part in line.split("=", 1)) for line in result.stdout.splitlines() if "=" in line)
    assert settings["workers"] == "3" and settings["worker_class"] == "gthread" and settings["threads"] == "4"


def test_healthz_reports_database_and_redis(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.get_json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}


def test_healthz_is_degraded_without_redis_and_down_without_database(app_config):
    from app import create_app

    no_redis = create_app({**app_config, "RQ_CONNECTION": "redis://127.0.0.1:1/0"})
    body = no_redis.test_client().get("/healthz")
    assert body.status_code == 200 and body.get_json()["status"] == "degraded"
    assert body.get_json()["checks"]["redis"].startswith("unreachable")
    no_db = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/x"})
    down = no_db.test_client().get("/healthz")
    assert down.status_code == 503 and down.get_json()["checks"]["database"].startswith("unreachable")


def test_readyz_needs_every_migration_applied(app, client):
    from alembic.script import ScriptDirectory

    not_ready = client.get("/readyz")  # the test schema is built without Alembic
    assert not_ready.status_code == 503 and not_ready.get_json()["checks"]["migrations"].startswith("not applied")
    head = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config()).get_current_head()
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": "0000old"})
    try:
        behind = client.get("/readyz")
        assert behind.status_code == 503 and behind.get_json()["checks"]["migrations"].startswith("behind")
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.get_json()["status"] == "ready"
    finally:
        db.session.remove()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))


def test_bar_45_procfile_and_gunicorn_config_choose_production():
    """Every production process names production itself (on top of the app's own default),
    and gunicorn.conf.py sets it unless told otherwise (bench and tests pass their own)."""
    procs = dict(line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    for name, command in procs.items():
        for part in command.split("&&"):
            assert part.strip().startswith("HAKU_CONFIG=production "), (name, part)
    probe = ("import os, runpy; os.environ.pop('HAKU_CONFIG', None); runpy.run_path('gunicorn.conf.py'); "
             "print(os.environ['HAKU_CONFIG'])")
    env = {k: v for k, v in os.environ.items() if k != "HAKU_CONFIG"}
    chosen = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=False, timeout=60)
    assert chosen.stdout.strip() == "production", chosen.stderr
    kept = subprocess.run([sys.executable, "-c", probe.replace("os.environ.pop('HAKU_CONFIG', None)",
                                                               "os.environ['HAKU_CONFIG'] = 'development'")],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=60)
    assert kept.stdout.strip() == "development", kept.stderr


def test_workers_are_forks_of_the_app_built_once_and_never_use_its_connections(app, test_env, tmp_path):
    """gunicorn.conf.py preloads the app (a recycled worker starts at once) and empties the
    database pool in each worker it forks: a connection the master opened while it built the
    app is never used by a worker (two processes on one socket would corrupt both)."""
    import requests

    from tests.support.gunicorn_process import Gunicorn

    server = Gunicorn({**test_env, "WEB_CONCURRENCY": "2"}, tmp_path / "logs",
                      module="tests.support.preloaded_app:app").wait_ready()
    try:
        answers = [requests.get(f"{server.base}/__pool", headers={"Connection": "close"}, timeout=10).json()
                   for _ in range(12)]
    finally:
        server.stop()
    assert all(a["built_by"] == server.proc.pid != a["served_by"] for a in answers), answers
    assert not any(a["reused"] for a in answers), answers
