"""The sweeper: periodic work driven by due dates in the database.

``flask sweep`` runs one sweep; ``flask sweep --loop`` runs one every 30 s. A Redis lock
keeps one sweep at a time across processes; each step is idempotent on its own, so a sweep
that runs without the lock (Redis down) is still safe. Each feature registers its own steps
with ``plugins.sweep_step`` (app/plugins.py) in its ``hooks.py`` (``messaging/hooks.py``: the
outbox; ``applications/hooks.py``: due automations; ``emrex/hooks.py``, ``boards/hooks.py``, …);
steps run in the order they were registered.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from app.extensions import db
from app.plugins import plugins

log = logging.getLogger(__name__)
#: (name, step) in registration order: the list ``plugins.sweep_step`` fills
STEPS: list[tuple[str, Callable[[], int]]] = plugins.sweep_steps
LOCK_NAME = "haku:sweep-lock"


def sweep() -> dict[str, int]:
    """Run every step once; a failing step is logged and the others still run."""
    results: dict[str, int] = {}
    lock = _lock()
    if lock is not None and not lock.acquire(blocking=False):
        log.info("another sweep holds the lock; skipping")
        return results
    try:
        for name, fn in STEPS:
            try:
                results[name] = fn() or 0
            except Exception:
                db.session.rollback()
                log.exception("sweep step %s failed", name)
                results[name] = -1
    finally:
        if lock is not None:
            try:
                lock.release()
            except Exception:
                pass
    return results


def _lock():
    from app.background import connection

    try:
        conn = connection()
        conn.ping()
        return conn.lock(LOCK_NAME, timeout=300)
    except Exception as exc:
        log.warning("sweep without Redis lock (%s)", type(exc).__name__)
        return None


def loop(interval: int) -> None:
    while True:
        started = time.monotonic()
        results = sweep()
        db.session.remove()
        if any(results.values()):
            log.info("sweep: %s", results)
        time.sleep(max(1.0, interval - (time.monotonic() - started)))
