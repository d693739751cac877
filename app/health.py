"""Health and readiness: what a load balancer or an orchestrator asks.

``/healthz``: is this process serving and can it reach the database (200) — Redis being away
only degrades it (tasks wait, the sweeper catches up), so it is reported, not fatal.
``/readyz``: should traffic come here: database reachable with every migration applied, and
Redis reachable (503 with the reasons otherwise).
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import text

from app.extensions import db


def _database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception as exc:  # any driver error means "not reachable" here
        db.session.rollback()
        return f"unreachable ({type(exc).__name__})"


def _redis() -> str:
    from app.background import connection

    try:
        connection().ping()
        return "ok"
    except Exception as exc:
        return f"unreachable ({type(exc).__name__})"


def _migrations() -> str:
    from alembic.script import ScriptDirectory
    from flask_migrate import Migrate

    try:
        applied = {row[0] for row in db.session.execute(text("SELECT version_num FROM alembic_version"))}
    except Exception:
        db.session.rollback()
        return "not applied (no alembic_version table)"
    migrate: Migrate = current_app.extensions["migrate"].migrate
    heads = set(ScriptDirectory.from_config(migrate.get_config()).get_heads())
    return "ok" if applied == heads else f"behind (database {sorted(applied)}, code {sorted(heads)})"


def health() -> tuple[dict, int]:
    checks = {"database": _database(), "redis": _redis()}
    if checks["database"] != "ok":
        return {"status": "down", "checks": checks}, 503
    return {"status": "ok" if checks["redis"] == "ok" else "degraded", "checks": checks}, 200


def readiness() -> tuple[dict, int]:
    checks = {"database": _database(), "redis": _redis()}
    checks["migrations"] = _migrations() if checks["database"] == "ok" else "unknown"
    ready = all(value == "ok" for value in checks.values())
    return {"status": "ready" if ready else "not ready", "checks": checks}, 200 if ready else 503
